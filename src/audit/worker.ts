// A worker thread of `replylint audit`: builds its own engine once, then analyses the chunks of
// input the main thread sends and answers each with its id (the columns moved, not copied).

import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, type EngineOptions } from '../engine.js';
import { createAnalyzer, type AnalysisInput } from './turn-analysis.js';
import type { AuditSettings } from './settings.js';

interface Init {
  engine: EngineOptions;
  settings: AuditSettings;
}

const port = parentPort!;
const init = workerData as Init;

try {
  const analyze = createAnalyzer(await createEngine(init.engine), init.settings);
  port.on('message', (m: { id: number; input: AnalysisInput }) => {
    const result = analyze(m.input);
    port.postMessage({ id: m.id, result }, [result.ints.buffer as ArrayBuffer, result.times.buffer as ArrayBuffer, result.flags.buffer as ArrayBuffer]);
  });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ error: (e as Error).message });
}
