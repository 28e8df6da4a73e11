// Brings a reply into the one form every pattern is written for — simplified Chinese, half-width,
// lower-case ASCII, without invisible characters — and keeps a map from each normalised code unit
// back to the original text, so that findings point at what the agent actually typed. Used by the
// scoring core and the personal-data recognizers alike, so it sits on the ground floor.
//
// Blanks are kept, also between digits: "13812345678 11点" is a number and a time, not one long
// number. Each personal-data recognizer knows which groupings of its own kind people write
// (138 1234 5678) and accepts its separators itself.

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

/**
 * Characters that show nothing but can split a word or a number: C0 controls other than tab and
 * line breaks (NUL …), DEL and the C1 controls, the soft hyphen, the combining grapheme joiner,
 * zero-width spaces and joiners, direction marks and embeddings, word joiners and invisible
 * operators, variation selectors, the byte-order mark, Hangul fillers and interlinear annotation
 * marks. `不\u00ad知道` and `不\u0000知道` read as 不知道, `138\u200b1234\u200b5678` as a number.
 */
export function isInvisible(c: number): boolean {
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0d;
  if (c < 0x7f) return false;
  if (c <= 0x9f) return true; // DEL, C1 controls
  if (c < 0x2000) return c === 0xad || c === 0x34f || c === 0x61c || c === 0x115f || c === 0x1160 || c === 0x180e;
  if (c <= 0x206f) return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || c >= 0x2066;
  return c === 0x3164 || (c >= 0xfe00 && c <= 0xfe0f) || c === 0xfeff || c === 0xffa0 || (c >= 0xfff9 && c <= 0xfffb);
}

/** Width and case folding of one UTF-16 code unit. */
function foldUnit(c: number): number {
  if (c >= FULLWIDTH_FIRST && c <= FULLWIDTH_LAST) c -= FULLWIDTH_OFFSET;
  else if (c === IDEOGRAPHIC_SPACE || c === 0xa0) return 0x20;
  if (c >= 0x41 && c <= 0x5a) c += 0x20; // A-Z → a-z
  return c;
}

/** What a text needs: folding (1:1), removals (invisible characters), CJK characters. */
function needsWork(text: string): { fold: boolean; remove: boolean; cjk: boolean } {
  let fold = false;
  let remove = false;
  let cjk = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) fold = true;
      else if (c < 0x20 || c === 0x7f) remove ||= isInvisible(c);
    } else if (c >= 0x2e80) {
      if ((c >= FULLWIDTH_FIRST && c <= FULLWIDTH_LAST) || c === IDEOGRAPHIC_SPACE) fold = true;
      else if (isInvisible(c)) remove = true;
      else cjk = true;
    } else if (c === 0xa0) fold = true;
    else if (isInvisible(c)) remove = true;
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
    if (isInvisible(raw)) continue;
    units[k] = foldUnit(raw);
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
