// `replylint check`: one reply, or a JSON Lines batch.

import type { Command } from 'commander';
import { commonOptions } from '../options.js';

export function register(program: Command): void {
  commonOptions(
    program
      .command('check')
      .description('check TEXT (or standard input) and print findings')
      .argument('[text...]', 'the reply to check; read from standard input when absent')
      .option('--jsonl', 'batch: read {"id","text"} JSON Lines on standard input, write one result per line'),
  ).action(async (text: string[], opts) => {
    const { runCheck } = await import('../check-command.js');
    process.exitCode = await runCheck(text, opts);
  });
}
