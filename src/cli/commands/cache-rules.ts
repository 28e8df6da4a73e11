// `replylint cache-rules` (hidden): validates the shipped rules into the cache; run by the build.

import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('cache-rules', { hidden: true })
    .description('validate the shipped rules and store them in the cache (run by the build)')
    .option('--quiet', 'print nothing on success')
    .action(async (opts: { quiet?: boolean }) => {
      const { createEngine } = await import('../../engine.js');
      const engine = await createEngine({ config: false });
      if (!opts.quiet) process.stdout.write(`${engine.ruleSet.rules.length} rules cached\n`);
    });
}
