// Runs an audit: streams the turns of every file, sends them in batches to the analysers (worker
// threads or this thread), commits the answers strictly in input order — so the result does not
// depend on the number of workers — and builds the summary.

import { statSync } from 'node:fs';
import { createEngine, type EngineOptions } from '../engine.js';
import { packageVersion } from '../config/files.js';
import { Auditor } from './auditor.js';
import { formatOf, InputProblem, readTurns, type InputFormat, type TurnRecord } from './input.js';
import { inProcessAnalyzer, workerPool, type BatchAnalyzer } from './pool.js';
import { parseAuditSettings } from './settings.js';
import { buildSummary, type AuditSummary } from './summary.js';
import { severityOf, type BatchResult } from './turn-analysis.js';
import type { Severity } from '../types.js';

export interface AuditRunOptions {
  files: string[];
  inputFormat?: InputFormat;
  /** Worker threads; 1 = analyse in this thread. */
  jobs: number;
  /** Worst conversations to keep. */
  top: number;
  engine: EngineOptions;
  /** Called with the total input size once, then with each number of bytes read. */
  progress?: { start(totalBytes: number): void; advance(bytes: number, turns: number): void; stop(): void };
}

/** Turns per batch sent to a worker: large enough that messaging costs little per turn. */
const BATCH_TURNS = 4096;

interface Batch {
  records: TurnRecord[];
  texts: string[];
  roles: Uint8Array;
}

const newBatch = (): Batch => ({ records: [], texts: [], roles: new Uint8Array(BATCH_TURNS) });

export interface AuditRun {
  summary: AuditSummary;
  /** The engine's failing severity (configuration or --fail-on), for the exit code. */
  failOn: Severity;
}

export async function runAudit(o: AuditRunOptions): Promise<AuditRun> {
  const engineOptions: EngineOptions = { cwd: process.cwd(), ...o.engine };
  const engine = await createEngine(engineOptions);
  const settings = parseAuditSettings(engine.config.audit, engine.configFile);
  const auditor = new Auditor(settings, o.top, severityOf(settings));
  const analyzer: BatchAnalyzer = o.jobs > 1 ? await workerPool(o.jobs, engineOptions, settings) : inProcessAnalyzer(engine, settings);

  const total = o.files.reduce((n, f) => n + (f === '-' ? 0 : statSync(f).size), 0);
  o.progress?.start(total);
  const inFlight: Array<{ batch: Batch; result: Promise<BatchResult> }> = [];
  const maxInFlight = Math.max(2, o.jobs * 2);

  const commit = (batch: Batch, r: BatchResult): void => {
    let h = 0;
    for (let i = 0; i < batch.records.length; i++) {
      const hit = r.hits[h]?.i === i ? r.hits[h++] : undefined;
      auditor.turn(batch.records[i]!, r.flags[i]!, r.complaintAt[2 * i]!, r.complaintAt[2 * i + 1]!, hit);
    }
    o.progress?.advance(0, batch.records.length);
  };
  const commitOldest = async (): Promise<void> => {
    const next = inFlight.shift()!;
    commit(next.batch, await next.result);
  };
  const dispatch = async (batch: Batch): Promise<void> => {
    if (batch.records.length === 0) return;
    const roles = batch.roles.slice(0, batch.records.length);
    const result = analyzer.analyze({ roles, texts: batch.texts });
    result.catch(() => {}); // awaited in order by commitOldest; this only keeps a failure from being "unhandled" meanwhile
    inFlight.push({ batch, result });
    while (inFlight.length >= maxInFlight) await commitOldest();
  };

  try {
    let batch = newBatch();
    for (const file of o.files) {
      for await (const items of readTurns(file, formatOf(file, o.inputFormat), (n) => o.progress?.advance(n, 0))) {
        for (const item of items) {
          if (item instanceof InputProblem) {
            auditor.problem(item);
            continue;
          }
          const i = batch.records.length;
          batch.records.push(item);
          batch.texts.push(item.text);
          batch.roles[i] = item.role === 'agent' ? 1 : 0;
          if (i + 1 === BATCH_TURNS) {
            await dispatch(batch);
            batch = newBatch();
          }
        }
      }
    }
    await dispatch(batch);
    while (inFlight.length > 0) await commitOldest();
  } finally {
    o.progress?.stop();
    await analyzer.close();
  }
  auditor.closeAll();
  const summary = buildSummary(auditor, settings, { version: packageVersion(), files: o.files, mask: (text) => engine.check(text).text });
  return { summary, failOn: engine.failOn };
}
