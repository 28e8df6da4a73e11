// The language server in a real editor: Debian's Neovim, headless, with the documented setup
// (editors/neovim/replylint.lua) and a scenario script (nvim-scenario.lua) that opens a phrasebook
// file, waits for diagnostics, types one character, applies the preferred code action and writes
// the file. Checks what Neovim saw (byte columns, converted from the server's UTF-16 positions) and
// that the bytes it wrote are exactly those of `replylint lint --fix`.
import { expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, runCli } from '../helpers/cli.js';
import { describeWithProgram } from '../helpers/system-tool.js';

const NVIM = process.env.NVIM_PATH ?? '/usr/bin/nvim';
const FIXTURE = join(ROOT, 'test/fixtures/lsp-workspace');

interface Seen {
  code: string;
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  message: string;
}

/** Where `needle` is in `text`, in Neovim's terms: 0-based line, byte columns. */
function bytesOf(text: string, needle: string): Pick<Seen, 'lnum' | 'col' | 'end_lnum' | 'end_col'> {
  const at = text.indexOf(needle);
  const lines = text.slice(0, at).split('\n');
  const col = Buffer.byteLength(lines[lines.length - 1]!);
  return { lnum: lines.length - 1, col, end_lnum: lines.length - 1, end_col: col + Buffer.byteLength(needle) };
}

describeWithProgram(NVIM, 'neovim', 'Neovim (headless) with the documented replylint setup', () => {
  it('opens a phrasebook, shows three diagnostics at their places, follows a one-character edit within 300 ms, and writes exactly what lint --fix writes', () => {
    const ws = mkdtempSync(join(tmpdir(), 'replylint-nvim-'));
    const copy = mkdtempSync(join(tmpdir(), 'replylint-nvim-cli-'));
    try {
      cpSync(FIXTURE, ws, { recursive: true });
      const target = join(ws, 'phrasebook/shipping.yaml');
      const original = readFileSync(target, 'utf8');
      const result = join(ws, 'result.json');
      const r = spawnSync(NVIM, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(ROOT, 'test/lsp/nvim-scenario.lua')}`], {
        cwd: ws,
        env: { ...process.env, SETUP: join(ROOT, 'editors/neovim/replylint.lua'), NODE: process.execPath, BIN, TARGET: target, RESULT: result },
        encoding: 'utf8',
        timeout: 90_000,
      });
      expect(r.error).toBeUndefined();
      const seen = JSON.parse(readFileSync(result, 'utf8')) as { error?: string; opened: Seen[]; edited: Seen[]; edit_ms: number; actions: string[] };
      expect(seen.error).toBeUndefined();

      const place = (list: Seen[]) => Object.fromEntries(list.map(({ code, lnum, col, end_lnum, end_col }) => [code, { lnum, col, end_lnum, end_col }]));
      expect(place(seen.opened)).toEqual({
        'unknown-intent': bytesOf(original, 'shipping.trackin'),
        'banned-phrase/team-baozi': bytesOf(original, '宝子'),
        'malformed-slot': bytesOf(original, '{运单号}'),
      });
      const edited = original.replace('宝子，', '宝子呀，');
      expect(place(seen.edited)).toEqual({
        'unknown-intent': bytesOf(edited, 'shipping.trackin'),
        'banned-phrase/team-baozi': bytesOf(edited, '宝子'),
        'malformed-slot': bytesOf(edited, '{运单号}'),
      });
      expect(seen.edit_ms).toBeLessThanOrEqual(300);
      expect(seen.actions[0]).toMatch(/^Fix: replace “宝子” with “亲”/);

      cpSync(FIXTURE, copy, { recursive: true });
      writeFileSync(join(copy, 'phrasebook/shipping.yaml'), edited);
      runCli(['lint', '--fix', 'phrasebook/shipping.yaml'], { cwd: copy });
      const expected = readFileSync(join(copy, 'phrasebook/shipping.yaml'));
      expect(readFileSync(target).equals(expected)).toBe(true);
      expect(expected.toString('utf8')).not.toBe(edited);
    } finally {
      rmSync(ws, { recursive: true, force: true });
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
