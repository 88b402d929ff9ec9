/**
 * Acceptance, accessibility, in Chromium and Firefox: axe-core (every rule it runs by default) finds no
 * violation on the popup (people on the page, search results, a card, no results, a page it cannot
 * reach), on the options page, in light and dark, and in a card open on a news page (inside its shadow
 * root). Screenshots of each state go to tests/e2e/.artifacts/ for review.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchBrowser, type E2EBrowser, type E2EPage } from './support/browsers';
import {
  click,
  emulateColorScheme,
  newestTabId,
  openPopupFor,
  press,
  runAxe,
  setViewport,
  typeInto,
  writeStorage,
} from './support/extension';
import { ARTIFACTS_DIR, buildArticlePage, useBrowser, waitForCard } from './support/pages';
import { startServer, type StaticServer } from './support/server';

const ARTICLE = buildArticlePage('001_9c4c8f1c2ef386b9');

let server: StaticServer;

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  server = await startServer();
  server.route('/news/article.html', ARTICLE.html);
});

afterAll(async () => {
  await server?.close();
});

/**
 * Runs axe and checks there is no violation (the failure lists rule, help and elements), and that axe
 * did look at something (rules passed), so an `include` that matches nothing cannot pass vacuously.
 */
async function expectNoViolations(page: E2EPage, what: string, include?: unknown): Promise<void> {
  const { violations, passedRules } = await runAxe(page, include);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  expect(passedRules, `${what}: rules that passed`).toBeGreaterThan(5);
}

const shot = (page: E2EPage, name: string) => page.screenshot(join(ARTIFACTS_DIR, `${name}.png`));

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);

  /** Makes the pages dark: the system colour scheme where the driver can emulate it, else the setting. */
  async function goDark(page: E2EPage): Promise<'system' | 'setting'> {
    if (await emulateColorScheme(page, 'dark')) return 'system';
    await writeStorage(page, { 'settings.theme': 'dark' });
    return 'setting';
  }

  it(`${browserName}: the popup has no axe violations, light and dark`, async () => {
    const article = await browser().openPage(server.url('/news/article.html'));
    const tabId = await newestTabId(browser());
    const popup = await openPopupFor(browser(), tabId, '.pp-person');
    try {
      await setViewport(popup, 380, 600);
      await popup.poll(() => document.querySelectorAll('.pp-person').length, undefined, {
        until: (n) => n > 5,
      });
      await expectNoViolations(popup, 'popup: on this page');
      await shot(popup, `popup-page-light-${browserName}`);

      await typeInto(popup, '#search', 'putin');
      await popup.poll(() => document.querySelectorAll('[role="option"]').length);
      await press(popup, 'ArrowDown');
      await expectNoViolations(popup, 'popup: search results');
      await shot(popup, `popup-search-light-${browserName}`);

      await press(popup, 'Enter');
      await popup.poll(() => document.querySelector('.pp-card .dr-name')?.textContent);
      await expectNoViolations(popup, 'popup: card');
      await shot(popup, `popup-card-light-${browserName}`);

      await press(popup, 'Escape');
      await press(popup, 'Escape');
      await typeInto(popup, '#search', 'xqzvjw');
      await popup.poll(() => document.querySelector('.pp-empty'));
      await expectNoViolations(popup, 'popup: no results');
      await press(popup, 'Escape');

      const how = await goDark(popup);
      expect(
        await popup.poll(() => document.documentElement.dataset.theme, undefined, {
          until: (t) => t === 'dark',
        }),
        `dark via the ${how}`,
      ).toBe('dark');
      await expectNoViolations(popup, `popup: on this page, dark (${how})`);
      if (how === 'system') {
        // The theme setting wins over the system's scheme, both ways.
        await writeStorage(popup, { 'settings.theme': 'light' });
        expect(
          await popup.poll(() => document.documentElement.dataset.theme, undefined, {
            until: (t) => t === 'light',
          }),
        ).toBe('light');
        await writeStorage(popup, { 'settings.theme': 'system' });
        await popup.poll(() => document.documentElement.dataset.theme, undefined, {
          until: (t) => t === 'dark',
        });
      }
      await shot(popup, `popup-page-dark-${browserName}`);
      await typeInto(popup, '#search', 'witkof');
      await popup.poll(() => document.querySelectorAll('[role="option"]').length);
      await press(popup, 'ArrowDown');
      await expectNoViolations(popup, 'popup: search results, dark');
      await shot(popup, `popup-search-dark-${browserName}`);
      await press(popup, 'Enter');
      await popup.poll(() => document.querySelector('.pp-card .dr-name')?.textContent);
      await expectNoViolations(popup, 'popup: card, dark');
      await shot(popup, `popup-card-dark-${browserName}`);
      if (how === 'setting') await writeStorage(popup, { 'settings.theme': 'system' });
    } finally {
      await popup.close();
      await article.close();
    }
  });

  it(`${browserName}: the popup on a page Dramatis cannot reach has no axe violations`, async () => {
    const blank = await browser().openPage('about:blank');
    const tabId = await newestTabId(browser());
    const popup = await openPopupFor(browser(), tabId, '[data-state="no-access"]');
    try {
      await setViewport(popup, 380, 600);
      await expectNoViolations(popup, 'popup: no access');
      await shot(popup, `popup-no-access-${browserName}`);
    } finally {
      await popup.close();
      await blank.close();
    }
  });

  it(`${browserName}: the options page has no axe violations, light and dark`, async () => {
    const options = await browser().openExtensionPage('options.html', '.op-source');
    try {
      await setViewport(options, 900, 1400);
      // Some state worth seeing: an outlet off, a site listed, an import refused.
      await click(options, '#outlet-kyiv-post');
      await typeInto(options, '#site-input', 'example.com');
      await press(options, 'Enter');
      await options.poll(() => document.querySelectorAll('.op-site').length, undefined, {
        until: (n) => n === 1,
      });
      await options.evaluate(() => {
        const input = document.getElementById('import-file') as HTMLInputElement;
        const transfer = new DataTransfer();
        transfer.items.add(new File(['{"format": "dramatis-settings", "version": 9}'], 'old.json'));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await options.poll(() => document.getElementById('settings-file-error')?.textContent);
      await expectNoViolations(options, 'options, light');
      await shot(options, `options-light-${browserName}`);

      const how = await goDark(options);
      await options.poll(() => document.documentElement.dataset.theme, undefined, {
        until: (t) => t === 'dark',
      });
      await expectNoViolations(options, `options, dark (${how})`);
      await shot(options, `options-dark-${browserName}`);

      await click(options, '#reset-button');
      await click(options, '#reset-confirm');
      await options.poll(() => document.querySelectorAll('.op-site').length, undefined, {
        until: (n) => n === 0,
      });
    } finally {
      await options.close();
    }
  });

  it(`${browserName}: a card open on a news page has no axe violations`, async () => {
    const article = await browser().openPage(server.url('/news/article.html'));
    const tabId = await newestTabId(browser());
    const popup = await openPopupFor(browser(), tabId, '.pp-person[data-person="steve-witkoff"]');
    try {
      await (article.raw as { bringToFront(): Promise<void> }).bringToFront();
      await click(popup, '.pp-person[data-person="steve-witkoff"]');
      await waitForCard(article, 5_000, 'steve-witkoff');
      await expectNoViolations(article, 'page card', [{ fromShadowDom: ['dramatis-ui', '.dr-frame'] }]);
      await shot(article, `page-card-${browserName}`);
    } finally {
      await popup.close();
      await article.close();
    }
  });
});

describe('firefox with a dark system theme', () => {
  // WebDriver BiDi cannot emulate prefers-color-scheme; Firefox's own preference makes the system dark.
  let browser: E2EBrowser | undefined;

  beforeAll(async () => {
    browser = await launchBrowser('firefox', { firefox: { prefs: { 'ui.systemUsesDarkTheme': 1 } } });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('firefox: the popup and the options page follow the dark system, with no axe violations', async () => {
    const popup = await browser!.openExtensionPage('popup.html', '#search');
    const options = await browser!.openExtensionPage('options.html', '.op-source');
    try {
      for (const page of [popup, options])
        expect(
          await page.poll(() => document.documentElement.dataset.theme, undefined, {
            until: (t) => t === 'dark',
          }),
        ).toBe('dark');
      await setViewport(popup, 380, 600);
      await typeInto(popup, '#search', 'zelenski');
      await popup.poll(() => document.querySelectorAll('[role="option"]').length);
      await expectNoViolations(popup, 'popup, system dark');
      await expectNoViolations(options, 'options, system dark');
      await shot(popup, 'popup-search-system-dark-firefox');
    } finally {
      await options.close();
      await popup.close();
    }
  });
});
