// The llm: settings (environment over file, what "configured" needs, what is refused) and the
// parts of the prompt that are pure functions: the conversation and the answer's clean-up.
import { describe, expect, it } from 'vitest';
import { LlmSettingsError, resolveLlmSettings } from '../../src/rewrite/settings.js';
import { buildMessages, cleanAnswer, type PromptInput } from '../../src/rewrite/prompt.js';

describe('resolveLlmSettings', () => {
  it('needs a model, and a key or an endpoint of one\'s own', () => {
    expect(resolveLlmSettings(undefined, {})).toEqual({
      configured: false,
      message:
        'the LLM rewrite is not configured: set a model name (REPLYLINT_LLM_MODEL, or llm.model in .replylint.yaml) and an API key (OPENAI_API_KEY) for https://api.openai.com/v1, or an endpoint of your own (OPENAI_BASE_URL, or llm.baseUrl)',
    });
    expect(resolveLlmSettings({ model: 'm' }, { OPENAI_API_KEY: ' ' }).configured).toBe(false);
    // A local server needs no key: the client gets a dummy one.
    expect(resolveLlmSettings({ model: 'qwen2.5', baseUrl: 'http://127.0.0.1:11434/v1' }, {})).toMatchObject({ configured: true, settings: { apiKey: 'no-key', baseUrl: 'http://127.0.0.1:11434/v1' } });
    expect(resolveLlmSettings({}, { OPENAI_API_KEY: 'k', REPLYLINT_LLM_MODEL: 'gpt-x' })).toMatchObject({ configured: true, settings: { baseUrl: 'https://api.openai.com/v1', model: 'gpt-x', apiKey: 'k' } });
  });

  it('the environment wins over the file; defaults fill the rest', () => {
    const r = resolveLlmSettings({ model: 'file-model', baseUrl: 'http://file/v1', apiKeyEnv: 'TEAM_KEY' }, { REPLYLINT_LLM_MODEL: 'env-model', OPENAI_BASE_URL: 'http://env/v1', TEAM_KEY: 'team', OPENAI_API_KEY: 'other' });
    expect(r).toEqual({
      configured: true,
      settings: { baseUrl: 'http://env/v1', model: 'env-model', apiKey: 'team', timeoutMs: 30000, maxRetries: 2, attempts: 3, concurrency: 4, temperature: 0.3, maxTokens: 600 },
    });
  });

  it('refuses a bad section with every problem, and a key in the file', () => {
    let e: unknown;
    try {
      resolveLlmSettings({ timeoutMs: 'fast', attempts: 0, baseUrl: 'ftp://x', apiKey: 'sk-1', tempreature: 1 }, {});
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(LlmSettingsError);
    const paths = (e as LlmSettingsError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['llm.timeoutMs', 'llm.attempts', 'llm.baseUrl', 'llm.apiKey', 'llm']));
    expect((e as Error).message).toContain('llm.apiKey: do not put an API key in a file');
    expect((e as Error).message).not.toContain('sk-1');
  });
});

const INPUT: PromptInput = {
  draft: '这是规定。您的手机号⟦PHONE_1⟧已登记',
  findings: [
    { severity: 'error', ruleId: 'banned-phrase/this-is-the-rule', category: 'banned-phrase', excerpt: '这是规定', message: '“这是规定”是服务禁语。', suggestion: '这个我帮您查一下' },
    { severity: 'error', ruleId: 'sensitive-data/mobile', category: 'sensitive-data', excerpt: '⟦PHONE_1⟧', message: 'personal data must not appear.' },
  ],
  message: '我手机号⟦PHONE_1⟧',
  context: [['店铺', '小店']],
  templates: ['亲，{{店铺名}}为您服务'],
  rules: { failOn: 'error', categories: [{ category: 'rude', severity: 'error' }], instructions: '称呼客户为亲' },
  language: { locale: 'zh', script: 'traditional' },
  keep: [],
  leaveOut: ['⟦PHONE_1⟧'],
};

describe('buildMessages', () => {
  it('system: how to answer, the language, the team\'s rules and instructions; user: message, context, draft, findings, placeholders, templates', () => {
    const [system, user, ...rest] = buildMessages(INPUT);
    expect(rest).toEqual([]);
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('Write in Traditional Chinese (繁體中文), like the draft.');
    expect(system!.content).toContain('a reply fails on any finding at severity "error" or above:\n- rude (error): insulting');
    expect(system!.content).toMatch(/The team's own instructions:\n称呼客户为亲$/);
    expect(user!.content).toBe(
      [
        'The customer wrote:',
        '<<<\n我手机号⟦PHONE_1⟧\n>>>',
        '',
        'Context:',
        '- 店铺: 小店',
        '',
        'The agent\'s draft:',
        '<<<\n这是规定。您的手机号⟦PHONE_1⟧已登记\n>>>',
        '',
        'Findings in the draft (what is wrong and why):',
        '- [error] banned-phrase/this-is-the-rule at "这是规定": “这是规定”是服务禁语。 Better, for example: 这个我帮您查一下',
        '- [error] sensitive-data/mobile at "⟦PHONE_1⟧": personal data must not appear.',
        '',
        'Placeholders to leave out: ⟦PHONE_1⟧',
        '',
        'Replies from the team\'s phrasebook for this kind of message (style examples; adapt them, {{…}} are slots):',
        '1. 亲，{{店铺名}}为您服务',
        '',
        'Write the improved reply now.',
      ].join('\n'),
    );
  });

  it('each rejected answer comes back as an exchange with its reasons', () => {
    const m = buildMessages(INPUT, [{ answer: '保证明天到', reasons: ['it promises an outcome'] }]);
    expect(m.slice(2)).toEqual([
      { role: 'assistant', content: '保证明天到' },
      { role: 'user', content: 'That reply cannot be used:\n- it promises an outcome\nWrite the improved reply again, following every rule above.' },
    ]);
  });
});

describe('cleanAnswer', () => {
  it.each([
    ['  很抱歉，我帮您查询。\n', '很抱歉，我帮您查询。'],
    ['```\n很抱歉，我帮您查询。\n```', '很抱歉，我帮您查询。'],
    ['```text\n很抱歉\n```', '很抱歉'],
    ['改写后：很抱歉', '很抱歉'],
    ['回复: “很抱歉”', '很抱歉'],
    ['Reply: "Sorry, let me check."', 'Sorry, let me check.'],
    ['“很抱歉”，我说“马上”', '“很抱歉”，我说“马上”'],
    ['「很抱歉」', '很抱歉'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanAnswer(raw)).toBe(clean);
  });
});
