// Structured logs (pino): one line per request with its id, route, status and time — never the
// request's text, the reply, a header value or the client's address, which may be personal data.
// Whatever else a line carries (an error's message, a reload problem, a warning) goes through the
// masking path first.

import { pino, type DestinationStream, type Logger } from 'pino';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LogLevel } from './settings.js';
import { maskEveryString } from '../pii/scan.js';

export interface LoggerOptions {
  level?: LogLevel;
  /** Where the JSON lines go (default: standard output, buffered). */
  stream?: DestinationStream;
}

export interface ServerLogger {
  logger: Logger;
  /** Writes out what is buffered (before the process exits); settles within FLUSH_WAIT_MS. */
  flush(): Promise<void>;
}

/** How long a final flush may take: a log reader that stopped reading must not keep us alive. */
const FLUSH_WAIT_MS = 1_000;

type Mask = (text: string) => string;

/** pino options that mask every logged string. */
function masking(mask: Mask) {
  return {
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => maskEveryString(a, mask)));
      },
    },
  };
}

export function createLogger(o: LoggerOptions, level: LogLevel, mask: Mask = (t) => t): ServerLogger {
  if (o.stream) {
    const logger = pino({ level: o.level ?? level, base: { pid: process.pid }, ...masking(mask) }, o.stream);
    return { logger, flush: async () => undefined };
  }
  // Lines are gathered up to 4 KB (one write instead of twenty under load) and written out at
  // least every 200 ms, so that a quiet server's log is never more than that behind.
  const dest = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  const logger = pino({ level: o.level ?? level, base: { pid: process.pid }, ...masking(mask) }, dest);
  let closed = false;
  const timer = setInterval(() => {
    try {
      dest.flush();
    } catch {
      // Not open yet: nothing to write.
    }
  }, 200);
  timer.unref();
  // The reader of our log went away (EPIPE: `replylint serve | head`): stop logging rather than
  // crash. sonic-boom's flushSync() retries such an error forever, so it is never called here.
  dest.on('error', () => {
    closed = true;
    clearInterval(timer);
    logger.level = 'silent';
  });
  return {
    logger,
    flush() {
      clearInterval(timer);
      if (closed) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const giveUp = setTimeout(resolve, FLUSH_WAIT_MS);
        giveUp.unref();
        try {
          dest.flush(() => {
            clearTimeout(giveUp);
            resolve();
          });
        } catch {
          // Not open yet, or nothing buffered: nothing to lose.
          clearTimeout(giveUp);
          resolve();
        }
      });
    },
  };
}

/** The onResponse hook: the one log line of a request. Routes are logged as patterns, not URLs. */
export function logRequest(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const status = reply.statusCode;
  const fields = {
    method: request.method,
    route: request.routeOptions.url ?? '(no route)',
    status,
    ms: Math.round(reply.elapsedTime * 100) / 100,
    ...(request.errorCode ? { error: request.errorCode } : {}),
  };
  // A 500 is a bug to look at; a 503 (no LLM, shutting down, timeout) is a state worth a warning.
  if (status === 500) request.log.error(fields, 'request');
  else if (status >= 500) request.log.warn(fields, 'request');
  else request.log.info(fields, 'request');
  done();
}
