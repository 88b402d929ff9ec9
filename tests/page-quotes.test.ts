// @vitest-environment happy-dom
/**
 * The content script's part of the quote check: only blocks holding both a quotation mark and a known
 * name are sent (a page without one sends nothing), and the answer's offsets become ranges over the
 * page's own text. The background's part runs for real (core/page-quotes.ts) behind the `check` callback.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildMatcher, matcherFromIndex } from '../core/matcher';
import { checkPageBlocks } from '../core/page-quotes';
import { buildKnowledgeChecker } from '../core/quote-check';
import { buildQuotationFinder } from '../core/quotations';
import { PEOPLE, SOURCES } from '../data/bundle';
import givenNames from '../data/given-names.json';
import { MATCHER_INDEX } from '../data/matcher-index';
import { PageMentions } from '../page/page-mentions';
import { PageQuotes, type QuotesAnswer } from '../page/page-quotes';

beforeAll(() => {
  // happy-dom has no StaticRange; the ranges only need the four fields.
  (globalThis as { StaticRange?: unknown }).StaticRange ??= class {
    constructor(init: StaticRangeInit) {
      Object.assign(this, init);
    }
  };
});

const matcher = matcherFromIndex(MATCHER_INDEX, PEOPLE);
// The background's finder and checker, over the bundled people (as the knowledge service builds them).
const finder = buildQuotationFinder(buildMatcher(PEOPLE, givenNames.names), PEOPLE);
const checker = buildKnowledgeChecker({ people: PEOPLE, sources: SOURCES });
const now = (task: () => void) => void Promise.resolve().then(task);
let stop: (() => void) | undefined;

afterEach(() => {
  stop?.();
  document.body.innerHTML = '';
});

/** Waits until `sent` has `count` requests and their answers are in. */
async function settle(sent: string[][], count: number, answered: () => Promise<unknown>) {
  // The blocks go in a task after the scan; on a busy machine that may take a while.
  for (let waited = 0; sent.length < count && waited < 2000; waited += 20)
    await new Promise((resolve) => setTimeout(resolve, 20));
  await answered();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs the page's scan and quote check over `html`, with the highlight in `style` and the background
 * checking against `check()`'s checker (a test changes it, as a saved quote changes the knowledge).
 */
async function run(html: string, style: 'underline' | 'off' = 'underline', check = () => checker) {
  document.body.innerHTML = html;
  const sent: string[][] = [];
  let answered: Promise<unknown> = Promise.resolve();
  const quotes = new PageQuotes({
    style,
    schedule: now,
    check: (blocks) => {
      sent.push(blocks);
      const answer: QuotesAnswer = {
        quotes: checkPageBlocks(finder, check(), blocks),
        sources: [],
        people: [],
      };
      answered = Promise.resolve(answer);
      return answered as Promise<QuotesAnswer>;
    },
  });
  const page = new PageMentions(document.body, matcher, {
    scheduleChunk: now,
    scheduleMutations: now,
    onChange: (change) => quotes.noteMentions(change),
  });
  stop = () => {
    page.stop();
    quotes.stop();
  };
  page.start();
  await page.firstPass;
  if (style !== 'off') await settle(sent, 1, () => answered);
  return { sent, quotes, settle: (count: number) => settle(sent, count, () => answered) };
}

describe('quote check on the page', () => {
  it('sends only blocks with a quotation mark and a known name, and maps verdicts back to the page', async () => {
    const { sent, quotes } = await run(`
      <h1>Envoy in Moscow</h1>
      <p>Steve Witkoff met officials on Tuesday.</p>
      <p>“It is a “great day”,” said a tourist outside.</p>
      <p>“Russia does not intend to fight <b>Europe</b>,” Kremlin spokesman Dmitry Peskov told reporters.</p>
      <p>“We will keep talking,” Steven Pifer said.</p>`);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.map((t) => t.slice(0, 20))).toEqual(['“Russia does not int', '“We will keep talkin']);
    const found = quotes.quotes();
    expect(found.map(({ quote }) => [quote.verdict, quote.speaker])).toEqual([
      ['other-speaker', 'dmitry-peskov'],
      ['new', 'steven-pifer'],
    ]);
    // The range covers the page's own text of the quotation, across the <b>.
    const { range } = found[0]!;
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    expect(live.toString()).toBe('Russia does not intend to fight Europe');
    // Hovering the quotation finds it; a "new" one is not painted, so not hovered either.
    const text = document.querySelectorAll('p')[2]!.firstChild!;
    expect(quotes.mentionAt(text, 5)?.quote.speaker).toBe('dmitry-peskov');
    const pifer = document.querySelectorAll('p')[3]!.firstChild!;
    expect(quotes.mentionAt(pifer, 5)).toBeUndefined();
  });

  it('asks nothing of a page without a quotation mark near a known name', async () => {
    const { sent } = await run(`
      <p>Steve Witkoff met officials on Tuesday, and Dmitry Peskov said the talks went well.</p>
      <p>“Nothing is agreed,” a diplomat said.</p>`);
    expect(sent).toEqual([]);
  });

  it('checks the blocks already scanned when the highlight is turned on, not only later ones', async () => {
    const { sent, quotes, settle } = await run(
      `<p>“Russia does not intend to fight Europe,” Vladimir Putin told reporters.</p>
       <p>Steve Witkoff met officials on Tuesday.</p>`,
      'off',
    );
    // Off: nothing is asked, nothing is found.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toEqual([]);
    expect(quotes.quotes()).toEqual([]);
    quotes.setStyle('underline');
    await settle(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]![0]).toMatch(/^“Russia does not intend/);
    expect(quotes.painted().map(({ quote }) => [quote.verdict, quote.speaker])).toEqual([
      ['same', 'vladimir-putin'],
    ]);
    // Off and on again: what was checked is not asked again.
    quotes.setStyle('off');
    quotes.setStyle('background');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toHaveLength(1);
  });

  it('checks again when the knowledge changes: a saved quotation turns from new to same', async () => {
    const words = 'Sanctions on oil revenue are the one lever that Moscow truly feels';
    let current = checker;
    const { sent, quotes, settle } = await run(
      `<p>“${words},” Steven Pifer said.</p>
       <p>“Russia does not intend to fight Europe,” Vladimir Putin told reporters.</p>`,
      'underline',
      () => current,
    );
    const verdicts = () => quotes.quotes().map(({ quote }) => [quote.speaker, quote.verdict]);
    expect(verdicts()).toEqual([
      ['steven-pifer', 'new'],
      ['vladimir-putin', 'same'],
    ]);
    // The reader saves Pifer's words to My sources (here: the knowledge the background checks against).
    const saved = {
      id: 'saved-1',
      published: { date: '2026-12-01' },
    };
    current = buildKnowledgeChecker({
      people: PEOPLE.map((p) =>
        p.id === 'steven-pifer'
          ? {
              ...p,
              quotes: [...p.quotes, { id: 'saved-1-q1', kind: 'direct', text: words, source: saved.id }],
            }
          : p,
      ),
      sources: [...SOURCES, saved],
    });
    quotes.recheck();
    // Until the answer comes, the verdicts shown stay (nothing flickers).
    expect(verdicts()).toHaveLength(2);
    await settle(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(verdicts()).toEqual([
      ['steven-pifer', 'same'],
      ['vladimir-putin', 'same'],
    ]);
    expect(quotes.painted()).toHaveLength(2);
  });
});
