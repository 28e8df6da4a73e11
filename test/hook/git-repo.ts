// A real temporary git repository for the hook tests, with the shipped phrasebook committed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

export interface Run {
  code: number | null;
  out: string;
}

export class GitRepo {
  readonly dir = mkdtempSync(join(tmpdir(), 'rl-hook-'));

  constructor(readonly env: NodeJS.ProcessEnv = {}) {
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'agent@example.com');
    this.git('config', 'user.name', 'Agent');
    this.git('config', 'commit.gpgsign', 'false');
  }

  run(cmd: string, args: string[]): Run {
    const r = spawnSync(cmd, args, { cwd: this.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...this.env } });
    return { code: r.status, out: (r.stdout ?? '') + (r.stderr ?? '') };
  }

  git(...args: string[]): Run {
    const r = this.run('git', args);
    return r;
  }

  write(path: string, content: string): void {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true });
    writeFileSync(join(this.dir, path), content);
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  /** Copies the shipped phrasebook into phrasebook/ and commits it (without any hook). */
  withPhrasebook(): this {
    cpSync(join(ROOT, 'phrasebook'), join(this.dir, 'phrasebook'), { recursive: true });
    this.git('add', '-A');
    this.git('commit', '-q', '--no-verify', '-m', 'phrasebook');
    return this;
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').out.trim();
  }
}

/** A template added under order.cancel in the shipped order.yaml, as an agent would write it. */
export function addTemplate(yaml: string, id: string, text: string): string {
  const anchor = '    templates:\n';
  const at = yaml.indexOf(anchor, yaml.indexOf('- id: order.cancel\n')) + anchor.length;
  return yaml.slice(0, at) + `      - id: order.cancel/${id}\n        title: 新话术\n        locale: zh-CN\n        text: ${text}\n` + yaml.slice(at);
}

/** Line and column (1-based) of `needle` in `text`. */
export function positionOf(text: string, needle: string): string {
  const i = text.indexOf(needle);
  const before = text.slice(0, i).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}
