// POST /v1/check: a draft in, a SPEC §3 check result out (personal data already masked by the core).

import type { FastifyInstance } from 'fastify';
import type { CheckOptions, CheckResult } from '../../types.js';
import type { RulesHolder } from '../loaded-rules.js';
import { checkBody, parseBody } from '../schemas.js';

export function checkRoute(app: FastifyInstance, rules: RulesHolder): void {
  app.post('/check', async (request): Promise<CheckResult> => {
    const body = parseBody(checkBody, request.body);
    const options: CheckOptions = {};
    if (body.failOn) options.failOn = body.failOn;
    if (body.locale) options.locale = body.locale;
    return rules.current.engine.check(body.text, options);
  });
}
