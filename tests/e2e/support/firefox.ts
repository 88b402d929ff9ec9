/**
 * Firefox ESR with the extension, driven by puppeteer-core over WebDriver BiDi as DESIGN.md says: the build
 * is installed as a temporary add-on. Its internal UUID is pinned with `extensions.webextensions.uuids`, and
 * Firefox is started with --remote-allow-system-access, so that moz-extension:// pages can be opened.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_BIN, GECKO_ID } from './paths';
import { closeWithin, makeTempDir, removeDir } from './cleanup';

/** The internal UUID pinned for the add-on: its pages live at moz-extension://UUID/. */
export const FIREFOX_EXTENSION_UUID = '5d8b3a1e-6f0c-4b7e-9a2d-d7a3a7150001';

export interface LaunchFirefoxOptions {
  /** A profile folder to use and keep. Without it a fresh temp folder is used and removed on close. */
  profileDir?: string;
  /** Extra preferences. */
  prefs?: Record<string, unknown>;
  timeoutMs?: number;
}

export interface FirefoxSession {
  browser: Browser;
  /** What installExtension returned (the gecko id). */
  addonId: string;
  extensionUuid: string;
  /** moz-extension://UUID/ */
  extensionBaseUrl: string;
  userDataDir: string;
  /**
   * Opens moz-extension://UUID/<path> in a new tab. Firefox's page.goto() to extension pages may never
   * resolve although the page loads, so a goto timeout is tolerated and `selector` is awaited instead.
   */
  openExtensionPage(path: string, selector?: string, timeoutMs?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(
  extensionDir: string,
  options: LaunchFirefoxOptions = {},
): Promise<FirefoxSession> {
  const { profileDir, prefs = {}, timeoutMs = 30_000 } = options;
  const tempDir = profileDir === undefined ? await makeTempDir('dramatis-firefox-') : undefined;
  const userDataDir = profileDir ?? tempDir!;
  let browser: Browser | undefined;
  let closed = false;

  const close = async () => {
    if (closed) return;
    closed = true;
    if (browser) {
      const b = browser;
      await closeWithin(
        15_000,
        () => b.close(),
        () => b.process()?.kill('SIGKILL'),
      );
    }
    await removeDir(tempDir);
  };

  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_BIN,
      headless: true,
      userDataDir,
      timeout: timeoutMs,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
        ...prefs,
      },
    });
    const addonId = await browser.installExtension(extensionDir);
    const extensionBaseUrl = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
    const b = browser;
    return {
      browser,
      addonId,
      extensionUuid: FIREFOX_EXTENSION_UUID,
      extensionBaseUrl,
      userDataDir,
      openExtensionPage: (path, selector = 'body', waitMs = 15_000) =>
        openExtensionPage(b, new URL(path.replace(/^\//, ''), extensionBaseUrl).href, selector, waitMs),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function openExtensionPage(browser: Browser, url: string, selector: string, timeoutMs: number) {
  const page = await browser.newPage();
  // Firefox >= 153: goto() to a moz-extension:// page may never resolve although the page loads, and
  // page.url() stays about:blank. So start the navigation without awaiting it and ask the page itself.
  let navigationError: unknown;
  void page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs }).catch((error: unknown) => {
    if (!(error instanceof Error && error.name === 'TimeoutError')) navigationError = error;
  });
  const deadline = Date.now() + timeoutMs;
  let last: unknown = 'not evaluated';
  while (Date.now() < deadline && navigationError === undefined) {
    try {
      last = await page.evaluate(
        (expected: string, sel: string) =>
          location.href === expected &&
          document.readyState !== 'loading' &&
          document.querySelector(sel) !== null,
        url,
        selector,
      );
      if (last === true) return page;
    } catch (error) {
      last = error; // the document is being replaced: try again
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await page.close().catch(() => undefined);
  throw new Error(
    `${url} did not load with ${selector} within ${timeoutMs} ms: ${String(navigationError ?? last)}`,
  );
}
