// Reading JSON Lines in chunks: wherever the chunks are cut, the turns, problems and line numbers
// are those of reading the file whole; an over-long line is one problem and the rest is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonlChunks, MAX_LINE_BYTES, parseJsonlChunk, type TurnFields } from '../../src/audit/input.js';
import { runAudit } from '../../src/audit/run.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'replylint-input-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const turn = (session: string, role: string, text: string): string => JSON.stringify({ session, role, text, time: '2024-05-01T10:00:00+08:00' });

/** Every turn and problem of a file read in chunks of `chunkBytes`, with file line numbers. */
async function readAll(file: string, chunkBytes?: number, maxLine?: number): Promise<{ items: string[]; chunks: Uint8Array[] }> {
  const items: string[] = [];
  const chunks: Uint8Array[] = [];
  let base = 0;
  for await (const c of jsonlChunks(file, () => {}, { ...(chunkBytes ? { chunkBytes } : {}), ...(maxLine ? { maxLine } : {}) })) {
    if ('error' in c) {
      base += c.line ? 1 : 0;
      items.push(`${base}: ${c.error}`);
      continue;
    }
    chunks.push(c.slice());
    const lines = parseJsonlChunk(c, {
      turn: (line: number, t: TurnFields) => items.push(`${base + line}: ${t.session} ${t.role} ${t.text} ${t.timeText}`),
      problem: (line: number, message: string) => items.push(`${base + line}: ${message}`),
    });
    base += lines;
  }
  return { items, chunks };
}

describe('JSON Lines in chunks', () => {
  it('reads the same turns, problems and line numbers wherever the chunks are cut', async () => {
    const lines = [
      '\ufeff' + turn('s1', 'customer', '在吗'),
      turn('s1', 'agent', '您好，请问有什么可以帮您？' + '长'.repeat(90)),
      '',
      '   ',
      '{not json',
      turn('s2', 'customer', 'emoji 😀 and “quotes”'),
      turn('s2', 'bot', 'hi'),
    ];
    const file = join(dir, 'mixed.jsonl');
    const bad = Buffer.from([0xff, 0xfe]);
    writeFileSync(file, Buffer.concat([Buffer.from(lines.join('\r\n') + '\n'), bad, Buffer.from('\n' + turn('s3', 'agent', '最后一行，没有换行'))]));

    const whole = await readAll(file);
    expect(whole.chunks).toHaveLength(1);
    expect(whole.items).toEqual([
      '1: s1 customer 在吗 2024-05-01T10:00:00+08:00',
      `2: s1 agent 您好，请问有什么可以帮您？${'长'.repeat(90)} 2024-05-01T10:00:00+08:00`,
      expect.stringMatching(/^5: not JSON/),
      '6: s2 customer emoji 😀 and “quotes” 2024-05-01T10:00:00+08:00',
      '7: "role" must be "agent" or "customer" (found "bot")',
      expect.stringMatching(/^8: the line is not valid UTF-8/),
      '9: s3 agent 最后一行，没有换行 2024-05-01T10:00:00+08:00',
    ]);
    for (const size of [16, 64, 100, 333]) {
      const cut = await readAll(file, size);
      expect(cut.chunks.length).toBeGreaterThan(1);
      // Every chunk but the last ends with a line break: no line is split between two chunks.
      for (const c of cut.chunks.slice(0, -1)) expect(c[c.length - 1]).toBe(10);
      expect(cut.items).toEqual(whole.items);
    }
  });

  it('skips a line longer than the limit as one problem and reads on', async () => {
    const file = join(dir, 'long.jsonl');
    writeFileSync(file, [turn('a', 'customer', '在吗'), turn('a', 'agent', 'x'.repeat(5000)), turn('a', 'agent', '好的'), turn('b', 'agent', 'y'.repeat(5000))].join('\n'));
    const { items } = await readAll(file, 64, 1024);
    expect(items).toEqual([
      '1: a customer 在吗 2024-05-01T10:00:00+08:00',
      expect.stringMatching(/^2: the line is longer than/),
      '3: a agent 好的 2024-05-01T10:00:00+08:00',
      expect.stringMatching(/^4: the line is longer than/),
    ]);
  });

  it('numbers the lines after an over-long line in the audit', async () => {
    const file = join(dir, 'huge.jsonl');
    writeFileSync(file, [turn('a', 'customer', '在吗'), turn('a', 'agent', '长'.repeat(MAX_LINE_BYTES / 3 + 10)), turn('a', 'agent', '您的订单{{订单号}}已发货')].join('\n') + '\n');
    const { summary } = await runAudit({ files: [file], jobs: 1, top: 10, engine: { config: false } });
    expect(summary.totals.badLines).toBe(1);
    expect(summary.problems).toEqual([{ file, line: 2, message: expect.stringContaining('the line is longer than 16 MB') }]);
    expect(summary.totals.turns).toBe(2);
    expect(summary.worst[0]!.turns.map((t) => t.line)).toEqual([1, 3]);
  });
});
