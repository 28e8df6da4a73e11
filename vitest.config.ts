import { defineConfig } from 'vitest/config';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Tests get their own rule cache, so no result depends on what an earlier run left in /tmp.
const cacheDir = mkdtempSync(join(tmpdir(), 'replylint-test-cache-'));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { REPLYLINT_CACHE_DIR: cacheDir, NO_COLOR: '1' },
  },
});
