/**
 * "Save this article" in Chromium and Firefox, on a local news page with JSON-LD metadata: the review
 * sheet (opened as the popup's button opens it, for the page's tab) reads the page and shows its
 * headline, outlet and date with where they came from, and the quotations with their proposed speakers;
 * the sheet passes axe in light and dark; after saving, Options › Packs shows My sources with one source, and saving again keeps it at one.
 *
 * The build as shipped has host access to every page (the background injects the card's script where a
 * content script asks for it), so the review sheet can read the page's tab as a reader's click would let it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchBrowser, type E2EBrowser, type E2EPage } from './support/browsers';
import { click, newestTabId, runAxe, writeStorage } from './support/extension';
import { PAGES_DIR } from './support/pages';
import { startServer, type StaticServer } from './support/server';

let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/news/geneva.html', readFileSync(join(PAGES_DIR, 'saved-article.html'), 'utf8'));
});
afterAll(async () => {
  await server?.close();
});

/** What the review sheet shows. Runs there. */
function readSheet() {
  const value = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.value ?? '';
  return {
    headline: value('field-headline'),
    outlet: value('field-outlet'),
    published: value('field-published'),
    headlineFrom: document.getElementById('field-headline-from')?.textContent ?? '',
    quotes: [...document.querySelectorAll<HTMLElement>('.rv-quote')].map((li) => ({
      text: li.querySelector('.rv-quote-text')?.textContent ?? '',
      speaker: li.querySelector('.rv-speaker')?.textContent ?? '',
      isKept: (li.querySelector('input[type="checkbox"]') as HTMLInputElement | null)?.checked ?? false,
    })),
    status: document.getElementById('review-status')?.textContent ?? '',
    problems: document.getElementById('review-problems')?.textContent ?? '',
    error: document.getElementById('review-error')?.textContent ?? '',
  };
}
type Sheet = ReturnType<typeof readSheet>;

const waitFor = (page: E2EPage, until: (sheet: Sheet) => boolean) =>
  page.poll(readSheet, undefined, { until, timeoutMs: 15_000, everyMs: 100 });

describe.each(BROWSERS)('%s', (browserName) => {
  let launched: E2EBrowser | undefined;
  beforeAll(async () => {
    launched = await launchBrowser(browserName);
  });
  afterAll(async () => {
    await launched?.close();
  });
  const browser = () => launched!;

  it(`${browserName}: the review sheet shows the article's metadata and quotations; saving adds one source to My sources`, async () => {
    const article = await browser().openPage(server.url('/news/geneva.html'));
    const tabId = await newestTabId(browser());
    const review = await browser().openExtensionPage(`review.html?tab=${tabId}`, '#app');
    try {
      let sheet = await waitFor(review, (s) => s.quotes.length > 0 || s.error !== '');
      expect(sheet.error).toBe('');
      expect(sheet).toMatchObject({
        headline: 'Envoys leave Geneva with no date for a second round',
        outlet: 'The Harbour Ledger',
        published: '2025-12-11',
        headlineFrom: 'From the page: JSON-LD NewsArticle headline.',
      });
      expect(sheet.quotes).toContainEqual({
        text: '“We narrowed the list of open questions, and that is real work”',
        speaker: 'Steve Witkoff (in the knowledge base)',
        isKept: true,
      });
      expect(sheet.quotes).toContainEqual({
        text: '“Nothing is agreed until the people of Ukraine can live with it”',
        speaker: 'Rustem Umerov (in the knowledge base)',
        isKept: true,
      });
      expect(sheet.quotes.find((q) => q.text.includes('The door stays open'))?.isKept).toBe(false);

      // The sheet passes axe in light and dark.
      for (const theme of ['light', 'dark']) {
        await writeStorage(review, { 'settings.theme': theme });
        await review.poll(() => document.documentElement.dataset.theme, undefined, {
          until: (t) => t === theme,
        });
        const { violations } = await runAxe(review);
        expect(violations, `${theme}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      }
      await writeStorage(review, { 'settings.theme': 'system' });

      await click(review, '#save-button');
      sheet = await waitFor(review, (s) => s.status !== '' || s.problems !== '');
      expect(sheet.problems).toBe('');
      expect(sheet.status).toMatch(/^Saved in My sources/);
      await click(review, '#save-button');
      sheet = await waitFor(review, (s) => s.status.startsWith('Updated'));
      expect(sheet.status).toMatch(/^Updated in My sources/);
    } finally {
      await review.close();
      await article.close();
    }

    const options = await browser().openExtensionPage('options.html', '#pack-my-sources');
    try {
      const counts = await options.poll(
        () =>
          document.querySelector('[data-pack="my-sources"] [data-testid="pack-counts"]')?.textContent ?? '',
        undefined,
        { until: (text) => text.startsWith('1 source'), timeoutMs: 8_000 },
      );
      // Witkoff's and Umerov's quotations (both in the knowledge base) were ticked; Brunner's was not.
      expect(counts).toBe('1 source · 0 new people · 2 quotes');
    } finally {
      await options.close();
    }
  });
});
