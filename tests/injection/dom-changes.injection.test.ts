/**
 * The DOM-change path, in plain Chromium and Firefox pages: text that the page's scripts append, change or
 * remove after the first pass is scanned again, and the highlights follow it; while Dramatis scans, a
 * MutationObserver in the page sees no change to the page's DOM made by Dramatis.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS } from '../e2e/support/browsers';
import { readHighlightRanges, useBrowser } from '../e2e/support/pages';
import { launchPlainBrowser, servePages, type InjectedPage } from './support/inject';

const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>DOM changes</title></head>
  <body>
    <article id="feed">
      <p id="lead">Steve Witkoff met officials in Moscow on Tuesday.</p>
    </article>
  </body>
</html>`;

const pageUrl = servePages({ '/dom-changes.html': PAGE });

interface Watched {
  /** Every mutation record the page's observer has seen (pending ones included), as text. */
  records: string[];
}

/** Starts watching the whole document, in the page, before Dramatis starts. */
function watchDom(): void {
  const seen: string[] = [];
  const format = (r: MutationRecord) =>
    `${r.type} on ${r.target.nodeName}: +${[...r.addedNodes].map((n) => n.nodeName).join(',')} -${[
      ...r.removedNodes,
    ]
      .map((n) => n.nodeName)
      .join(',')} ${r.attributeName ?? ''}`;
  const observer = new MutationObserver((records) => seen.push(...records.map(format)));
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.__watch = {
    // The page's own change, made here and dropped from the record: the records left are Dramatis's.
    change(run) {
      run();
      observer.takeRecords();
    },
    read: () => ({ records: [...seen, ...observer.takeRecords().map(format)] }),
  };
}

/** What watchDom leaves on the page's window. */
interface Watch {
  change(run: () => void): void;
  read(): Watched;
}

declare global {
  interface Window {
    __watch?: Watch;
  }
}

/** The session's state once it has scanned every change: its mentions and the underline's ranges. */
async function readSettled(
  page: InjectedPage,
  expected: string[],
): Promise<{ mentions: string[]; painted: string[] }> {
  const read = () => {
    const api = window.__dramatisInjection!;
    return { isSettled: api.isSettled(), mentions: api.mentions().map((m) => m.text) };
  };
  const state = await page.poll(read, undefined, {
    until: (s) => s.isSettled && s.mentions.join('|') === expected.join('|'),
    timeoutMs: 5_000,
  });
  const painted = ((await page.evaluate(readHighlightRanges, 'dramatis')) ?? []).map((r) => r.text);
  return { mentions: state.mentions, painted };
}

describe.each(BROWSERS)('the DOM-change path in %s', (name) => {
  const browser = useBrowser(name, launchPlainBrowser);

  it('rescans text the page appends, changes and removes, without changing the DOM itself', async () => {
    const page = await browser().openPage(pageUrl('/dom-changes.html'));
    try {
      await page.evaluate(watchDom);
      await page.evaluate(() => window.__dramatisInjection!.startSession());
      expect(await readSettled(page, ['Steve Witkoff'])).toEqual({
        mentions: ['Steve Witkoff'],
        painted: ['Steve Witkoff'],
      });

      // A feed appends a paragraph.
      await page.evaluate(() =>
        window.__watch!.change(() => {
          const p = document.createElement('p');
          p.id = 'added';
          p.textContent = 'Later, Vladimir Putin said the talks were useful.';
          document.getElementById('feed')!.append(p);
        }),
      );
      const both = ['Steve Witkoff', 'Vladimir Putin'];
      expect(await readSettled(page, both)).toEqual({ mentions: both, painted: both });

      // A script rewrites a text node in place.
      await page.evaluate(() =>
        window.__watch!.change(() => {
          (document.getElementById('lead')!.firstChild as Text).data = 'Marco Rubio met officials in Moscow.';
        }),
      );
      const changed = ['Marco Rubio', 'Vladimir Putin'];
      expect(await readSettled(page, changed)).toEqual({ mentions: changed, painted: changed });

      // And removes a paragraph.
      await page.evaluate(() => window.__watch!.change(() => document.getElementById('added')!.remove()));
      expect(await readSettled(page, ['Marco Rubio'])).toEqual({
        mentions: ['Marco Rubio'],
        painted: ['Marco Rubio'],
      });

      expect(await page.evaluate(() => window.__watch!.read())).toEqual({ records: [] });
    } finally {
      await page.close();
    }
  });
});
