// Looks recognizers up by the name a rule in banned-phrases.yaml gives (`recognizer: mobile`).

import type { Recognizer } from './recognizer.js';
import { mobile } from './mobile.js';
import { landline } from './landline.js';
import { idCard, idCard15 } from './id-card.js';
import { bankCard } from './bank-card.js';
import { email } from './email.js';
import { address } from './address.js';
import { amount } from './amount.js';

const RECOGNIZERS: ReadonlyMap<string, Recognizer> = new Map(
  [mobile, landline, idCard, idCard15, bankCard, email, address, amount].map((r) => [r.name, r]),
);

export const RECOGNIZER_NAMES: readonly string[] = [...RECOGNIZERS.keys()];

export function getRecognizer(name: string): Recognizer {
  const r = RECOGNIZERS.get(name);
  if (!r) throw new Error(`unknown recognizer "${name}" (known: ${RECOGNIZER_NAMES.join(', ')})`);
  return r;
}

export function allRecognizers(): Recognizer[] {
  return [...RECOGNIZERS.values()];
}
