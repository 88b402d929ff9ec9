/**
 * Unit tests (`npm run test:unit`, `npx vitest run`): every *.test.ts(x) outside tests/e2e. Environment node;
 * a test that needs a DOM declares `// @vitest-environment happy-dom` at its top. WxtVitest resolves WXT's
 * aliases (@/, ~/), `import.meta.env.BROWSER` and friends, and swaps the extension APIs (wxt/browser,
 * webextension-polyfill) for an in-memory fake (`fakeBrowser` from wxt/testing/fake-browser).
 * End-to-end tests have their own config: vitest.e2e.config.ts.
 */
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { matcherIndexPlugin } from './scripts/matcher-index-plugin';

export default defineConfig({
  plugins: [WxtVitest(), matcherIndexPlugin()],
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'tests/injection/**', '**/node_modules/**', '.output/**', '.wxt/**', 'dist/**'],
    environment: 'node',
    // A cap, not a measure: on a loaded machine (load average 21 on 2 cores) the property tests and
    // the 50,000-element walk passed Vitest's default 5 s; durations are `npm run bench`'s job.
    testTimeout: 30_000,
  },
});
