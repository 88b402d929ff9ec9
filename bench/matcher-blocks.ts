/** The text blocks the matcher benches scan (bench/matcher-micro.ts, bench/matcher-ab.ts). */
import { Window } from 'happy-dom';
import { walkTextBlocks } from '../core/dom-text';
import { articlePages, bigPage } from './page-gen';

/** The text blocks of an HTML page, walked as the content script walks them. */
function blocksOf(html: string): string[] {
  const window = new Window({ settings: { disableJavaScriptFileLoading: true } });
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  const blocks = [...walkTextBlocks(document.body as unknown as Node)].map((block) => block.text);
  void window.happyDOM.close();
  return blocks;
}

/** The bench's large page and the five articles repeated 40 times, as labelled sets of blocks. */
export function matcherBenchBlocks(): (readonly [string, string[]])[] {
  const articles = articlePages().flatMap((page) => blocksOf(page.html));
  return [
    ['large page', blocksOf(bigPage().html)],
    ['articles x40', Array.from({ length: 40 }, () => articles).flat()],
  ];
}
