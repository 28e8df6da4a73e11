// A customer message often only makes sense after the turn before it: "那这个呢", "换个颜色呢",
// "还是没到" mean nothing alone, and everything with the previous question. The earlier turns'
// features are mixed into the message's, weighted by how much the message leans on them: a lot for
// a follow-up (a back-reference, a bare "呢", a message of a few characters), a little otherwise (a
// new topic needs no help, but a near tie is still best broken by what came before).

import type { Turn } from '../types.js';
import type { Features } from './features.js';

export interface HistoryWeights {
  /** Weight of the last customer turn when the message is a follow-up. */
  followUp: number;
  /** Weight of the last customer turn otherwise. */
  standalone: number;
  /** The last agent turn weighs this share of the customer turn's weight. */
  agent: number;
  /** Each customer turn before the last weighs this share of the one after it. */
  decay: number;
  /** Customer turns looked back at. */
  turns: number;
  /** A message of at most this many letters (CJK characters count one each) is a follow-up. */
  short: number;
}

export const DEFAULT_HISTORY: HistoryWeights = { followUp: 0.8, standalone: 0.15, agent: 0.5, decay: 0.5, turns: 2, short: 5 };

/**
 * A message that points back: a demonstrative or "and then" opening (那 这个 那个 还有 另外 那么
 * 那要是 …, simplified or traditional), a bare trailing 呢 (…的呢, 黑色呢), a comparison with what was
 * said (也 一样 同样 还是), a change of an earlier choice (换个 换成 改成), or English "what about /
 * and the / same".
 */
const FOLLOW_UP =
  /^(?:那|這|这|還有|还有|另外|那麼|那么|然後|然后|所以|and\b|what about|how about)|(?:這個|这个|那個|那个|這款|这款|那款|它)(?:呢|的|也|還|还|是|有)|呢[?？!！。.~～]*$|(?:也|一樣|一样|同樣|同样|還是|还是)|(?:換個|换个|換成|换成|改成|改個|改个)|\b(?:same|also|too|either)\b/i;

/** Length in letters: each CJK character and each run of ASCII letters or digits counts one. */
function letters(text: string): number {
  return text.match(/[\u3400-\u9fff]|[a-z0-9]+/gi)?.length ?? 0;
}

/** How much a message leans on the turns before it: the customer turn's weight. */
export function leanOnHistory(message: string, w: HistoryWeights): number {
  const t = message.trim();
  return letters(t) <= w.short || FOLLOW_UP.test(t) ? w.followUp : w.standalone;
}

/** The message's features with the earlier turns' mixed in (history oldest first). */
export function withHistory(message: string, f: Features, history: readonly Turn[], extract: (text: string) => Features, weights: Partial<HistoryWeights> = {}): Features {
  const w: HistoryWeights = { ...DEFAULT_HISTORY, ...weights };
  let lean = leanOnHistory(message, w);
  if (lean <= 0) return f;
  const out: Features = new Map(f);
  const mix = (text: string, share: number) => {
    if (share <= 0 || !text.trim()) return;
    for (const [k, v] of extract(text)) out.set(k, (out.get(k) ?? 0) + share * v);
  };
  let customers = 0;
  let agentSeen = false;
  for (let i = history.length - 1; i >= 0 && customers < w.turns; i--) {
    const turn = history[i]!;
    if (turn.role === 'agent') {
      // Only the agent's last word counts: it is what the customer answers.
      if (!agentSeen && customers === 0) mix(turn.text, lean * w.agent);
      agentSeen = true;
      continue;
    }
    mix(turn.text, lean);
    customers++;
    lean *= w.decay;
  }
  return out;
}

/**
 * The turns of a `history` value as the CLI and JSON Lines take it (an array of {"role":
 * "customer"|"agent", "text": "…"}, oldest first), or a message saying what is wrong with it.
 */
export function parseTurns(value: unknown): Turn[] | { problem: string } {
  if (!Array.isArray(value)) return { problem: 'history must be an array of {"role": "customer"|"agent", "text": "…"}, oldest first' };
  const turns: Turn[] = [];
  for (const [i, t] of value.entries()) {
    if (typeof t !== 'object' || t === null || Array.isArray(t)) return { problem: `history[${i}] must be an object {"role", "text"}` };
    const { role, text, ...rest } = t as Record<string, unknown>;
    if (role !== 'customer' && role !== 'agent') return { problem: `history[${i}].role must be "customer" or "agent"` };
    if (typeof text !== 'string') return { problem: `history[${i}].text must be a string` };
    const extra = Object.keys(rest);
    if (extra.length > 0) return { problem: `history[${i}]: unknown field "${extra[0]!.slice(0, 40)}"` };
    turns.push({ role, text });
  }
  return turns;
}
