/**
 * Acceptance, Options › Sources, in Chromium and Firefox: turning a source (or a whole outlet) off in the
 * options page removes its quotes from the card already open in another tab, without a reload, and from
 * the popup's search; turning it on brings them back. In Chromium the choice survives a browser restart
 * on the same profile.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchBrowser, type E2EBrowser, type E2EPage } from './support/browsers';
import { removeDir } from './support/cleanup';
import { click, newestTabId, openPopupFor, readStorage, typeInto } from './support/extension';
import { buildArticlePage, directQuotes, readCard, useBrowser, waitForCard } from './support/pages';
import { startServer, type StaticServer } from './support/server';

const ARTICLE = buildArticlePage('001_9c4c8f1c2ef386b9');
const PERSON = 'volodymyr-zelensky';
const SOURCE_001 = '001_9c4c8f1c2ef386b9';
const SOURCE_002 = '002_508fa90569225c0e';
const KYIV_POST_SOURCES = ['000_3cc1c4cc7cf39fe5', SOURCE_001];
const ALL_SOURCES = [...KYIV_POST_SOURCES, SOURCE_002, '003_e5f86a3492c09562', '004_11d8a4770e6080f9'];
const quoteIds = (sources: readonly string[]) =>
  sources.flatMap((s) => directQuotes(PERSON, s)).map((q) => q.id);
const ALL_QUOTES = quoteIds(ALL_SOURCES);

let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/news/article.html', ARTICLE.html);
  if (quoteIds([SOURCE_001]).length === 0 || quoteIds([SOURCE_002]).length === 0)
    throw new Error(`${PERSON} needs direct quotes in ${SOURCE_001} and ${SOURCE_002} for this test`);
});

afterAll(async () => {
  await server?.close();
});

/** Opens the article in a new tab and Zelensky's card on it (as the popup does). */
async function openArticleWithCard(browser: E2EBrowser): Promise<{ article: E2EPage; tabId: number }> {
  const article = await browser.openPage(server.url('/news/article.html'));
  const tabId = await newestTabId(browser);
  const popup = await openPopupFor(browser, tabId, `.pp-person[data-person="${PERSON}"]`);
  await click(popup, `.pp-person[data-person="${PERSON}"]`);
  await popup.close();
  await waitForCard(article, 5_000, PERSON);
  return { article, tabId };
}

const shownQuotes = async (article: E2EPage, expected: readonly string[]) =>
  (
    await article.poll(readCard, undefined, {
      until: (c) => JSON.stringify(c.quotes.map((q) => q.id).sort()) === JSON.stringify([...expected].sort()),
      timeoutMs: 5_000,
    })
  ).quotes
    .map((q) => q.id)
    .sort();

type SwitchState = { checked: string | null; disabled: boolean } | null;

/**
 * A switch's state on the options page, once it is `expected` (or after 5 s, as it is then): the page
 * follows a setting written elsewhere through its own storage listener, a moment after the open card may.
 */
const switchState = (options: E2EPage, id: string, expected?: SwitchState) =>
  options.poll(
    (sel): SwitchState => {
      const button = document.getElementById(sel);
      return button
        ? { checked: button.getAttribute('aria-checked'), disabled: button.hasAttribute('disabled') }
        : null;
    },
    id,
    { until: (state) => !expected || JSON.stringify(state) === JSON.stringify(expected) },
  );

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);

  it(`${browserName}: lists every article with outlet, headline, date and quote count`, async () => {
    const options = await browser().openExtensionPage('options.html', '.op-source');
    try {
      const rows = await options.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.op-source')].map((li) => ({
          id: li.dataset.source,
          headline: li.querySelector('.dr-toggle-label')?.textContent,
          meta: li.querySelector('.dr-toggle-description')?.textContent,
          isOn: li.querySelector('[role="switch"]')?.getAttribute('aria-checked'),
        })),
      );
      expect(rows.map((r) => r.id).sort()).toEqual([...ALL_SOURCES].sort());
      const kp = rows.find((r) => r.id === SOURCE_001)!;
      expect(kp.headline).toBe('Moscow talks with Witkoff and Kushner end without movement on territory');
      expect(kp.meta).toMatch(/^Kyiv Post · 2 Dec 2025 \(date inferred\) · \d+ quotes/);
      expect(rows.find((r) => r.id === SOURCE_002)!.meta).toMatch(/^Outlet unknown \(article 002\) · /);
      expect(rows.every((r) => r.isOn === 'true')).toBe(true);
      expect(await switchState(options, 'outlet-kyiv-post')).toEqual({ checked: 'true', disabled: false });
    } finally {
      await options.close();
    }
  });

  it(`${browserName}: a source turned off leaves the open card at once, and comes back`, async () => {
    const { article } = await openArticleWithCard(browser());
    const options = await browser().openExtensionPage('options.html', `#source-${SOURCE_001}`);
    try {
      expect(await shownQuotes(article, ALL_QUOTES)).toEqual([...ALL_QUOTES].sort());

      await click(options, `#source-${SOURCE_001}`);
      const without001 = ALL_QUOTES.filter((q) => !quoteIds([SOURCE_001]).includes(q));
      expect(await shownQuotes(article, without001)).toEqual([...without001].sort());
      expect(await switchState(options, `source-${SOURCE_001}`)).toEqual({
        checked: 'false',
        disabled: false,
      });
      expect(await article.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
      expect((await readStorage(options))['settings.disabledSources']).toEqual([SOURCE_001]);

      // The popup's search forgets it too.
      const popup = await browser().openExtensionPage('popup.html', '#search');
      await typeInto(popup, '#search', 'stringing the US along');
      const found = await popup.poll(
        () =>
          document.querySelector('.pp-empty') !== null || document.querySelector('[role="option"]') !== null,
      );
      expect(found).toBe(true);
      expect(
        await popup.evaluate(() => document.querySelector('#result-quote-barros-stringing-the-us-along')),
      ).toBeNull();
      await popup.close();

      await click(options, `#source-${SOURCE_001}`);
      expect(await shownQuotes(article, ALL_QUOTES)).toEqual([...ALL_QUOTES].sort());
    } finally {
      await options.close();
      await article.close();
    }
  });

  it(`${browserName}: an outlet turned off takes all its articles, and comes back`, async () => {
    const { article } = await openArticleWithCard(browser());
    const options = await browser().openExtensionPage('options.html', '#outlet-kyiv-post');
    try {
      await click(options, '#outlet-kyiv-post');
      const withoutKp = quoteIds([SOURCE_002, '003_e5f86a3492c09562', '004_11d8a4770e6080f9']);
      expect(await shownQuotes(article, withoutKp)).toEqual([...withoutKp].sort());
      const offByOutlet = { checked: 'false', disabled: true };
      for (const id of KYIV_POST_SOURCES)
        expect(await switchState(options, `source-${id}`, offByOutlet)).toEqual(offByOutlet);
      const on = { checked: 'true', disabled: false };
      expect(await switchState(options, `source-${SOURCE_002}`, on)).toEqual(on);

      await click(options, '#outlet-kyiv-post');
      expect(await shownQuotes(article, ALL_QUOTES)).toEqual([...ALL_QUOTES].sort());
    } finally {
      await options.close();
      await article.close();
    }
  });
});

describe('chromium: restart on the same profile', () => {
  let profileDir: string;

  beforeAll(async () => {
    profileDir = await mkdtemp(join(tmpdir(), 'dramatis-profile-'));
  });

  afterAll(async () => {
    await removeDir(profileDir);
  });

  it('chromium: a source turned off stays off after a restart', async () => {
    let browser = await launchBrowser('chromium', { chromium: { profileDir } });
    try {
      const options = await browser.openExtensionPage('options.html', `#source-${SOURCE_002}`);
      await click(options, `#source-${SOURCE_002}`);
      await options.poll(
        () => document.getElementById('source-002_508fa90569225c0e')?.getAttribute('aria-checked'),
        undefined,
        {
          until: (v) => v === 'false',
        },
      );
      expect((await readStorage(options))['settings.disabledSources']).toEqual([SOURCE_002]);
    } finally {
      await browser.close();
    }

    browser = await launchBrowser('chromium', { chromium: { profileDir } });
    try {
      const options = await browser.openExtensionPage('options.html', `#source-${SOURCE_002}`);
      expect(await switchState(options, `source-${SOURCE_002}`)).toEqual({
        checked: 'false',
        disabled: false,
      });
      await options.close();
      const { article } = await openArticleWithCard(browser);
      const without002 = ALL_QUOTES.filter((q) => !quoteIds([SOURCE_002]).includes(q));
      expect(await shownQuotes(article, without002)).toEqual([...without002].sort());
    } finally {
      await browser.close();
    }
  });
});
