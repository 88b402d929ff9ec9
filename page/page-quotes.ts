/**
 * The quote check on the page (issue 13), the content script's part: cheap, and nothing on a page
 * without a quotation mark near a known name. Blocks that hold a mention and a quotation mark (a test on
 * text the scan already has) are sent, capped, to the background, which finds and checks their
 * quotations (core/page-quotes.ts); the answer's offsets become ranges painted as a quieter highlight of
 * their own, for every verdict but "new" (those are listed in the popup only). Like names, nothing of
 * the page's DOM changes. No browser.* here: the Session is given how to ask.
 */
import type { BlockQuote } from '../core/page-quotes';
import type { QuoteHighlight } from '../core/settings';
import type { SourceMeta } from '../data/schema';
import type { MentionIndex } from './hit-test';
import { makeMentionRange, type MentionsChange, type PageBlock } from './page-mentions';
import { scheduleIdle, type Schedule } from './schedule';

/** What the background answers for a page's blocks (platform/messages.ts's PageQuotes). */
export interface QuotesAnswer {
  quotes: BlockQuote[];
  sources: (SourceMeta & { url?: string | undefined })[];
  people: { id: string; name: string }[];
}

/** A checked quotation on the page. */
export interface PageQuote {
  readonly block: PageBlock;
  readonly quote: BlockQuote;
  /** Its range over the page's text. */
  readonly range: StaticRange;
}

/** Options of a PageQuotes. */
export interface PageQuotesOptions {
  /** Asks the background to check these block texts; undefined when it does not answer. */
  check: (blocks: string[]) => Promise<QuotesAnswer | undefined>;
  style: QuoteHighlight;
  /** When the blocks noted are sent (default: idle time, after the scan's own work). */
  schedule?: Schedule;
  /** Called when the checked quotations changed (the popup's list, a card to close). */
  onChange?: () => void;
}

/** Longest block text sent: a quotation with its cue fits many times over. */
const BLOCK_CHARS = 4000;
/** Most blocks in one request; more wait for the next. */
const BLOCKS_PER_REQUEST = 40;
/** The highlight names, one per style (page/highlights.css paints them). */
export const QUOTE_HIGHLIGHTS = { underline: 'dramatis-quote', background: 'dramatis-quote-bg' } as const;

/** True when a block's text holds a quotation mark of any kind the finder reads. */
export function hasQuotationMark(text: string): boolean {
  return /["“”„«»‘’‚]/.test(text);
}

/** The quotations of one page, checked in the background. */
export class PageQuotes implements MentionIndex<PageQuote> {
  /** Hit testing looks for quotations in the page's own text only. */
  readonly shadowRoots: Iterable<ShadowRoot> = [];
  /** Scanned blocks holding a mention and a quotation mark: those worth checking. */
  private readonly candidates = new Set<PageBlock>();
  private readonly pending = new Set<PageBlock>();
  private readonly known = new Map<PageBlock, PageQuote[]>();
  private readonly sources = new Map<string, SourceMeta & { url?: string | undefined }>();
  private readonly names = new Map<string, string>();
  private isScheduled = false;
  private isStopped = false;
  private style: QuoteHighlight;

  constructor(private readonly options: PageQuotesOptions) {
    this.style = options.style;
  }

  /** Follows the page's mentions: blocks new to the scan are checked, quotations of blocks gone go. */
  noteMentions(change: MentionsChange): void {
    let isChanged = false;
    for (const { block } of change.removed) {
      this.candidates.delete(block);
      this.pending.delete(block);
      isChanged = this.known.delete(block) || isChanged;
    }
    // Noted even while the highlight is off (a Set of blocks the scan has anyway), so that turning it
    // on checks the blocks already scanned, not only those scanned after.
    const isChecking = this.style !== 'off' && !this.isStopped;
    for (const { block } of change.added) {
      if (block.mentions.length === 0 || !hasQuotationMark(block.block.text)) continue;
      this.candidates.add(block);
      // Only the blocks this change added: a growing feed is not walked whole at each change.
      if (isChecking && !this.known.has(block)) this.pending.add(block);
    }
    if (isChanged) this.changed();
    this.schedule();
  }

  /**
   * Checks every block again (the knowledge changed: a quote was saved, a pack turned off). The verdicts
   * shown stay until the new answers replace them, so nothing flickers.
   */
  recheck(): void {
    this.queue(() => true);
  }

  /** Every checked quotation, in the order found, "new" ones included. */
  quotes(): PageQuote[] {
    return [...this.known.values()].flat();
  }

  /** The quotations painted (every verdict but new): those a hover or the keyboard opens a card for. */
  painted(): PageQuote[] {
    return this.quotes().filter(({ quote }) => quote.verdict !== 'new');
  }

  /** A person's name as the background gave it. */
  nameOf(person: string): string {
    return this.names.get(person) ?? person;
  }

  /** The sources the answers named (outlet, date, headline, address). */
  sourcesOf(quote: BlockQuote): (SourceMeta & { url?: string | undefined })[] {
    return quote.matches.flatMap((m) => this.sources.get(m.source) ?? []);
  }

  /** The painted quotation whose text holds `node` at `offset`, if any (for hit testing). */
  mentionAt(node: Node, offset: number): PageQuote | undefined {
    const doc = node.ownerDocument;
    if (!doc) return undefined;
    return this.painted().find(({ range }) => {
      const live = doc.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      return live.isPointInRange(node, offset);
    });
  }

  /** Follows the setting: another style repaints; "off" clears and stops checking; back on checks what waits. */
  setStyle(style: QuoteHighlight): void {
    if (style === this.style) return;
    this.style = style;
    this.paint();
    this.queue((block) => !this.known.has(block));
  }

  /** Clears the highlight; answers still on their way are dropped. */
  stop(): void {
    this.isStopped = true;
    this.pending.clear();
    this.known.clear();
    this.paint();
  }

  /** Adds the candidate blocks that pass `isDue` to those to send, and schedules a request (not while off). */
  private queue(isDue: (block: PageBlock) => boolean): void {
    if (this.style === 'off' || this.isStopped) return;
    for (const block of this.candidates) if (isDue(block)) this.pending.add(block);
    this.schedule();
  }

  private schedule(): void {
    if (this.pending.size === 0 || this.isScheduled) return;
    this.isScheduled = true;
    (this.options.schedule ?? scheduleIdle)(() => void this.send());
  }

  private async send(): Promise<void> {
    this.isScheduled = false;
    const blocks = [...this.pending].slice(0, BLOCKS_PER_REQUEST);
    for (const block of blocks) this.pending.delete(block);
    if (blocks.length === 0 || this.isStopped) return;
    // Marked as asked at once, so that a rescan during the request does not send them twice; a block
    // checked before keeps its quotations until the answer replaces them.
    for (const block of blocks) if (!this.known.has(block)) this.known.set(block, []);
    const answer = await this.options.check(blocks.map((b) => b.block.text.slice(0, BLOCK_CHARS)));
    if (this.isStopped) return;
    if (answer) {
      for (const source of answer.sources) this.sources.set(source.id, source);
      for (const { id, name } of answer.people) this.names.set(id, name);
      // Gone from `known` if the block was rescanned or removed meanwhile: its answer is dropped.
      const fresh = new Map(blocks.filter((b) => this.known.has(b)).map((b) => [b, [] as PageQuote[]]));
      for (const quote of answer.quotes) {
        const block = blocks[quote.block];
        const list = block && fresh.get(block);
        const range = list && makeMentionRange(block.block, quote);
        if (list && range) list.push({ block, quote, range });
      }
      for (const [block, list] of fresh) this.known.set(block, list);
    }
    this.schedule();
    this.changed();
  }

  private changed(): void {
    this.paint();
    this.options.onChange?.();
  }

  private paint(): void {
    if (typeof CSS === 'undefined' || !CSS.highlights) return;
    for (const name of Object.values(QUOTE_HIGHLIGHTS)) CSS.highlights.delete(name);
    if (this.style === 'off' || this.isStopped) return;
    const ranges = this.painted().map(({ range }) => range);
    if (ranges.length > 0) CSS.highlights.set(QUOTE_HIGHLIGHTS[this.style], new Highlight(...ranges));
  }
}
