/** Where the end-to-end tests find the browsers and the built extension. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export const CHROMIUM_BIN = process.env.DRAMATIS_CHROMIUM_BIN ?? '/usr/bin/chromium';
export const FIREFOX_BIN = process.env.DRAMATIS_FIREFOX_BIN ?? '/usr/bin/firefox-esr';

/** The gecko id set in wxt.config.ts for the Firefox build. */
export const GECKO_ID = 'dramatis@dramatis.invalid';

/**
 * The unpacked builds that `npx wxt build` and `npx wxt build -b firefox` write. DRAMATIS_E2E_CHROME_DIR and
 * DRAMATIS_E2E_FIREFOX_DIR point the tests at another build (for example one made in a scratch copy).
 */
export const CHROME_BUILD = resolve(
  process.env.DRAMATIS_E2E_CHROME_DIR ?? join(PROJECT_ROOT, '.output', 'chrome-mv3'),
);
export const FIREFOX_BUILD = resolve(
  process.env.DRAMATIS_E2E_FIREFOX_DIR ?? join(PROJECT_ROOT, '.output', 'firefox-mv2'),
);

/** Throws a clear error when a build is missing, instead of a browser failing obscurely. */
export function requireBuild(dir: string, command: string): string {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No extension build at ${dir} (no manifest.json). Run \`${command}\` first.`);
  }
  return dir;
}
