/**
 * Acceptance, quote check (issue 13), in Chromium and Firefox: on a local news page, quotations of
 * knowledge-base people that match stored quotes get their own highlight (not "new" ones); hovering
 * each opens its quote card with the verdict, the sources (outlet, date) and, where the words differ,
 * the stored quote with left-out and added words marked; axe finds nothing on the quote card; the page's
 * DOM is not changed while scanning and checking; the popup lists the page's quotes, "new" ones too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './support/browsers';
import { newestTabId, openPopupFor, runAxe } from './support/extension';
import { locateText, readHighlightRanges, useBrowser, waitForNoCard, type PageRange } from './support/pages';
import { startServer, type StaticServer } from './support/server';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Voices on the envoy's visit</title>
  <link rel="icon" href="data:,">
  <style>body { font: 18px/1.6 Georgia, serif; max-width: 700px; margin: 24px auto; } p { margin: 0 0 120px; }</style>
</head>
<body>
  <main>
    <article>
      <h1>Voices on the envoy’s visit</h1>
      <p id="same">“Russia does not intend to fight Europe,” Vladimir Putin told reporters on Tuesday.</p>
      <p id="shortened">“Putin still believes Russia can achieve his goals … He thus sees no need to compromise,” said Steven Pifer, a former ambassador.</p>
      <p id="reworded">George Barros said: “We should not allow Putin to keep stringing the United States along forever.”</p>
      <p id="other">“A waste of time and a diplomatic misstep,” Michael Carpenter said of the trip.</p>
      <p id="new">“Sanctions on oil revenue are the one lever that Moscow truly feels,” Steven Pifer said.</p>
    </article>
  </main>
</body>
</html>`;

/** What the quote card shows, read through the card host's shadow root. Runs in the page. */
function readQuoteCard() {
  const frame = document.querySelector('dramatis-ui')?.shadowRoot?.querySelector('.dr-frame');
  const card = frame?.querySelector('.dr-quote-card');
  if (!card) return null;
  return {
    verdict: card.getAttribute('data-verdict'),
    heading: card.querySelector('h2')?.textContent ?? '',
    text: card.textContent ?? '',
    cites: [...card.querySelectorAll('cite')].map((c) => c.textContent ?? ''),
    leftOut: [...card.querySelectorAll('.dr-diff del')].map((d) => d.textContent ?? ''),
    added: [...card.querySelectorAll('.dr-diff ins')].map((d) => d.textContent ?? ''),
  };
}

/** Counts changes to the page's DOM outside Dramatis's own host. Runs in the page. */
function watchMutations(): void {
  const w = window as unknown as { __mutations: number };
  w.__mutations = 0;
  new MutationObserver((records) => {
    for (const r of records)
      if (
        !(r.target instanceof Element && r.target.closest('dramatis-ui')) &&
        r.target.nodeName !== 'DRAMATIS-UI'
      )
        for (const n of [...r.addedNodes, ...r.removedNodes])
          if (n.nodeName !== 'DRAMATIS-UI') w.__mutations++;
    for (const r of records) if (r.type !== 'childList') w.__mutations++;
  }).observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
}

const EXPECTED: { id: string; verdict: string; hover: string }[] = [
  { id: 'same', verdict: 'same', hover: 'intend to fight' },
  { id: 'shortened', verdict: 'shortened', hover: 'achieve his goals' },
  { id: 'reworded', verdict: 'reworded', hover: 'keep stringing' },
  { id: 'other', verdict: 'other-speaker', hover: 'diplomatic misstep' },
];

let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/quotes.html', PAGE);
});

afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);

  it(`${browserName}: each verdict shows on hover with its sources and marked differences`, async () => {
    const page = await browser().openPage(server.url('/quotes.html'));
    try {
      await page.evaluate(watchMutations);
      const painted = await page.poll(readHighlightRanges, 'dramatis-quote', {
        until: (r: PageRange[] | null) => r !== null && r.length === EXPECTED.length,
        timeoutMs: 15_000,
      });
      expect(painted?.map((r) => r.ownerId)).toEqual(EXPECTED.map((e) => e.id));
      expect(painted?.[0]?.text).toBe('Russia does not intend to fight Europe');
      for (const { id, verdict, hover } of EXPECTED) {
        await page.evaluate((el) => document.getElementById(el)!.scrollIntoView({ block: 'center' }), id);
        const at = await page.poll(
          locateText,
          { id, text: hover },
          { until: (p) => p !== null && p.y < 500 },
        );
        expect(at, `${id}: "${hover}" is on the page`).not.toBeNull();
        await page.hover(at!.x, at!.y);
        const card = await page.poll(readQuoteCard, undefined, {
          until: (c) => c?.verdict === verdict,
          timeoutMs: 5_000,
        });
        console.log(
          `[${browserName}] ${id}: ${card?.verdict} — ${card?.heading}; cites ${card?.cites.join(' | ')}`,
        );
        expect(card?.verdict).toBe(verdict);
        expect(card?.cites.join(' ')).toMatch(/\d{1,2} Dec 2025/);
        expect(card?.text.toLowerCase()).not.toContain('misquot');
        if (verdict === 'shortened')
          expect(card?.leftOut).toEqual(['[left out on this page: on the battlefield. ]']);
        if (verdict === 'reworded') expect(card?.added.length).toBeGreaterThan(0);
        if (verdict === 'other-speaker') expect(card?.text).toContain('Yuriy Boyechko');
        if (verdict === 'shortened') {
          const { violations } = await runAxe(page, [{ fromShadowDom: ['dramatis-ui', '.dr-frame'] }]);
          expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
        }
        await page.hover(5, 5);
        await waitForNoCard(page, 3_000);
      }
      // The new quotation is not painted, and nothing of the page changed but Dramatis's own host.
      expect(await page.evaluate(() => (window as unknown as { __mutations: number }).__mutations)).toBe(0);
    } finally {
      await page.close();
    }
  });

  it(`${browserName}: the popup lists the page's quotes with their verdicts, new ones too`, async () => {
    const page = await browser().openPage(server.url('/quotes.html'));
    const tabId = await newestTabId(browser());
    try {
      await page.poll(readHighlightRanges, 'dramatis-quote', {
        until: (r: PageRange[] | null) => r !== null && r.length === EXPECTED.length,
        timeoutMs: 15_000,
      });
      const popup = await openPopupFor(browser(), tabId, '.pp-quote');
      try {
        const items = await popup.poll(
          () => [...document.querySelectorAll('.pp-quote')].map((li) => li.getAttribute('data-verdict')),
          undefined,
          { until: (v) => v.length === EXPECTED.length + 1 },
        );
        expect(items).toEqual([...EXPECTED.map((e) => e.verdict), 'new']);
        const last = await popup.evaluate(
          () => document.querySelector('.pp-quote:last-child')?.textContent ?? '',
        );
        expect(last).toContain('Not in your sources');
        expect(last).toContain('Sanctions on oil revenue');
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
  });
});
