/**
 * Acceptance, popup "On this page" and the toolbar badge, in Chromium and Firefox:
 * - on a page made from a source article, the popup lists the hand-annotated people with their mention
 *   counts, in order of first appearance;
 * - clicking one scrolls the page to its first mention and opens its card there;
 * - the badge shows the number of people and clears when the tab navigates;
 * - where content scripts cannot run, the popup says so plainly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './support/browsers';
import { click, newestTabId, openPopupFor, readBadge } from './support/extension';
import { ARTICLE_IDS, buildArticlePage, useBrowser, waitForCard, type ArticlePage } from './support/pages';
import { startServer, type StaticServer } from './support/server';

const ARTICLES = ARTICLE_IDS.map((id) => buildArticlePage(id));
const ARTICLE = ARTICLES[1]!;

/** An article's people with their counts, in order of first appearance (from the hand annotation). */
function expectedPeople(article: ArticlePage): { id: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of article.expected) counts.set(m.person, (counts.get(m.person) ?? 0) + 1);
  return [...counts].map(([id, count]) => ({ id, count }));
}
const EXPECTED = expectedPeople(ARTICLE);

/** What the popup lists under "On this page". Runs in the popup. */
function readPagePeople(): { id: string; name: string; count: string }[] {
  return [...document.querySelectorAll<HTMLElement>('.pp-person')].map((b) => ({
    id: b.dataset.person ?? '',
    name: b.querySelector('.pp-person-name')?.textContent ?? '',
    count: b.querySelector('.pp-count')?.textContent ?? '',
  }));
}

let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/news/article.html', ARTICLE.html);
  for (const article of ARTICLES) server.route(`/news/${article.id}.html`, article.html);
  server.route(
    '/news/nobody.html',
    '<!doctype html><html lang="en"><head><title>Weather</title></head><body><p>Rain, then sun.</p></body></html>',
  );
});

afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);

  it.each(ARTICLE_IDS)(
    `${browserName}: on article %s, lists its people with their counts, in order of first appearance`,
    async (id) => {
      const expected = expectedPeople(ARTICLES.find((a) => a.id === id)!);
      const article = await browser().openPage(server.url(`/news/${id}.html`));
      const tabId = await newestTabId(browser());
      const popup = await openPopupFor(browser(), tabId, '.pp-person');
      try {
        const listed = await popup.poll(readPagePeople, undefined, {
          until: (people) => people.length === expected.length,
          timeoutMs: 10_000,
        });
        expect(
          listed.map(({ id: person, count }) => ({ id: person, count: Number.parseInt(count, 10) })),
        ).toEqual(expected);
        expect(listed[0]?.count).toMatch(/^\d+ mentions?$/);
        const title = await popup.evaluate(() => document.querySelector('#page-title')?.textContent);
        expect(title).toBe(`On this page · ${expected.length} people`);
      } finally {
        await popup.close();
        await article.close();
      }
    },
  );

  it(`${browserName}: a click scrolls the page to the person's first mention and opens the card`, async () => {
    const article = await browser().openPage(server.url('/news/article.html'));
    const tabId = await newestTabId(browser());
    const popup = await openPopupFor(browser(), tabId, '.pp-person');
    try {
      // The last person to appear is furthest down the page.
      const last = EXPECTED.at(-1)!;
      await popup.poll(readPagePeople, undefined, {
        until: (p) => p.length === EXPECTED.length,
        timeoutMs: 10_000,
      });
      expect(await article.evaluate(() => window.scrollY)).toBe(0);
      // A real popup floats over the page it reports on, which stays visible; here the popup is a tab of its
      // own, so show the article again (a hidden tab does not run smooth scrolling) and click in the popup.
      await (article.raw as { bringToFront(): Promise<void> }).bringToFront();
      await click(popup, `.pp-person[data-person="${last.id}"]`);
      const card = await waitForCard(article, 5_000, last.id);
      expect(card.person).toBe(last.id);
      const view = await article.poll(
        () => {
          const active = CSS.highlights.get('dramatis-active');
          const range = active ? ([...active][0] as AbstractRange | undefined) : undefined;
          if (!range) return null;
          const live = document.createRange();
          live.setStart(range.startContainer, range.startOffset);
          live.setEnd(range.endContainer, range.endOffset);
          const rect = live.getBoundingClientRect();
          return {
            scrollY: window.scrollY,
            top: rect.top,
            bottom: rect.bottom,
            height: innerHeight,
            text: live.toString(),
          };
        },
        undefined,
        { until: (v) => v !== null && v.scrollY > 0 && v.top >= 0 && v.bottom <= v.height, timeoutMs: 5_000 },
      );
      expect(view?.scrollY, 'the page scrolled').toBeGreaterThan(0);
      expect(view!.top).toBeGreaterThanOrEqual(0);
      expect(view!.bottom).toBeLessThanOrEqual(view!.height);
      const first = ARTICLE.expected.find((m) => m.person === last.id)!;
      expect(view?.text).toBe(first.text);
    } finally {
      await popup.close();
      await article.close();
    }
  });

  it(`${browserName}: the badge counts the people, follows the page and clears on navigation`, async () => {
    const article = await browser().openPage(server.url('/news/article.html'));
    const tabId = await newestTabId(browser());
    const popup = await openPopupFor(browser(), tabId, '.pp-person');
    try {
      const badge = () => readBadge(popup, tabId);
      await expect.poll(badge, { timeout: 10_000 }).toBe(String(EXPECTED.length));
      // The page changes: a new paragraph names someone new.
      await article.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'Kaja Kallas said Europe must be at the table.';
        document.querySelector('article')!.append(p);
      });
      await expect.poll(badge, { timeout: 10_000 }).toBe(String(EXPECTED.length + 1));
      // Navigation: the badge clears; the new page has nobody, so it stays clear.
      await article.evaluate((url) => location.assign(url), server.url('/news/nobody.html'));
      await expect.poll(badge, { timeout: 10_000 }).toBe('');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await badge()).toBe('');
      const state = await popup.poll(
        () => document.querySelector('[data-state]')?.getAttribute('data-state') ?? null,
        undefined,
        { until: (s) => s === 'empty', timeoutMs: 5_000 },
      );
      expect(state).toBe('empty');
    } finally {
      await popup.close();
      await article.close();
    }
  });

  it(`${browserName}: says plainly that Dramatis cannot run on a browser page`, async () => {
    const blank = await browser().openPage('about:blank');
    const tabId = await newestTabId(browser());
    const popup = await openPopupFor(browser(), tabId, '[data-state="no-access"]');
    try {
      const text = await popup.evaluate(
        () => document.querySelector('[data-state="no-access"]')?.textContent,
      );
      expect(text).toMatch(/^Dramatis can’t run on this page/);
      // No site switch where there is no site.
      expect(await popup.evaluate(() => document.querySelector('#site-switch'))).toBeNull();
    } finally {
      await popup.close();
      await blank.close();
    }
  });

  it(`${browserName}: registers Alt+Shift+D to open the popup`, async () => {
    const page = await browser().openExtensionPage('options.html', '#app');
    try {
      const commands = await page.evaluate(async () => {
        type Api = { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };
        const g = globalThis as unknown as { browser?: Api; chrome?: Api };
        return (await (g.browser ?? g.chrome)!.commands.getAll()).map((c) => ({
          name: c.name,
          shortcut: c.shortcut,
        }));
      });
      const name = browserName === 'chromium' ? '_execute_action' : '_execute_browser_action';
      expect(commands).toContainEqual({ name, shortcut: 'Alt+Shift+D' });
    } finally {
      await page.close();
    }
  });

  it(`${browserName}: without ?tab=, a popup opened as a tab reports on the tab used last`, async () => {
    const article = await browser().openPage(server.url('/news/article.html'));
    const popup = await browser().openExtensionPage('popup.html', '#search');
    try {
      const listed = await popup.poll(readPagePeople, undefined, {
        until: (people) => people.length === EXPECTED.length,
        timeoutMs: 10_000,
      });
      expect(listed.map((p) => p.id)).toEqual(EXPECTED.map((p) => p.id));
    } finally {
      await popup.close();
      await article.close();
    }
  });
});
