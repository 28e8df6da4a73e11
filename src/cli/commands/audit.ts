// `replylint audit`: registered here; the implementation is imported only when the command runs.

import type { Command } from 'commander';
import { Option } from 'commander';
import { commonOptions } from '../options.js';

export function register(program: Command): void {
  commonOptions(
    program
      .command('audit')
      .description('audit chat logs (JSON Lines or CSV turns): every agent turn checked, response times, complaint handling, unfilled template slots; JSON summary and an HTML report')
      .argument('<files...>', 'conversation logs: .jsonl (one turn per line) or .csv (header: session,role,agent,time,text); - reads JSON Lines from standard input')
      .addOption(new Option('--input-format <format>', 'read every file as this format').choices(['jsonl', 'csv']))
      .option('--jobs <n>', 'worker threads (default: the number of cores; 1 = no workers)')
      .option('--top <n>', 'worst conversations to list', '20')
      .option('--output <file>', 'write the summary to FILE instead of standard output')
      .option('--report <file>', 'also write a self-contained HTML report to FILE')
      .option('--phrasebook <dir>', 'phrasebook folder used by the engine')
      .option('--no-progress', 'no progress bar (it is shown only when standard error is a terminal)'),
  ).action(async (files: string[], opts) => {
    const { runAuditCommand } = await import('../audit-command.js');
    process.exitCode = await runAuditCommand(files, opts);
  });
}
