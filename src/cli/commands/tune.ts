// `replylint tune FEEDBACK…`: turns the feedback log of `replylint serve` into customer examples
// for the phrasebook (learned.yaml), for a person to review.

import { type Command, Option } from 'commander';

export function register(program: Command): void {
  program
    .command('tune')
    .description("learn from the agents' feedback: propose customer examples (learned.yaml) the ranker gets wrong today")
    .argument('<feedback...>', 'feedback logs written by replylint serve (JSON Lines)')
    .option('--phrasebook <dir>', "phrasebook folder (default: the configuration's, else the shipped one)")
    .option('--write', "add the proposals to learned.yaml in the phrasebook folder (default: only print them)")
    .option('--out <file>', 'write the merged examples file here instead (implies --write)')
    .option('--min <n>', 'propose a message only when at least this many feedback records agree (default 1)')
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json']))
    .option('--config <file>', 'configuration file (default: the nearest .replylint.yaml)')
    .option('--no-config', 'ignore configuration files')
    .action(async (files: string[], opts) => {
      const { runTune } = await import('../tune-command.js');
      process.exitCode = await runTune(files, opts);
    });
}
