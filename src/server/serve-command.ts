// `replylint serve`: starts the server, says where it listens, reloads the rules on SIGHUP and
// shuts down gracefully on SIGTERM/SIGINT (stop accepting, answer what is in flight, exit 0).

import { UsageError } from '../cli/errors.js';
import { LOG_LEVELS, type LogLevel } from './settings.js';
import { startServer, type ServerOptions } from './server.js';

export interface ServeCommandOptions {
  host?: string;
  port?: string;
  config?: string | false;
  rules?: string[];
  phrasebook?: string;
  logLevel?: string;
  /** The feedback log (--feedback FILE), or false (--no-feedback); commander may give true for neither. */
  feedback?: string | boolean;
}

function parsePort(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!/^\d+$/.test(s) || n > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535 (got "${s}")`);
  return n;
}

function parseLogLevel(s: string | undefined): LogLevel | undefined {
  if (s === undefined) return undefined;
  if (!(LOG_LEVELS as readonly string[]).includes(s)) throw new UsageError(`unknown --log-level "${s}" (use ${LOG_LEVELS.join(', ')})`);
  return s as LogLevel;
}

export async function runServe(o: ServeCommandOptions): Promise<number> {
  const port = parsePort(o.port);
  const level = parseLogLevel(o.logLevel);
  const options: ServerOptions = {
    ...(o.host !== undefined ? { host: o.host } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(o.config !== undefined ? { config: o.config } : {}),
    ...(o.rules ? { rules: o.rules } : {}),
    ...(o.phrasebook ? { phrasebook: o.phrasebook } : {}),
    ...(o.feedback !== undefined && o.feedback !== true ? { feedback: o.feedback } : {}),
    logger: level ? { level } : {},
  };
  let server;
  try {
    server = await startServer(options);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${o.port ?? 'from the configuration'} is already in use (pick another with --port)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot listen on host "${o.host}" (${code})`);
    if (code === 'EACCES') throw new UsageError(`no permission to listen on that port (${code})`);
    throw e;
  }
  process.stderr.write(`replylint: listening on ${server.url}\n`);

  const log = server.app.log;
  const onHangup = (): void => {
    void server.reload();
  };
  process.on('SIGHUP', onHangup);

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
  // A second signal, or requests that outlive their own timeout, end the process at once.
  const force = (why: string): void => {
    log.error(why);
    process.stderr.write(`replylint: ${why}\n`);
    void server.flushLogs().finally(() => process.exit(1));
  };
  process.once('SIGTERM', () => force('second signal: stopped without finishing requests in flight'));
  process.once('SIGINT', () => force('second signal: stopped without finishing requests in flight'));
  const timer = setTimeout(() => force('requests in flight did not finish in time; stopped'), server.settings.timeoutMs + 5_000);
  timer.unref();
  await server.close();
  clearTimeout(timer);
  process.off('SIGHUP', onHangup);
  log.info('stopped');
  await server.flushLogs();
  process.stderr.write('replylint: stopped\n');
  return 0;
}
