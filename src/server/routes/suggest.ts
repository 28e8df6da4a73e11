// POST /v1/suggest: a customer message in, the best phrasebook templates out, as the entries of
// `replylint suggest --format json` (SPEC §4).

import type { FastifyInstance } from 'fastify';
import type { Suggestion } from '../../types.js';
import type { RulesHolder } from '../loaded-rules.js';
import { parseBody, suggestBody } from '../schemas.js';

export function suggestRoute(app: FastifyInstance, rules: RulesHolder, timeoutMs: number): void {
  // Ranking may wait on a local embedding model: an answer that takes too long becomes a 503.
  app.post('/suggest', { handlerTimeout: timeoutMs }, async (request): Promise<{ suggestions: Suggestion[] }> => {
    const body = parseBody(suggestBody, request.body);
    const suggestions = await rules.current.ranker.suggest(body.message, { ...(body.top ? { top: body.top } : {}), context: body.context ?? {} });
    return { suggestions };
  });
}
