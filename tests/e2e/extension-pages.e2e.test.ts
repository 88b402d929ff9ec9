/**
 * Harness check: the extension's own pages open in both browsers (chrome-extension://ID/ in Chromium,
 * moz-extension://UUID/ with the pinned UUID in Firefox) and run with the extension APIs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchBrowser, type E2EBrowser } from './support/browsers';

describe.each(BROWSERS)('%s', (browserName) => {
  let browser: E2EBrowser | undefined;

  beforeAll(async () => {
    browser = await launchBrowser(browserName);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(`${browserName}: popup.html opens as an extension page`, async () => {
    const page = await browser!.openExtensionPage('popup.html');
    try {
      const seen = await page.evaluate(() => {
        type Api = { runtime: { getManifest(): { name: string } } };
        const g = globalThis as { browser?: Api; chrome?: Api };
        return { href: location.href, name: (g.browser ?? g.chrome)?.runtime.getManifest().name };
      });
      expect(seen.href).toBe(`${browser!.extensionBaseUrl}popup.html`);
      expect(seen.name).toBe('Dramatis');
    } finally {
      await page.close();
    }
  });
});
