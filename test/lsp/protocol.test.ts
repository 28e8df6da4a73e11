// The language server end to end over stdio, through a real protocol client (vscode-jsonrpc):
// diagnostics at exact UTF-16 ranges, incremental edits, code actions whose edits give exactly the
// bytes `lint --fix` writes, hovers, masking, configuration reload, and a clean exit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-protocol';
import { applyTextEdits, startLsp, type LspClient } from '../helpers/lsp-client.js';
import { ROOT, runCli } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'test/fixtures/lsp-workspace');

/** The LSP range of the `n`-th occurrence of `needle` in `text` (UTF-16 characters, as LSP counts). */
function rangeOf(text: string, needle: string, n = 0): Range {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not in the text`);
  const before = text.slice(0, at).split('\n');
  const line = before.length - 1;
  const character = before[line]!.length;
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

const byCode = (ds: Diagnostic[]) => Object.fromEntries(ds.map((d) => [String(d.code), d.range]));
const editsOf = (a: CodeAction, uri: string) => a.edit!.changes![uri]!;

let ws: string;
let client: LspClient | undefined;

beforeEach(() => {
  ws = mkdtempSync(join(tmpdir(), 'replylint-lsp-'));
  cpSync(FIXTURE, ws, { recursive: true });
});

afterEach(async () => {
  if (client) expect(await client.stop()).toBe(0);
  client = undefined;
  rmSync(ws, { recursive: true, force: true });
});

describe('replylint lsp over stdio', () => {
  it('a phrasebook with a 禁语, a wrong intent id and a malformed slot: three diagnostics at their ranges, kept exact after a one-character edit (within 300 ms), and the fix writes exactly the bytes of lint --fix', async () => {
    client = await startLsp(ws);
    expect(client.init.capabilities.textDocumentSync).toMatchObject({ change: 2 }); // incremental
    const path = join(ws, 'phrasebook/shipping.yaml');
    const text = readFileSync(path, 'utf8');
    client.open(path, text);
    const first = await client.diagnostics(path, (d) => d.length > 0);
    expect(first.diagnostics).toHaveLength(3);
    expect(byCode(first.diagnostics)).toEqual({
      'unknown-intent': rangeOf(text, 'shipping.trackin'),
      'malformed-slot': rangeOf(text, '{运单号}'),
      'banned-phrase/team-baozi': rangeOf(text, '宝子'),
    });
    expect(first.diagnostics.every((d) => d.source === 'replylint' && d.severity === 1)).toBe(true);

    // One character typed after 宝子: the slot moves one column, the 禁语 stays.
    const at = rangeOf(text, '宝子').end;
    const edited = text.replace('宝子，', '宝子呀，');
    const sent = performance.now();
    client.change(path, 2, [{ range: { start: at, end: at }, text: '呀' }]);
    const second = await client.diagnostics(path, (_d, version) => version === 2, sent);
    const latency = second.at - sent;
    expect(byCode(second.diagnostics)).toEqual({
      'unknown-intent': rangeOf(edited, 'shipping.trackin'),
      'malformed-slot': rangeOf(edited, '{运单号}'),
      'banned-phrase/team-baozi': rangeOf(edited, '宝子'),
    });
    expect(latency).toBeLessThanOrEqual(300);

    const uri = second.uri;
    const actions = await client.codeActions(path, rangeOf(edited, '宝子'));
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.title).toContain('亲');
    const fixedInEditor = applyTextEdits(edited, editsOf(fix, uri));

    // The same file saved and fixed by the command line in a copy of the workspace.
    const copy = mkdtempSync(join(tmpdir(), 'replylint-lsp-cli-'));
    try {
      cpSync(FIXTURE, copy, { recursive: true });
      writeFileSync(join(copy, 'phrasebook/shipping.yaml'), edited);
      runCli(['lint', '--fix', 'phrasebook/shipping.yaml'], { cwd: copy });
      const cliBytes = readFileSync(join(copy, 'phrasebook/shipping.yaml'));
      expect(Buffer.from(fixedInEditor, 'utf8').equals(cliBytes)).toBe(true);
      expect(cliBytes.toString('utf8')).toContain('text: 亲呀，');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }

    // "Fix all" is the same edit.
    const all = await client.codeActions(path, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ['source.fixAll']);
    expect(all.map((a) => a.kind)).toEqual(['source.fixAll.replylint']);
    expect(applyTextEdits(edited, editsOf(all[0]!, uri))).toBe(fixedInEditor);

    // The editor applies the fix: the 禁语's diagnostic goes, the two problems of the file stay.
    const fixEdit = editsOf(fix, uri)[0]!;
    const applied = performance.now();
    client.change(path, 3, [{ range: fixEdit.range, text: fixEdit.newText }]);
    const third = await client.diagnostics(path, (_d, version) => version === 3, applied);
    expect(Object.keys(byCode(third.diagnostics)).sort()).toEqual(['malformed-slot', 'unknown-intent']);
  });

  it('hover shows the rule, its category label and how to silence it', async () => {
    client = await startLsp(ws);
    const path = join(ws, 'phrasebook/shipping.yaml');
    const text = readFileSync(path, 'utf8');
    client.open(path, text);
    await client.diagnostics(path, (d) => d.length > 0);
    const at = rangeOf(text, '宝子').start;
    const hover = await client.hover(path, at.line, at.character + 1);
    const value = (hover!.contents as { value: string }).value;
    expect(value).toContain('服务禁语');
    expect(value).toContain('banned phrase');
    expect(value).toContain('banned-phrase/team-baozi');
    expect(value).toContain('is a form of address this shop does not use');
    expect(value).toContain('# replylint-disable-next-line banned-phrase/team-baozi');
    expect(hover!.range).toEqual(rangeOf(text, '宝子'));
    expect(await client.hover(path, 0, 0)).toBeNull();
  });

  it('reply files: replace with a suggestion, and an inline-disable quick fix that silences the finding', async () => {
    client = await startLsp(ws);
    const path = join(ws, 'replies.txt');
    const text = '亲，这个问题我不知道\n';
    writeFileSync(path, text);
    client.open(path, text, 'plaintext');
    const d = await client.diagnostics(path, (x) => x.length > 0);
    expect(d.diagnostics.map((x) => [x.code, x.range])).toEqual([['banned-phrase/dont-know', rangeOf(text, '不知道')]]);
    const actions = await client.codeActions(path, rangeOf(text, '不知道'));
    const suggestion = actions.find((a) => a.title.startsWith('Replace with suggestion'))!;
    expect(applyTextEdits(text, editsOf(suggestion, d.uri))).toBe('亲，这个问题我请您稍等，我帮您查询一下具体情况，马上给您答复\n');
    const disable = actions.find((a) => a.title === 'Disable banned-phrase/dont-know for this line')!;
    const silenced = applyTextEdits(text, editsOf(disable, d.uri));
    expect(silenced).toBe('# replylint-disable-next-line banned-phrase/dont-know\n亲，这个问题我不知道\n');
    const sent = performance.now();
    client.change(path, 2, [{ text: silenced }]);
    const after = await client.diagnostics(path, (_x, v) => v === 2, sent);
    expect(after.diagnostics).toEqual([]);
  });

  it('personal data is masked in diagnostics, hovers and action titles, also in phrasebook problems', async () => {
    client = await startLsp(ws);
    const replies = join(ws, 'replies.txt');
    const text = '您的手机号是13812345678对吗\n';
    writeFileSync(replies, text);
    client.open(replies, text, 'plaintext');
    const d = await client.diagnostics(replies, (x) => x.length > 0);
    expect(d.diagnostics.some((x) => String(x.code).startsWith('sensitive-data/'))).toBe(true);
    const book = join(ws, 'phrasebook/shipping.yaml');
    const bookText = readFileSync(book, 'utf8').replace('id: shipping.trackin\n', 'id: "13812345678"\n');
    client.open(book, bookText);
    const p = await client.diagnostics(book, (x) => x.some((y) => y.code === 'unknown-intent'));
    const range = rangeOf(text, '13812345678');
    const hover = await client.hover(replies, range.start.line, range.start.character + 4);
    const actions = await client.codeActions(replies, range);
    const everything = JSON.stringify([d.diagnostics.map((x) => x.message), p.diagnostics.map((x) => x.message), hover, actions.map((a) => a.title)]);
    expect(everything).not.toContain('13812345678');
    expect(everything).not.toContain('12345678');
    expect(everything).toContain('138****5678');
  });

  it('loads nothing before the first file opens, and reloads .replylint.yaml when it changes on disk', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'replylint-lsp-cache-'));
    rmSync(cache, { recursive: true });
    try {
      client = await startLsp(ws, { env: { REPLYLINT_CACHE_DIR: cache } });
      await new Promise((r) => setTimeout(r, 300));
      // The engine writes its rules to the cache the first time it loads: not before a file opens.
      expect(existsSync(cache)).toBe(false);
      const path = join(ws, 'replies.txt');
      const text = '这个木有了\n';
      writeFileSync(path, text);
      client.open(path, text, 'plaintext');
      const before = await client.diagnostics(path, (x) => x.length > 0);
      expect(existsSync(cache)).toBe(true);
      expect(before.diagnostics.map((x) => x.code)).toEqual(['style/slang-muyou']);

      const changed = performance.now();
      writeFileSync(join(ws, '.replylint.yaml'), 'ruleFiles: [team-rules.yaml]\nrules:\n  style: off\n');
      const after = await client.diagnostics(path, (x) => x.length === 0, changed);
      expect(after.diagnostics).toEqual([]);

      // A broken configuration: the document says so (with the place), the config file gets its problems.
      const broken = performance.now();
      writeFileSync(join(ws, '.replylint.yaml'), 'ruleFiles: [team-rules.yaml]\nrulez: {}\n');
      const notice = await client.diagnostics(path, (x) => x.length === 1 && x[0]!.code === 'configuration', broken);
      expect(notice.diagnostics[0]!.message).toMatch(/\.replylint\.yaml:2:1/);
      const config = join(ws, '.replylint.yaml');
      client.open(config, readFileSync(config, 'utf8'));
      const own = await client.diagnostics(config, (x) => x.length > 0);
      expect(own.diagnostics[0]!.range.start).toEqual({ line: 1, character: 0 });
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('a team rule file named by the configuration is validated as rules, not linted as replies', async () => {
    client = await startLsp(ws);
    const path = join(ws, 'team-rules.yaml');
    const text = readFileSync(path, 'utf8').replace('output: "亲，这款今天能发货"', 'output: "宝子，这款今天能发货"');
    client.open(path, text);
    const d = await client.diagnostics(path, (x) => x.length > 0);
    expect(d.diagnostics.map((x) => [x.code, x.range.start.line])).toEqual([['example-bad-fix', rangeOf(text, '{ text: "宝子，这款今天能发货"').start.line]]);
  });

  it('exits when its input closes (an editor that went away leaves no server behind)', async () => {
    client = await startLsp(ws);
    const exited = new Promise<number | null>((r) => client!.child.once('exit', r));
    client.child.stdin!.end();
    await exited;
    expect(client.child.exitCode ?? client.child.signalCode).not.toBeNull();
    client.connection.dispose();
    client = undefined;
  });
});
