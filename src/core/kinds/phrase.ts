// The `phrase` rule kind: literal phrases and bounded regular expressions, matched in the shared
// one-pass automaton, then kept unless an exception or an `unless:` condition turns them off.
// For fixed expressions (爱买不买, 这是规定); a category's open-ended wording belongs in `grammar`.

import type { KindModule } from './kind.js';

export const phrase: KindModule = {
  name: 'phrase',
  summary: 'literal phrases and /regular expressions/ (bounded), with exceptions and conditions',
  patterns: 'required',
  syntax: 'phrase',
  automaton: true,
  options: (z) => z.object({}).strict(),
};
