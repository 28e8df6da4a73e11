// `replylint serve` as a child process (bin/replylint), as the browser tests use it: started on any
// free port, resolved once it says where it listens, stopped with SIGTERM (SIGKILL after 5 s).
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN, ROOT } from './cli.js';

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** Starts `replylint serve --port 0 …args` in `cwd` (default: the checkout, no configuration). */
export function startServeProcess(o: { cwd?: string; args?: string[] } = {}): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const args = o.args ?? ['--no-config'];
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--log-level', 'warn', ...args], {
      cwd: o.cwd ?? ROOT,
      // No embedding model: ranking is lexical, the same on every machine.
      env: { ...process.env, NO_COLOR: '1', REPLYLINT_MODEL_DIR: '/nonexistent-models' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const keep = (d: Buffer): void => {
      out = (out + d.toString()).slice(-20_000);
    };
    const timer = setTimeout(() => fail(new Error(`replylint serve did not say it was listening within 20 s:\n${out}`)), 20_000);
    const fail = (e: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', (d: Buffer) => {
      keep(d);
      const m = /replylint: listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child, output: () => out });
      }
    });
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`replylint serve exited early (code ${code}):\n${out}`)));
  });
}

/** Stops the server; resolves with its exit code. */
export function stopServeProcess(s: ServeProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null) return resolve(s.child.exitCode);
    const timer = setTimeout(() => s.child.kill('SIGKILL'), 5_000);
    s.child.removeAllListeners('exit');
    s.child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    s.child.kill('SIGTERM');
  });
}

/** The server's demo page in a new tab, once the widget is defined; console and page errors go to `problems`. */
export async function openDemoPage(browser: import('playwright-core').Browser, url: string, problems: string[]): Promise<import('playwright-core').Page> {
  const page = await browser.newPage({ viewport: { width: 900, height: 1100 } });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${url}/`);
  await page.waitForFunction(() => customElements.get('replylint-box') !== undefined);
  return page;
}
