// Builds the VS Code extension and packages it as a .vsix, offline: type-checks the source,
// bundles it with vscode-languageclient into one file (esbuild; `vscode` is provided by the
// editor), then `vsce package --no-dependencies` (everything it needs is in the bundle).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = (name) => join(here, '..', '..', 'node_modules', '.bin', name);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: here, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(bin('tsc'), ['-p', 'tsconfig.json']);
await build({
  entryPoints: [join(here, 'src/extension.ts')],
  outfile: join(here, 'dist/extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  external: ['vscode'],
  logLevel: 'warning',
});
run(bin('vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--out', join(here, 'dist', 'replylint.vsix')]);
