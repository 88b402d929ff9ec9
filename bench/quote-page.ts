/**
 * Injected into a bench page by bench/quote-cost.ts (bundled like the harness): the content script's
 * own PageMentions and PageQuotes (page/) over the page, with the background's part (core/page-quotes.ts)
 * answering in the page. It times what the quote check adds to the page's main thread: PageQuotes
 * following the scan's changes (`noteMentions`) and handling each answer (ranges, the highlight), less
 * the background's check, which runs in the page here only because there is no background. Exposes
 * window.__quoteBench.
 */
import { buildMatcher, matcherFromIndex } from '../core/matcher';
import { checkPageBlocks } from '../core/page-quotes';
import { buildKnowledgeChecker } from '../core/quote-check';
import { buildQuotationFinder } from '../core/quotations';
import { OTHER_GIVEN_NAMES, PEOPLE, SOURCES } from '../data/bundle';
import { MATCHER_INDEX } from '../data/matcher-index';
import { PageMentions } from '../page/page-mentions';
import { scheduleIdle } from '../page/schedule';
import { PageQuotes, type QuotesAnswer } from '../page/page-quotes';

const now = () => performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One run over the page: the quote check's main-thread time, and the scan's for scale. */
async function measure() {
  const matcher = matcherFromIndex(MATCHER_INDEX, PEOPLE);
  const finder = buildQuotationFinder(buildMatcher(PEOPLE, OTHER_GIVEN_NAMES), PEOPLE);
  const checker = buildKnowledgeChecker({ people: PEOPLE, sources: SOURCES });
  let noteMs = 0;
  let answerMs = 0;
  let backgroundMs = 0;
  let requests = 0;
  let blocksSent = 0;
  let sendStart: number | undefined;
  let lastActivity = now();
  const quotes = new PageQuotes({
    style: 'underline',
    // Each request starts in its own task: the clock runs from there to the end of its handling.
    schedule: (task) =>
      scheduleIdle(() => {
        sendStart = now();
        task();
      }),
    check: (blocks) => {
      const started = now();
      const answer: QuotesAnswer = {
        quotes: checkPageBlocks(finder, checker, blocks),
        sources: [],
        people: [],
      };
      backgroundMs += now() - started;
      requests++;
      blocksSent += blocks.length;
      return Promise.resolve(answer);
    },
    onChange: () => {
      if (sendStart === undefined) return;
      answerMs += now() - sendStart;
      sendStart = undefined;
      lastActivity = now();
    },
  });
  const scanStart = now();
  const page = new PageMentions(document.body, matcher, {
    onChange: (change) => {
      const started = now();
      quotes.noteMentions(change);
      noteMs += now() - started;
      lastActivity = now();
    },
  });
  page.start();
  await page.firstPass;
  const scanMs = now() - scanStart;
  // Settled: no request or change for 500 ms (at most 10 s).
  const deadline = now() + 10_000;
  while (now() < deadline && (sendStart !== undefined || now() - lastActivity < 500)) await sleep(50);
  const found = quotes.quotes();
  const result = {
    quoteMainMs: noteMs + answerMs - backgroundMs,
    noteMs,
    answerMs: answerMs - backgroundMs,
    backgroundMs,
    scanMs,
    requests,
    blocksSent,
    quotations: found.length,
    painted: quotes.painted().length,
  };
  page.stop();
  quotes.stop();
  return result;
}

declare global {
  interface Window {
    __quoteBench: { measure: typeof measure };
  }
}
window.__quoteBench = { measure };
