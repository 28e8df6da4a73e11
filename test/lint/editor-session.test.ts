// The lint layer as editors use it: unsaved texts linted in place of the files (and kept out of
// the content cache), one-finding fixes encoded for where they land, disable comments placed where
// a comment can stand.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession, type EditorSession } from '../../src/lint/editor-session.js';
import { applyEdits } from '../../src/lint/fix.js';

const ws = mkdtempSync(join(tmpdir(), 'rl-editor-session-'));
mkdirSync(join(ws, 'phrasebook'));
afterAll(() => rmSync(ws, { recursive: true, force: true }));

let session: Promise<EditorSession> | undefined;
const open = () => (session ??= openSession(ws, { decode: (b) => b.toString('utf8'), root: ws }));

async function lintText(name: string, text: string) {
  const path = join(ws, name);
  writeFileSync(path, '');
  const lint = await (await open()).lint(path, new Map([[path, text]]));
  return { path, lint };
}

describe('editor session', () => {
  it('lints the unsaved text, not the file, and keeps it out of the content cache', async () => {
    const cache = process.env.REPLYLINT_CACHE_DIR!;
    await open();
    const before = new Set(readdirSync(cache));
    const { lint } = await lintText('phrasebook/a.yaml', 'area: 物流\nintents:\n  - id: shipping.tracking\n    title: t\n    examples: [在哪]\n    templates:\n      - id: shipping.tracking/a\n        title: t\n        locale: zh-CN\n        tags: []\n        text: "这个木有了"\n');
    expect(lint.findings.map((f) => f.ruleId)).toEqual(['style/slang-muyou']);
    const { lint: replies } = await lintText('r.txt', '我不知道\n');
    expect(replies.findings.map((f) => f.ruleId)).toEqual(['banned-phrase/dont-know']);
    expect(readdirSync(cache).filter((f) => !before.has(f))).toEqual([]);
  });

  it('a fix is encoded for the scalar it lands in; a suggestion replaces the finding', async () => {
    const text = 'a: "这个木有了，\\t好的"\n';
    const { lint } = await lintText('r.yaml', text);
    const f = lint.findings[0]!;
    expect(applyEdits(text, lint.fixEdits(f)!)).toBe('a: "这个没有了，\\t好的"\n');
    const quoted = 'a: \'你好，我不知道\'\n';
    const { lint: l2 } = await lintText('q.yaml', quoted);
    expect(applyEdits(quoted, l2.replaceEdits(l2.findings[0]!, "it's")!)).toBe("a: '你好，我it''s'\n");
  });

  it('disable comments go above the line where the value starts, with its indentation; Markdown gets a trailing comment; JSON none', async () => {
    const yaml = 'a:\n  b: >-\n    第一行\n    我不知道\n';
    const { lint } = await lintText('b.yaml', yaml);
    const f = lint.findings[0]!;
    expect(applyEdits(yaml, [lint.disableEdit(f, 'line')!])).toBe('a:\n  # replylint-disable-next-line banned-phrase/dont-know\n  b: >-\n    第一行\n    我不知道\n');
    expect(applyEdits(yaml, [lint.disableEdit(f, 'file')!])).toBe('# replylint-disable banned-phrase/dont-know\n' + yaml);
    const again = await lintText('b.yaml', applyEdits(yaml, [lint.disableEdit(f, 'line')!]));
    expect(again.lint.findings).toEqual([]);

    const md = '---\ntitle: x\n---\n我不知道\n';
    const { lint: m } = await lintText('m.md', md);
    expect(applyEdits(md, [m.disableEdit(m.findings[0]!, 'line')!])).toBe('---\ntitle: x\n---\n我不知道 <!-- replylint-disable-line banned-phrase/dont-know -->\n');
    expect(applyEdits(md, [m.disableEdit(m.findings[0]!, 'file')!])).toBe('---\ntitle: x\n---\n<!-- replylint-disable banned-phrase/dont-know -->\n我不知道\n');

    const { lint: j } = await lintText('j.json', '{"a": "我不知道"}');
    expect(j.disableEdit(j.findings[0]!, 'line')).toBeNull();
  });

  it('fix all is what lint --fix computes, passes included', async () => {
    const path = join(ws, 'fixall.txt');
    writeFileSync(path, '');
    const s = await open();
    expect(await s.fixAll(path, new Map([[path, '这个木有了！！！\n我不知道\n']]))).toBe('这个没有了！\n我不知道\n');
    expect(await s.fixAll(path, new Map([[path, '您好\n']]))).toBeNull();
  });
});
