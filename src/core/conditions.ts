// Context conditions that turn a match off: what a rule's `unless:` list says (a negation right
// before it, the customer as its subject, an alternative offered after it, a question the agent
// asks about itself …) and the quotation test every phrase and grammar rule gets. They run only on
// candidates, never on every reply, so they may look around the match freely.

import type { Condition, ConditionScope } from '../types.js';

/** Characters that end a clause in normalised text (，；：！？ are already folded to ASCII). */
const CLAUSE_END = new Set([...',;:!?。、~\n；，']);
/** Characters that end a sentence. */
const SENTENCE_END = new Set([...'!?。\n']);

/** True when t[i] ends a unit of `scope`. A full stop between digits (1.5) ends nothing. */
function breaks(t: string, i: number, scope: ConditionScope): boolean {
  const c = t[i]!;
  if (c === '.') return scope !== 'line' && scope !== 'text' && !(/\d/.test(t[i - 1] ?? '') && /\d/.test(t[i + 1] ?? ''));
  switch (scope) {
    case 'clause':
      return CLAUSE_END.has(c);
    case 'sentence':
      return SENTENCE_END.has(c);
    case 'line':
      return c === '\n';
    case 'text':
      return false;
  }
}

/** Start of the unit of `scope` that contains position `s`. */
export function scopeStart(t: string, s: number, scope: ConditionScope): number {
  let i = s;
  while (i > 0 && !breaks(t, i - 1, scope)) i--;
  return i;
}

/** End (exclusive) of the unit of `scope` that contains position `e - 1`. */
export function scopeEnd(t: string, e: number, scope: ConditionScope): number {
  let i = e;
  while (i < t.length && !breaks(t, i, scope)) i++;
  return i;
}

/** A condition ready to test: true = the match at [s, e) of `t` is turned off. */
export type ConditionTest = (t: string, s: number, e: number) => boolean;

/** Particles that may close a question after its question word (吗呢, 么啊). */
const QUESTION_END = /(?:\?|[吗么嘛](?:[呢呀啊哈哦]|亲)?)[\s~.。!]*$/u;

function isQuestion(t: string, s: number, e: number): boolean {
  const a = scopeStart(t, s, 'sentence');
  let b = scopeEnd(t, e, 'sentence');
  if (t[b] === '?') return true;
  while (b > a && /[\s~.。!]/u.test(t[b - 1]!)) b--;
  return QUESTION_END.test(t.slice(a, b));
}

// A person word that modifies a noun is no subject: 我的订单, 我说的 ("what I said"), 您发的图片.
const MODIFIER = /^(?:[说讲写发问提告诉回复拍填选买]{1,2})?的/u;

/** The last person word before `s` in its scope that is a subject (not 我的…, 我说的…), or null. */
function nearestPerson(t: string, s: number, persons: RegExp, scope: ConditionScope): string | null {
  const region = t.slice(scopeStart(t, s, scope), s);
  persons.lastIndex = 0;
  let last: string | null = null;
  let m: RegExpExecArray | null;
  while ((m = persons.exec(region)) !== null) {
    if (m[0].length === 0) {
      persons.lastIndex++;
      continue;
    }
    if (!MODIFIER.test(region.slice(m.index + m[0].length))) last = m[0];
  }
  return last;
}

const OPEN_QUOTES = '“‘「『"\'';
const CLOSE_OF: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '「': '」', '『': '』', '"': '"', "'": "'" };
// What introduces reported words: a verb of saying or a word for a phrase (说“不知道”, 禁语“没办法”).
const REPORT_BEFORE = /(?:说|问|讲|写|叫|称|提到|表示|反馈|回复|回答|所谓|什么|类似|像|比如|例如|诸如|用语|话术|禁语|忌语|说法|字眼|词)[^“‘「『"'\n]{0,3}$/u;
// … or what follows them: “不知道”这种话, “没办法”之类
const REPORT_AFTER = /^(?:[”’」』"']?)[^\n]{0,2}?(?:这种|这类|这样的|这句|之类|等话|一类|的说法|的话术|这些)/u;

/**
 * True when [s, e) lies inside quotation marks that report someone's words (a verb of saying or
 * "such words" around them), and the quotation is part of a longer text — a reply that is only
 * a quoted phrase is still that phrase.
 */
export function quoted(t: string, s: number, e: number): boolean {
  const lineStart = scopeStart(t, s, 'line');
  const lineEnd = scopeEnd(t, e, 'line');
  for (let i = s - 1; i >= lineStart; i--) {
    const c = t[i]!;
    if (!OPEN_QUOTES.includes(c)) continue;
    const close = CLOSE_OF[c]!;
    const j = t.indexOf(close, e);
    if (j < 0 || j >= lineEnd) return false;
    if (close !== c && t.slice(i + 1, s).includes(close)) return false; // closed before the match
    const outside = (t.slice(0, i) + t.slice(j + 1)).replace(/[\s\p{P}\p{S}]/gu, '');
    if (outside.length === 0) return false;
    return REPORT_BEFORE.test(t.slice(Math.max(0, i - 8), i)) || REPORT_AFTER.test(t.slice(j, j + 8));
  }
  return false;
}

function compileOne(c: Condition): ConditionTest {
  switch (c.type) {
    case 'before': {
      const re = c.within >= 0 ? new RegExp(`(?:${c.words})[^]{0,${c.within}}$`, 'u') : new RegExp(`(?:${c.words})`, 'u');
      return (t, s) => re.test(t.slice(scopeStart(t, s, c.scope), s));
    }
    case 'after': {
      const re = c.within >= 0 ? new RegExp(`^[^]{0,${c.within}}(?:${c.words})`, 'u') : new RegExp(`(?:${c.words})`, 'u');
      return (t, _s, e) => re.test(t.slice(e, scopeEnd(t, e, c.scope)));
    }
    case 'inside': {
      const re = new RegExp(`(?:${c.words})`, 'u');
      return (t, s, e) => re.test(t.slice(s, e));
    }
    case 'subject': {
      const persons = new RegExp(c.persons, 'gu');
      const is = new RegExp(`^(?:${c.is})$`, 'u');
      return (t, s) => {
        const p = nearestPerson(t, s, persons, 'clause');
        return p !== null && is.test(p);
      };
    }
    case 'question': {
      if (!c.self || !c.persons) return isQuestion;
      const persons = new RegExp(c.persons, 'gu');
      const self = new RegExp(`^(?:${c.self})$`, 'u');
      return (t, s, e) => {
        if (!isQuestion(t, s, e)) return false;
        const p = nearestPerson(t, s, persons, 'sentence');
        return p !== null && self.test(p);
      };
    }
  }
}

/** Compiles a rule's conditions once. */
export function compileConditions(list: readonly Condition[]): ConditionTest[] {
  return list.map(compileOne);
}
