// Rule files with categories, word classes, grammar sequences, conditions and kind options
// (RuleTester-style, on hand-made rule sets): what loads, what is refused with file:line:column,
// and how the loaded rules behave.
import { describe, expect, it } from 'vitest';
import { loadRuleFiles } from '../../src/config/load-rules.js';
import { ConfigError, type Problem } from '../../src/config/problems.js';
import { compileRules } from '../../src/core/compile.js';
import { check } from '../../src/core/check.js';
import { coreEnv } from '../../src/engine.js';
import type { RuleSet } from '../../src/types.js';

const env = coreEnv();
const CATEGORIES = `categories:
  - { id: rude, severity: error, label: { zh: 不礼貌, en: Rude }, description: { zh: 不礼貌, en: rude } }
  - { id: banned-phrase, severity: warning, label: { zh: 服务禁语, en: Banned phrase }, description: { zh: 禁语, en: banned } }
`;
const load = (text: string): RuleSet => loadRuleFiles([{ file: 'team.yaml', text: CATEGORIES + text }], env);
const problemsOf = (text: string): Problem[] => {
  try {
    load(text);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};
/** 1-based line of the first line of `text` that contains `needle`, counting the categories. */
const lineOf = (text: string, needle: string): number => (CATEGORIES + text).split('\n').findIndex((l) => l.includes(needle)) + 1;
const categoriesOf = (set: RuleSet, text: string): string[] => check(text, compileRules(set), {}, env).findings.map((f) => `${f.category}:${f.severity}`);

const PUTDOWN = `
vocab:
  you: [你, 您]
  me: [我, 我们]
  degree: { about: intensifiers, words: [真, 太, 也太] }
  judgement: [笨, 烦]
  negator: [不是说, 没说]
rules:
  - id: rude/put-down
    kind: grammar
    category: rude
    message: { zh: 不要评判客户, en: do not judge the customer }
    patterns: ["{you} {degree} {judgement}"]
    unless:
      - { before: negator, within: 2 }
    options: { wholeWords: true }
    examples: { bad: [你真笨, 您也太烦了], good: [不是说你真笨, 我真笨] }
`;

describe('grammar rules over word classes', () => {
  it('compose classes within a clause, in every script, with conditions and whole words', () => {
    const set = load(PUTDOWN);
    expect(categoriesOf(set, '你真笨')).toEqual(['rude:error']);
    expect(categoriesOf(set, '亲，您也太煩了吧')).toEqual(['rude:error']);
    expect(categoriesOf(set, '不是说您太笨，是设置藏得深')).toEqual([]);
    // 笨 inside 笨重 is no judgement: the match must end on a word boundary (jieba)
    expect(categoriesOf(set, '你这箱子，你真笨重')).toEqual([]);
  });

  it('a rule without its own severity takes its category’s', () => {
    const set = load(PUTDOWN);
    expect(set.rules[0]!.severity).toBe('error');
    expect(set.categories.map((c) => c.id)).toEqual(['rude', 'banned-phrase']);
  });

  it('word classes may include other classes; a cycle or an unknown class is refused at the word', () => {
    const text = `
vocab:
  a: [甲, "{b}"]
  b: [乙, "{a}"]
  c: ["{nope}"]
rules: []
`;
    const p = problemsOf(text);
    expect(p.map((x) => x.code)).toEqual(['bad-vocab', 'bad-vocab']);
    expect(p[0]!.message).toMatch(/includes itself/);
    expect(p[1]!).toMatchObject({ line: lineOf(text, '"{nope}"'), found: '{nope}' });
    expect(p[1]!.message).toMatch(/unknown word class \{nope\}/);
  });

  it('refuses a broken sequence and an unknown class with the column of the offending token', () => {
    const text = `
vocab:
  you: [你]
rules:
  - id: rude/x
    kind: grammar
    category: rude
    message: { zh: x, en: x }
    patterns: ["{you} {nope}", "{you} 傻?"]
    examples: { bad: [你傻] }
`;
    const p = problemsOf(text).filter((x) => x.code === 'bad-pattern');
    expect(p).toHaveLength(2);
    expect(p[0]!.message).toMatch(/unknown word class \{nope\}/);
    expect(p[0]!.line).toBe(lineOf(text, 'patterns:'));
    expect(p[0]!.column).toBe(lineOf(text, 'patterns:') && (CATEGORIES + text).split('\n')[lineOf(text, 'patterns:') - 1]!.indexOf('{nope}') + 2);
    expect(p[1]!.message).toMatch(/write \{傻\}\? for an optional/);
  });
});

describe('kinds check their own options', () => {
  it('refuses an unknown option and a mistyped one, each at its place', () => {
    const text = `
rules:
  - id: rude/x
    kind: grammar
    category: rude
    message: { zh: x, en: x }
    patterns: [傻]
    options: { wholeWord: true }
    examples: { bad: [傻] }
  - id: rude/shouting
    kind: exclamation
    category: rude
    message: { zh: x, en: x }
    options: { minRun: "two" }
    examples: { bad: [好！！] }
  - id: rude/kind
    kind: regex
    category: rude
    message: { zh: x, en: x }
    examples: { bad: [x] }
`;
    const p = problemsOf(text);
    const unknown = p.find((x) => x.message.includes('wholeWord'))!;
    expect(unknown).toMatchObject({ code: 'schema', line: lineOf(text, 'wholeWord: true') });
    const typed = p.find((x) => x.message.includes('minRun'))!;
    expect(typed).toMatchObject({ code: 'schema', line: lineOf(text, 'minRun') });
    expect(p.find((x) => x.code === 'unknown-kind')!).toMatchObject({ line: lineOf(text, 'kind: regex'), found: 'regex' });
  });

  it('refuses patterns on kinds that take none, and unless conditions it cannot read', () => {
    const text = `
vocab:
  you: [你]
rules:
  - id: rude/x
    kind: exclamation
    category: rude
    message: { zh: x, en: x }
    patterns: [哈]
    examples: { bad: [好！！] }
  - id: rude/y
    category: rude
    message: { zh: x, en: x }
    patterns: [傻]
    unless:
      - { before: nope }
      - { after: you, within: 99 }
      - { subject: you }
      - sometimes
    examples: { bad: [傻] }
`;
    const p = problemsOf(text);
    expect(p.map((x) => x.code)).toEqual(['unexpected-patterns', 'bad-condition', 'bad-condition', 'bad-condition', 'bad-condition']);
    expect(p[1]!.message).toMatch(/unknown word class "nope"/);
    expect(p[2]!).toMatchObject({ line: lineOf(text, 'within: 99') });
    expect(p[3]!.message).toMatch(/needs "over"/);
    expect(p[4]!.message).toMatch(/unknown condition "sometimes"/);
  });
});

describe('a pattern its own exceptions always cancel is refused', () => {
  it('finds the literal and the regex that can never fire, and names the exception', () => {
    const text = `
rules:
  - id: banned-phrase/deny
    category: banned-phrase
    message: { zh: x, en: x }
    patterns:
      - 是不是你自己弄丢了
      - "/你(肯定|一定)看错了/"
      - 你记错了
    exceptions:
      - "/是不是[^,。!?]{0,4}你/"
      - "/你(肯定|一定)/"
    examples: { bad: [你记错了] }
`;
    const p = problemsOf(text);
    expect(p.map((x) => x.code)).toEqual(['pattern-never-fires', 'pattern-never-fires']);
    expect(p[0]!).toMatchObject({ line: lineOf(text, '是不是你自己弄丢了'), found: '是不是你自己弄丢了' });
    expect(p[0]!.message).toContain('exception "/是不是[^,。!?]{0,4}你/"');
    expect(p[1]!.line).toBe(lineOf(text, '看错了/"'));
  });

  it('the shipped blame-customer/deny-claim no longer carries unreachable patterns (it loads)', async () => {
    const { shippedEngine } = await import('../helpers/engine.js');
    const engine = await shippedEngine();
    expect(engine.check('是不是你自己弄丢了').findings.map((f) => f.ruleId)).toContain('blame-customer/deny-claim');
  });
});

describe('conditions and softening', () => {
  const text = `
vocab:
  me: [我, 我们]
  you: [您, 你]
  way: [我帮您, 建议您]
rules:
  - id: banned-phrase/dont-know
    kind: grammar
    category: banned-phrase
    severity: error
    message: { zh: x, en: x }
    patterns: [不知道]
    unless:
      - { subject: you, over: me }
      - question
    soften:
      - { after: way, within: line }
    examples: { bad: [我不知道], good: [您不知道的话问我, 我不知道吗？] }
`;
  it('subject: the nearest person before the match decides; 我说的… and 我的… are no subjects', () => {
    const set = load(text);
    expect(categoriesOf(set, '您问的这个我也不知道')).toEqual(['banned-phrase:error']);
    expect(categoriesOf(set, '您可能不知道')).toEqual([]);
  });

  it('soften: a way forward after the match lowers error to warning', () => {
    const set = load(text);
    expect(categoriesOf(set, '我不知道，我帮您问问同事')).toEqual(['banned-phrase:warning']);
  });

  it('quotation: reported words are not the agent’s own, unless the whole reply is the quote', () => {
    const set = load(text);
    expect(categoriesOf(set, '请不要对客户说“不知道”这种话')).toEqual([]);
    expect(categoriesOf(set, '“不知道”')).toEqual(['banned-phrase:error']);
    // the reported one is off, the agent's own one after it stands
    const reply = '客户说的“不知道”，我们这边也真的不知道';
    expect(check(reply, compileRules(set), {}, env).findings.map((f) => f.start)).toEqual([reply.lastIndexOf('不知道')]);
    // quotation marks for emphasis report nobody's words
    expect(categoriesOf(set, '这个我们“真的”不知道')).toEqual(['banned-phrase:error']);
  });
});
