/**
 * A small cross-browser adapter so one test body can run in Chromium (playwright-core) and Firefox
 * (puppeteer-core over BiDi). Reach for `raw` when a test needs more than this.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { launchChromium, type LaunchChromiumOptions } from './chromium';
import { launchFirefox, type LaunchFirefoxOptions } from './firefox';
import { CHROME_BUILD, FIREFOX_BUILD, requireBuild } from './paths';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export interface E2EPage {
  readonly raw: PlaywrightPage | PuppeteerPage;
  /** Runs `fn(arg)` in the page's own JavaScript (main world), not in the content script. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Evaluates `fn(arg)` in the page every `everyMs` until `until(value)` holds (default: truthy) and returns
   * that value. On timeout it returns the last value rather than throwing, so the test's own assertion shows
   * what the page had.
   */
  poll<R, A = undefined>(fn: (arg: A) => R, arg?: A, options?: PollOptions<R>): Promise<R>;
  /** Moves the mouse to viewport coordinates (CSS pixels). */
  hover(x: number, y: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface PollOptions<R> {
  until?: (value: R) => boolean;
  /** Default 5 s. */
  timeoutMs?: number;
  /** Default 100 ms. */
  everyMs?: number;
}

export interface E2EBrowser {
  readonly name: BrowserName;
  /** chrome-extension://ID/ or moz-extension://UUID/ */
  readonly extensionBaseUrl: string;
  openPage(url: string): Promise<E2EPage>;
  /** Opens an extension page such as `popup.html`, waiting for `selector` (default body). */
  openExtensionPage(path: string, selector?: string): Promise<E2EPage>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The unpacked build; defaults to .output/chrome-mv3 or .output/firefox-mv2. */
  extensionDir?: string;
  chromium?: LaunchChromiumOptions;
  firefox?: LaunchFirefoxOptions;
}

/** Launches `name` with the extension installed. Call `close()` in afterAll. */
export async function launchBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<E2EBrowser> {
  if (name === 'chromium') {
    const dir = options.extensionDir ?? requireBuild(CHROME_BUILD, 'npx wxt build');
    const session = await launchChromium(dir, options.chromium);
    const open = async (url: string, selector?: string) => {
      const page = await session.context.newPage();
      try {
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        if (selector) await page.waitForSelector(selector, { state: 'attached' });
      } catch (error) {
        await page.close().catch(() => undefined);
        throw error;
      }
      return wrapPlaywright(page);
    };
    return {
      name,
      extensionBaseUrl: session.extensionBaseUrl,
      openPage: (url) => open(url),
      openExtensionPage: (path, selector = 'body') =>
        open(new URL(path.replace(/^\//, ''), session.extensionBaseUrl).href, selector),
      close: () => session.close(),
    };
  }
  const dir = options.extensionDir ?? requireBuild(FIREFOX_BUILD, 'npx wxt build -b firefox');
  const session = await launchFirefox(dir, options.firefox);
  return {
    name,
    extensionBaseUrl: session.extensionBaseUrl,
    async openPage(url) {
      const page = await session.browser.newPage();
      try {
        await page.goto(url, { waitUntil: 'domcontentloaded' });
      } catch (error) {
        await page.close().catch(() => undefined);
        throw error;
      }
      return wrapPuppeteer(page);
    },
    openExtensionPage: async (path, selector) =>
      wrapPuppeteer(await session.openExtensionPage(path, selector)),
    close: () => session.close(),
  };
}

type AnyFn = (arg: unknown) => unknown;

/** The adapter over a Playwright page (Chromium). */
export function wrapPlaywright(page: PlaywrightPage): E2EPage {
  const evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
    page.evaluate(fn as AnyFn, arg) as Promise<R>;
  return {
    raw: page,
    evaluate,
    poll: (fn, arg, options) => pollWith(evaluate, fn, arg, options),
    hover: (x, y) => page.mouse.move(x, y),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    close: () => page.close(),
  };
}

/** The adapter over a Puppeteer page (Firefox over BiDi). */
export function wrapPuppeteer(page: PuppeteerPage): E2EPage {
  const evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
    page.evaluate(fn as AnyFn, arg) as Promise<R>;
  return {
    raw: page,
    evaluate,
    poll: (fn, arg, options) => pollWith(evaluate, fn, arg, options),
    hover: (x, y) => page.mouse.move(x, y),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    close: () => page.close(),
  };
}

async function pollWith<R, A>(
  evaluate: (fn: (arg: A) => R, arg?: A) => Promise<R>,
  fn: (arg: A) => R,
  arg: A | undefined,
  { until = Boolean, timeoutMs = 5_000, everyMs = 100 }: PollOptions<R> = {},
): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await evaluate(fn, arg);
    if (until(value) || Date.now() >= deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
