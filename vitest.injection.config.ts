/**
 * Injection tests (`npm run test:injection`): the content script's page/ modules bundled with esbuild and run
 * in plain Chromium and Firefox pages, without the built extension (tests/injection/). One file at a time,
 * as the end-to-end tests: each file starts two browsers on a 2-core machine.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/injection/**/*.injection.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
