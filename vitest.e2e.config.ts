/**
 * End-to-end tests (`npm run test:e2e`): the built extension in real Chromium and Firefox. Build first:
 * `npx wxt build && npx wxt build -b firefox`. One file at a time (the machine has 2 cores and each file
 * starts browsers), with generous timeouts for browser start-up.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
