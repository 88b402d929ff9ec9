/**
 * Acceptance: the five source articles served as realistic news pages, in Chromium and Firefox.
 * 1. Scrolled through from top to bottom, the CSS highlight `dramatis` holds exactly the hand-annotated mentions
 *    (tests/fixtures/articles/*.marked.txt), compared as sets of (paragraph, offset in paragraph, text), read from
 *    the page's own JavaScript.
 * 2. Resting the real mouse on a name opens that person's card with their direct quotes from this article,
 *    word for word in quotation marks; Escape closes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type E2EPage } from './support/browsers';
import { startServer, type StaticServer } from './support/server';
import {
  ARTICLE_IDS,
  buildArticlePage,
  directQuotes,
  locateArticleText,
  mentionKey,
  pressKeys,
  readArticleHighlight,
  readCard,
  sleep,
  useBrowser,
  waitForCard,
  waitForNoCard,
  type ArticlePage,
  type BlockMention,
  type ExpectedMention,
} from './support/pages';

const ARTICLES = new Map<string, ArticlePage>(ARTICLE_IDS.map((id) => [id, buildArticlePage(id)]));

/** The first mention of each of these people is hovered ('*' = every person of the article). */
const HOVER_PEOPLE: Record<string, readonly string[] | '*'> = {
  '000_3cc1c4cc7cf39fe5': [
    'thomas-graham',
    'liana-fix',
    'yuriy-boyechko',
    'stephen-sestanovich',
    'steve-witkoff',
  ],
  '001_9c4c8f1c2ef386b9': '*',
  '002_508fa90569225c0e': ['emmanuel-macron', 'karoline-leavitt', 'vladimir-putin', 'volodymyr-zelensky'],
  '003_e5f86a3492c09562': ['marco-rubio', 'sergey-lavrov', 'steve-witkoff'],
  '004_11d8a4770e6080f9': ['steve-witkoff', 'volodymyr-zelensky', 'emmanuel-macron'],
};

function mentionsToHover(article: ArticlePage): ExpectedMention[] {
  const wanted = HOVER_PEOPLE[article.id] ?? [];
  const firsts = new Map<string, ExpectedMention>();
  for (const m of article.expected) if (!firsts.has(m.person)) firsts.set(m.person, m);
  if (wanted === '*') return [...firsts.values()];
  return wanted.map((person) => {
    const m = firsts.get(person);
    if (!m) throw new Error(`${article.id} never names ${person}`);
    return m;
  });
}

const keys = (mentions: readonly BlockMention[]) => mentions.map(mentionKey).sort();

/**
 * What the highlight holds from top to bottom of the page: Dramatis registers only the mentions near the
 * viewport, so the page is scrolled a screen at a time, as a reader would, and each stop is read once it
 * has settled (anything registered late is counted too).
 */
async function highlightWhileScrolling(page: E2EPage): Promise<BlockMention[]> {
  const seen = new Map<string, BlockMention>();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let stop = 0; stop < 50; stop++) {
    await sleep(400);
    for (const mention of (await page.evaluate(readArticleHighlight, 'dramatis')) ?? [])
      seen.set(mentionKey(mention), mention);
    const isAtEnd = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight * 0.8);
      return window.scrollY === before;
    });
    if (isAtEnd) break;
  }
  return [...seen.values()];
}

let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
  for (const article of ARTICLES.values()) server.route(`/news/${article.id}.html`, article.html);
});

afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);
  /** One page per article, shared by the article's two tests. */
  const pages = new Map<string, E2EPage>();

  async function articlePage(id: string): Promise<E2EPage> {
    let page = pages.get(id);
    if (!page) {
      page = await browser().openPage(server.url(`/news/${id}.html`));
      pages.set(id, page);
    }
    return page;
  }

  afterAll(async () => {
    for (const page of pages.values()) await page.close().catch(() => undefined);
  });

  describe.each(ARTICLE_IDS)('%s', (id) => {
    const article = ARTICLES.get(id)!;

    it(`${browserName}: ${id}: scrolled through, the highlight holds exactly the annotated mentions`, async () => {
      const page = await articlePage(id);
      const expected = keys(article.expected);
      await page.poll(readArticleHighlight, 'dramatis', {
        until: (ranges) => ranges !== null && ranges.length > 0,
        timeoutMs: 10_000,
      });
      const actual = keys(await highlightWhileScrolling(page));
      const missed = expected.filter((k) => !actual.includes(k));
      const extra = actual.filter((k) => !expected.includes(k));
      console.log(
        `[${browserName}] ${id}: headline ${article.isHeadlineFromText ? 'from the text' : 'neutral'}, ` +
          `${article.blocks.length} blocks; annotated ${expected.length}, highlighted ${actual.length}, ` +
          `missed ${missed.length}, extra ${extra.length}`,
      );
      expect({ missed, extra }).toEqual({ missed: [], extra: [] });
      expect(actual).toEqual(expected);
    });

    it(`${browserName}: ${id}: hovering names opens the right card with this article's quotes; Escape closes it`, async () => {
      const page = await articlePage(id);
      // The page must be scanned before hovering.
      await page.poll(readArticleHighlight, 'dramatis', {
        until: (ranges) => ranges !== null && ranges.length >= article.expected.length,
        timeoutMs: 10_000,
      });
      const hovered: string[] = [];
      for (const mention of mentionsToHover(article)) {
        const where = `${id} block ${mention.block} offset ${mention.start} "${mention.text}"`;
        await page.hover(5, 5); // off any name
        const spot = await page.evaluate(locateArticleText, {
          block: mention.block,
          start: mention.start,
          length: mention.text.length,
          scroll: true,
        });
        await sleep(100);
        const target = await page.evaluate(locateArticleText, {
          block: mention.block,
          start: mention.start,
          length: mention.text.length,
          scroll: false,
        });
        expect(spot?.text, where).toBe(mention.text);
        expect(target, where).not.toBeNull();
        await page.hover(target!.x, target!.y);
        await sleep(700);
        const card = await waitForCard(page, 2_000, mention.person);
        expect(card.isOpen, `card open after hovering ${where}`).toBe(true);
        expect(card.person, `card person after hovering ${where}`).toBe(mention.person);
        const quotes = directQuotes(mention.person, id);
        const shownIds = card.quotes.map((q) => q.id);
        for (const quote of quotes) {
          expect(shownIds, `${mention.person}'s card lists quote ${quote.id}`).toContain(quote.id);
          const shown = card.quotes.find((q) => q.id === quote.id);
          expect(shown?.text, `quote ${quote.id} shown verbatim in “…”`).toContain(`“${quote.text}”`);
        }
        hovered.push(`${mention.person}(${quotes.length} quotes)`);

        await pressKeys(page, ['Escape']);
        const closed = await waitForNoCard(page, 2_000);
        expect(closed.isOpen, `card closed by Escape after ${where}`).toBe(false);
      }
      console.log(`[${browserName}] ${id}: hovered ${hovered.length}: ${hovered.join(', ')}`);
      // Only one card host on the page, however many cards were opened.
      expect((await page.evaluate(readCard)).hostCount).toBe(1);
    });
  });
});
