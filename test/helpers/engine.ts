// The real engine with the shipped rules, created once per test file.
import { createEngine, type Engine } from '../../src/engine.js';

let engine: Promise<Engine> | undefined;

export function shippedEngine(): Promise<Engine> {
  engine ??= createEngine({ config: false });
  return engine;
}
