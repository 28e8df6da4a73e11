// A worker thread of `replylint audit`: builds its own engine once, then analyses the batches of
// turns the main thread sends and answers each with its id.

import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, type EngineOptions } from '../engine.js';
import { createAnalyzer, type TurnBatch } from './turn-analysis.js';
import type { AuditSettings } from './settings.js';

interface Init {
  engine: EngineOptions;
  settings: AuditSettings;
}

const port = parentPort!;
const init = workerData as Init;

try {
  const analyze = createAnalyzer(await createEngine(init.engine), init.settings);
  port.on('message', (m: { id: number; batch: TurnBatch }) => {
    const result = analyze(m.batch);
    port.postMessage({ id: m.id, result }, [result.flags.buffer as ArrayBuffer, result.complaintAt.buffer as ArrayBuffer]);
  });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ error: (e as Error).message });
}
