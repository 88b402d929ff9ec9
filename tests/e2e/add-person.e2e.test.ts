/**
 * People the reader adds, and corrections (issue 14), in Chromium and Firefox. On a local news page a
 * reader adds Lena Brunner (a diplomat Dramatis does not know) with the form the context menu opens
 * (opened here for the page's tab, as the menu opens it); on another page her name is then highlighted,
 * and her card shows her role with the page as its source. A wrong mention (this page's Thomas Graham
 * is someone else) is corrected from the card: its highlight goes, the bare "Graham" it anchored
 * follows, it stays corrected after a reload, and Options › Corrections undoes it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './support/browsers';
import { click, newestTabId } from './support/extension';
import {
  clickAt,
  locateText,
  PAGES_DIR,
  readHighlightRanges,
  useBrowser,
  waitForCard,
  type PageRange,
} from './support/pages';
import { startServer, type StaticServer } from './support/server';

const LATER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Geneva, again</title></head>
<body><article><h1>Geneva, again</h1>
<p id="p1">Lena Brunner met Thomas Graham in Geneva on Friday.</p>
<p id="p2">Graham said the talks would go on, and Brunner agreed.</p>
</article></body></html>`;

/** The page a second person is added from: its metadata gives the source, its sentence the role. */
const STOCKHOLM = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks move north</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Talks move north","datePublished":"2025-12-14T09:00:00+01:00",
"publisher":{"@type":"Organization","name":"The Harbour Ledger"}}</script></head>
<body><article><h1>Talks move north</h1>
<p>Oskar Lindqvist, a Swedish mediator who chaired the session, said the delegations would meet again.</p>
<p>“We are not there yet,” Lindqvist said after the talks.</p>
</article></body></html>`;

/** The page that stays open while Oskar Lindqvist is added and deleted in other tabs. */
const OPEN = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Open all along</title></head>
<body><article><h1>Open all along</h1>
<p id="p1">Steve Witkoff thanked Oskar Lindqvist for the rooms.</p>
<p id="p2">Lindqvist said nothing.</p>
</article></body></html>`;

/**
 * Pages that name an added person and nobody Dramatis bundles: the script every page runs finds them
 * only through the added people's gate (page/added-gate.ts).
 */
const ONLY_BRUNNER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A quiet week</title></head>
<body><article><h1>A quiet week</h1>
<p>Lena Brunner spent the week in Bern.</p><p>Brunner said little.</p>
</article></body></html>`;
const ONLY_LINDQVIST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rooms</title></head>
<body><article><h1>Rooms</h1>
<p>Oskar Lindqvist booked the rooms.</p><p>Lindqvist said nothing.</p>
</article></body></html>`;

let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/news/geneva.html', readFileSync(join(PAGES_DIR, 'saved-article.html'), 'utf8'));
  server.route('/news/later.html', LATER);
  server.route('/news/stockholm.html', STOCKHOLM);
  server.route('/news/open.html', OPEN);
  server.route('/news/only-brunner.html', ONLY_BRUNNER);
  server.route('/news/only-lindqvist.html', ONLY_LINDQVIST);
});
afterAll(async () => {
  await server?.close();
});

const texts = (ranges: PageRange[] | null) => (ranges ?? []).map((r) => r.text);

/** What the add-person form shows. Runs there. */
function readForm() {
  const value = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.value ?? '';
  return {
    name: value('person-name'),
    surname: value('person-surname'),
    givenNames: value('person-givenNames'),
    role: value('person-role'),
    headline: value('field-headline'),
    status: document.getElementById('person-status')?.textContent ?? '',
    problems: document.getElementById('person-problems')?.textContent ?? '',
    error: document.getElementById('add-person-error')?.textContent ?? '',
  };
}

/** The middle of the card's button whose text starts with `label` (in the card's shadow root), or null. */
function locateCardButton(label: string): { x: number; y: number } | null {
  const root = document.querySelector('dramatis-ui')?.shadowRoot;
  const button = [...(root?.querySelectorAll('button') ?? [])].find((b) =>
    b.textContent?.trim().startsWith(label),
  );
  // The card scrolls inside; its footer may be below the fold.
  button?.scrollIntoView({ block: 'nearest' });
  const rect = button?.getBoundingClientRect();
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
}

/** The card's roles and their citations, as text. Runs in the page. */
function readCardText(): string {
  return document.querySelector('dramatis-ui')?.shadowRoot?.querySelector('.dr-frame')?.textContent ?? '';
}

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);

  /**
   * Opens the add-person form for the newest tab, as the context menu opens it for `selection`, and saves
   * once it has its proposals: what it first showed, and what it said after saving.
   */
  const addPerson = async (selection: string) => {
    const tabId = await newestTabId(browser());
    const form = await browser().openExtensionPage(
      `add-person.html?tab=${tabId}&name=${encodeURIComponent(selection)}`,
      '#app',
    );
    try {
      const shown = await form.poll(readForm, undefined, {
        until: (f) => f.name !== '' || f.error !== '',
        timeoutMs: 15_000,
      });
      await click(form, '#person-save');
      const saved = await form.poll(readForm, undefined, {
        until: (f) => f.status !== '' || f.problems !== '',
        timeoutMs: 10_000,
      });
      return { shown, saved };
    } finally {
      await form.close();
    }
  };

  it(`${browserName}: a person added from a page is spotted on another page`, async () => {
    const article = await browser().openPage(server.url('/news/geneva.html'));
    try {
      const { shown, saved } = await addPerson('Lena Brunner,');
      expect(shown).toMatchObject({
        error: '',
        name: 'Lena Brunner',
        surname: 'Brunner',
        givenNames: 'Lena',
        role: 'A Swiss diplomat who helped arrange the meeting',
        headline: 'Envoys leave Geneva with no date for a second round',
      });
      expect(saved.problems).toBe('');
      expect(saved.status).toMatch(/^Lena Brunner is in My sources/);
    } finally {
      await article.close();
    }

    const later = await browser().openPage(server.url('/news/later.html'));
    try {
      const ranges = await later.poll(readHighlightRanges, 'dramatis', {
        until: (r) => texts(r).includes('Brunner'),
        timeoutMs: 10_000,
      });
      expect(texts(ranges)).toEqual(['Lena Brunner', 'Thomas Graham', 'Graham', 'Brunner']);
    } finally {
      await later.close();
    }

    // A page that names her alone: the added people's script, registered as she was saved, opens its gate.
    const quiet = await browser().openPage(server.url('/news/only-brunner.html'));
    try {
      const ranges = await quiet.poll(readHighlightRanges, 'dramatis', {
        until: (r) => texts(r).includes('Brunner'),
        timeoutMs: 10_000,
      });
      expect(texts(ranges)).toEqual(['Lena Brunner', 'Brunner']);
    } finally {
      await quiet.close();
    }
  });

  // Every card comes from the background's merged knowledge (background:card-data), added people's too.
  it(`${browserName}: the added person's card shows the role with the page as its source`, async () => {
    const later = await browser().openPage(server.url('/news/later.html'));
    try {
      await later.poll(readHighlightRanges, 'dramatis', {
        until: (r) => texts(r).includes('Brunner'),
        timeoutMs: 10_000,
      });
      const at = await later.evaluate(locateText, { id: 'p1', text: 'Lena Brunner' });
      // One rest on the name: the card opens once its script and its card data have arrived.
      await later.hover(at!.x, at!.y);
      const card = await waitForCard(later, 8_000, 'lena-brunner');
      expect(card.name).toBe('Lena Brunner');
      const text = await later.evaluate(readCardText);
      expect(text).toContain('A Swiss diplomat who helped arrange the meeting');
      expect(text).toContain('The Harbour Ledger');
    } finally {
      await later.close();
    }
  });

  it(`${browserName}: “Not Thomas Graham?” takes the mention at once, keeps it after a reload, and undo brings it back`, async () => {
    let page = await browser().openPage(server.url('/news/later.html'));
    try {
      await page.poll(readHighlightRanges, 'dramatis', {
        until: (r) => texts(r).includes('Thomas Graham'),
        timeoutMs: 10_000,
      });
      const at = await page.evaluate(locateText, { id: 'p1', text: 'Thomas Graham' });
      await page.hover(at!.x, at!.y);
      expect((await waitForCard(page, 5_000, 'thomas-graham')).name).toBe('Thomas Graham');
      const ask = await page.poll(locateCardButton, 'Not Thomas Graham?', { until: Boolean });
      await clickAt(page, ask!.x, ask!.y);
      const answer = await page.poll(locateCardButton, 'Someone else', { until: Boolean });
      await clickAt(page, answer!.x, answer!.y);
      // The naming and the bare surname it anchored go at once; Brunner stays.
      const after = await page.poll(readHighlightRanges, 'dramatis', {
        until: (r) => !texts(r).includes('Thomas Graham'),
        timeoutMs: 5_000,
      });
      expect(texts(after).filter((t) => t.includes('Graham'))).toEqual([]);
    } finally {
      await page.close();
    }

    // A reload: still corrected.
    page = await browser().openPage(server.url('/news/later.html'));
    try {
      await page.poll(readHighlightRanges, 'dramatis', {
        until: (r) => texts(r).length > 0,
        timeoutMs: 10_000,
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const ranges = await page.evaluate(readHighlightRanges, 'dramatis');
      expect(texts(ranges).filter((t) => t.includes('Graham'))).toEqual([]);
    } finally {
      await page.close();
    }

    // Options › Corrections lists it; Undo brings the mention back.
    const options = await browser().openExtensionPage('options.html', '#corrections');
    try {
      const listed = await options.poll(
        () => document.querySelector('[data-correction]')?.textContent ?? '',
        undefined,
        { until: (t) => t !== '', timeoutMs: 8_000 },
      );
      expect(listed).toContain('“Thomas Graham” is someone else, not Thomas Graham');
      await click(options, '[data-correction] button');
      await options.poll(
        () => document.querySelector('[data-testid="corrections-empty"]') !== null,
        undefined,
        {
          until: Boolean,
        },
      );
    } finally {
      await options.close();
    }
    page = await browser().openPage(server.url('/news/later.html'));
    try {
      // The bare surname is registered once its paragraph nears the viewport (an IntersectionObserver
      // callback), which may come a frame after the naming: wait for the page's settled state.
      const back = await page.poll(readHighlightRanges, 'dramatis', {
        until: (r) => texts(r).filter((t) => t.includes('Graham')).length >= 2,
        timeoutMs: 10_000,
      });
      expect(texts(back).filter((t) => t.includes('Graham'))).toEqual(['Thomas Graham', 'Graham']);
    } finally {
      await page.close();
    }
  });

  it(`${browserName}: an open page follows a person added and then deleted in other tabs, without a reload`, async () => {
    const open = await browser().openPage(server.url('/news/open.html'));
    try {
      await open.poll(readHighlightRanges, 'dramatis', {
        until: (r) => texts(r).includes('Steve Witkoff'),
        timeoutMs: 10_000,
      });
      // A mark of this very document: a reload would lose it.
      await open.evaluate(() => void ((window as { isSameDocument?: boolean }).isSameDocument = true));
      // Open too: a page that names nobody Dramatis knows yet (only its first stage runs there).
      const quiet = await browser().openPage(server.url('/news/only-lindqvist.html'));
      const source = await browser().openPage(server.url('/news/stockholm.html'));
      try {
        const { shown, saved } = await addPerson('Oskar Lindqvist');
        expect(shown).toMatchObject({
          name: 'Oskar Lindqvist',
          role: 'a Swedish mediator who chaired the session',
        });
        expect(saved.problems).toBe('');
      } finally {
        await source.close();
      }
      const added = await open.poll(readHighlightRanges, 'dramatis', {
        until: (r) => texts(r).includes('Oskar Lindqvist'),
        timeoutMs: 10_000,
      });
      expect(texts(added)).toEqual(['Steve Witkoff', 'Oskar Lindqvist', 'Lindqvist']);
      try {
        const found = await quiet.poll(readHighlightRanges, 'dramatis', {
          until: (r) => texts(r).includes('Lindqvist'),
          timeoutMs: 10_000,
        });
        expect(texts(found)).toEqual(['Oskar Lindqvist', 'Lindqvist']);
      } finally {
        await quiet.close();
      }

      // Options › People you added: delete him; his names go from the open page.
      const options = await browser().openExtensionPage('options.html', '#people');
      try {
        const row = '[data-person="oskar-lindqvist"]';
        await options.poll((selector) => document.querySelector(selector) !== null, row, {
          until: Boolean,
          timeoutMs: 8_000,
        });
        await click(options, `${row} button.is-danger`);
        await click(options, `${row} [role="group"] button.is-danger`);
        const status = await options.poll(
          () => document.getElementById('people-status')?.textContent ?? '',
          undefined,
          {
            until: (t) => t !== '',
            timeoutMs: 8_000,
          },
        );
        expect(status).toBe('Deleted Oskar Lindqvist and their quotes.');
      } finally {
        await options.close();
      }
      const removed = await open.poll(readHighlightRanges, 'dramatis', {
        until: (r) => !texts(r).some((t) => t.includes('Lindqvist')),
        timeoutMs: 10_000,
      });
      expect(texts(removed)).toEqual(['Steve Witkoff']);
      expect(await open.evaluate(() => (window as { isSameDocument?: boolean }).isSameDocument)).toBe(true);
    } finally {
      await open.close();
    }
  });
});
