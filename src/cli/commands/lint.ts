// `replylint lint`: reply-template files and folders, or what is staged in git.

import type { Command } from 'commander';
import { commonOptions } from '../options.js';

export function register(program: Command): void {
  commonOptions(
    program
      .command('lint')
      .description('lint reply-template files: phrasebook YAML and .txt/.md/.json/.csv reply files')
      .argument('[paths...]', 'files or folders to lint (with --staged: limits the staged files to these)')
      .option('--fix', 'apply the certain fixes (one-to-one replacements) in place')
      .option('--dry-run', 'with --fix: print the diff instead of writing')
      .option('--staged', 'lint the staged version of staged files (what will be committed)')
      .option('--phrasebook <dir>', 'phrasebook folder used by the engine'),
  ).action(async (paths: string[], opts) => {
    const { runLint } = await import('../lint-command.js');
    process.exitCode = await runLint(paths, opts);
  });
}
