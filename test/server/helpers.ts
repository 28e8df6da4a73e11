// Talking to a real replylint server on 127.0.0.1: start one in-process with its logs captured,
// and send raw HTTP requests (any method, headers and body, even broken ones).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/server.js';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: any;
}

export interface Sent {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function send(url: string, o: Sent = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: o.method ?? 'GET', headers: o.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    // The server may answer (413) and close before it has read a large body: that is not a failure.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    if (o.body !== undefined) req.end(o.body);
    else req.end();
  });
}

/** POST a JSON body (an object is serialised; a string is sent as it is). */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

export interface TestServer extends RunningServer {
  /** Every log line written so far, parsed. */
  logs(): Array<Record<string, unknown>>;
  /** The raw log output. */
  logText(): string;
}

/** A server on 127.0.0.1, any free port, no configuration file unless given, logs captured. */
export async function startTestServer(o: ServerOptions = {}): Promise<TestServer> {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      text += chunk.toString('utf8');
      cb();
    },
  });
  const server = await startServer({ host: '127.0.0.1', port: 0, config: false, ...o, logger: { level: 'info', stream } });
  return Object.assign(server, {
    logText: () => text,
    logs: () =>
      text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  });
}

/** A team rule file with one warning rule for `patterns` (each with a bad example). */
export function teamRules(patterns: string[]): string {
  return [
    'rules:',
    '  - id: banned-phrase/team-word',
    '    category: banned-phrase',
    '    severity: warning',
    '    message: { zh: "团队禁用“{match}”", en: team says no }',
    `    patterns: [${patterns.join(', ')}]`,
    `    examples: { bad: [${patterns.map((p) => `${p}你好`).join(', ')}] }`,
    '',
  ].join('\n');
}

/** A folder with .replylint.yaml naming team.yaml, which bans 亲爱滴. */
export function teamDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rl-serve-'));
  writeFileSync(join(dir, '.replylint.yaml'), 'ruleFiles: [team.yaml]\n');
  writeFileSync(join(dir, 'team.yaml'), teamRules(['亲爱滴']));
  return dir;
}

