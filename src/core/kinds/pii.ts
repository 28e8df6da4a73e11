// The `pii` rule kind: a personal-data recognizer from src/pii/ (phone, ID card, bank card,
// e-mail, address, amount) finds candidates with a score; the rule keeps those at or above
// `minScore` that its exceptions do not cancel. The masking of every output follows from it.

import type { KindModule } from './kind.js';
import { getRecognizer, RECOGNIZER_NAMES } from '../../pii/registry.js';
import type { Recognizer } from '../../pii/recognizer.js';

interface PiiState {
  recognizer: Recognizer;
  minScore: number;
}

export const pii: KindModule = {
  name: 'pii',
  summary: 'a personal-data recognizer (options.recognizer) with a minimum score',
  patterns: 'none',
  syntax: 'phrase',
  automaton: false,
  options: (z) =>
    z
      .object({
        recognizer: z.enum(RECOGNIZER_NAMES as [string, ...string[]], { message: `options.recognizer must be one of: ${RECOGNIZER_NAMES.join(', ')}` }),
        minScore: z.number().min(0).max(1).optional(),
      })
      .strict(),
  compile(spec): PiiState {
    const o = spec.options as { recognizer: string; minScore?: number };
    return { recognizer: getRecognizer(o.recognizer), minScore: o.minScore ?? 0.5 };
  },
  find(rule, reply, out) {
    const { recognizer, minScore } = rule.state as PiiState;
    for (const m of reply.scan.of(recognizer)) {
      if (m.score < minScore) continue;
      if (reply.excepted(rule, m.start, m.end)) continue;
      out.push(reply.candidate(rule, m.start, m.end, { piiKind: m.kind, explanation: m.explanation, vars: { score: String(m.score) } }));
    }
  },
};
