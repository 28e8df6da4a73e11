// The VS Code extension builds and packages offline: type-checked, bundled with
// vscode-languageclient by esbuild, packed by `vsce package --no-dependencies` into a .vsix that
// holds the manifest and the one bundled file.
import { expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const DIR = join(ROOT, 'editors/vscode');

it('npm run build:vscode produces editors/vscode/dist/replylint.vsix', () => {
  rmSync(join(DIR, 'dist'), { recursive: true, force: true });
  const r = spawnSync('npm', ['run', '--silent', 'build:vscode'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  expect(r.status, r.stderr + r.stdout).toBe(0);
  const vsix = readFileSync(join(DIR, 'dist/replylint.vsix'));
  // A zip archive: file names are stored as they are in its headers.
  expect(vsix.subarray(0, 2).toString('latin1')).toBe('PK');
  const names = vsix.toString('latin1');
  for (const name of ['extension.vsixmanifest', 'extension/package.json', 'extension/dist/extension.js', 'extension/readme.md']) expect(names).toContain(name);
  expect(names).not.toContain('extension/src/');
  // The bundle carries the language client and leaves only `vscode` to the editor.
  const bundle = readFileSync(join(DIR, 'dist/extension.js'), 'utf8');
  expect(bundle).toContain('replylint');
  expect(bundle).not.toMatch(/require\("vscode-languageclient/);
  expect(bundle).toMatch(/require\("vscode"\)/);
  const manifest = JSON.parse(readFileSync(join(DIR, 'package.json'), 'utf8')) as { main: string; engines: { vscode: string } };
  expect(manifest.main).toBe('./dist/extension.js');
}, 200_000);
