// Options shared by the commands, validated once, and the engine built from them.

import { createEngine, type Engine } from '../engine.js';
import { SEVERITIES, type Severity } from '../types.js';
import { UsageError } from './errors.js';

export interface CommonOptions {
  rules?: string[];
  config?: string | false;
  failOn?: string;
  locale?: string;
  format?: string;
  color?: boolean;
  phrasebook?: string;
}

export function parseFailOn(s: string | undefined): Severity | undefined {
  if (s === undefined) return undefined;
  if (!(SEVERITIES as readonly string[]).includes(s)) throw new UsageError(`unknown --fail-on "${s}" (use error, warning or info)`);
  return s as Severity;
}

export function parseLocale(s: string | undefined): 'zh' | 'en' | 'auto' | undefined {
  if (s === undefined) return undefined;
  if (s !== 'zh' && s !== 'en' && s !== 'auto') throw new UsageError(`unknown --locale "${s}" (use zh, en or auto)`);
  return s;
}

export async function engineFor(o: CommonOptions): Promise<Engine> {
  const failOn = parseFailOn(o.failOn);
  return createEngine({
    ...(o.config !== undefined ? { config: o.config } : {}),
    ...(o.rules ? { rules: o.rules } : {}),
    ...(failOn ? { failOn } : {}),
    ...(o.phrasebook ? { phrasebook: o.phrasebook } : {}),
  });
}
