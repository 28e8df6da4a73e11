// One chat completion through the `openai` package against any OpenAI-compatible endpoint, with
// every try bounded in time (headers and body) and in size (an answer is read up to a cap and no
// further), the client's own retries with backoff on 429/5xx, server-requested waits capped, and
// the package's errors turned into LlmRequestError.

import type { ChatMessage } from './prompt.js';
import type { LlmSettings } from './settings.js';
import { LlmRequestError } from './errors.js';

/** What came back: the reply text, or why there is none worth checking. */
export type ChatAnswer = { content: string } | { problem: string };

export interface ChatClient {
  complete(messages: ChatMessage[], signal?: AbortSignal): Promise<ChatAnswer>;
}

/**
 * Longest wait a server may ask for between retries (Retry-After), in milliseconds; never longer
 * than one try may take either.
 */
const MAX_RETRY_WAIT_MS = 8_000;

/** The endpoint as it may be shown: without user name or password. */
export function endpointName(baseUrl: string): string {
  try {
    const u = new URL(baseUrl);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return baseUrl;
  }
}

/** A Retry-After(-Ms) header capped, so that no server can park a request for an hour. */
function capRetryHeaders(headers: Headers, cap: number): Headers {
  const h = new Headers(headers);
  const ms = Number.parseFloat(h.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) h.set('retry-after-ms', String(Math.min(Math.max(ms, 0), cap)));
  const after = h.get('retry-after');
  if (after !== null) {
    const s = Number.parseFloat(after);
    const wait = Number.isFinite(s) ? s * 1000 : Date.parse(after) - Date.now();
    h.set('retry-after', String(Math.min(Math.max(Number.isFinite(wait) ? wait : 0, 0), cap) / 1000));
  }
  return h;
}

/**
 * Most bytes of an answer that are read: a completion of `maxTokens` tokens with room to spare
 * (a token is a few characters, JSON may escape each as \uXXXX, and the envelope adds a little).
 * A server that sends more — a 200 MB body — is cut off there, never buffered whole.
 */
export const answerByteCap = (maxTokens: number): number => 64 * 1024 + maxTokens * 64;

/** Header of the stand-in answer for one that went over the cap (see boundedFetch). */
const TOO_LARGE = 'x-replylint-answer-too-large';

/** The body of `res`, read chunk by chunk up to `cap` bytes; null when it is larger (the rest is not read). */
async function readCapped(res: Response, cap: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > cap) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * fetch whose whole try — headers and body — ends within `timeoutMs` (the client's own timeout
 * stops at the headers; a server that stalls mid-body would otherwise hang us), and whose body is
 * read up to `cap` bytes. The client sees a timed-out try as a connection timeout and retries it
 * like one; an answer over the cap becomes a 413 stand-in, which the client does not retry.
 */
function boundedFetch(timeoutMs: number, cap: number): typeof fetch {
  return async (input, init) => {
    const timer = new AbortController();
    const t = setTimeout(() => timer.abort(new Error(`request timed out after ${timeoutMs} ms`)), timeoutMs);
    try {
      const signal = init?.signal ? AbortSignal.any([init.signal, timer.signal]) : timer.signal;
      const res = await fetch(input, { ...init, signal });
      const body = res.status === 204 || res.status === 304 ? null : await readCapped(res, cap);
      if (body === null && res.status !== 204 && res.status !== 304) {
        return new Response(JSON.stringify({ error: { message: 'answer too large' } }), { status: 413, headers: { 'content-type': 'application/json', [TOO_LARGE]: String(cap) } });
      }
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.ok ? res.headers : capRetryHeaders(res.headers, Math.min(MAX_RETRY_WAIT_MS, timeoutMs)) });
    } catch (e) {
      if (timer.signal.aborted && !init?.signal?.aborted) throw new Error(`request timed out after ${timeoutMs} ms`);
      throw e;
    } finally {
      clearTimeout(t);
    }
  };
}

type OpenAIModule = typeof import('openai');

/** The innermost reason of a connection error: an errno code (ECONNREFUSED …) or a message. */
function rootCause(e: unknown): string {
  let at = e as { cause?: unknown; code?: unknown; message?: unknown; errors?: unknown[] } | undefined;
  let reason = 'connection failed';
  for (let depth = 0; at && depth < 5; depth++) {
    if (typeof at.code === 'string') return at.code;
    if (Array.isArray(at.errors) && at.errors.length > 0) at = at.errors[0] as typeof at;
    else {
      if (depth > 0 && typeof at.message === 'string' && at.message) reason = at.message;
      at = at.cause as typeof at;
    }
  }
  return reason;
}

function describeError(e: unknown, m: OpenAIModule, s: LlmSettings): Error {
  const where = endpointName(s.baseUrl);
  const tries = s.maxRetries + 1;
  const after = `after ${tries} ${tries === 1 ? 'try' : 'tries'}`;
  if (e instanceof m.APIUserAbortError) return e;
  if (e instanceof m.APIConnectionTimeoutError) return new LlmRequestError(`the LLM at ${where} did not answer within ${s.timeoutMs} ms (${after})`, 'timeout');
  if (e instanceof m.APIConnectionError) {
    return new LlmRequestError(`the LLM at ${where} could not be reached (${rootCause(e)}; ${after})`, 'connection');
  }
  if (e instanceof m.APIError && e.status === 413 && e.headers?.get(TOO_LARGE)) {
    return new LlmRequestError(`the LLM at ${where} sent an answer larger than ${e.headers.get(TOO_LARGE)} bytes; it was not read (lower llm.maxTokens, or check the endpoint)`, 'http', 413);
  }
  if (e instanceof m.APIError && typeof e.status === 'number') {
    const hint = e.status === 401 || e.status === 403 ? ': check the API key' : e.status === 404 ? `: check the model name "${s.model}" and the base URL` : '';
    const retried = e.status === 429 || e.status >= 500 || e.status === 408 || e.status === 409;
    return new LlmRequestError(`the LLM at ${where} answered HTTP ${e.status}${hint}${retried ? ` (${after})` : ''}`, 'http', e.status);
  }
  return e instanceof Error ? e : new Error(String(e));
}

/** A chat client for the settings; the `openai` package is loaded here, on first use only. */
export async function openaiChat(s: LlmSettings): Promise<ChatClient> {
  const m = await import('openai');
  const client = new m.OpenAI({
    apiKey: s.apiKey,
    baseURL: s.baseUrl,
    timeout: s.timeoutMs,
    maxRetries: s.maxRetries,
    fetch: boundedFetch(s.timeoutMs, answerByteCap(s.maxTokens)),
    // The package would otherwise log to the console; replylint reports errors itself.
    logLevel: 'off',
  });
  return {
    async complete(messages, signal) {
      let completion: unknown;
      try {
        completion = await client.chat.completions.create(
          { model: s.model, messages, temperature: s.temperature, max_tokens: s.maxTokens },
          signal ? { signal } : {},
        );
      } catch (e) {
        // A body that is not JSON although it says so: an answer, but not a usable one.
        if (e instanceof SyntaxError) return { problem: 'the model\'s answer was not valid JSON' };
        throw describeError(e, m, s);
      }
      return contentOf(completion);
    },
  };
}

/** The reply text of a chat completion, or what is wrong with the completion. */
export function contentOf(completion: unknown): ChatAnswer {
  if (typeof completion !== 'object' || completion === null) return { problem: 'the model\'s answer was not a chat completion' };
  const choices = (completion as { choices?: unknown }).choices;
  if (!Array.isArray(choices) || choices.length === 0) return { problem: 'the model\'s answer had no choices' };
  const choice = choices[0] as { message?: { content?: unknown }; finish_reason?: unknown };
  const content = choice?.message?.content;
  if (typeof content !== 'string' || content.trim() === '') return { problem: 'the model\'s answer was empty' };
  if (choice.finish_reason === 'length') return { problem: 'the model\'s answer was cut off (llm.maxTokens reached)' };
  return { content };
}
