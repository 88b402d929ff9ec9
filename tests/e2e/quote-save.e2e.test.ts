/**
 * "Save this quote" (issue 13) in Chromium and Firefox: on a local news page, a quotation of a
 * knowledge-base person that no source holds is listed in the popup as new, with "Save this quote";
 * that button opens the review sheet for the page with only that quotation ticked, under the person the
 * page gives it to; saving puts it in My sources (Options › Packs counts it); and the page, still open,
 * checks its quotations again: the quotation is painted and its card says "same", citing the page.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, wrapPlaywright, wrapPuppeteer, type E2EPage } from './support/browsers';
import { click, newestTabId, openPopupFor, readMySourcesCounts } from './support/extension';
import { locateText, readHighlightRanges, useBrowser, type PageRange } from './support/pages';
import { startServer, type StaticServer } from './support/server';

const NEW_WORDS = 'Sanctions on oil revenue are the one lever that Moscow truly feels';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Oil sanctions back on the table | The Harbour Ledger</title>
  <link rel="icon" href="data:,">
  <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      "headline": "Oil sanctions back on the table as talks stall",
      "datePublished": "2026-12-01T09:30:00+01:00",
      "publisher": { "@type": "Organization", "name": "The Harbour Ledger" }
    }
  </script>
  <style>body { font: 18px/1.6 Georgia, serif; max-width: 700px; margin: 24px auto; } p { margin: 0 0 40px; }</style>
</head>
<body>
  <main>
    <article>
      <h1>Oil sanctions back on the table as talks stall</h1>
      <p>WASHINGTON — Western governments are weighing new measures against Russian oil exports after a
      week in which the talks on a ceasefire in Ukraine made little progress, officials said on Monday.</p>
      <p id="same">“Russia does not intend to fight Europe,” Vladimir Putin told reporters on Tuesday, repeating
      a line he has used for months while his forces pressed on in the east.</p>
      <p id="new">“${NEW_WORDS},” Steven Pifer, a former ambassador to Ukraine, said in an interview. He added
      that a lower price cap would need the support of the largest shipping nations to bite.</p>
      <p>Diplomats expect the discussion to continue at a meeting of finance ministers later this month, where
      several delegations intend to propose a tighter cap and closer scrutiny of tankers.</p>
    </article>
  </main>
</body>
</html>`;

/** What the review sheet shows. Runs there. */
function readSheet() {
  return {
    title: document.querySelector('h1')?.textContent ?? '',
    headline: (document.getElementById('field-headline') as HTMLInputElement | null)?.value ?? '',
    quotes: [...document.querySelectorAll<HTMLElement>('.rv-quote')].map((li) => ({
      text: li.querySelector('.rv-quote-text')?.textContent ?? '',
      isKept: (li.querySelector('input[type="checkbox"]') as HTMLInputElement | null)?.checked ?? false,
      speaker: (li.querySelector('select') as HTMLSelectElement | null)?.value ?? '',
    })),
    status: document.getElementById('review-status')?.textContent ?? '',
    problems: document.getElementById('review-problems')?.textContent ?? '',
    error: document.getElementById('review-error')?.textContent ?? '',
  };
}

/** The open quote card's verdict and citations, read through the card host's shadow root. Runs in the page. */
function readQuoteCard() {
  const card = document
    .querySelector('dramatis-ui')
    ?.shadowRoot?.querySelector('.dr-frame:not(.dr-unseen) .dr-quote-card');
  return card
    ? {
        verdict: card.getAttribute('data-verdict'),
        cites: [...card.querySelectorAll('cite')].map((c) => c.textContent ?? ''),
      }
    : null;
}

/**
 * The tab the extension opened on `path` (the popup's button opens the sheet itself), as a test page.
 * Firefox reports moz-extension:// pages as about:blank, so each page is asked its own address.
 */
async function findOpenedPage(from: E2EPage, path: string, timeoutMs = 10_000): Promise<E2EPage> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ('context' in from.raw) {
      const found = (from.raw as PlaywrightPage)
        .context()
        .pages()
        .find((p) => p.url().includes(path));
      if (found) return wrapPlaywright(found);
    } else {
      for (const page of await (from.raw as PuppeteerPage).browser().pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href.includes(path) && (await page.evaluate(() => document.readyState !== 'loading'))) {
          return wrapPuppeteer(page);
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no tab opened on ${path} within ${timeoutMs} ms`);
}

let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/news/sanctions.html', PAGE);
});

afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);

  it(`${browserName}: popup › Save this quote › review sheet with that quotation › saved; the page then says "same"`, async () => {
    const article = await browser().openPage(server.url('/news/sanctions.html'));
    const tabId = await newestTabId(browser());
    try {
      // Putin's words are stored: painted. Pifer's are not: new, in the popup only.
      const painted = await article.poll(readHighlightRanges, 'dramatis-quote', {
        until: (r: PageRange[] | null) => r !== null && r.length === 1,
        timeoutMs: 15_000,
      });
      expect(painted?.map((r) => r.ownerId)).toEqual(['same']);

      const popup = await openPopupFor(browser(), tabId, '.pp-quote');
      let review: E2EPage | undefined;
      try {
        const items = await popup.poll(
          () =>
            [...document.querySelectorAll('.pp-quote')].map((li) => ({
              verdict: li.getAttribute('data-verdict'),
              canSave: li.querySelector('.pp-quote-save') !== null,
            })),
          undefined,
          { until: (v) => v.length === 2 },
        );
        // Only the new quotation offers to be saved.
        expect(items).toEqual([
          { verdict: 'same', canSave: false },
          { verdict: 'new', canSave: true },
        ]);
        await click(popup, '.pp-quote[data-verdict="new"] .pp-quote-save');
        review = await findOpenedPage(popup, 'review.html');
        let sheet = await review.poll(readSheet, undefined, {
          until: (s) => s.quotes.length > 0 || s.error !== '',
          timeoutMs: 15_000,
        });
        expect(sheet.error).toBe('');
        expect(sheet.title).toBe('Save this quote');
        expect(sheet.headline).toBe('Oil sanctions back on the table as talks stall');
        // Only the chosen quotation is ticked (Putin's, of a knowledge-base person too, is not), under Pifer.
        expect(sheet.quotes.filter((q) => q.isKept)).toEqual([
          { text: `“${NEW_WORDS}”`, isKept: true, speaker: 'steven-pifer' },
        ]);
        expect(sheet.quotes.some((q) => q.text.includes('Russia does not intend'))).toBe(true);

        await click(review, '#save-button');
        sheet = await review.poll(readSheet, undefined, {
          until: (s) => s.status !== '' || s.problems !== '',
          timeoutMs: 15_000,
        });
        expect(sheet.problems).toBe('');
        expect(sheet.status).toBe('Saved in My sources, with 1 quote.');
      } finally {
        await review?.close();
        await popup.close();
      }

      expect(await readMySourcesCounts(browser(), '1 source')).toBe('1 source · 0 new people · 1 quote');

      // The page, still open, checks its quotations again: Pifer's words are now painted, and "same".
      const repainted = await article.poll(readHighlightRanges, 'dramatis-quote', {
        until: (r: PageRange[] | null) => r !== null && r.length === 2,
        timeoutMs: 15_000,
      });
      expect(repainted?.map((r) => r.ownerId)).toEqual(['same', 'new']);
      const at = await article.poll(locateText, { id: 'new', text: 'one lever' });
      expect(at).not.toBeNull();
      await article.hover(at!.x, at!.y);
      const card = await article.poll(readQuoteCard, undefined, {
        until: (c) => c?.verdict === 'same',
        timeoutMs: 8_000,
      });
      expect(card?.verdict).toBe('same');
      expect(card?.cites.join(' ')).toContain('The Harbour Ledger');
    } finally {
      await article.close();
    }
  });
});
