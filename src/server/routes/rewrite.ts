// POST /v1/rewrite: the optional LLM rewrite (SPEC §6, §7). The request is validated here; the
// rewriting itself is src/rewrite's, for the rule set in use (or whatever `Rewriter` the server
// is given). Without an LLM configured the answer is 503 llm-unavailable; an LLM that fails is
// 503 llm-error or 504 llm-timeout; nothing else in the server depends on it.

import type { FastifyInstance } from 'fastify';
import type { CheckResult } from '../../types.js';
import type { Engine } from '../../engine.js';
import type { RulesHolder } from '../loaded-rules.js';
import { HttpError } from '../http-error.js';
import { parseBody, rewriteBody, type RewriteBody } from '../schemas.js';

/**
 * SPEC §6 `{rewrite, before, after}`; without an accepted rewrite, `rewrite` and `after` are null.
 * src/rewrite's answer adds attempts, accepted, explanation and the best phrasebook reply.
 */
export interface RewriteAnswer {
  rewrite: string | null;
  before: CheckResult;
  after: CheckResult | null;
}

/** Rewrites a draft with an LLM; `engine` is the rule set in use for this request. */
export interface Rewriter {
  rewrite(input: RewriteBody, engine: Engine, signal: AbortSignal | undefined): Promise<RewriteAnswer>;
}

export const LLM_UNAVAILABLE =
  'no LLM is configured for rewriting: set OPENAI_BASE_URL (and OPENAI_API_KEY) and REPLYLINT_LLM_MODEL, or an llm: section in .replylint.yaml, then restart the server';

/**
 * The LLM rewriter of src/rewrite, configured from `env` and the engine's `llm:` section. The
 * module (and, on the first rewrite, the openai client) is loaded when a rewrite is asked for.
 */
export function llmRewriter(env: NodeJS.ProcessEnv = process.env): Rewriter {
  return {
    async rewrite(input, engine, signal) {
      const { rewriterFor, LlmRequestError, LlmSettingsError } = await import('../../rewrite/rewriter.js');
      let rewriter;
      try {
        rewriter = rewriterFor(engine, env);
      } catch (e) {
        if (e instanceof LlmSettingsError) throw new HttpError(503, 'llm-unavailable', `the llm: section of the configuration is invalid: ${e.message.replace(/\n/g, '; ')}`);
        throw e;
      }
      if (!rewriter) throw new HttpError(503, 'llm-unavailable', LLM_UNAVAILABLE);
      const context = input.context ? Object.fromEntries(Object.entries(input.context).map(([k, v]) => [k, String(v)])) : undefined;
      try {
        return await rewriter.rewrite({ text: input.text, ...(input.message !== undefined ? { message: input.message } : {}), ...(context ? { context } : {}), ...(signal ? { signal } : {}) });
      } catch (e) {
        if (e instanceof LlmRequestError) throw new HttpError(e.httpStatus, e.code, e.message);
        if (signal?.aborted) throw new HttpError(503, 'cancelled', 'the request was cancelled before the LLM answered');
        throw e;
      }
    },
  };
}

export function rewriteRoute(app: FastifyInstance, rules: RulesHolder, rewriter: Rewriter = llmRewriter()): void {
  app.post('/rewrite', async (request, reply): Promise<RewriteAnswer> => {
    const body = parseBody(rewriteBody, request.body);
    // Stop asking the LLM when the client hangs up. Not request.signal: fastify ties it to the
    // IncomingMessage's 'close', which Node emits as soon as the body has been read.
    const gone = new AbortController();
    const onClose = (): void => {
      if (!reply.raw.writableFinished) gone.abort(new Error('the client closed the connection'));
    };
    reply.raw.once('close', onClose);
    try {
      return await rewriter.rewrite(body, rules.current.engine, gone.signal);
    } finally {
      reply.raw.off('close', onClose);
    }
  });
}
