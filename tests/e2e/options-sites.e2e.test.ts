/**
 * Acceptance, pausing sites, in Chromium and Firefox: the popup's switch pauses Dramatis on the site of
 * its tab, which loses its highlights at once while a tab on another site keeps them; Options › Sites
 * lists the same site, removes it (highlights come back) and adds sites by hand, refusing what is not one.
 * The two sites are the same test server reached as 127.0.0.1 and as localhost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type E2EPage } from './support/browsers';
import { click, newestTabId, openPopupFor, readStorage, typeInto } from './support/extension';
import { buildArticlePage, useBrowser } from './support/pages';
import { startServer, type StaticServer } from './support/server';

const ARTICLE = buildArticlePage('003_e5f86a3492c09562');
const MENTIONS = ARTICLE.expected.length;

let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/news/article.html', ARTICLE.html);
});

afterAll(async () => {
  await server?.close();
});

/** Number of painted mentions (`dramatis` highlight), 0 when none is registered. Runs in the page. */
const paintedCount = () => CSS.highlights.get('dramatis')?.size ?? 0;

const waitForPainted = (page: E2EPage, count: number, timeoutMs = 8_000) =>
  page.poll(paintedCount, undefined, { until: (n) => n === count, timeoutMs });

/** The Sites list of the options page. Runs there. */
const listedSites = () =>
  [...document.querySelectorAll<HTMLElement>('.op-site')].map((li) => li.dataset.site ?? '');

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);

  it(`${browserName}: the popup's switch pauses this site at once and leaves the other alone`, async () => {
    const local = await browser().openPage(`http://localhost:${server.port}/news/article.html`);
    const loopback = await browser().openPage(server.url('/news/article.html'));
    const tabId = await newestTabId(browser());
    const popup = await openPopupFor(browser(), tabId, '#site-switch');
    const options = await browser().openExtensionPage('options.html', '#site-input');
    try {
      expect(await waitForPainted(loopback, MENTIONS)).toBe(MENTIONS);
      expect(await waitForPainted(local, MENTIONS)).toBe(MENTIONS);
      // The switch shows once the popup knows its tab; its state follows once the settings are read.
      const siteSwitch = await popup.poll(
        () => ({
          label: document.querySelector('label[for="site-switch"]')?.textContent,
          checked: document.getElementById('site-switch')?.getAttribute('aria-checked'),
        }),
        undefined,
        { until: (s) => s.label === 'Dramatis on 127.0.0.1' && s.checked === 'true', timeoutMs: 10_000 },
      );
      expect(siteSwitch).toEqual({ label: 'Dramatis on 127.0.0.1', checked: 'true' });

      await click(popup, '#site-switch');
      expect(await waitForPainted(loopback, 0, 3_000)).toBe(0);
      expect(await loopback.evaluate(() => CSS.highlights.has('dramatis'))).toBe(false);
      expect(await local.evaluate(paintedCount)).toBe(MENTIONS);
      const paused = await popup.poll(
        () => document.querySelector('[data-state]')?.getAttribute('data-state') ?? null,
        undefined,
        { until: (s) => s === 'paused' },
      );
      expect(paused).toBe('paused');
      expect((await readStorage(options))['settings.disabledSites']).toEqual(['127.0.0.1']);
      expect(await options.poll(listedSites, undefined, { until: (s) => s.length === 1 })).toEqual([
        '127.0.0.1',
      ]);

      // Options › Sites edits the same list: removing the site brings the highlights back.
      await click(options, '.op-site[data-site="127.0.0.1"] button');
      expect(await waitForPainted(loopback, MENTIONS)).toBe(MENTIONS);
      expect(
        await popup.poll(
          () => document.getElementById('site-switch')?.getAttribute('aria-checked'),
          undefined,
          {
            until: (v) => v === 'true',
          },
        ),
      ).toBe('true');
    } finally {
      await options.close();
      await popup.close();
      await loopback.close();
      await local.close();
    }
  });

  it(`${browserName}: Options › Sites adds a site by hand and refuses what is not a site`, async () => {
    const local = await browser().openPage(`http://localhost:${server.port}/news/article.html`);
    const options = await browser().openExtensionPage('options.html', '#site-input');
    try {
      expect(await waitForPainted(local, MENTIONS)).toBe(MENTIONS);
      expect(
        await options.evaluate(() => document.querySelector('[data-testid="sites-empty"]')?.textContent),
      ).toBe('No sites are listed: Dramatis runs everywhere.');

      await typeInto(options, '#site-input', 'not a site!');
      await click(options, '.op-site-form button[type="submit"]');
      const error = await options.poll(
        () => document.getElementById('site-error')?.textContent ?? '',
        undefined,
        {
          until: (t) => t.length > 0,
        },
      );
      expect(error).toBe('“not a site!” is not a site name. Type one like example.com or news.example.org.');
      expect(
        await options.evaluate(() => document.getElementById('site-input')?.getAttribute('aria-invalid')),
      ).toBe('true');
      expect((await readStorage(options))['settings.disabledSites'] ?? []).toEqual([]);

      await options.evaluate(() => {
        const input = document.getElementById('site-input') as HTMLInputElement;
        input.select();
      });
      await typeInto(options, '#site-input', 'http://LOCALHOST:8080/some/page');
      await click(options, '.op-site-form button[type="submit"]');
      expect(await options.poll(listedSites, undefined, { until: (s) => s.length === 1 })).toEqual([
        'localhost',
      ]);
      expect(await waitForPainted(local, 0, 3_000)).toBe(0);

      await typeInto(options, '#site-input', 'localhost');
      await click(options, '.op-site-form button[type="submit"]');
      expect(
        await options.poll(() => document.getElementById('site-error')?.textContent ?? '', undefined, {
          until: (t) => t.length > 0,
        }),
      ).toBe('localhost is already in the list.');

      await click(options, '.op-site[data-site="localhost"] button');
      expect(await waitForPainted(local, MENTIONS)).toBe(MENTIONS);
    } finally {
      await options.close();
      await local.close();
    }
  });
});
