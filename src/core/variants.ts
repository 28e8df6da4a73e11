// Characters the traditional→simplified conversion leaves ambiguous. opencc keeps 著 and 瞭 as they
// are (both are also simplified characters: 著名, 瞭望), so a traditional 寫著 or 瞭解 arrives as
// 写著 or 瞭解 while the rules say 写着 and 了解. Patterns match either form.

/** Character of the patterns → the other form a normalised text may carry. */
export const VARIANTS: Readonly<Record<string, string>> = { 着: '著', 了: '瞭' };

const ANY = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'u');

/** Every spelling of a literal under VARIANTS (one string when it has none of them). */
export function literalVariants(text: string): string[] {
  if (!ANY.test(text)) return [text];
  let out = [''];
  for (const ch of text) {
    const alt = VARIANTS[ch];
    out = alt ? out.flatMap((p) => [p + ch, p + alt]) : out.map((p) => p + ch);
    if (out.length > 16) break; // a literal with many of them: the first spellings are enough
  }
  return out;
}

/** A regex-source fragment for one character: [着著] for a variant, else the character itself. */
export function variantClass(ch: string): string | null {
  const alt = VARIANTS[ch];
  return alt ? `[${ch}${alt}]` : null;
}
