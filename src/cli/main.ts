// The replylint command line. Each command's module is imported only when that command runs, so
// that `replylint check` does not pay for the server, the ranker or the LLM client.

import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../config/problems.js';
import { packageVersion } from '../config/files.js';
import { InputError, UsageError } from './errors.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function commonOptions(cmd: Command): Command {
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

export function buildProgram(): Command {
  const program = new Command('replylint')
    .description('Checks customer-service replies for banned phrases, impossible promises, leaked personal data and rude or buck-passing wording.')
    .version(packageVersion(), '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  commonOptions(
    program
      .command('check')
      .description('check TEXT (or standard input) and print findings')
      .argument('[text...]', 'the reply to check; read from standard input when absent')
      .option('--jsonl', 'batch: read {"id","text"} JSON Lines on standard input, write one result per line'),
  ).action(async (text: string[], opts) => {
    const { runCheck } = await import('./check-command.js');
    process.exitCode = await runCheck(text, opts);
  });

  commonOptions(
    program
      .command('lint')
      .description('lint reply-template files: phrasebook YAML and .txt/.md/.json/.csv reply files')
      .argument('<paths...>', 'files or folders to lint'),
  ).action(async (paths: string[], opts) => {
    const { runLint } = await import('./lint-command.js');
    process.exitCode = await runLint(paths, opts);
  });

  program
    .command('suggest')
    .description('rank phrasebook templates for a customer message')
    .argument('[message...]', 'what the customer wrote; read from standard input when absent')
    .option('--jsonl', 'batch: read {"id","text"} JSON Lines on standard input, write {"id","suggestions"} per line')
    .option('--top <n>', 'how many templates (default 3)')
    .option('--phrasebook <dir>', 'phrasebook folder (default: the configuration\'s, else the shipped one)')
    .option('--context <json>', 'values for template slots, e.g. \'{"店铺名":"小店"}\'')
    .addOption(new Option('--engine <engine>', 'ranking engine (auto = hybrid when a local model loads, else lexical)').choices(['auto', 'lexical', 'embedding', 'hybrid']))
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json', 'jsonl']))
    .option('--config <file>', 'configuration file (default: the nearest .replylint.yaml)')
    .option('--no-config', 'ignore configuration files')
    .option('--color', 'force colour in pretty output')
    .option('--no-color', 'no colour in pretty output')
    .action(async (message: string[], opts) => {
      const { runSuggest } = await import('./suggest-command.js');
      process.exitCode = await runSuggest(message, opts);
    });

  program
    .command('cache-rules', { hidden: true })
    .description('validate the shipped rules and store them in the cache (run by the build)')
    .option('--quiet', 'print nothing on success')
    .action(async (opts: { quiet?: boolean }) => {
      const { createEngine } = await import('../engine.js');
      const engine = await createEngine({ config: false });
      if (!opts.quiet) process.stdout.write(`${engine.ruleSet.rules.length} rules cached\n`);
    });

  return program;
}

function report(message: string): void {
  process.stderr.write(`replylint: ${message}\n`);
}

export async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
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
