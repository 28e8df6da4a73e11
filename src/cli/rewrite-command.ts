// `replylint rewrite`: the draft's findings, then the LLM's rewrite when it passes and scores
// higher — or why there is none and the best phrasebook reply instead. Exit 0 accepted (or
// nothing to rewrite), 1 not accepted, 2 not configured or the LLM failed.

import type { Engine } from '../engine.js';
import type { RewriteResult } from '../rewrite/rewriter.js';
import type { LlmSettingsError } from '../rewrite/settings.js';
import { ConfigError } from '../config/problems.js';
import { engineFor, type CommonOptions } from './common-options.js';
import { UsageError } from './errors.js';
import { decodeUtf8, readAll } from './io.js';
import { makePaint, wantsColor, type Paint } from './format/paint.js';
import { formatPretty } from './format/pretty.js';

export interface RewriteCommandOptions extends CommonOptions {
  message?: string;
}

/** A bad `llm:` section as positioned configuration problems. */
async function settingsProblems(engine: Engine, e: LlmSettingsError): Promise<ConfigError> {
  const { sectionProblems } = await import('../config/section.js');
  // The error's issue paths start with `llm`; sectionProblems wants them from inside the section.
  const problems = sectionProblems('llm', e.issues.map((i) => ({ ...i, path: i.path.slice(1) })), engine.configFile);
  // Never echo what was found under apiKey: it is a secret.
  return new ConfigError(problems.map(({ found, ...p }) => (p.message.startsWith('llm.apiKey:') || found === undefined ? p : { ...p, found })));
}

export async function runRewrite(args: string[], o: RewriteCommandOptions): Promise<number> {
  const format = o.format ?? 'pretty';
  if (format !== 'pretty' && format !== 'json') throw new UsageError(`rewrite supports --format pretty or json (got "${format}")`);
  const engine = await engineFor(o);
  const { LlmRequestError, LlmSettingsError, llmStatus, rewriterFor } = await import('../rewrite/rewriter.js');
  let rewriter;
  try {
    rewriter = rewriterFor(engine);
  } catch (e) {
    throw e instanceof LlmSettingsError ? await settingsProblems(engine, e) : e;
  }
  if (!rewriter) {
    const status = llmStatus(engine);
    process.stderr.write(`replylint: ${status.configured ? 'the LLM rewrite is not available' : status.message}\n`);
    return 2;
  }
  let text: string;
  if (args.length > 0) text = args.join(' ');
  else if (process.stdin.isTTY) throw new UsageError('no draft to rewrite: pass TEXT or pipe it on standard input (see replylint rewrite --help)');
  else text = decodeUtf8(await readAll(process.stdin), 'standard input').replace(/\r?\n$/, '');
  if (text.trim() === '') throw new UsageError('the draft is empty');

  let result: RewriteResult;
  try {
    result = await rewriter.rewrite({ text, ...(o.message !== undefined ? { message: o.message } : {}) });
  } catch (e) {
    if (e instanceof LlmRequestError) {
      process.stderr.write(`replylint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (format === 'json') process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else process.stdout.write(pretty(result, await makePaint(wantsColor(process.stdout, process.env, o.color))));
  return result.accepted || result.before.findings.length === 0 ? 0 : 1;
}

function pretty(r: RewriteResult, p: Paint): string {
  const out = [p.dim(`草稿 draft: ${r.before.text}`), ''];
  const report = { file: '<draft>', text: r.before.text, findings: r.before.findings, problems: [], score: r.before.score, pass: r.before.pass };
  out.push(formatPretty([report], p, { showFile: false, showScore: true }));
  if (r.accepted && r.after) {
    const tries = r.attempts === 1 ? '' : `, attempt ${r.attempts}`;
    out.push(p.green(`✔ rewrite (score ${r.before.score} → ${r.after.score}${tries}):`), r.rewrite!, '');
  } else if (r.before.findings.length === 0) {
    out.push(p.green('✔ nothing to rewrite'), '');
  } else {
    out.push(p.red(`✖ ${r.explanation ?? 'no rewrite'}`));
    if (r.template) out.push('', `${p.bold('phrasebook reply')} ${r.template.templateId}  ${p.dim(r.template.score.toFixed(2))}`, ...r.template.text.split('\n').map((l) => '  ' + l));
    out.push('');
  }
  return out.join('\n');
}
