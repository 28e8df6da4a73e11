// `replylint lsp` — registered here; the protocol library is imported only when the command runs,
// and the engine only when the editor opens the first file.

import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('lsp')
    .description('start the language server for editors (LSP over standard input and output)')
    .option('--stdio', 'talk over standard input and output (the default and only transport; accepted for clients that pass it)')
    .option('--debounce <ms>', 'milliseconds of quiet after an edit before linting (default 10)')
    .allowUnknownOption()
    .action(async (opts: { debounce?: string }) => {
      const { runLsp } = await import('../lsp-command.js');
      await runLsp(opts);
    });
}
