// A real LSP client for the tests: spawns `replylint lsp` (bin/replylint → dist/) and speaks the
// protocol to it through vscode-languageserver-protocol's node connection (vscode-jsonrpc), the
// same library VS Code's language client is built on.
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { BIN } from './cli.js';

export const uriOf = (path: string): string => pathToFileURL(path).href;

export interface LspClient {
  connection: ProtocolConnection;
  child: ChildProcess;
  init: InitializeResult;
  /** Every diagnostics notification received, in order, with the time it arrived. */
  published: Array<PublishDiagnosticsParams & { at: number }>;
  stderr(): string;
  open(path: string, text: string, languageId?: string): void;
  change(path: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  save(path: string): void;
  close(path: string): void;
  /** Resolves with the first diagnostics for `path` (published after `since`) that `accept` takes. */
  diagnostics(path: string, accept?: (d: Diagnostic[], version: number | undefined) => boolean, since?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams & { at: number }>;
  codeActions(path: string, range: Range, only?: string[]): Promise<CodeAction[]>;
  hover(path: string, line: number, character: number): Promise<Hover | null>;
  stop(): Promise<number | null>;
}

export async function startLsp(root: string, opts: { env?: NodeJS.ProcessEnv; args?: string[]; initializationOptions?: unknown } = {}): Promise<LspClient> {
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio', ...(opts.args ?? [])], { cwd: root, env: { ...process.env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const connection = createProtocolConnection(child.stdout!, child.stdin!);
  const published: LspClient['published'] = [];
  const waiters = new Set<() => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push({ ...p, at: performance.now() });
    for (const w of [...waiters]) w();
  });
  connection.listen();
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: uriOf(root),
    workspaceFolders: [{ uri: uriOf(root), name: 'ws' }],
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } } },
    initializationOptions: opts.initializationOptions ?? null,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const versions = new Map<string, number>();
  const client: LspClient = {
    connection,
    child,
    init,
    published,
    stderr: () => err,
    open(path, text, languageId = 'yaml') {
      versions.set(path, 1);
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(path), languageId, version: 1, text } });
    },
    change(path, version, changes) {
      versions.set(path, version);
      void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uriOf(path), version }, contentChanges: changes });
    },
    save(path) {
      void connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: uriOf(path) } });
    },
    close(path) {
      void connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(path) } });
    },
    diagnostics(path, accept = () => true, since = 0, timeoutMs = 20_000) {
      const uri = uriOf(path);
      return new Promise((resolve, reject) => {
        const look = (): boolean => {
          const hit = published.find((p) => p.uri === uri && p.at >= since && accept(p.diagnostics, p.version));
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
          return hit !== undefined;
        };
        const check = (): void => void look();
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching diagnostics for ${path} within ${timeoutMs} ms; got ${JSON.stringify(published.filter((p) => p.uri === uri).map((p) => p.diagnostics.map((d) => d.code)))}; stderr: ${err}`));
        }, timeoutMs);
        waiters.add(check);
        look();
      });
    },
    codeActions(path, range, only) {
      return connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf(path) }, range, context: { diagnostics: [], ...(only ? { only } : {}) } }) as Promise<CodeAction[]>;
    },
    hover(path, line, character) {
      return connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(path) }, position: { line, character } });
    },
    async stop() {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      if (child.exitCode === null) {
        await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
        await connection.sendNotification(ExitNotification.type).catch(() => undefined);
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      const code = child.exitCode ?? (await exited);
      clearTimeout(timer);
      connection.dispose();
      return code;
    },
  };
  return client;
}

/** Applies LSP text edits (one document) to a text, as an editor does. */
export function applyTextEdits(text: string, edits: ReadonlyArray<{ range: Range; newText: string }>): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: { line: number; character: number }): number => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}
