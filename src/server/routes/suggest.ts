// POST /v1/suggest: a customer message (and the conversation before it) in; the best phrasebook
// templates, how sure the ranker is, or an abstention out — with an `id` that POST /v1/feedback
// refers to (when feedback is on). POST /v1/feedback: which template the agent used, or that none
// fitted, appended to the feedback log (masked) for `replylint tune`.

import type { FastifyInstance } from 'fastify';
import type { SuggestAnswer } from '../../types.js';
import type { RulesHolder } from '../loaded-rules.js';
import type { FeedbackLog } from '../feedback-log.js';
import { shownOf } from '../feedback-log.js';
import { feedbackBody, parseBody, suggestBody } from '../schemas.js';
import { HttpError } from '../http-error.js';

export function suggestRoute(app: FastifyInstance, rules: RulesHolder, timeoutMs: number, log: FeedbackLog): void {
  // Ranking may wait on a local embedding model: an answer that takes too long becomes a 503.
  app.post('/suggest', { handlerTimeout: timeoutMs }, async (request): Promise<SuggestAnswer & { id?: string }> => {
    const body = parseBody(suggestBody, request.body);
    const { ranker, engine } = rules.current;
    const history = body.history ?? [];
    const answer = await ranker.answer(body.message, {
      ...(body.top ? { top: body.top } : {}),
      context: body.context ?? {},
      history,
      ...(body.abstain !== undefined ? { abstain: body.abstain } : {}),
      ...(body.threshold !== undefined ? { threshold: body.threshold } : {}),
    });
    if (!log.file) return answer;
    // Only masked text is kept for the feedback log.
    const mask = (text: string) => engine.mask(text);
    const id = log.remember({
      message: mask(body.message),
      history: history.slice(-10).map((t) => ({ role: t.role, text: mask(t.text) })),
      shown: shownOf(answer),
      confidence: answer.confidence,
      abstained: answer.abstained === true,
    });
    return { id, ...answer };
  });

  app.post('/feedback', async (request) => {
    const body = parseBody(feedbackBody, request.body);
    if (!log.file) throw new HttpError(503, 'feedback-off', 'feedback is switched off (suggest.feedback: false in the configuration)');
    const answer = log.recall(body.id);
    if (!answer) throw new HttpError(404, 'unknown-answer', 'no suggestion answer has this id (it may be too old, or the server restarted); ask /v1/suggest again');
    let chosen = null;
    if (body.templateId !== null) {
      const { phrasebook } = await rules.current.engine.phrasebook();
      const template = phrasebook.templates.find((t) => t.id === body.templateId);
      if (!template) throw new HttpError(400, 'unknown-template', `the phrasebook has no template "${body.templateId.slice(0, 100)}"`);
      chosen = { templateId: template.id, intent: template.intent };
    }
    try {
      await log.append({ v: 1, time: new Date().toISOString(), answer: body.id, ...answer, chosen });
    } catch {
      request.log.error({ file: log.file }, 'cannot write the feedback log');
      throw new HttpError(500, 'feedback-unwritable', 'the feedback could not be written to the feedback log; see the server log');
    }
    return { recorded: true };
  });
}
