// `replylint serve` — registered here; the server (fastify, pino …) is imported only when the
// command runs.

import type { Command } from 'commander';
import { collect } from '../options.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP server: POST /v1/check, /v1/suggest, /v1/rewrite; GET /healthz, /widget.js')
    .option('--host <host>', 'interface to listen on (default: server.host in the configuration, else 127.0.0.1)')
    .option('--port <port>', 'port to listen on; 0 = any free port (default: server.port, else 8787)')
    .option('--config <file>', 'configuration file (default: the nearest .replylint.yaml)')
    .option('--no-config', 'ignore configuration files')
    .option('--rules <file>', 'another rule file layered over banned-phrases.yaml (repeatable)', collect)
    .option('--phrasebook <dir>', "phrasebook folder (default: the configuration's, else the shipped one)")
    .option('--log-level <level>', 'fatal, error, warn, info (default), debug, trace or silent')
    .option('--feedback <file>', "where POST /v1/feedback appends the agents' choices (default: suggest.feedback in the configuration, else replylint-feedback.jsonl)")
    .option('--no-feedback', 'accept no feedback (suggestion answers then carry no id)')
    .action(async (opts) => {
      const { runServe } = await import('../../server/serve-command.js');
      process.exitCode = await runServe(opts);
    });
}
