// A fake OpenAI-compatible server on 127.0.0.1 for tests: a real HTTP server that records every
// request it receives (raw body bytes included) and answers POST /v1/chat/completions from a
// script of steps — completions, HTTP errors, malformed bodies, slow or stalled answers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  /** The body exactly as received. */
  raw: Buffer;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: any;
  /** When the request arrived (Date.now()). */
  at: number;
  /** Bytes of the answer body written before it ended or the client hung up (flood steps). */
  sent?: number;
}

export type Step =
  /** A chat completion whose first choice says `reply`. */
  | { reply: string; finishReason?: string; delayMs?: number }
  /** An HTTP error (or any status) with an optional body and headers. */
  | { status: number; body?: string; headers?: Record<string, string>; delayMs?: number }
  /** Any body, sent as is, by default as application/json with status 200. */
  | { raw: string; contentType?: string; delayMs?: number }
  /** Headers at once, then the body only after `stallMs`. */
  | { stallMs: number; reply: string }
  /** A 200 JSON answer of `floodBytes` bytes (a completion whose content never ends), streamed. */
  | { floodBytes: number };

export type Script = Step | ((req: RecordedRequest) => Step);

export interface FakeOpenAI {
  /** Base URL to give the client (…/v1). */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Steps for the next requests, in order. */
  script(...steps: Script[]): void;
  /** What to answer when the script is used up (default: HTTP 500 "no scripted answer"). */
  otherwise(step: Script | null): void;
  /** Forgets the script, the fallback, the recorded requests and the in-flight high mark. */
  reset(): void;
  /** Most requests that were being answered at the same time. */
  readonly maxInFlight: number;
  /** Requests being answered now. */
  readonly inFlight: number;
  /** The message contents of chat request `i`, joined (for asserting on the prompt). */
  prompt(i: number): string;
  close(): Promise<void>;
}

export function completion(reply: string, finishReason = 'stop'): object {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: finishReason }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const queue: Script[] = [];
  let fallback: Script | null = null;
  let inFlight = 0;
  let maxInFlight = 0;

  async function answer(req: RecordedRequest, res: ServerResponse): Promise<void> {
    const next = queue.shift() ?? fallback ?? { status: 500, body: JSON.stringify({ error: { message: 'no scripted answer' } }) };
    const step = typeof next === 'function' ? next(req) : next;
    if ('delayMs' in step && step.delayMs) await sleep(step.delayMs);
    if (res.destroyed) return;
    if ('floodBytes' in step) {
      // Written as fast as the client reads, 64 KB at a time, until done or the client hangs up.
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      res.write('{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"');
      while (sent < step.floodBytes && !res.destroyed) {
        sent += chunk.length;
        req.sent = sent;
        if (!res.write(chunk)) await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
      if (!res.destroyed) res.end('"},"finish_reason":"stop"}]}');
      return;
    }
    if ('stallMs' in step) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(' ');
      await sleep(step.stallMs);
      if (!res.destroyed) res.end(JSON.stringify(completion(step.reply)));
      return;
    }
    if ('reply' in step) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(step.reply, step.finishReason)));
    } else if ('raw' in step) {
      res.writeHead(200, { 'content-type': step.contentType ?? 'application/json' }).end(step.raw);
    } else {
      res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers }).end(step.body ?? JSON.stringify({ error: { message: `status ${step.status}` } }));
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        json = undefined;
      }
      const rec: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, raw, json, at: Date.now() };
      requests.push(rec);
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      // In flight until the answer is sent or the client hangs up, whichever comes first.
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.once('close', () => inFlight--);
      answer(rec, res).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...steps) => void queue.push(...steps),
    otherwise: (step) => void (fallback = step),
    reset: () => {
      queue.length = 0;
      fallback = null;
      requests.length = 0;
      maxInFlight = inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    get inFlight() {
      return inFlight;
    },
    prompt: (i) => ((requests[i]?.json?.messages ?? []) as Array<{ content: string }>).map((m) => m.content).join('\n'),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
