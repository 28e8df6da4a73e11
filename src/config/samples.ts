// Sample texts a pattern matches, read off its regular expression: one choice per alternation,
// moved along diagonally so that every word of every class turns up in some sample. The loader
// uses them to refuse a pattern that its own rule's exceptions or conditions always cancel.

import { RegExpParser, type AST } from '@eslint-community/regexpp';

const parser = new RegExpParser({ ecmaVersion: 2024 });

/** A character standing for a character class or set (a gap's filler, a digit …). */
function charFor(node: AST.CharacterClass | AST.CharacterSet | AST.CharacterClassRange | AST.Character | AST.ClassSetOperand | AST.ClassRangesCharacterClassElement): string {
  switch (node.type) {
    case 'Character':
      return String.fromCodePoint(node.value);
    case 'CharacterClassRange':
      return String.fromCodePoint(node.min.value);
    case 'CharacterSet':
      if (node.kind === 'digit') return node.negate ? 'a' : '1';
      if (node.kind === 'space') return node.negate ? 'a' : ' ';
      if (node.kind === 'word') return node.negate ? '的' : 'a';
      if (node.kind === 'property') return node.negate ? 'a' : '中';
      return '的';
    case 'CharacterClass': {
      if (node.negate) return '的';
      const first = node.elements[0];
      return first ? charFor(first as AST.Character) : '';
    }
    default:
      return '的';
  }
}

function sampleOf(node: AST.Node, k: number): string {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup': {
      const alts = node.alternatives;
      return sampleOf(alts[k % alts.length]!, k);
    }
    case 'Alternative':
      return node.elements.map((el, i) => sampleOf(el, k + i)).join('');
    case 'Quantifier': {
      // Optional parts come and go along the diagonal; required ones appear their minimum times.
      const reps = node.min > 0 ? node.min : k % 2 === 1 ? Math.min(1, node.max) : 0;
      let out = '';
      for (let r = 0; r < reps; r++) out += sampleOf(node.element, k + r);
      return out;
    }
    case 'Character':
    case 'CharacterClass':
    case 'CharacterSet':
      return charFor(node as AST.Character);
    default:
      return ''; // assertions, lookarounds, back-references: the sample is checked afterwards
  }
}

/** Up to `max` distinct texts that the regex source (u flag) matches. */
export function samplesOf(source: string, max = 48): string[] {
  let ast: AST.Pattern;
  try {
    ast = parser.parsePattern(source, 0, source.length, { unicode: true });
  } catch {
    return [];
  }
  const re = new RegExp(source, 'u');
  const out = new Set<string>();
  for (let k = 0; k < max * 2 && out.size < max; k++) {
    const s = sampleOf(ast, k);
    if (s.length > 0 && re.test(s)) out.add(s);
  }
  return [...out];
}
