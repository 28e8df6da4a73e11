// Brings a reply into the one form every pattern is written for — simplified Chinese, half-width,
// lower-case ASCII, no blanks inside digit runs — and keeps a map from each normalised code unit
// back to the original text, so that findings point at what the agent actually typed.

/** Traditional→simplified converter (opencc-js `t2cn`), injected so the core stays free of I/O. */
export type ScriptConverter = (text: string) => string;

export interface Normalized {
  /** The normalised text. */
  text: string;
  /** Original start of each normalised code unit; `null` when the map is the identity. */
  start: Int32Array | null;
  /** Original end (exclusive) of each normalised code unit; `null` when the map is the identity. */
  end: Int32Array | null;
}

const FULLWIDTH_FIRST = 0xff01; // ！
const FULLWIDTH_LAST = 0xff5e; // ～
const FULLWIDTH_OFFSET = 0xfee0; // ！(FF01) - !(21)
const IDEOGRAPHIC_SPACE = 0x3000;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0xa0 || c === IDEOGRAPHIC_SPACE;
const isZeroWidth = (c: number): boolean => c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff;

/** Width and case folding of one UTF-16 code unit. */
function foldUnit(c: number): number {
  if (c >= FULLWIDTH_FIRST && c <= FULLWIDTH_LAST) c -= FULLWIDTH_OFFSET;
  else if (c === IDEOGRAPHIC_SPACE || c === 0xa0) return 0x20;
  if (c >= 0x41 && c <= 0x5a) c += 0x20; // A-Z → a-z
  return c;
}

/** What a text needs: folding (1:1), removals (blank in a digit run, zero-width), CJK characters. */
function needsWork(text: string): { fold: boolean; remove: boolean; cjk: boolean } {
  let fold = false;
  let remove = false;
  let cjk = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) fold = true;
      else if (isBlank(c) && i > 0 && isDigit(foldUnit(text.charCodeAt(i - 1)))) remove = true;
    } else if (c >= 0x2e80) {
      if ((c >= FULLWIDTH_FIRST && c <= FULLWIDTH_LAST) || c === IDEOGRAPHIC_SPACE) {
        fold = true;
        if (c === IDEOGRAPHIC_SPACE && i > 0 && isDigit(foldUnit(text.charCodeAt(i - 1)))) remove = true;
      } else if (c === 0xfeff) remove = true;
      else cjk = true;
    } else if (c === 0xa0) {
      fold = true;
      if (i > 0 && isDigit(foldUnit(text.charCodeAt(i - 1)))) remove = true;
    } else if (isZeroWidth(c)) remove = true;
  }
  return { fold, remove, cjk };
}

/**
 * Which code units change under script conversion, learnt one character at a time from the
 * converter itself (0 = not yet asked, 1 = unchanged, 2 = traditional). Lets most texts — already
 * simplified — skip the phrase-level conversion entirely.
 */
const scriptMemo = new WeakMap<ScriptConverter, Uint8Array>();

function hasTraditional(text: string, convert: ScriptConverter): boolean {
  let memo = scriptMemo.get(convert);
  if (!memo) scriptMemo.set(convert, (memo = new Uint8Array(0x10000)));
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80 || (c >= 0xd800 && c <= 0xdfff)) continue;
    let m = memo[c]!;
    if (m === 0) {
      const ch = String.fromCharCode(c);
      memo[c] = m = convert(ch) === ch ? 1 : 2;
    }
    if (m === 2) return true;
  }
  return false;
}

/**
 * Converts traditional characters without changing the length in code units, so that position i
 * of the result still corresponds to position i of the input. opencc works on phrases; when a
 * phrase conversion changes the length, fall back to converting code point by code point and
 * keep any character whose conversion would change its width.
 */
function toSimplifiedSameLength(text: string, convert: ScriptConverter): string {
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const c = convert(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

/** Scratch buffers reused across calls (the core runs one text at a time). */
let units = new Uint16Array(256);

/** Normalises `text`; with `convert` omitted, traditional characters are left as they are. */
export function normalize(text: string, convert?: ScriptConverter): Normalized {
  const work = needsWork(text);
  const script = work.cjk && convert && hasTraditional(text, convert) ? toSimplifiedSameLength(text, convert) : text;
  if (!work.fold && !work.remove) return { text: script, start: null, end: null };

  const n = script.length;
  if (units.length < n) units = new Uint16Array(Math.max(n, units.length * 2));
  if (!work.remove) {
    // 1:1 folding: the offset map stays the identity.
    for (let i = 0; i < n; i++) units[i] = foldUnit(script.charCodeAt(i));
    return { text: decodeUnits(units, n), start: null, end: null };
  }

  const start = new Int32Array(n);
  const end = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const raw = script.charCodeAt(i);
    if (isZeroWidth(raw)) continue;
    const c = foldUnit(raw);
    if (isBlank(c) && k > 0 && isDigit(units[k - 1]!)) {
      // A blank run between two digits ("138 1234 5678") is dropped so the number reads whole.
      let j = i;
      while (j < n && isBlank(foldUnit(script.charCodeAt(j)))) j++;
      if (j < n && isDigit(foldUnit(script.charCodeAt(j)))) {
        i = j - 1;
        continue;
      }
    }
    units[k] = c;
    start[k] = i;
    end[k] = i + 1;
    k++;
  }
  return { text: decodeUnits(units, k), start: start.subarray(0, k), end: end.subarray(0, k) };
}

const CHUNK = 8192;
function decodeUnits(buf: Uint16Array, length: number): string {
  if (length <= CHUNK) return String.fromCharCode.apply(null, buf.subarray(0, length) as unknown as number[]);
  let out = '';
  for (let i = 0; i < length; i += CHUNK) {
    out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

/** Maps a span of the normalised text back to the original text. */
export function toOriginalSpan(norm: Normalized, s: number, e: number): [number, number] {
  if (!norm.start || !norm.end) return [s, e];
  if (e <= s) {
    const at = s < norm.start.length ? norm.start[s]! : s > 0 ? norm.end[s - 1]! : 0;
    return [at, at];
  }
  return [norm.start[s]!, norm.end[e - 1]!];
}

/** Normalises a pattern literal the way texts are normalised (no offset map needed). */
export function normalizeLiteral(text: string, convert?: ScriptConverter): string {
  return normalize(text, convert).text;
}
