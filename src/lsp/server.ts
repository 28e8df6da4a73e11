// `replylint lsp`: a Language Server Protocol server over stdio. Diagnostics as you type for reply
// files, phrasebook YAML (validated with its folder, open siblings' unsaved text included), the
// workspace configuration and the rule files it names; code actions, hovers; the configuration
// reloaded when it changes. Nothing but the protocol loads at start: the engine and the lint layer
// come in through the host when the first document opens.

import { basename, dirname, sep } from 'node:path';
import { watch, type FSWatcher } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../config/problems.js';
import type { DocumentLint, LintSession, LspHost } from './host.js';
import { findingDiagnostic, findingRange, noticeDiagnostic, problemDiagnostic } from './diagnostics.js';
import { FIX_ALL_KIND, fixAllAction, quickFixes } from './code-actions.js';
import { hoverContent } from './hover.js';
import { LintScheduler } from './scheduler.js';

/** Milliseconds of quiet after an edit before the document is linted (a burst of keystrokes is linted once). */
export const DEFAULT_DEBOUNCE_MS = 10;

export interface ServerOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  debounceMs?: number;
  version: string;
}

interface Linted {
  version: number;
  lint: DocumentLint;
  session: LintSession;
}

function pathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

const hasProblems = (e: unknown): e is Error & { problems: Problem[] } => e instanceof Error && Array.isArray((e as { problems?: unknown }).problems);

/** `requested` (a kind the client asked for) covers `kind` when equal or a parent of it. */
const covers = (requested: string, kind: string): boolean => kind === requested || kind.startsWith(requested + '.');

export function startServer(host: LspHost, o: ServerOptions): Connection {
  const connection = createConnection(o.input, o.output);
  const documents = new TextDocuments(TextDocument);
  let roots: string[] = [];
  let debounceMs = o.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const sessions = new Map<string, Promise<LintSession>>();
  const configOfDir = new Map<string, string | null>();
  const results = new Map<string, Linted>();
  const watchers = new Map<string, FSWatcher>();
  let watchedNames = new Set<string>(host.configNames);

  const rootOf = (path: string): string | null => roots.filter((r) => path === r || path.startsWith(r.endsWith(sep) ? r : r + sep)).sort((a, b) => b.length - a.length)[0] ?? null;

  /** The open documents' texts by path: what the lint layer reads instead of the files. */
  const overlay = (): Map<string, string> => {
    const m = new Map<string, string>();
    for (const d of documents.all()) {
      const p = pathOf(d.uri);
      if (p) m.set(p, d.getText());
    }
    return m;
  };

  /** Masking where no session of the document's own can be had (configuration files, a broken configuration). */
  const fallbackMask = (s: string): Promise<string> => host.mask(s);

  function sessionFor(path: string): Promise<LintSession> {
    const dir = dirname(path);
    let config = configOfDir.get(dir);
    if (config === undefined) {
      config = host.findConfig(dir);
      configOfDir.set(dir, config);
    }
    const root = rootOf(path) ?? dir;
    const key = config ?? `(none):${root}`;
    let s = sessions.get(key);
    if (!s) {
      s = host.openSession(config ? dirname(config) : root, root);
      sessions.set(key, s);
      s.then(
        (session) => {
          for (const f of session.watched) watchFile(f);
          connection.console.info(`replylint: ${session.configFile ? `configuration ${session.configFile}` : 'no configuration file: shipped rules'}`);
        },
        () => {
          if (config) watchFile(config);
        },
      );
    }
    return s;
  }

  /** Lints a document (or returns its lint of this version); null when it is not replylint's. */
  async function lintOf(doc: TextDocument): Promise<Linted | null> {
    const known = results.get(doc.uri);
    if (known && known.version === doc.version) return known;
    const path = pathOf(doc.uri);
    if (!path || !host.isLintable(path, rootOf(path))) return null;
    const session = await sessionFor(path);
    if (session.ruleFiles.includes(path)) return null;
    const version = doc.version;
    const lint = await session.lint(path, overlay());
    const linted = { version, lint, session };
    if (documents.get(doc.uri)?.version === version) results.set(doc.uri, linted);
    return linted;
  }

  async function diagnose(doc: TextDocument): Promise<Diagnostic[]> {
    const path = pathOf(doc.uri);
    if (!path) return [];
    const problemsOf = (problems: Problem[]): Promise<Diagnostic[]> =>
      Promise.all(
        problems.map(async (p) => {
          const masked: Problem = { ...p, message: await fallbackMask(p.message) };
          if (p.found !== undefined) masked.found = await fallbackMask(p.found);
          return problemDiagnostic(doc, masked, (s) => s);
        }),
      );
    if (host.configNames.includes(basename(path))) return problemsOf(await host.validateConfigText(path, doc.getText()));
    const yaml = /\.ya?ml$/i.test(path);
    if (!yaml && !host.isLintable(path, rootOf(path))) return [];
    let session: LintSession;
    try {
      session = await sessionFor(path);
    } catch (e) {
      if (!hasProblems(e)) throw e;
      const first = e.problems[0];
      const where = first ? `${first.file}:${first.line}:${first.column}: ${first.message}` : e.message;
      const more = e.problems.length > 1 ? ` (and ${e.problems.length - 1} more)` : '';
      return [noticeDiagnostic('configuration', await fallbackMask(`replylint cannot load its configuration, so this file is not linted: ${where}${more}`))];
    }
    if (session.ruleFiles.includes(path)) {
      const problems = await host.validateRuleText(path, doc.getText());
      return problems.map((p) => problemDiagnostic(doc, p, session.mask));
    }
    const linted = await lintOf(doc);
    if (!linted) return [];
    const { lint } = linted;
    return [...lint.problems.map((p) => problemDiagnostic(doc, p, session.mask)), ...lint.findings.map((f) => findingDiagnostic(doc, f, session.mask))];
  }

  const scheduler = new LintScheduler(debounceMs, async (uri) => {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = await diagnose(doc);
    } catch (e) {
      connection.console.error(`replylint: ${await fallbackMask((e as Error).message)}`);
      diagnostics = [noticeDiagnostic('internal', await fallbackMask(`replylint could not lint this file: ${(e as Error).message}`))];
    }
    const now = documents.get(uri);
    // A newer version has its own lint coming; a closed document keeps the empty list it was sent.
    if (!now || now.version !== version) return;
    await connection.sendDiagnostics({ uri, version, diagnostics });
  });

  const relintAll = (): void => {
    for (const d of documents.all()) scheduler.schedule(d.uri);
  };

  /** The configuration, its rule files or a phrasebook on disk changed: start again from the files. */
  const reload = (): void => {
    sessions.clear();
    configOfDir.clear();
    results.clear();
    relintAll();
  };

  let reloadTimer: NodeJS.Timeout | undefined;
  const reloadSoon = (): void => {
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(reload, 50);
  };

  /**
   * Watches the folder of a file the sessions depend on (editors save by renaming, so the folder,
   * not the file): works with every client, including those that do not watch files for servers.
   */
  function watchFile(file: string): void {
    watchedNames = new Set([...watchedNames, basename(file)]);
    const dir = dirname(file);
    if (watchers.has(dir)) return;
    try {
      const w = watch(dir, { persistent: false }, (_event, name) => {
        if (name && watchedNames.has(basename(String(name)))) reloadSoon();
      });
      w.on('error', () => watchers.delete(dir));
      watchers.set(dir, w);
    } catch {
      // a folder that cannot be watched only loses the automatic reload
    }
  }

  connection.onInitialize((params: InitializeParams) => {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders.map(pathOf).filter((p): p is string => p !== null);
    const init = params.initializationOptions as { debounceMs?: unknown } | undefined;
    if (typeof init?.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    scheduler.delayMs = debounceMs;
    const dynamicWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    connection.onInitialized(() => {
      // Without a configuration yet, a .replylint.yaml created in the workspace is noticed too.
      for (const r of roots) for (const name of host.configNames) watchFile(`${r}${sep}${name}`);
      if (dynamicWatch) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/{${host.configNames.join(',')}}` }, { globPattern: '**/*.{yaml,yml}' }],
        });
      }
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
      },
      serverInfo: { name: 'replylint', version: o.version },
    };
  });

  documents.onDidChangeContent((e) => scheduler.schedule(e.document.uri));
  documents.onDidClose((e) => {
    scheduler.cancel(e.document.uri);
    results.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    // Siblings validated against its unsaved text now see the file on disk again.
    relintAll();
  });
  documents.onDidSave((e) => {
    const path = pathOf(e.document.uri);
    if (path && watchedNames.has(basename(path))) reload();
  });

  connection.onDidChangeWatchedFiles((p) => {
    const names = p.changes.map((c) => pathOf(c.uri)).filter((x): x is string => x !== null);
    if (names.some((n) => watchedNames.has(basename(n)))) reloadSoon();
    else if (names.some((n) => /\.ya?ml$/i.test(n))) {
      // A phrasebook file changed on disk: open siblings are validated against it again.
      results.clear();
      relintAll();
    }
  });

  connection.onCodeAction(async (params): Promise<CodeAction[]> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    try {
      const linted = await lintOf(doc);
      if (!linted || documents.get(doc.uri)?.version !== linted.version) return [];
      const only = params.context.only;
      const wants = (kind: string): boolean => !only || only.some((k) => covers(k, kind));
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) actions.push(...quickFixes(doc, linted.lint, params.range, linted.session.mask));
      if (wants(FIX_ALL_KIND) && linted.lint.findings.some((f) => f.fix)) {
        const before = doc.getText();
        const after = await linted.session.fixAll(pathOf(doc.uri)!, overlay());
        if (after !== null && after !== before && documents.get(doc.uri)?.version === linted.version) actions.push(fixAllAction(doc, before, after));
      }
      return actions;
    } catch (e) {
      connection.console.error(`replylint: code actions failed: ${await fallbackMask((e as Error).message)}`);
      return [];
    }
  });

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    try {
      const linted = await lintOf(doc);
      if (!linted) return null;
      const at = doc.offsetAt(params.position);
      const f = linted.lint.findings.find((x) => x.start <= at && at < x.end) ?? linted.lint.findings.find((x) => x.start <= at && at <= x.end);
      if (!f) return null;
      const comment = linted.lint.disableEdit(f, 'line')?.text.trim() ?? null;
      return { contents: hoverContent(linted.session, f, comment), range: findingRange(doc, f) };
    } catch {
      return null;
    }
  });

  connection.onShutdown(() => {
    scheduler.dispose();
    if (reloadTimer) clearTimeout(reloadTimer);
    for (const w of watchers.values()) w.close();
    watchers.clear();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
