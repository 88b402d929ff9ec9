/**
 * "Save this article" in Chromium and Firefox, on a local news page with JSON-LD metadata: the review
 * sheet (opened as the popup's button opens it, for the page's tab) reads the page and shows its
 * headline, outlet and date with where they came from, and the quotations with their proposed speakers;
 * the sheet passes axe in light and dark; after saving, Options › Packs shows My sources with one source, and saving again keeps it at one.
 * Then the saved quote reaches the card on another page: hovering Witkoff's name there shows it with its
 * outlet, date, a link to the article and "My sources"; turning its source off in Options › Sources takes
 * it out of that open card, turning it on brings it back, and exporting, removing and importing My sources
 * takes it out and brings it back again, the card following each time without a reload.
 *
 * The build as shipped has host access to every page (the background injects the card's script where a
 * content script asks for it), so the review sheet can read the page's tab as a reader's click would let it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchBrowser, type E2EBrowser, type E2EPage } from './support/browsers';
import {
  catchDownloads,
  chooseFile,
  click,
  newestTabId,
  readDownload,
  readMySourcesCounts,
  runAxeInThemes,
} from './support/extension';
import { locateText, PAGES_DIR, waitForCard } from './support/pages';
import { startServer, type StaticServer } from './support/server';

let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/news/geneva.html', readFileSync(join(PAGES_DIR, 'saved-article.html'), 'utf8'));
  server.route(
    '/news/other.html',
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another page</title></head><body>' +
      '<main><p id="lede">Steve Witkoff flew on to Berlin on Friday for another round of talks.</p></main></body></html>',
  );
});

/** The canonical address of the saved article (its JSON-LD page names it). */
const SAVED_URL = 'https://harbour-ledger.example/world/2025/12/11/geneva-envoys';
const SAVED_WORDS = 'We narrowed the list of open questions, and that is real work';

/** The open card's quote with `words`: its text, the link of each source, and whether one is the reader's. Runs in the page. */
function readCardQuote(words: string) {
  const frame = document.querySelector('dramatis-ui')?.shadowRoot?.querySelector('.dr-frame:not(.dr-unseen)');
  if (!frame) return { isOpen: false, quote: null };
  const item = [...frame.querySelectorAll<HTMLElement>('li.dr-quote')].find((li) =>
    (li.textContent ?? '').includes(words),
  );
  return {
    isOpen: true,
    quote: item
      ? {
          text: item.textContent ?? '',
          links: [...item.querySelectorAll('a')].map((a) => a.getAttribute('href')),
          isSaved: item.querySelector('.dr-saved') !== null,
        }
      : null,
  };
}

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
      expect(await runAxeInThemes(review)).toEqual({ light: [], dark: [] });

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

    // Witkoff's and Umerov's quotations (both in the knowledge base) were ticked; Brunner's was not.
    expect(await readMySourcesCounts(browser(), '1 source')).toBe('1 source · 0 new people · 2 quotes');
  });

  it(`${browserName}: the saved quote shows in the card on another page; source off, export, remove and import follow in the open card`, async () => {
    // Save the article (again: saving the same address updates it), as in the test above.
    const article = await browser().openPage(server.url('/news/geneva.html'));
    const review = await browser().openExtensionPage(
      `review.html?tab=${await newestTabId(browser())}`,
      '#app',
    );
    try {
      await waitFor(review, (s) => s.quotes.length > 0 || s.error !== '');
      await click(review, '#save-button');
      const sheet = await waitFor(review, (s) => s.status !== '' || s.problems !== '');
      expect(sheet.status).toMatch(/^(Saved|Updated) in My sources/);
    } finally {
      await review.close();
      await article.close();
    }

    const other = await browser().openPage(server.url('/news/other.html'));
    const options = await browser().openExtensionPage('options.html', '#pack-my-sources');
    try {
      const name = await other.poll(locateText, { id: 'lede', text: 'Witkoff' }, { timeoutMs: 5_000 });
      expect(name).not.toBeNull();
      await other.hover(name!.x, name!.y);
      expect((await waitForCard(other, 8_000, 'steve-witkoff')).isOpen).toBe(true);
      const shows = (isShown: boolean) =>
        other.poll(readCardQuote, SAVED_WORDS, {
          until: (c) => c.isOpen && (c.quote !== null) === isShown,
          timeoutMs: 8_000,
        });
      const card = await shows(true);
      expect(card.quote?.text).toContain('The Harbour Ledger, 11 Dec 2025');
      expect(card.quote?.links).toEqual([SAVED_URL]);
      expect(card.quote?.isSaved).toBe(true);

      // Options › Sources lists the saved article; turning it off takes its quote out of the open card.
      const sourceId = await options.poll(
        () => document.querySelector<HTMLElement>('.op-source[data-source^="saved-"]')?.dataset.source,
      );
      expect(sourceId).toBeDefined();
      await click(options, `#source-${sourceId}`);
      expect((await shows(false)).quote).toBeNull();
      await click(options, `#source-${sourceId}`);
      expect((await shows(true)).quote?.isSaved).toBe(true);

      // Export My sources, remove it (confirmed): the quote goes; import the file: it comes back.
      await catchDownloads(options);
      await click(options, '#pack-export-my-sources');
      const file = await readDownload(options);
      expect(file?.name).toBe('my-sources.dramatis.json');
      await click(options, '#pack-remove-my-sources');
      await options.poll(() => document.getElementById('pack-remove-confirm-my-sources') !== null);
      await click(options, '#pack-remove-confirm-my-sources');
      expect((await shows(false)).quote).toBeNull();
      await chooseFile(options, 'pack-import-file', file!.name, file!.text);
      const back = await shows(true);
      expect(back.quote?.links).toEqual([SAVED_URL]);
      expect(back.quote?.isSaved).toBe(true);
    } finally {
      await options.close();
      await other.close();
    }
  });
});
