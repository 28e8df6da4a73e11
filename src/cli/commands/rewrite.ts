// `replylint rewrite`: registered here; the implementation (and the LLM client) is imported only
// when the command runs.

import { type Command, Option } from 'commander';
import { collect } from '../options.js';

export function register(program: Command): void {
  program
    .command('rewrite')
    .description('rewrite a draft with an LLM (masked personal data; returned only when it passes and scores higher)')
    .argument('[text...]', 'the draft reply; read from standard input when absent')
    .option('--message <text>', 'what the customer wrote (the model sees it masked; templates are ranked by it)')
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json']))
    .option('--rules <file>', 'another rule file layered over banned-phrases.yaml (repeatable)', collect)
    .option('--config <file>', 'configuration file (default: the nearest .replylint.yaml)')
    .option('--no-config', 'ignore configuration files')
    .addOption(new Option('--fail-on <severity>', 'lowest severity a rewrite must not have').choices(['error', 'warning', 'info']))
    .option('--phrasebook <dir>', 'phrasebook folder (default: the configuration\'s, else the shipped one)')
    .option('--color', 'force colour in pretty output')
    .option('--no-color', 'no colour in pretty output')
    .addHelpText(
      'after',
      '\nConfiguration: REPLYLINT_LLM_MODEL (or llm.model), OPENAI_API_KEY (or the variable llm.apiKeyEnv names)\n' +
        'and OPENAI_BASE_URL (or llm.baseUrl) for any OpenAI-compatible endpoint (vLLM, Ollama, a gateway).\n' +
        'Exit codes: 0 rewrite accepted (or nothing to rewrite), 1 no acceptable rewrite, 2 not configured or the LLM failed.',
    )
    .action(async (text: string[], opts) => {
      const { runRewrite } = await import('../rewrite-command.js');
      process.exitCode = await runRewrite(text, opts);
    });
}
