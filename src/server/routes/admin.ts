// GET /healthz (is it up, which rule set) and POST /v1/reload (load rules and phrasebook again;
// a broken file keeps the old set and the answer says what is wrong, where).

import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { packageVersion } from '../../config/files.js';
import type { ReloadOutcome, RulesHolder } from '../loaded-rules.js';
import { HttpError } from '../http-error.js';

export interface Health {
  status: 'ok';
  version: string;
  rules: number;
  templates: number;
  uptimeSeconds: number;
}

export function healthRoute(app: FastifyInstance, rules: RulesHolder): void {
  const started = process.hrtime.bigint();
  app.get('/healthz', async (): Promise<Health> => {
    const { rules: count, templates } = rules.current;
    const uptimeSeconds = Math.floor(Number(process.hrtime.bigint() - started) / 1e9);
    return { status: 'ok', version: packageVersion(), rules: count, templates, uptimeSeconds };
  });
}

export function reloadRoute(app: FastifyInstance, rules: RulesHolder): void {
  app.post('/reload', async (request) => {
    const outcome = await reloadLogged(rules, request.log);
    if (!outcome.ok) {
      throw new HttpError(500, 'reload-failed', `reload failed; the previous rules stay in use:\n${outcome.message}`, {}, { problems: outcome.problems });
    }
    return { status: 'reloaded', rules: outcome.loaded.rules, templates: outcome.loaded.templates };
  });
}

/** Reloads and logs the outcome (problems name files and lines, never texts that were checked). */
export async function reloadLogged(rules: RulesHolder, log: FastifyBaseLogger): Promise<ReloadOutcome> {
  const outcome = await rules.reload();
  if (outcome.ok) log.info({ rules: outcome.loaded.rules, templates: outcome.loaded.templates }, 'rules reloaded');
  else log.warn({ problems: outcome.message.split('\n') }, 'reload failed; the previous rules stay in use');
  return outcome;
}
