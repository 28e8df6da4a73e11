// The registry of rule kinds: the one place that lists them. The loader validates a rule's
// `kind:` and `options:` against it; the compiler and the checker call the kinds through it.

import type { KindModule } from './kind.js';
import { phrase } from './phrase.js';
import { grammar } from './grammar.js';
import { pii } from './pii.js';
import { exclamation } from './exclamation.js';
import { englishNegation } from './english-negation.js';

export const KINDS: ReadonlyMap<string, KindModule> = new Map([phrase, grammar, pii, exclamation, englishNegation].map((k) => [k.name, k]));

export const KIND_NAMES: readonly string[] = [...KINDS.keys()];

export function kindOf(name: string): KindModule {
  const k = KINDS.get(name);
  if (!k) throw new Error(`unknown rule kind "${name}" (known: ${KIND_NAMES.join(', ')})`);
  return k;
}
