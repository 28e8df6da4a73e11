// `replylint rewrite` — registered here; the implementation is imported only when the command runs.

import type { Command } from 'commander';
import { UsageError } from '../errors.js';

export function register(program: Command): void {
  program
    .command('rewrite')
    .description('(being built)')
    .action(() => {
      throw new UsageError('rewrite is not available yet');
    });
}
