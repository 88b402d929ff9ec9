/**
 * The injection tier's browsers: plain headless Chromium (playwright-core) and Firefox ESR (puppeteer-core
 * over WebDriver BiDi), started WITHOUT the extension. A test opens a page from the 127.0.0.1 server and
 * evaluates the bundled entry (page-entry.ts) in it, which leaves the page's DOM as it was: the real page/
 * modules then run in the page's own JavaScript, driven through `window.__dramatisInjection`.
 */
import path from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { bundlePageScript } from '../../../bench/build-harness';
import { wrapPlaywright, wrapPuppeteer, type BrowserName, type E2EPage } from '../../e2e/support/browsers';
import { HEADLESS_CHROMIUM_FLAGS } from '../../e2e/support/chromium';
import { closeWithin } from '../../e2e/support/cleanup';
import { CHROMIUM_BIN, FIREFOX_BIN } from '../../e2e/support/paths';
import { startServer, type StaticServer } from '../../e2e/support/server';

/** A viewport rectangle in CSS pixels. */
export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A page with the entry evaluated in it. */
export interface InjectedPage extends E2EPage {
  /** A screenshot of `clip`, as a base64 PNG. */
  shoot(clip: Clip): Promise<string>;
}

/** A plain browser (no extension) that opens pages with the entry in them. */
export interface InjectionBrowser {
  readonly name: BrowserName;
  /** Opens `url`, waits for its load and evaluates the entry in it. */
  openPage(url: string): Promise<InjectedPage>;
  close(): Promise<void>;
}

/** What both drivers' pages offer for loading a page and evaluating a script in it. */
interface DriverPage {
  goto(url: string, options: { waitUntil: 'load' }): Promise<unknown>;
  evaluate(script: string): Promise<unknown>;
}

let bundled: Promise<string> | undefined;

/** The entry as one script, built once per test file (unminified: stack traces name the page/ code). */
function bundleEntry(): Promise<string> {
  bundled ??= bundlePageScript(path.join(import.meta.dirname, 'page-entry.ts'), { minify: false }).then(
    (b) => b.code,
  );
  return bundled;
}

/** Loads `url` in `page` and evaluates the entry there (a script run, no element added to the page). */
async function loadWithEntry<P extends DriverPage>(page: P, url: string): Promise<P> {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(await bundleEntry());
  return page;
}

/** Launches `name` without the extension (for useBrowser). */
export async function launchPlainBrowser(name: BrowserName): Promise<InjectionBrowser> {
  await bundleEntry();
  if (name === 'chromium') {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_BIN,
      headless: true,
      args: [...HEADLESS_CHROMIUM_FLAGS],
    });
    return {
      name,
      openPage: async (url) => {
        const page = await loadWithEntry(await browser.newPage(), url);
        const shoot = async (clip: Clip) => (await page.screenshot({ clip })).toString('base64');
        return { ...wrapPlaywright(page), shoot };
      },
      close: () =>
        closeWithin(
          15_000,
          () => browser.close(),
          () => undefined,
        ),
    };
  }
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_BIN, headless: true });
  return {
    name,
    openPage: async (url) => {
      const page = await loadWithEntry(await browser.newPage(), url);
      return { ...wrapPuppeteer(page), shoot: (clip) => page.screenshot({ clip, encoding: 'base64' }) };
    },
    close: () =>
      closeWithin(
        15_000,
        () => browser.close(),
        () => browser.process()?.kill('SIGKILL'),
      ),
  };
}

/**
 * Serves `pages` (path -> HTML) from a 127.0.0.1 server for the file's tests; the returned function gives
 * a page's URL.
 */
export function servePages(pages: Record<string, string>): (path: string) => string {
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await startServer();
    for (const [at, html] of Object.entries(pages)) server.route(at, html);
  });
  afterAll(async () => {
    await server?.close();
  });
  return (at) => {
    if (!server) throw new Error('the page server did not start');
    return server.url(at);
  };
}
