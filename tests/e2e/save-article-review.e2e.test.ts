/**
 * The review sheet of "Save this article" as a reader changes speakers, in Chromium and Firefox, with
 * Options open in another tab all along: a quotation moved to a person its paragraph names is shown
 * with that naming as its evidence and saved under them; one moved to a person the article does not
 * name near it is flagged at once, before saving, and left out of the save while the others are saved.
 * The options page, never reloaded, then lists the new source and My sources' new counts. A page with
 * no quotation gets the sheet's empty state and still saves; a bad address is named, marked and focused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type E2EPage } from './support/browsers';
import { click, newestTabId, runAxeInThemes, selectOption } from './support/extension';
import { useBrowser } from './support/pages';
import { startServer, type StaticServer } from './support/server';

let server: StaticServer;

/** A news page written for this test: two knowledge-base people in one paragraph, a quote of each. */
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Envoys trade places at the table | The Lakeside Courier</title>
<link rel="canonical" href="https://lakeside-courier.example/2025/12/12/envoys-table">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Envoys trade places at the table","datePublished":"2025-12-12",
"publisher":{"@type":"Organization","name":"The Lakeside Courier"}}</script></head>
<body><main><article><h1>Envoys trade places at the table</h1>
<p>GENEVA — The second day of talks began late on Friday, after the delegations argued over the seating plan for most of the morning.</p>
<p>Rustem Umerov sat beside Steve Witkoff at the head of the table. “We narrowed the list of open questions,” one of the envoys told reporters afterwards.</p>
<p>Officials from both delegations declined to say which questions remained open after the second day of talks.</p>
<p>Kirill Dmitriev, who joined by video link, was less patient. “The sanctions question has waited long enough,” Dmitriev said.</p>
</article></main></body></html>`;

const NO_QUOTES = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour dredging to resume</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Harbour dredging to resume","datePublished":"2025-12-13"}</script></head>
<body><main><article><h1>Harbour dredging to resume</h1>
<p>Dredging of the inner harbour will resume on Monday after a two-week pause for repairs to the main crane, the port authority announced.</p>
<p>The work is expected to last until the end of January and will close the eastern quay to small boats on weekdays.</p>
</article></main></body></html>`;

beforeAll(async () => {
  server = await startServer();
  server.route('/news/table.html', ARTICLE);
  server.route('/news/dredging.html', NO_QUOTES);
});

afterAll(async () => {
  await server?.close();
});

/** The review sheet's rows and messages. Runs there. */
function readRows() {
  return {
    rows: [...document.querySelectorAll<HTMLElement>('.rv-quote')].map((li) => ({
      text: li.querySelector('.rv-quote-text')?.textContent ?? '',
      isKept: (li.querySelector('input[type="checkbox"]') as HTMLInputElement | null)?.checked ?? false,
      isFlagged: li.classList.contains('is-flagged'),
      flag: li.querySelector('.rv-flag')?.textContent ?? '',
      evidence: li.querySelector('.rv-evidence')?.textContent ?? '',
      isSpeakerInvalid: li.querySelector('select')?.getAttribute('aria-invalid') === 'true',
    })),
    title: document.getElementById('quotes-title')?.textContent ?? '',
    empty: document.querySelector('.rv-quotes .rv-muted')?.textContent ?? '',
    status: document.getElementById('review-status')?.textContent ?? '',
    problems: document.getElementById('review-problems')?.textContent ?? '',
    error: document.getElementById('review-error')?.textContent ?? '',
  };
}
type Rows = ReturnType<typeof readRows>;

/** What the options page shows of `words`' source and of My sources. Runs there. */
function readOptions(headline: string) {
  const source = [...document.querySelectorAll<HTMLElement>('.op-source')].find((li) =>
    (li.textContent ?? '').includes(headline),
  );
  return {
    source: source ? (source.querySelector('[data-testid="quote-count"]')?.textContent ?? '') : null,
    mine: document.querySelector('[data-pack="my-sources"] [data-testid="pack-counts"]')?.textContent ?? '',
  };
}

const waitForRows = (page: E2EPage, until: (rows: Rows) => boolean) =>
  page.poll(readRows, undefined, { until, timeoutMs: 15_000, everyMs: 100 });

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);

  it(`${browserName}: a speaker the article names near the quotation is saved with that evidence; one it does not name is flagged at once and left out; the open options page follows`, async () => {
    const options = await browser().openExtensionPage('options.html', '#pack-my-sources');
    const before = await options.poll(readOptions, 'Envoys trade places', {
      until: (o) => o.mine !== '',
    });
    expect(before).toEqual({ source: null, mine: '0 sources · 0 new people · 0 quotes' });

    const article = await browser().openPage(server.url('/news/table.html'));
    const review = await browser().openExtensionPage(
      `review.html?tab=${await newestTabId(browser())}`,
      '#app',
    );
    try {
      let sheet = await waitForRows(review, (s) => s.rows.length > 0 || s.error !== '');
      expect(sheet.error).toBe('');
      const narrowed = sheet.rows.findIndex((r) => r.text.includes('We narrowed'));
      const sanctions = sheet.rows.findIndex((r) => r.text.includes('The sanctions question'));
      // “…,” one of the envoys told reporters: nobody in particular, so it starts unticked.
      expect(sheet.rows[narrowed]).toMatchObject({ isKept: false, isFlagged: false });
      expect(sheet.rows[sanctions]).toMatchObject({ isKept: true, isFlagged: false });

      // Witkoff is named in the quotation's paragraph: the row is ticked and shows the naming.
      await selectOption(review, `#quote-${narrowed}-speaker`, 'steve-witkoff');
      sheet = await waitForRows(review, (s) => s.rows[narrowed]?.evidence !== '');
      expect(sheet.rows[narrowed]).toMatchObject({
        isKept: true,
        isFlagged: false,
        evidence:
          'The article names Steve Witkoff here: Rustem Umerov sat beside Steve Witkoff at the head of the table.',
      });

      // Rubio is named nowhere near Dmitriev's quotation: flagged at once, before any save.
      await selectOption(review, `#quote-${sanctions}-speaker`, 'marco-rubio');
      sheet = await waitForRows(review, (s) => s.rows[sanctions]?.isFlagged === true);
      expect(sheet.rows[sanctions]).toMatchObject({ isKept: true, isFlagged: true, isSpeakerInvalid: true });
      expect(sheet.rows[sanctions]?.flag).toMatch(
        /^The article does not name Marco Rubio near this quotation/,
      );
      expect(sheet.title).toBe(`Quotations (1 of ${sheet.rows.length} kept)`);
      expect(sheet.status).toBe('');
      // The flagged row (its alert, the invalid speaker) and the evidence pass axe in light and dark.
      expect(await runAxeInThemes(review)).toEqual({ light: [], dark: [] });

      // Back to Dmitriev clears the flag; Rubio again flags it, and the save leaves that row out.
      await selectOption(review, `#quote-${sanctions}-speaker`, 'kirill-dmitriev');
      sheet = await waitForRows(review, (s) => s.rows[sanctions]?.isFlagged === false);
      expect(sheet.rows[sanctions]).toMatchObject({ isKept: true, flag: '' });
      await selectOption(review, `#quote-${sanctions}-speaker`, 'marco-rubio');
      await waitForRows(review, (s) => s.rows[sanctions]?.isFlagged === true);

      await click(review, '#save-button');
      sheet = await waitForRows(review, (s) => s.status !== '' || s.problems !== '');
      expect(sheet.problems).toBe('');
      expect(sheet.status).toBe(
        'Saved in My sources, with 1 quote. Left out, as the article does not name their chosen speaker near them: “The sanctions question has waited long…”.',
      );
    } finally {
      await review.close();
      await article.close();
    }

    // The options page, open all along and never reloaded, lists the new source and My sources' counts.
    try {
      const after = await options.poll(readOptions, 'Envoys trade places', {
        until: (o) => o.source !== null && o.mine.startsWith('1 source'),
        timeoutMs: 8_000,
      });
      expect(after).toEqual({ source: '1 quote', mine: '1 source · 0 new people · 1 quote' });
    } finally {
      await options.close();
    }
  });

  it(`${browserName}: a page without quotations gets the empty state and still saves`, async () => {
    const article = await browser().openPage(server.url('/news/dredging.html'));
    const review = await browser().openExtensionPage(
      `review.html?tab=${await newestTabId(browser())}`,
      '#app',
    );
    try {
      let sheet = await waitForRows(review, (s) => s.empty !== '' || s.rows.length > 0 || s.error !== '');
      expect(sheet).toMatchObject({ rows: [], error: '', title: 'Quotations (0 of 0 kept)' });
      expect(sheet.empty).toBe('Dramatis found no quotations in this article. You can still save it.');

      // A bad address: the sheet's own message names the field (not the browser's bubble), which is
      // marked invalid and focused.
      const setAddress = (value: string) =>
        review.evaluate((v) => {
          const field = document.getElementById('field-url') as HTMLInputElement;
          field.value = v;
          field.dispatchEvent(new Event('input', { bubbles: true }));
        }, value);
      const address = await review.evaluate(
        () => (document.getElementById('field-url') as HTMLInputElement).value,
      );
      await setAddress('not an address');
      await click(review, '#save-button');
      sheet = await waitForRows(review, (s) => s.problems !== '');
      expect(sheet.problems).toBe('Address: enter the article’s http(s) address.');
      expect(
        await review.poll(() => {
          const field = document.activeElement;
          return field?.id === 'field-url' && field.getAttribute('aria-invalid') === 'true';
        }),
      ).toBe(true);
      await setAddress(address);
      await click(review, '#save-button');
      sheet = await waitForRows(review, (s) => s.status !== '' || s.problems !== '');
      expect(sheet.problems).toBe('');
      expect(sheet.status).toBe('Saved in My sources, with 0 quotes.');
    } finally {
      await review.close();
      await article.close();
    }
  });
});
