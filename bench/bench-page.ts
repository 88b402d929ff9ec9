/**
 * How every bench page is prepared, for bench/run.ts and bench/diagnose.ts alike: loaded from the bench
 * server, given the built content script's stylesheet (the ::highlight() rules, as the browser would add
 * them), mark.js and the harness, then left to settle.
 */
import type { Page } from 'playwright-core';

export interface BenchPageOptions {
  /** The harness script's path on the server (default the minified one). */
  harness?: string;
  /** Wait after two frames, before measuring (default 150 ms). */
  settleMs?: number;
}

/** Loads `base + url` in `page` and injects what every bench page gets. */
export async function loadBenchPage(
  page: Page,
  base: string,
  url: string,
  { harness = '/harness.js', settleMs = 150 }: BenchPageOptions = {},
): Promise<Page> {
  await page.goto(base + url, { waitUntil: 'load' });
  await page.addStyleTag({ url: '/page.css' });
  await page.addScriptTag({ url: '/mark.js' });
  await page.addScriptTag({ url: harness });
  await page.evaluate(
    (ms) =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, ms))),
      ),
    settleMs,
  );
  return page;
}
