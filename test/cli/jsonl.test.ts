import { describe, expect, it } from 'vitest';
import { runCli, runCliStream } from '../helpers/cli.js';

describe('replylint check --jsonl', () => {
  it('writes one result per line, in input order, with the id first', () => {
    const input = [
      { id: 'a', text: '我不知道' },
      { id: 2, text: '亲，请稍等~' },
      { id: 'c', text: '您的电话是15912345678对吗', context: { customer: '电话多少' } },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n');
    const r = runCli(['check', '--jsonl'], { input });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 2, 'c']);
    expect(Object.keys(lines[0])).toEqual(['id', 'text', 'findings', 'score', 'pass']);
    expect(lines[1]).toEqual({ id: 2, text: '亲，请稍等~', findings: [], score: 100, pass: true });
    expect(r.stdout).not.toContain('15912345678');
  });

  it('reports bad lines in place, keeps going, and exits 2', () => {
    const input = ['{"id":1,"text":"我不知道"}', '{not json', '{"id":3}', '', '{"id":4,"text":"好的"}'].join('\n');
    const r = runCli(['check', '--jsonl'], { input });
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual([1, null, 3, 4]);
    expect(lines[1]).toMatchObject({ line: 2, error: { code: 'bad-input' } });
    expect(lines[2].error.message).toBe('line 3: "text" must be a string');
    expect(r.stderr).toMatch(/2 input lines could not be checked/);
  });

  it('reports a line that is not UTF-8 and keeps the others', () => {
    const input = Buffer.concat([Buffer.from('{"id":1,"text":"好"}\n{"id":2,"text":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n{"id":3,"text":"我不知道"}\n')]);
    const r = runCli(['check', '--jsonl'], { input });
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.error?.code ?? 'ok')).toEqual(['ok', 'bad-input', 'ok']);
    expect(lines[1].error.message).toMatch(/line 2 is not valid UTF-8/);
  });

  it('refuses TEXT arguments together with --jsonl', () => {
    expect(runCli(['check', '--jsonl', 'x']).code).toBe(2);
  });

  // The child gets a 48 MB heap: a million results (~250 MB of JSON) would not fit if the command
  // held on to its input or output.
  it('streams a million lines in bounded memory, in order', async () => {
    const N = 1_000_000;
    function* lines() {
      const texts = ['亲，您的包裹预计明天送达哦', '我不知道', '您好，这款有货的', '不能换。', '快递一定明天到'];
      let chunk = '';
      for (let i = 0; i < N; i++) {
        chunk += `{"id":${i},"text":"${texts[i % texts.length]}"}\n`;
        if (chunk.length > 1 << 16) {
          yield chunk;
          chunk = '';
        }
      }
      yield chunk;
    }
    let count = 0;
    let ordered = true;
    const { code, stderr } = await runCliStream(
      ['check', '--jsonl'],
      lines(),
      (l) => {
        if (!l.startsWith(`{"id":${count},`)) ordered = false;
        count++;
      },
      ['--max-old-space-size=48'],
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(count).toBe(N);
    expect(ordered).toBe(true);
  }, 240_000);
});
