// Options several commands share.

import { type Command, Option } from 'commander';

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function commonOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json', 'jsonl', 'sarif', 'github']))
    .option('--rules <file>', 'another rule file layered over banned-phrases.yaml (repeatable)', collect)
    .option('--config <file>', 'configuration file (default: the nearest .replylint.yaml)')
    .option('--no-config', 'ignore configuration files')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails (exit 1)').choices(['error', 'warning', 'info']))
    .addOption(new Option('--locale <locale>', 'language of messages').choices(['zh', 'en', 'auto']))
    .option('--color', 'force colour in pretty output')
    .option('--no-color', 'no colour in pretty output');
}

