// The replylint command line. Each command registers itself from commands/; its implementation is
// imported only when that command runs, so that `replylint check` does not pay for the server,
// the ranker or the LLM client.

import { Command, CommanderError } from 'commander';
import { register as check } from './commands/check.js';
import { register as lint } from './commands/lint.js';
import { register as suggest } from './commands/suggest.js';
import { register as rewrite } from './commands/rewrite.js';
import { register as serve } from './commands/serve.js';
import { register as audit } from './commands/audit.js';
import { register as lsp } from './commands/lsp.js';
import { register as tune } from './commands/tune.js';
import { register as cacheRules } from './commands/cache-rules.js';
import { ConfigError } from '../config/problems.js';
import { packageVersion } from '../config/files.js';
import { InputError, UsageError } from './errors.js';
import { maskPersonalData } from '../pii/scan.js';

export function buildProgram(): Command {
  const program = new Command('replylint')
    .description('Checks customer-service replies for banned phrases, impossible promises, leaked personal data and rude or buck-passing wording.')
    .version(packageVersion(), '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(maskPersonalData(s)) });

  for (const register of [check, lint, suggest, rewrite, serve, audit, tune, lsp, cacheRules]) register(program);

  return program;
}

/** An error for the terminal: whatever it quotes (a line of input, a file's text) is masked. */
function report(message: string): void {
  process.stderr.write(`replylint: ${maskPersonalData(message)}\n`);
}

export async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  // Nobody reads our messages any more: carry on (the server still has to shut down cleanly).
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    } else if (e instanceof ConfigError) {
      for (const line of e.message.split('\n')) report(line);
      process.exitCode = 2;
    } else if (e instanceof UsageError || e instanceof InputError) {
      report(e.message);
      process.exitCode = 2;
    } else {
      report(`internal error: ${(e as Error).message ?? String(e)}${process.env.REPLYLINT_DEBUG ? '\n' + (e as Error).stack : ' (set REPLYLINT_DEBUG=1 for details)'}`);
      process.exitCode = 2;
    }
  }
}
