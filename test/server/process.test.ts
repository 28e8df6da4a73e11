// The real `bin/replylint serve` process: how it says it is ready, SIGHUP reload, graceful shutdown
// with requests in flight, and what its logs (standard output) hold.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';
import { postJson, send, teamDir, teamRules } from './helpers.js';

interface Served {
  child: ChildProcessWithoutNullStreams;
  url: string;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `replylint serve --port 0 …` and waits for its "listening on" line. */
function serve(args: string[], cwd = ROOT): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd, env: { ...process.env, REPLYLINT_MODEL_DIR: '/nonexistent-models' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line in 20 s; stderr: ${err}`)), 20_000);
    child.stderr.on('data', (d) => {
      err += d;
      const m = /^replylint: listening on (http:\/\/127\.0\.0\.1:(\d+))$/m.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, port: Number(m[2]), stdout: () => out, stderr: () => err, exited });
      }
    });
    void exited.then((code) => reject(new Error(`exited with ${code} before listening; stderr: ${err}`)));
  });
}

/**
 * Opens a connection and sends a request whose body is only half there; `finish` sends the rest
 * (and `then`, more requests on the same connection) and resolves with all the server answered.
 */
function halfSent(port: number, body: string): Promise<{ finish: (then?: string) => Promise<string>; socket: Socket }> {
  const bytes = Buffer.from(body);
  const cut = Math.floor(bytes.length / 2);
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    const answered = new Promise<string>((done) => {
      socket.on('data', (d) => (got += d.toString('utf8')));
      socket.on('close', () => done(got));
    });
    socket.on('error', reject);
    socket.on('connect', () => {
      socket.write(`POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\n\r\n`);
      socket.write(bytes.subarray(0, cut), () =>
        resolve({
          socket,
          finish: (then = '') => {
            socket.end(Buffer.concat([bytes.subarray(cut), Buffer.from(then)]));
            return answered;
          },
        }),
      );
    });
  });
}

const refused = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.on('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
  });

describe('replylint serve (the real process)', () => {
  it('SIGTERM with requests in flight: stops accepting, answers them all, exits 0', async () => {
    const s = await serve(['--no-config']);
    const drafts = Array.from({ length: 6 }, (_, i) => `亲，第${i}单我也不知道，您的电话是1591234567${i}对吗`);
    const inFlight = await Promise.all(drafts.map((text) => halfSent(s.port, JSON.stringify({ text }))));
    // The server has accepted those connections once it answers a later one (it accepts in
    // order); a moment more and it has read every request's head.
    expect((await send(`${s.url}/healthz`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    s.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    expect(await refused(s.port)).toBe(true);
    expect(s.child.exitCode).toBeNull();

    // Each in-flight answer ends its connection; the last one has another request queued behind
    // its first, which is not served.
    const answers = await Promise.all(inFlight.map((r, i) => r.finish(i === inFlight.length - 1 ? `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n` : '')));
    for (const [i, a] of answers.entries()) {
      expect(a).toMatch(/^HTTP\/1\.1 200 OK/);
      expect(a.match(/HTTP\/1\.1/g)).toHaveLength(1);
      expect(a.toLowerCase()).toContain('connection: close');
      const result = JSON.parse(a.slice(a.indexOf('\r\n\r\n') + 4));
      expect(result.text).toBe(`亲，第${i}单我也不知道，您的电话是159****567${i}对吗`);
      expect(result.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['banned-phrase/dont-know', 'sensitive-data/mobile']);
    }
    expect(await s.exited).toBe(0);
    expect(s.stderr()).toMatch(/replylint: stopped\n$/);

    // The logs: JSON lines, one per request, none with a draft or a phone number in it.
    const lines = s.stdout().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.msg === 'request' && l.route === '/v1/check' && l.status === 200)).toHaveLength(6);
    expect(lines.some((l) => l.msg === 'shutting down: no new connections, finishing requests in flight' && l.signal === 'SIGTERM')).toBe(true);
    expect(s.stdout()).not.toMatch(/1591234567\d|不知道|第\d单/);
  });

  it('SIGTERM after the log reader went away (serve | head): still exits 0, no hang', async () => {
    const s = await serve(['--no-config']);
    // A request makes a log line; then nobody reads standard output any more.
    expect((await postJson(`${s.url}/v1/check`, { text: '你好' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    s.child.stdout.destroy();
    // This request's log line is still buffered when the signal comes: the final flush meets EPIPE.
    expect((await postJson(`${s.url}/v1/check`, { text: '你好' })).status).toBe(200);
    s.child.kill('SIGTERM');
    const code = await Promise.race([s.exited, new Promise<string>((r) => setTimeout(() => r('still running after 10 s'), 10_000))]);
    if (code !== 0) s.child.kill('SIGKILL');
    expect(code).toBe(0);
  });

  it('SIGHUP reloads the rules; a broken file is logged and the old rules stay', async () => {
    const dir = teamDir();
    const s = await serve([], dir);
    try {
      const ids = async (text: string): Promise<string[]> => (await postJson(`${s.url}/v1/check`, { text })).json.findings.map((f: { ruleId: string }) => f.ruleId);
      expect(await ids('宝贝儿')).toEqual([]);
      writeFileSync(join(dir, 'team.yaml'), teamRules(['亲爱滴', '宝贝儿']));
      s.child.kill('SIGHUP');
      await expect.poll(() => s.stdout().includes('"msg":"rules reloaded"'), { timeout: 10_000 }).toBe(true);
      expect(await ids('宝贝儿')).toEqual(['banned-phrase/team-word']);

      writeFileSync(join(dir, 'team.yaml'), 'rules: [\n');
      s.child.kill('SIGHUP');
      await expect.poll(() => s.stdout().includes('reload failed; the previous rules stay in use'), { timeout: 10_000 }).toBe(true);
      expect(s.stdout()).toContain(`${join(dir, 'team.yaml')}:2:1: yaml-syntax`);
      expect(await ids('宝贝儿')).toEqual(['banned-phrase/team-word']);
      expect((await send(`${s.url}/healthz`)).json.status).toBe('ok');
    } finally {
      s.child.kill('SIGINT');
      expect(await s.exited).toBe(0);
    }
  });

  it('a broken server: section or a bad flag exits 2 with a message, without listening', () => {
    const dir = teamDir();
    writeFileSync(join(dir, '.replylint.yaml'), 'server:\n  rateLimit: { max: 0 }\n');
    const r = runCli(['serve', '--port', '0'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^replylint: .*\.replylint\.yaml:2:\d+: schema: server\.rateLimit\.max: /);
    expect(r.stderr).not.toContain('listening');
    expect(runCli(['serve', '--port', 'eighty']).stderr).toBe('replylint: --port must be a whole number from 0 to 65535 (got "eighty")\n');
    expect(runCli(['serve', '--log-level', 'loud', '--port', '0']).code).toBe(2);
  });
});
