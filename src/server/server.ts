// The HTTP server of `replylint serve` (SPEC §6): fastify with JSON-only bodies validated by zod,
// JSON errors, CORS, an optional API key and rate limit, one log line per request, rules loaded
// once and reloaded atomically, and a graceful close.

import { join, resolve } from 'node:path';
import { fastify, LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { PACKAGE_ROOT } from '../config/files.js';
import type { EngineOptions } from '../engine.js';
import { clientErrorHandler, errorHandler, HttpError } from './http-error.js';
import { apiKeyGuard, corsHook, originGuard, originPolicy } from './guards.js';
import { createLogger, logRequest, type LoggerOptions } from './logging.js';
import { loadRules, type RulesHolder } from './loaded-rules.js';
import { parseServerSettings, resolveApiKey, type ServerSettings, type ServerSettingsInput } from './settings.js';
import { checkRoute } from './routes/check.js';
import { suggestRoute } from './routes/suggest.js';
import { feedbackLog } from './feedback-log.js';
import { rewriteRoute, type Rewriter } from './routes/rewrite.js';
import { healthRoute, reloadLogged, reloadRoute } from './routes/admin.js';
import { staticRoutes } from './routes/static-files.js';

export interface ServerOptions {
  host?: string;
  port?: number;
  /** Configuration file; `false` = none; default: the nearest .replylint.yaml from `cwd`. */
  config?: string | false;
  cwd?: string;
  /** Extra rule files and another phrasebook folder, as on the command line. */
  rules?: string[];
  phrasebook?: string;
  /** Settings over the configuration's `server:` section (host and port above win over both). */
  settings?: ServerSettingsInput;
  /** `false` = no logs; otherwise where and from which level (default: stdout, settings.logLevel). */
  logger?: false | LoggerOptions;
  /** The LLM rewriter behind /v1/rewrite; without one it answers 503. */
  rewriter?: Rewriter;
  /** Folder of widget.js and index.html (default: the package's web/). */
  webDir?: string;
  /** The feedback log over the configuration's `suggest.feedback` (relative to `cwd`); false = none. */
  feedback?: string | false;
}

export interface BuiltServer {
  app: FastifyInstance;
  rules: RulesHolder;
  settings: ServerSettings;
  logger: Logger | null;
  /** Writes out buffered log lines. */
  flushLogs(): Promise<void>;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  rules: RulesHolder;
  settings: ServerSettings;
  /** Reloads the rules and phrasebook (as POST /v1/reload and SIGHUP do); logs the outcome. */
  reload(): ReturnType<RulesHolder['reload']>;
  /** Stops accepting connections, finishes the requests in flight, then resolves. */
  close(): Promise<void>;
  logger: Logger | null;
  /** Writes out buffered log lines. */
  flushLogs(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The path of a URL, percent-decoded where it decodes. */
function decodedPath(url: string): string {
  const path = url.split('?')[0]!;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Request ids: the caller's X-Request-Id when it is a plain token, else a counter. */
function requestIds(): (req: IncomingMessage) => string {
  let n = 0;
  return (req) => {
    const given = req.headers['x-request-id'];
    if (typeof given === 'string' && REQUEST_ID.test(given)) return given;
    n = (n + 1) % Number.MAX_SAFE_INTEGER;
    return `r${n.toString(36)}`;
  };
}

export async function buildServer(o: ServerOptions = {}): Promise<BuiltServer> {
  const engineOptions: EngineOptions = {
    ...(o.cwd ? { cwd: o.cwd } : {}),
    ...(o.config !== undefined ? { config: o.config } : {}),
    ...(o.rules ? { rules: o.rules } : {}),
    ...(o.phrasebook ? { phrasebook: o.phrasebook } : {}),
  };
  // Warnings while loading (no embedding model …) wait for the logger, which needs the settings,
  // which come from the configuration the rules are loaded with.
  const early: string[] = [];
  let warnLog: ((m: string) => void) | null = null;
  const warn = (m: string): void => (warnLog ? warnLog(m) : void early.push(m));
  const rules = await loadRules(engineOptions, warn);
  const { engine } = rules.current;
  const settings = parseServerSettings({ ...(engine.config.server ?? {}), ...(o.settings ?? {}) }, engine.configFile);
  if (o.host !== undefined) settings.host = o.host;
  if (o.port !== undefined) settings.port = o.port;
  const apiKey = resolveApiKey(settings, engine.configFile);
  const feedback = feedbackLog(o.feedback === false ? null : o.feedback !== undefined ? resolve(o.cwd ?? process.cwd(), o.feedback) : (await engine.suggestSettings()).feedbackFile);

  // Every text a response or a log line carries goes through the rule set's masking path.
  const mask = (text: string): string => rules.current.engine.mask(text);
  const log = o.logger === false ? null : createLogger(o.logger ?? {}, settings.logLevel, mask);
  if (log) {
    warnLog = (m) => log.logger.warn(m);
    for (const m of early) warnLog(m);
  }

  const app = fastify({
    ...(log ? { loggerInstance: log.logger } : { logger: false }),
    // fastify's own two lines per request are replaced by logRequest's one.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestIds(),
    bodyLimit: settings.bodyLimit,
    // A request must arrive completely (headers and body) within timeoutMs, else 408. Node checks
    // this for all connections together, so it costs nothing per request (unlike fastify's
    // handlerTimeout, which the routes that can wait on something use: see suggest).
    requestTimeout: settings.timeoutMs,
    http: { headersTimeout: settings.timeoutMs, requestTimeout: settings.timeoutMs, connectionsCheckingInterval: Math.min(1_000, Math.max(50, settings.timeoutMs / 4)) },
    clientErrorHandler,
    return503OnClosing: false,
  }) as unknown as FastifyInstance;

  app.decorateRequest('errorCode', null);
  app.setErrorHandler(errorHandler(settings.bodyLimit, mask));
  app.setNotFoundHandler((request: FastifyRequest) => {
    // Decoded (电话 is %E7%94%B5%E8%AF%9D on the wire) and masked before it is cut short, so that
    // no half of a value survives the cut.
    throw new HttpError(404, 'not-found', `no such endpoint: ${request.method} ${mask(decodedPath(request.url)).slice(0, 100)}`);
  });
  // JSON only: without a parser for text/plain, every other content type is a 415.
  app.removeContentTypeParser('text/plain');
  app.addHook('onResponse', logRequest);

  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  // A request that slips in while closing (read from an open connection at that very moment) is
  // refused in the API's JSON shape rather than fastify's own.
  app.addHook('onRequest', (_request, _reply, done) => {
    if (!closing) return done();
    done(new HttpError(503, 'shutting-down', 'the server is shutting down; try again shortly'));
  });
  // Every answer names its request id (as the log does); while closing, every answer (those in
  // flight included) ends its connection.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  const policy = originPolicy(settings.cors.origins);
  app.addHook('onRequest', corsHook(policy));
  // Preflight requests are answered by corsHook; this route only keeps them from being 404s.
  app.options('*', async (_request, reply) => reply.code(204).send());

  healthRoute(app, rules);
  staticRoutes(app, o.webDir ?? join(PACKAGE_ROOT, 'web'));

  await app.register(
    async (v1) => {
      if (settings.rateLimit) {
        const { default: rateLimit } = await import('@fastify/rate-limit');
        await v1.register(rateLimit, {
          global: false,
          max: settings.rateLimit.max,
          timeWindow: settings.rateLimit.timeWindow,
          errorResponseBuilder: () => new HttpError(429, 'rate-limited', 'too many requests from this client; wait for the seconds in the Retry-After header'),
        });
        // First of all: a client over its limit is refused before anything else is looked at.
        v1.addHook('onRequest', v1.rateLimit());
      }
      v1.addHook('onRequest', originGuard(policy));
      if (apiKey) v1.addHook('onRequest', apiKeyGuard(apiKey));
      checkRoute(v1, rules);
      suggestRoute(v1, rules, settings.timeoutMs, feedback);
      rewriteRoute(v1, rules, o.rewriter);
      reloadRoute(v1, rules);
    },
    { prefix: '/v1' },
  );

  await app.ready();
  return { app, rules, settings, logger: log?.logger ?? null, flushLogs: async () => log?.flush() };
}

function urlOf(address: AddressInfo | string | null): string {
  if (address === null || typeof address === 'string') return String(address);
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export async function startServer(o: ServerOptions = {}): Promise<RunningServer> {
  const built = await buildServer(o);
  const { app, rules, settings } = built;
  await app.listen({ host: settings.host, port: settings.port });
  const url = urlOf(app.server.address());
  app.log.info({ rules: rules.current.rules, templates: rules.current.templates }, 'rules loaded');
  let closed: Promise<void> | null = null;
  return {
    url,
    app,
    rules,
    settings,
    logger: built.logger,
    flushLogs: built.flushLogs,
    reload: () => reloadLogged(rules, app.log),
    close() {
      closed ??= app.close().then(() => built.flushLogs());
      return closed;
    },
  };
}
