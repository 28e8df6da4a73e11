// Where chunks of input are analysed: in this thread (--jobs 1), or in a pool of worker threads,
// one per core, each with its own engine. A chunk's bytes are moved to the worker with the fewest
// chunks in flight, not copied; the answer's columns are moved back the same way. Answers come
// back by id, and the caller commits them in input order.

import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Engine, EngineOptions } from '../engine.js';
import type { AuditSettings } from './settings.js';
import { createAnalyzer, type AnalysisInput, type AnalysisResult } from './turn-analysis.js';

export interface ChunkAnalyzer {
  analyze(input: AnalysisInput): Promise<AnalysisResult>;
  close(): Promise<void>;
}

export function inProcessAnalyzer(engine: Engine, settings: AuditSettings): ChunkAnalyzer {
  const analyze = createAnalyzer(engine, settings);
  return {
    analyze: (input) => Promise.resolve(analyze(input)),
    close: () => Promise.resolve(),
  };
}

interface Pending {
  resolve(r: AnalysisResult): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  inFlight: number;
}

export const WORKER_HEAP_MB = 512;

export async function workerPool(size: number, engine: EngineOptions, settings: AuditSettings): Promise<ChunkAnalyzer> {
  const script = new URL('./worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) throw new Error(`the audit worker ${fileURLToPath(script)} is missing; build with npm run build, or use --jobs 1`);
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let failure: Error | null = null;
  const fail = (e: Error): void => {
    failure ??= e;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };

  const slots: Slot[] = await Promise.all(
    Array.from({ length: size }, () => {
      // A worker's live heap is a few tens of MB (the engine, a chunk in flight); a lower ceiling
      // makes V8 collect before the heap grows far beyond that. Lines are at most MAX_LINE_BYTES.
      const worker = new Worker(script, { workerData: { engine, settings }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      const slot: Slot = { worker, inFlight: 0 };
      return new Promise<Slot>((resolve, reject) => {
        worker.once('message', (m: { ready?: true; error?: string }) => {
          if (m.error !== undefined) reject(new Error(`audit worker could not start: ${m.error}`));
          else resolve(slot);
          worker.on('message', (a: { id: number; result: AnalysisResult }) => {
            slot.inFlight--;
            const p = pending.get(a.id);
            pending.delete(a.id);
            p?.resolve(a.result);
          });
        });
        worker.on('error', (e) => {
          reject(e);
          fail(e);
        });
        worker.on('exit', (code) => {
          if (code !== 0) fail(new Error(`an audit worker stopped with exit code ${code}`));
        });
      });
    }),
  );

  return {
    analyze(input) {
      if (failure) return Promise.reject(failure);
      let best = slots[0]!;
      for (const s of slots) if (s.inFlight < best.inFlight) best = s;
      const id = nextId++;
      best.inFlight++;
      return new Promise<AnalysisResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        best.worker.postMessage({ id, input }, 'bytes' in input ? [input.bytes.buffer as ArrayBuffer] : []);
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
