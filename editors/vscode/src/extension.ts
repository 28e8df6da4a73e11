// The VS Code client of `replylint lsp`: finds the workspace's replylint (or the configured one),
// starts its language server over stdio and hands it the reply and phrasebook files.

import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** How to start the server: the configured executable, else the workspace's node_modules/replylint. */
function serverOptions(): ServerOptions | null {
  const folder = workspace.workspaceFolders?.[0]?.uri.fsPath;
  const configured = workspace.getConfiguration('replylint').get<string>('path', '').trim();
  if (configured) {
    const command = isAbsolute(configured) || !folder ? configured : join(folder, configured);
    return { command, args: ['lsp', '--stdio'], options: folder ? { cwd: folder } : {} };
  }
  if (!folder) return null;
  const bin = join(folder, 'node_modules', 'replylint', 'bin', 'replylint');
  if (!existsSync(bin)) return null;
  // VS Code's own Node runs the server: nothing else needs to be installed.
  const run = { module: bin, args: ['lsp'], transport: TransportKind.stdio, options: { cwd: folder } };
  return { run, debug: run };
}

export async function activate(context: ExtensionContext): Promise<void> {
  const server = serverOptions();
  if (!server) {
    void window.showWarningMessage('replylint: no node_modules/replylint in this workspace. Install it (npm install --save-dev replylint) or set replylint.path.');
    return;
  }
  const clientOptions: LanguageClientOptions = {
    documentSelector: ['yaml', 'markdown', 'plaintext', 'json', 'jsonc', 'csv'].map((language) => ({ scheme: 'file', language })),
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/{.replylint.yaml,.replylint.yml,replylint.config.yaml,*.yaml,*.yml}') },
    initializationOptions: { debounceMs: workspace.getConfiguration('replylint').get<number>('debounceMs', 10) },
  };
  client = new LanguageClient('replylint', 'replylint', server, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
