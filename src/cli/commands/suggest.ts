// `replylint suggest`: phrasebook templates for a customer message.

import { type Command, Option } from 'commander';

export function register(program: Command): void {
  program
    .command('suggest')
    .description('rank phrasebook templates for a customer message, or say that none fits')
    .argument('[message...]', 'what the customer wrote; read from standard input when absent')
    .option('--jsonl', 'batch: read {"id","text","history"?} JSON Lines on standard input, write {"id","suggestions","confidence","abstained"?} per line')
    .option('--top <n>', 'how many templates (default 3)')
    .option('--history <json>', 'the conversation before the message, oldest first: \'[{"role":"customer","text":"…"},{"role":"agent","text":"…"}]\'')
    .option('--threshold <n>', 'abstain (no suggestions) below this confidence, 0–1 (default: suggest.threshold in the configuration, else 0.3)')
    .option('--all', 'never abstain: show the ranking whatever the confidence')
    .option('--phrasebook <dir>', 'phrasebook folder (default: the configuration\'s, else the shipped one)')
    .option('--context <json>', 'values for template slots, e.g. \'{"店铺名":"小店"}\'')
    .addOption(new Option('--engine <engine>', 'ranking engine (auto = hybrid when a local model loads, else lexical)').choices(['auto', 'lexical', 'embedding', 'hybrid']))
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json', 'jsonl']))
    .option('--config <file>', 'configuration file (default: the nearest .replylint.yaml)')
    .option('--no-config', 'ignore configuration files')
    .option('--color', 'force colour in pretty output')
    .option('--no-color', 'no colour in pretty output')
    .action(async (message: string[], opts) => {
      const { runSuggest } = await import('../suggest-command.js');
      process.exitCode = await runSuggest(message, opts);
    });
}
