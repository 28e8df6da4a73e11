// Standard input and output for the CLI: strict UTF-8 decoding with the offset of the first bad
// byte, line streaming over raw bytes, and buffered writes that respect back-pressure.

import { isUtf8 } from 'node:buffer';
import { InputError } from './errors.js';

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    let n: number;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) n = 2;
    else if (b >= 0xf0 && b <= 0xf4) n = 3;
    else return i;
    for (let k = 1; k <= n; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // overlong 3-byte, surrogates, overlong 4-byte and > U+10FFFF
    if (n === 2 && ((b === 0xe0 && buf[i + 1]! < 0xa0) || (b === 0xed && buf[i + 1]! > 0x9f))) return i;
    if (n === 3 && ((b === 0xf0 && buf[i + 1]! < 0x90) || (b === 0xf4 && buf[i + 1]! > 0x8f))) return i;
    i += n + 1;
  }
  return -1;
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Decodes UTF-8 or throws an InputError naming where the bytes go wrong. */
export function decodeUtf8(buf: Uint8Array, what: string): string {
  if (!isUtf8(buf)) {
    const at = firstInvalidUtf8(buf);
    throw new InputError(`${what} is not valid UTF-8 (first bad byte at offset ${at}); convert it with e.g. iconv -f GBK -t UTF-8`);
  }
  return decoder.decode(buf);
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

/** Yields the lines of a byte stream as raw bytes (without the line break), with line numbers. */
export async function* byteLines(stream: NodeJS.ReadableStream): AsyncGenerator<{ line: number; bytes: Buffer }> {
  let rest: Buffer = Buffer.alloc(0);
  let line = 0;
  for await (const c of stream) {
    const chunk = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    let buf = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let from = 0;
    for (let nl = buf.indexOf(10, from); nl >= 0; nl = buf.indexOf(10, from)) {
      const end = nl > from && buf[nl - 1] === 13 ? nl - 1 : nl;
      yield { line: ++line, bytes: buf.subarray(from, end) };
      from = nl + 1;
    }
    rest = Buffer.from(buf.subarray(from));
    buf = rest;
  }
  if (rest.length > 0) yield { line: ++line, bytes: rest[rest.length - 1] === 13 ? rest.subarray(0, rest.length - 1) : rest };
}

/** Collects output and writes it in large pieces, waiting when the consumer is slower. */
export class BufferedWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly limit = 1 << 16,
  ) {}

  async write(s: string): Promise<void> {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= this.limit) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const data = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.out.write(data)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }
}
