// The `llm:` section of .replylint.yaml and the environment variables that override it, resolved
// into the settings of one OpenAI-compatible endpoint — or into the reason there is none.

import { z } from 'zod';

/** Where the default endpoint lives when neither OPENAI_BASE_URL nor llm.baseUrl is set. */
export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export const llmSettingsSchema = z
  .object({
    /** OpenAI-compatible endpoint (vLLM, Ollama, an internal gateway …); OPENAI_BASE_URL wins. */
    baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:11434/v1' }).optional(),
    /** Model name; REPLYLINT_LLM_MODEL wins. */
    model: z.string().min(1).optional(),
    /** Name of the environment variable that holds the API key (default OPENAI_API_KEY). */
    apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the NAME of an environment variable, such as OPENAI_API_KEY').optional(),
    /** Time limit of one HTTP request, in milliseconds. */
    timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
    /** HTTP retries on 408/409/429/5xx and connection errors, with exponential backoff. */
    maxRetries: z.number().int().min(0).max(10).default(2),
    /** Rewrite attempts: answers that do not pass or are not better than the draft are retried. */
    attempts: z.number().int().min(1).max(10).default(3),
    /** Requests to the model at once (per process); more wait their turn. */
    concurrency: z.number().int().min(1).max(64).default(4),
    temperature: z.number().min(0).max(2).default(0.3),
    /** Longest answer the model may write, in tokens. */
    maxTokens: z.number().int().min(16).max(8192).default(600),
    /** The team's own instructions for the model (tone, forms of address …). */
    instructions: z.string().max(4000).optional(),
    apiKey: z.never({ error: 'do not put an API key in a file: set it in an environment variable and name that variable with llm.apiKeyEnv' }).optional(),
  })
  .strict();

export type LlmFileSettings = z.output<typeof llmSettingsSchema>;

export interface LlmSettings extends Omit<LlmFileSettings, 'baseUrl' | 'model' | 'apiKeyEnv' | 'apiKey'> {
  baseUrl: string;
  model: string;
  apiKey: string;
}

/** An `llm:` section that does not validate; issue paths start at the top of the configuration file. */
export class LlmSettingsError extends Error {
  override readonly name = 'LlmSettingsError';
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('\n'));
  }
}

export type Resolved = { configured: true; settings: LlmSettings } | { configured: false; message: string };

/** Environment variables that take precedence over the file. */
export const ENV = { baseUrl: 'OPENAI_BASE_URL', model: 'REPLYLINT_LLM_MODEL', apiKey: 'OPENAI_API_KEY' } as const;

const nonEmpty = (s: string | undefined): string | undefined => (s !== undefined && s.trim() !== '' ? s.trim() : undefined);

/**
 * Resolves settings from the raw `llm:` section (unknown: the configuration schema keeps it
 * open) and the environment. Needs a model, and an API key or an endpoint of one's own (local
 * servers such as Ollama or vLLM usually need no key). Throws LlmSettingsError for a bad section.
 */
export function resolveLlmSettings(raw: unknown, env: NodeJS.ProcessEnv): Resolved {
  const parsed = llmSettingsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new LlmSettingsError(parsed.error.issues.map((i) => ({ ...i, path: ['llm', ...i.path] })));
  }
  const file = parsed.data;
  const keyVar = file.apiKeyEnv ?? ENV.apiKey;
  const baseUrl = nonEmpty(env[ENV.baseUrl]) ?? file.baseUrl;
  const model = nonEmpty(env[ENV.model]) ?? file.model;
  const apiKey = nonEmpty(env[keyVar]);
  const missing: string[] = [];
  if (!model) missing.push(`a model name (${ENV.model}, or llm.model in .replylint.yaml)`);
  if (!apiKey && !baseUrl) missing.push(`an API key (${keyVar}) for ${DEFAULT_BASE_URL}, or an endpoint of your own (${ENV.baseUrl}, or llm.baseUrl)`);
  if (missing.length > 0) return { configured: false, message: `the LLM rewrite is not configured: set ${missing.join(' and ')}` };
  const { apiKeyEnv: _k, apiKey: _a, ...rest } = file;
  // Endpoints of one's own often need no key; the client insists on one, so send a dummy.
  return { configured: true, settings: { ...rest, baseUrl: baseUrl ?? DEFAULT_BASE_URL, model: model!, apiKey: apiKey ?? 'no-key' } };
}
