// The `server:` section of .replylint.yaml: a strict schema (typos are errors, not silently
// ignored), the defaults, and problems that point at the line in the configuration file.

import { z } from 'zod';
import { ConfigError, type Problem } from '../config/problems.js';
import { parseSection } from '../config/section.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const origin = z
  .string()
  .refine((s) => s === '*' || s === 'null' || /^https?:\/\/[^/\s?#]+$/.test(s), {
    message: 'an origin is "*", "null" or scheme://host[:port] with no path, e.g. "https://shop.example.com"',
  });

export const serverSettingsSchema = z
  .object({
    /** Interface to listen on. */
    host: z.string().min(1).default('127.0.0.1'),
    /** TCP port; 0 = any free port. */
    port: z.int().min(0).max(65535).default(8787),
    /** Largest request body in bytes. */
    bodyLimit: z.int().min(256).max(16 * 1024 * 1024).default(64 * 1024),
    /** Longest time from a request's arrival to its answer (body upload included), in ms. */
    timeoutMs: z.int().min(100).max(600_000).default(10_000),
    /** Browser origins (besides the server's own) allowed to call the API. */
    cors: z.object({ origins: z.array(origin).default([]) }).strict().default({ origins: [] }),
    /** Key every /v1 request must send in an `X-API-Key` header (or `Authorization: Bearer`). */
    apiKey: z.string().min(8, 'apiKey must be at least 8 characters').optional(),
    /** Name of the environment variable that holds the key (keeps it out of the file). */
    apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'apiKeyEnv is the name of an environment variable').optional(),
    /** Per-client limit on /v1 requests: at most `max` per `timeWindow` milliseconds. */
    rateLimit: z.object({ max: z.int().min(1), timeWindow: z.int().min(1000).default(60_000) }).strict().optional(),
    logLevel: z.enum(LOG_LEVELS).default('info'),
  })
  .strict()
  .refine((s) => !(s.apiKey && s.apiKeyEnv), { message: 'set apiKey or apiKeyEnv, not both', path: ['apiKey'] });

export type ServerSettings = z.output<typeof serverSettingsSchema>;
export type ServerSettingsInput = z.input<typeof serverSettingsSchema>;

/**
 * Validates the `server:` section of `configFile` (or the defaults when there is none). Problems
 * carry the file's line and column; the YAML is parsed again only when there is a problem.
 */
export function parseServerSettings(raw: unknown, configFile: string | null): ServerSettings {
  return parseSection(serverSettingsSchema, 'server', raw, configFile);
}

/** The API key the settings ask for, if any; a named but empty environment variable is an error. */
export function resolveApiKey(s: ServerSettings, configFile: string | null, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (s.apiKey) return s.apiKey;
  if (!s.apiKeyEnv) return undefined;
  const key = env[s.apiKeyEnv];
  if (key && key.length >= 8) return key;
  const problem: Problem = {
    file: configFile ?? '(server settings)',
    line: 1,
    column: 1,
    code: 'missing-api-key',
    message: `server.apiKeyEnv names ${s.apiKeyEnv}, but that environment variable is ${key ? 'shorter than 8 characters' : 'not set'}`,
  };
  throw new ConfigError([problem]);
}
