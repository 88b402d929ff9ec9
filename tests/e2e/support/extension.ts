/**
 * Helpers for the tests of the extension's own pages (popup-*, options-*, a11y-*): pointing the popup at
 * a tab, reading and writing storage from an extension page, real keyboard and clicks, viewport and
 * colour-scheme emulation, and axe-core.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { E2EBrowser, E2EPage } from './browsers';
import { PROJECT_ROOT } from './paths';

/** The extension API object in an extension page (`browser` in Firefox, `chrome` in Chromium). */
type ExtensionApi = {
  tabs: {
    getCurrent(): Promise<{ id?: number } | undefined>;
    query(q: object): Promise<{ id?: number }[]>;
    remove(id: number): Promise<void>;
  };
  storage: {
    local: { get(keys: null): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
  };
  action?: { getBadgeText(d: { tabId: number }): Promise<string> };
  browserAction?: { getBadgeText(d: { tabId: number }): Promise<string> };
};
type Globals = { browser?: ExtensionApi; chrome?: ExtensionApi };

/**
 * The id of the most recently created tab other than an extension page's own: the page a test opened
 * last. (Tab URLs are hidden from the extension without the "tabs" permission, so tests go by creation
 * order, which both browsers number upwards.)
 */
export async function newestTabId(browser: E2EBrowser): Promise<number> {
  const helper = await browser.openExtensionPage('options.html', '#app');
  try {
    return await helper.evaluate(async () => {
      const api = ((globalThis as unknown as Globals).browser ?? (globalThis as unknown as Globals).chrome)!;
      const self = await api.tabs.getCurrent();
      const ids = (await api.tabs.query({}))
        .map((t) => t.id)
        .filter((id): id is number => id !== undefined && id !== self?.id);
      return Math.max(...ids);
    });
  } finally {
    await helper.close();
  }
}

/** Opens the popup as a page, pointed at tab `tabId` (popup.html?tab=ID, see platform/tabs.ts). */
export function openPopupFor(
  browser: E2EBrowser,
  tabId: number,
  selector = '#search',
  extra = '',
): Promise<E2EPage> {
  return browser.openExtensionPage(`popup.html?tab=${tabId}${extra}`, selector);
}

/** Everything in the extension's storage.local, read from an extension page. */
export function readStorage(page: E2EPage): Promise<Record<string, unknown>> {
  return page.evaluate(() =>
    ((globalThis as unknown as Globals).browser ??
      (globalThis as unknown as Globals).chrome)!.storage.local.get(null),
  );
}

/** Writes raw values into storage.local from an extension page (to plant corrupt settings). */
export function writeStorage(page: E2EPage, items: Record<string, unknown>): Promise<void> {
  return page.evaluate(
    (values) =>
      ((globalThis as unknown as Globals).browser ??
        (globalThis as unknown as Globals).chrome)!.storage.local.set(values),
    items,
  );
}

/** The toolbar badge text of `tabId`, read from an extension page. */
export function readBadge(page: E2EPage, tabId: number): Promise<string> {
  return page.evaluate((id) => {
    const api = ((globalThis as unknown as Globals).browser ?? (globalThis as unknown as Globals).chrome)!;
    return (api.action ?? api.browserAction)!.getBadgeText({ tabId: id });
  }, tabId);
}

/** Clicks the element matching `selector` with the real mouse. */
export async function click(page: E2EPage, selector: string): Promise<void> {
  await (page.raw as { click(selector: string): Promise<void> }).click(selector);
}

/** Focuses `selector` and types `text` with real key events. */
export async function typeInto(page: E2EPage, selector: string, text: string): Promise<void> {
  const raw = page.raw as { focus(s: string): Promise<void>; keyboard: { type(t: string): Promise<void> } };
  await raw.focus(selector);
  await raw.keyboard.type(text);
}

/** Presses one key (e.g. 'ArrowDown', 'Enter', 'Escape') with a real key event. */
export async function press(page: E2EPage, key: string): Promise<void> {
  await (page.raw as { keyboard: { press(key: string): Promise<void> } }).keyboard.press(key);
}

type AnyPage = PlaywrightPage | PuppeteerPage;
const isPlaywrightPage = (raw: AnyPage): raw is PlaywrightPage => 'setViewportSize' in raw;

/** Sets the page's viewport (CSS pixels). */
export async function setViewport(page: E2EPage, width: number, height: number): Promise<void> {
  const raw = page.raw as AnyPage;
  if (isPlaywrightPage(raw)) await raw.setViewportSize({ width, height });
  else await raw.setViewport({ width, height });
}

/**
 * Emulates the system colour scheme (prefers-color-scheme). Returns false where the driver cannot
 * (Firefox over WebDriver BiDi): a test then uses the theme setting instead.
 */
export async function emulateColorScheme(page: E2EPage, scheme: 'light' | 'dark'): Promise<boolean> {
  const raw = page.raw as AnyPage;
  try {
    if (isPlaywrightPage(raw)) await raw.emulateMedia({ colorScheme: scheme });
    else await raw.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  } catch {
    return false;
  }
  return page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, scheme);
}

const AXE_SOURCE = readFileSync(join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** One axe violation, trimmed to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** What axe found: the violations, and how many rules passed (0 means `include` matched nothing). */
export interface AxeOutcome {
  violations: AxeViolation[];
  passedRules: number;
}

/**
 * Runs axe-core in the page (injected through the driver's evaluate, which extension pages' CSP allows)
 * on `include` (axe context selectors; `{ fromShadowDom: ['host', '.inside'] }` reaches into a shadow
 * root) or the whole document, with every rule axe runs by default.
 */
export async function runAxe(page: E2EPage, include?: unknown): Promise<AxeOutcome> {
  const raw = page.raw as { evaluate(script: string): Promise<unknown> };
  await raw.evaluate(`${AXE_SOURCE};void 0`);
  return page.evaluate(async (context) => {
    type Result = {
      passes: unknown[];
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    const axe = (globalThis as unknown as { axe: { run(c: unknown): Promise<Result> } }).axe;
    const result = await axe.run(context ? { include: context } : document);
    return {
      passedRules: result.passes.length,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => JSON.stringify(n.target)),
      })),
    };
  }, include ?? null);
}

/** Hands `text` to the file input `#inputId` as the file `name`, as a file picker would. */
export function chooseFile(page: E2EPage, inputId: string, name: string, text: string): Promise<void> {
  return page.evaluate(
    ({ id, name: fileName, text: body }) => {
      const input = document.getElementById(id) as HTMLInputElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File([body], fileName, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { id: inputId, name, text },
  );
}

/** Catches the next file the page offers for download: its name and text. Runs there. */
export function catchDownloads(page: E2EPage): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { exported?: Promise<string>; exportedName?: string };
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      w.exported = (blob as Blob).text();
      return original(blob);
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      w.exportedName = this.download; // do not actually download
    };
  });
}

/** The file caught by catchDownloads once the page has offered it (null if it never does). */
export async function readDownload(page: E2EPage): Promise<{ text: string; name: string } | null> {
  // The poll runs an async function in the page: what it resolves to is the file.
  return await page.poll(async () => {
    const w = window as unknown as { exported?: Promise<string>; exportedName?: string };
    return w.exported ? { text: await w.exported, name: w.exportedName ?? '' } : null;
  });
}

/** Chooses the option with `value` in the `<select>` matching `selector`, as picking it does (input and change fire). */
export async function selectOption(page: E2EPage, selector: string, value: string): Promise<void> {
  const raw = page.raw as AnyPage;
  if (isPlaywrightPage(raw)) await raw.selectOption(selector, value);
  else await raw.select(selector, value);
}

/**
 * Runs axe on an extension page in the light and the dark theme (the theme setting, which every
 * driver can set), then puts the setting back to `system`. Returns the violations of each theme.
 */
export async function runAxeInThemes(page: E2EPage): Promise<Record<'light' | 'dark', AxeViolation[]>> {
  const found = { light: [] as AxeViolation[], dark: [] as AxeViolation[] };
  for (const theme of ['light', 'dark'] as const) {
    await writeStorage(page, { 'settings.theme': theme });
    await page.poll(() => document.documentElement.dataset.theme, undefined, { until: (t) => t === theme });
    found[theme] = (await runAxe(page)).violations;
  }
  await writeStorage(page, { 'settings.theme': 'system' });
  return found;
}

/**
 * The counts Options › Packs shows for My sources ("1 source · 0 new people · 2 quotes"), once they
 * start with `prefix` (or after 8 s, as they are then).
 */
export async function readMySourcesCounts(browser: E2EBrowser, prefix: string): Promise<string> {
  const options = await browser.openExtensionPage('options.html', '#pack-my-sources');
  try {
    return await options.poll(
      () => document.querySelector('[data-pack="my-sources"] [data-testid="pack-counts"]')?.textContent ?? '',
      undefined,
      { until: (text) => text.startsWith(prefix), timeoutMs: 8_000 },
    );
  } finally {
    await options.close();
  }
}
