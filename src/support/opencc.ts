// Traditional → simplified conversion (opencc-js, mainland variant), created once per process.

import { Converter } from 'opencc-js/t2cn';
import type { ScriptConverter } from '../normalize.js';

let converter: ScriptConverter | undefined;

export function traditionalToSimplified(): ScriptConverter {
  if (!converter) converter = Converter({ from: 't', to: 'cn' }) as ScriptConverter;
  return converter;
}
