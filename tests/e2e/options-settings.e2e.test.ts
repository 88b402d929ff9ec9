/**
 * Acceptance, Options › Appearance and the settings file, in Chromium and Firefox: appearance changes
 * reach open pages; export writes the settings as JSON; an invalid file is refused with a message that
 * says what is wrong and leaves the settings untouched; a valid one replaces them; reset restores the
 * defaults; corrupt stored values show as defaults, without a crash.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type E2EPage } from './support/browsers';
import { chooseFile, click, readStorage, writeStorage } from './support/extension';
import { buildArticlePage, useBrowser } from './support/pages';
import { startServer, type StaticServer } from './support/server';

const ARTICLE = buildArticlePage('004_11d8a4770e6080f9');

let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/news/article.html', ARTICLE.html);
});

afterAll(async () => {
  await server?.close();
});

/** The settings as the options page shows them. Runs there. */
function readForm() {
  const checked = (name: string) =>
    document.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? null;
  return {
    highlight: checked('highlight'),
    theme: checked('theme'),
    delay: document.querySelector<HTMLInputElement>('#hover-delay')?.value ?? null,
    sites: [...document.querySelectorAll<HTMLElement>('.op-site')].map((li) => li.dataset.site),
    sourcesOn: [...document.querySelectorAll('.op-source [role="switch"][aria-checked="true"]')].length,
    dataTheme: document.documentElement.dataset.theme ?? null,
    status: document.getElementById('settings-file-status')?.textContent ?? '',
    error: document.getElementById('settings-file-error')?.textContent ?? '',
  };
}
type Form = ReturnType<typeof readForm>;

const waitForForm = (page: E2EPage, until: (f: Form) => boolean) =>
  page.poll(readForm, undefined, { until, timeoutMs: 10_000, everyMs: 50 });

/**
 * Waits until the page shows every field of `expected` (the settings arrive, then the theme is applied
 * in an effect after paint: each at its own time), and returns what it shows for the assertion.
 */
const waitForFormToShow = (page: E2EPage, expected: Partial<Form>) =>
  waitForForm(page, (form) =>
    Object.entries(expected).every(([key, value]) => isDeepStrictEqual(form[key as keyof Form], value)),
  );

const settingsOnly = (storage: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(storage).filter(([k]) => k.startsWith('settings.') && !k.endsWith('$')));

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);

  it(`${browserName}: appearance changes reach the options page and open pages at once`, async () => {
    const article = await browser().openPage(server.url('/news/article.html'));
    const options = await browser().openExtensionPage('options.html', '#highlight-background');
    try {
      await article.poll(() => CSS.highlights.has('dramatis'), undefined, { timeoutMs: 8_000 });
      await click(options, '#highlight-background');
      expect(
        await article.poll(
          () => CSS.highlights.has('dramatis-bg') && !CSS.highlights.has('dramatis'),
          undefined,
          {
            timeoutMs: 5_000,
          },
        ),
      ).toBe(true);
      await click(options, '#theme-dark');
      expect((await waitForForm(options, (f) => f.dataTheme === 'dark')).dataTheme).toBe('dark');
      await click(options, '#theme-light');
      expect((await waitForForm(options, (f) => f.dataTheme === 'light')).dataTheme).toBe('light');

      // The hover delay slider, from the keyboard: one step of 50 ms.
      await options.evaluate(() => document.getElementById('hover-delay')?.focus());
      await (options.raw as { keyboard: { press(k: string): Promise<void> } }).keyboard.press('ArrowRight');
      await options.poll(() => document.getElementById('hover-delay')?.blur());
      await expect.poll(async () => (await readStorage(options))['settings.hoverDelayMs']).toBe(550);
      expect((await readStorage(options))['settings.highlightStyle']).toBe('background');
    } finally {
      await options.close();
      await article.close();
    }
  });

  it(`${browserName}: exports the settings as a JSON file`, async () => {
    const options = await browser().openExtensionPage('options.html', '#export-button');
    try {
      await options.evaluate(() => {
        const original = URL.createObjectURL.bind(URL);
        const w = window as unknown as { exported?: Promise<string>; exportedName?: string };
        URL.createObjectURL = (blob: Blob | MediaSource) => {
          w.exported = (blob as Blob).text();
          return original(blob);
        };
        HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
          w.exportedName = this.download; // do not actually download
        };
      });
      await click(options, '#export-button');
      const file = await options.poll(async () => {
        const w = window as unknown as { exported?: Promise<string>; exportedName?: string };
        return w.exported ? { text: await w.exported, name: w.exportedName ?? '' } : null;
      });
      expect(file?.name).toMatch(/^dramatis-settings-\d{4}-\d{2}-\d{2}\.json$/);
      const json = JSON.parse(file!.text) as {
        format: string;
        version: number;
        settings: Record<string, unknown>;
      };
      expect(json.format).toBe('dramatis-settings');
      expect(json.version).toBe(1);
      expect(json.settings).toMatchObject({
        highlightStyle: 'background',
        theme: 'light',
        hoverDelayMs: 550,
      });
      expect((await waitForForm(options, (f) => f.status !== '')).status).toMatch(/^Saved your settings as /);
    } finally {
      await options.close();
    }
  });

  it(`${browserName}: refuses an invalid file, saying what is wrong, and keeps the settings`, async () => {
    const options = await browser().openExtensionPage('options.html', '#import-file');
    try {
      const before = settingsOnly(await readStorage(options));
      const bad = JSON.stringify({
        format: 'dramatis-settings',
        version: 1,
        settings: { theme: 'dark', hoverDelayMs: 'fast' },
      });
      await chooseFile(options, 'import-file', 'bad.json', bad);
      let form = await waitForForm(options, (f) => f.error !== '');
      expect(form.error).toBe(
        'Could not import “bad.json”: "settings.hoverDelayMs" must be a whole number of milliseconds from 100 to 2000, but the file has "fast". Your settings are unchanged.',
      );
      await chooseFile(options, 'import-file', 'notes.txt', 'these are my notes');
      form = await waitForForm(options, (f) => f.error.includes('notes.txt'));
      expect(form.error).toMatch(
        /^Could not import “notes\.txt”: The file is not valid JSON \(.+\)\. Your settings are unchanged\.$/,
      );
      expect(settingsOnly(await readStorage(options))).toEqual(before);
      const unchanged: Partial<Form> = { theme: 'light', dataTheme: 'light' };
      expect(await waitForFormToShow(options, unchanged)).toMatchObject(unchanged);
    } finally {
      await options.close();
    }
  });

  it(`${browserName}: imports a valid file, then resets to defaults`, async () => {
    const options = await browser().openExtensionPage('options.html', '#import-file');
    try {
      const good = JSON.stringify({
        format: 'dramatis-settings',
        version: 1,
        settings: {
          highlightStyle: 'none',
          hoverDelayMs: 900,
          theme: 'dark',
          disabledSources: ['002_508fa90569225c0e'],
          disabledOutlets: [],
          disabledSites: ['https://www.example.com/'],
        },
      });
      await chooseFile(options, 'import-file', 'good.json', good);
      const imported: Partial<Form> = {
        highlight: 'none',
        theme: 'dark',
        delay: '900',
        sites: ['example.com'],
        sourcesOn: 4,
        dataTheme: 'dark',
        error: '',
        status: 'Imported the settings from “good.json”.',
      };
      expect(await waitForFormToShow(options, imported)).toMatchObject(imported);

      await click(options, '#reset-button');
      await click(options, '#reset-confirm');
      const reset: Partial<Form> = {
        highlight: 'underline',
        theme: 'system',
        delay: '500',
        sites: [],
        sourcesOn: 5,
        status: 'All settings are back to their defaults.',
      };
      expect(await waitForFormToShow(options, reset)).toMatchObject(reset);
      expect(settingsOnly(await readStorage(options))).toEqual({
        'settings.highlightStyle': 'underline',
        'settings.quoteHighlight': 'underline',
        'settings.hoverDelayMs': 500,
        'settings.theme': 'system',
        'settings.disabledSources': [],
        'settings.disabledOutlets': [],
        'settings.disabledSites': [],
        'settings.corrections': [],
      });
    } finally {
      await options.close();
    }
  });

  it(`${browserName}: corrupt stored settings show as their defaults, without a crash`, async () => {
    const writer = await browser().openExtensionPage('options.html', '#export-button');
    await writeStorage(writer, {
      'settings.highlightStyle': 'sparkles',
      'settings.hoverDelayMs': 'fast',
      'settings.theme': 42,
      'settings.disabledSources': 'all',
      'settings.disabledOutlets': { 'Kyiv Post': true },
      'settings.disabledSites': [7, null, 'not a site'],
    });
    await writer.close();
    const article = await browser().openPage(server.url('/news/article.html'));
    const options = await browser().openExtensionPage('options.html', '#export-button');
    const popup = await browser().openExtensionPage('popup.html', '#search');
    try {
      const defaults: Partial<Form> = {
        highlight: 'underline',
        theme: 'system',
        delay: '500',
        sites: [],
        sourcesOn: 5,
      };
      expect(await waitForFormToShow(options, defaults)).toMatchObject(defaults);
      // The content script runs on the defaults too: every mention is painted.
      expect(
        await article.poll(() => CSS.highlights.get('dramatis')?.size ?? 0, undefined, {
          until: (size) => size === ARTICLE.expected.length,
          timeoutMs: 10_000,
        }),
      ).toBe(ARTICLE.expected.length);
      expect(await popup.evaluate(() => document.querySelector('.pp-title')?.textContent)).toBe('Dramatis');
    } finally {
      await popup.close();
      await options.close();
      await article.close();
    }
  });
});
