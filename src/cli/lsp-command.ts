// Starts the language server with the lint layer as its host: the server module speaks the
// protocol; what it lints with (editor sessions over the engine and lint layer) is imported the
// first time a document needs it, so that an editor starting the server pays only for the protocol.

import { basename, relative, sep } from 'node:path';
import { CONFIG_NAMES, findConfig, packageVersion } from '../config/files.js';
import { lintableName } from '../lint/segment.js';
import type { LspHost } from '../lsp/host.js';
import type { Engine } from '../engine.js';
import { UsageError } from './errors.js';
import { decodeUtf8 } from './io.js';

/** What the folder walk of `lint` skips: dot folders and node_modules. */
function walked(path: string, root: string | null): boolean {
  const rel = root ? relative(root, path) : basename(path);
  if (rel.startsWith('..')) return !basename(path).startsWith('.');
  return !rel.split(sep).some((part) => part.startsWith('.') || part === 'node_modules');
}

let shipped: Promise<Engine> | undefined;

export const lintHost: LspHost = {
  configNames: CONFIG_NAMES,
  findConfig,
  isLintable: (path, root) => lintableName(basename(path)) && walked(path, root),
  async openSession(dir, root) {
    const { openSession } = await import('../lint/editor-session.js');
    return openSession(dir, { decode: decodeUtf8, root });
  },
  async validateConfigText(file, text) {
    return (await import('../lint/editor-session.js')).validateConfigText(file, text);
  },
  async validateRuleText(file, text) {
    return (await import('../lint/editor-session.js')).validateRuleText(file, text);
  },
  async mask(text) {
    shipped ??= import('../engine.js').then(({ createEngine }) => createEngine({ config: false }));
    return (await shipped).mask(text);
  },
};

export async function runLsp(o: { debounce?: string }): Promise<void> {
  let debounceMs: number | undefined;
  if (o.debounce !== undefined) {
    debounceMs = Number(o.debounce);
    if (!Number.isFinite(debounceMs) || debounceMs < 0) throw new UsageError(`--debounce takes milliseconds (a number ≥ 0), not "${o.debounce}"`);
  }
  const { startServer } = await import('../lsp/server.js');
  startServer(lintHost, { input: process.stdin, output: process.stdout, version: packageVersion(), ...(debounceMs !== undefined ? { debounceMs } : {}) });
}
