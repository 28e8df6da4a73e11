// Runs an audit: streams every file in chunks (raw JSON Lines bytes, or CSV rows) to the analysers
// (worker threads, or this thread), which parse them and check every turn on its own; commits the
// answers strictly in input order to the auditor — so the result does not depend on the number of
// workers or the chunk sizes — and builds the summary.

import { statSync } from 'node:fs';
import { createEngine, type EngineOptions } from '../engine.js';
import { packageVersion } from '../config/files.js';
import { Auditor } from './auditor.js';
import { csvRows, formatOf, InputProblem, jsonlChunks, TurnRecord, type InputFormat } from './input.js';
import { inProcessAnalyzer, WORKER_HEAP_MB, workerPool, type ChunkAnalyzer } from './pool.js';
import { InputError } from '../cli/errors.js';
import { parseAuditSettings } from './settings.js';
import { buildSummary, type AuditSummary } from './summary.js';
import { I_AGENT, I_COMPLAINT_END, I_COMPLAINT_START, I_DAY, I_LINE, I_SESSION, I_TIME_TEXT, INTS, ROLE_AGENT, severityOf, type AnalysisResult } from './turn-analysis.js';
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

/** A chunk on its way through the analysers, or a problem found while reading (committed in order with them). */
interface Entry {
  fileIndex: number;
  file: string;
  /** JSON Lines: the result's line numbers count from the chunk's start. */
  jsonl: boolean;
  result?: Promise<AnalysisResult>;
  /** A problem found while reading, given the number of lines before it … */
  problem?: (linesBefore: number) => InputProblem;
  /** … and the lines it stands for (a skipped line: 1). */
  lines?: number;
}

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
  const analyzer: ChunkAnalyzer = o.jobs > 1 ? await workerPool(o.jobs, engineOptions, settings) : inProcessAnalyzer(engine, settings);

  const total = o.files.reduce((n, f) => n + (f === '-' ? 0 : statSync(f).size), 0);
  o.progress?.start(total);
  // Chunks in flight, oldest first: two per worker keep them busy while the oldest is committed,
  // and bound the memory (a chunk is about a megabyte of input).
  const inFlight: Entry[] = [];
  const maxInFlight = Math.max(2, o.jobs * 2);
  let lineBase = 0;
  let fileIndex = -1;

  const commit = (e: Entry, r: AnalysisResult | null): void => {
    if (e.fileIndex !== fileIndex) {
      fileIndex = e.fileIndex;
      lineBase = 0;
    }
    if (r === null) {
      auditor.problem(e.problem!(lineBase));
      lineBase += e.lines ?? 0;
      return;
    }
    const base = e.jsonl ? lineBase : 0;
    for (const p of r.problems) auditor.problem(new InputProblem(e.file, base + p.line, p.message));
    const { ints, times, flags, strings, texts, hits } = r;
    let h = 0;
    for (let i = 0; i < r.turns; i++) {
      const k = i * INTS;
      const agent = ints[k + I_AGENT]!;
      const day = ints[k + I_DAY]!;
      const timeText = ints[k + I_TIME_TEXT]!;
      const time = times[i]!;
      const f = flags[i]!;
      const rec = new TurnRecord(
        e.file,
        base + ints[k + I_LINE]!,
        strings[ints[k + I_SESSION]!]!,
        f & ROLE_AGENT ? 'agent' : 'customer',
        agent < 0 ? null : strings[agent]!,
        Number.isNaN(time) ? null : time,
        day < 0 ? null : strings[day]!,
        timeText < 0 ? null : strings[timeText]!,
        texts[i]!,
      );
      const hit = hits[h]?.i === i ? hits[h++] : undefined;
      auditor.turn(rec, f & ~ROLE_AGENT, ints[k + I_COMPLAINT_START]!, ints[k + I_COMPLAINT_END]!, hit);
    }
    if (e.jsonl) lineBase += r.lines;
    o.progress?.advance(0, r.turns);
  };
  const commitOldest = async (): Promise<void> => {
    const next = inFlight.shift()!;
    let r: AnalysisResult | null = null;
    try {
      if (next.result) r = await next.result;
    } catch (e) {
      if ((e as { code?: string }).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw e;
      const from = next.fileIndex === fileIndex ? lineBase + 1 : 1;
      throw new InputError(`${next.file}: the turns from line ${from} on need more memory than an audit worker may use (${WORKER_HEAP_MB} MB); is a text megabytes long? Split or shorten it`);
    }
    commit(next, r);
  };
  const push = async (e: Entry): Promise<void> => {
    e.result?.catch(() => {}); // awaited in order by commitOldest; this only keeps a failure from being "unhandled" meanwhile
    inFlight.push(e);
    while (inFlight.length >= maxInFlight) await commitOldest();
  };

  try {
    for (const [index, file] of o.files.entries()) {
      const onBytes = (n: number): void => o.progress?.advance(n, 0);
      if (formatOf(file, o.inputFormat) === 'csv') {
        for await (const rows of csvRows(file, onBytes)) {
          if (rows instanceof InputProblem) await push({ fileIndex: index, file, jsonl: false, problem: () => rows });
          else await push({ fileIndex: index, file, jsonl: false, result: analyzer.analyze({ rows }) });
        }
        continue;
      }
      for await (const chunk of jsonlChunks(file, onBytes)) {
        if ('error' in chunk) {
          const skipped = chunk.line ? 1 : 0;
          await push({ fileIndex: index, file, jsonl: true, problem: (before) => new InputProblem(file, before + skipped, chunk.error), lines: skipped });
        } else await push({ fileIndex: index, file, jsonl: true, result: analyzer.analyze({ bytes: chunk }) });
      }
    }
    while (inFlight.length > 0) await commitOldest();
  } finally {
    o.progress?.stop();
    await analyzer.close();
  }
  auditor.closeAll();
  const categoryLabels = Object.fromEntries(engine.ruleSet.categories.map((c) => [c.id, c.label.zh]));
  const summary = buildSummary(auditor, settings, { version: packageVersion(), files: o.files, mask: (text) => engine.mask(text), maskField: (text) => engine.mask(text, { alone: true }), categoryLabels });
  return { summary, failOn: engine.failOn };
}
