// `replylint lint`: reply-template files and folders.

import type { Command } from 'commander';
import { commonOptions } from '../options.js';

export function register(program: Command): void {
  commonOptions(
    program
      .command('lint')
      .description('lint reply-template files: phrasebook YAML and .txt/.md/.json/.csv reply files')
      .argument('<paths...>', 'files or folders to lint'),
  ).action(async (paths: string[], opts) => {
    const { runLint } = await import('../lint-command.js');
    process.exitCode = await runLint(paths, opts);
  });
}
