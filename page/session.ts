/**
 * Dramatis on one page: page mentions -> highlights; pointer and keyboard -> hit test -> hover intent ->
 * card; a count of the people for the badge. It is given everything that touches the extension (the
 * matcher, the settings, where card content comes from, how to report the count and hide the site),
 * so the content script, the tests and the bench all build this same Session. Everything it registers
 * dies with stop().
 */
import { addCorrection, correctionsForPage, type Correction, type CorrectionKind } from '../core/corrections';
import { CLOSE_DELAY_MS, HoverIntent } from '../core/hover-intent';
import type { Matcher } from '../core/matcher';
import type { QuoteVerdict } from '../core/quote-check';
import type { Settings } from '../core/settings';
import { wrapStep } from '../core/wrap-step';
import type { CardModule } from './card-module';
import type { CardRequest, CardUi } from './card-ui';
import { HighlightPainter } from './highlights';
import { hitTestMention } from './hit-test';
import { PageMentions, type MentionsChange, type PageMention } from './page-mentions';
import type { Schedule } from './schedule';
import { PageQuotes, type PageQuote, type QuotesAnswer } from './page-quotes';

/** How long the badge count waits for more changes before it is reported. */
const REPORT_DELAY_MS = 250;

/** Hooks through which the bench times the session (all optional; the content script passes none). */
export interface SessionTiming {
  /** How first-pass chunks are scheduled (default: a new task). */
  scheduleChunk?: Schedule;
  /** How DOM changes are processed (default: idle time). */
  scheduleMutations?: Schedule;
  /** How a backlog of DOM changes goes on (default: behind the page's own tasks). */
  scheduleBacklog?: Schedule;
  /** Each scanning task's duration. */
  onTask?: (ms: number) => void;
  /** Each MutationObserver callback's duration. */
  onObserved?: (ms: number) => void;
  /** Each repaint of the highlights: its duration and what changed. */
  onPainted?: (ms: number, change: MentionsChange) => void;
  /** A card step: prepared unseen, shown (synchronous work), painted (to the frame after render). */
  onCard?: (step: 'prepare' | 'show' | 'painted', ms: number, mention: PageMention | PageQuote) => void;
}

/** What a Session is given. */
export interface SessionOptions {
  /** The page's body: its text is scanned, its document hosts the card and the listeners. */
  root: HTMLElement;
  matcher: Matcher;
  settings: Settings;
  /**
   * The card (its UI and content), loaded on demand: asked for in idle time once the page names someone,
   * or when a card is first wanted. May reject; the next card wanted asks again.
   */
  loadCard: () => Promise<CardModule>;
  /** A person's name as the popup lists it. */
  nameOf: (person: string) => string;
  /** Reports how many people the page names (the toolbar badge). */
  reportCount: (count: number) => void;
  /** Turns Dramatis off on this page's site (the card's link). */
  hideSite: () => void;
  /** Stores the reader's corrections (the card's "Not <name>?"; without it the card does not ask). */
  saveCorrections?: (corrections: Correction[]) => void;
  /** Asks the background to check the quotations of these blocks (issue 13); without it, none are. */
  checkQuotes?: (blocks: string[]) => Promise<QuotesAnswer | undefined>;
  /** The highlight painter (default: a new one in the settings' style). */
  painter?: HighlightPainter;
  /**
   * Scans at once but paints nothing (no highlight, card, count or hover) until `updateSettings` gives
   * it the reader's settings: the content script scans the first viewport while its settings are read.
   */
  isPaintHeld?: boolean;
  timing?: SessionTiming;
}

/** What a card opens for: a name, or a checked quotation (issue 13). */
type CardTarget = PageMention | PageQuote;

/** A card and the mention (or quotation) it belongs to. */
interface MentionCard {
  mention: CardTarget;
  request: CardRequest;
}

/** A person on the page and how often it names them. */
export interface PersonCount {
  id: string;
  name: string;
  count: number;
}

const isQuote = (target: CardTarget): target is PageQuote => 'quote' in target;

/** Fetches the card data a target's card needs, if any: a quotation's verdict came with the page's quotes. */
const loadCardData = (module: CardModule, target: CardTarget) =>
  isQuote(target) ? undefined : module.load(target.mention.person);

const isSameMention = (a: CardTarget, b: CardTarget) =>
  a === b || (!isQuote(a) && !isQuote(b) && a.block === b.block && a.mention.start === b.mention.start);

/** Dramatis active on one page. */
export class Session {
  private readonly abort = new AbortController();
  private readonly doc: Document;
  private readonly page: PageMentions;
  private readonly painter: HighlightPainter;
  /** The page's checked quotations (page/page-quotes.ts). */
  readonly quotes: PageQuotes | undefined;
  /** The card once loaded, and the load under way. */
  private card: { module: CardModule; ui: CardUi } | undefined;
  private cardLoad: Promise<unknown> | undefined;
  /** A card asked for before the card had loaded: opened when it arrives (unless closed meanwhile). */
  private pendingShow: { mention: CardTarget; shouldFocus: boolean } | undefined;
  private isCardPrefetched = false;
  private readonly intent: HoverIntent<CardTarget>;
  private settings: Settings;
  /** The one record of which card is open. */
  private shown: MentionCard | undefined;
  /** The card prepared while the pointer rests on its name: its request is built once per hover. */
  private prepared: MentionCard | undefined;
  /** The mention whose card was last asked to be prepared (its card data may still be on its way). */
  private preparing: CardTarget | undefined;
  /** The next card opened takes focus (keyboard navigation, the popup). */
  private shouldFocusNext = false;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  /** Found names wait for the settings (see `isPaintHeld`). */
  private isHeld: boolean;

  constructor(private readonly options: SessionOptions) {
    const { root, matcher, timing } = options;
    this.settings = options.settings;
    this.isHeld = options.isPaintHeld ?? false;
    this.doc = root.ownerDocument;
    this.painter = options.painter ?? new HighlightPainter(this.settings.highlightStyle);
    this.page = new PageMentions(root, matcher, {
      onChange: (change) => this.onMentionsChanged(change),
      scheduleChunk: timing?.scheduleChunk,
      scheduleMutations: timing?.scheduleMutations,
      scheduleBacklog: timing?.scheduleBacklog,
      onTask: timing?.onTask,
      onObserved: timing?.onObserved,
      corrections: correctionsForPage(this.settings.corrections, this.doc.URL),
    });
    const { checkQuotes } = options;
    this.quotes = checkQuotes && new PageQuotes({ check: checkQuotes, style: this.settings.quoteHighlight });
    this.intent = new HoverIntent<CardTarget>({
      openDelayMs: () => this.settings.hoverDelayMs,
      closeDelayMs: CLOSE_DELAY_MS,
      isSame: isSameMention,
      // A card waiting for the card's code counts as shown: leaving its name or Escape cancels it.
      shown: () => this.shown?.mention ?? this.pendingShow?.mention,
      prepare: (mention) => this.timed('prepare', mention, () => this.prepareCard(mention)),
      open: (mention) => this.timed('show', mention, () => this.showCard(mention)),
      close: () => this.closeCard(),
      timers: { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h as number) },
    });
    this.listen();
    this.page.start();
  }

  /** Every mention on the page, in document order. */
  mentions(): readonly PageMention[] {
    return this.page.mentions();
  }

  /** Resolves when the first pass over the page has finished. */
  get firstPass(): Promise<void> {
    return this.page.firstPass;
  }

  /** True when every change to the page seen so far has been scanned. */
  isSettled(): boolean {
    return this.page.isSettled();
  }

  /** People on the page with their mention counts, in order of first appearance. */
  people(): PersonCount[] {
    const counts = new Map<string, number>();
    for (const { mention } of this.page.mentions())
      counts.set(mention.person, (counts.get(mention.person) ?? 0) + 1);
    return [...counts].map(([id, count]) => ({ id, name: this.options.nameOf(id), count }));
  }

  /** The checked quotations for the popup's list, in the order found ("new" ones too). */
  quoteItems(): { text: string; speaker: string; person: string; verdict: QuoteVerdict }[] {
    return (this.quotes?.quotes() ?? []).map(({ quote }) => ({
      text: quote.text.length > 300 ? `${quote.text.slice(0, 300)}…` : quote.text,
      speaker: quote.speakerName ?? this.quotes?.nameOf(quote.speaker) ?? quote.speaker,
      person: quote.speaker,
      verdict: quote.verdict,
    }));
  }

  /** Checks the page's quotations again: the knowledge changed (a quote saved, a pack turned off). */
  recheckQuotes(): void {
    this.quotes?.recheck();
  }

  /** Scrolls to a person's first mention and opens its card; false when the page does not name them. */
  reveal(person: string): boolean {
    const mention = this.page.mentions().find((m) => m.mention.person === person);
    if (!mention) return false;
    this.revealMention(mention);
    return true;
  }

  /** Follows new settings: highlight style, and the open card's sources and theme; paints what was held. */
  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.prepared = undefined;
    this.painter.setStyle(settings.highlightStyle);
    this.page.setCorrections(correctionsForPage(settings.corrections, this.doc.URL));
    this.quotes?.setStyle(settings.quoteHighlight);
    this.releaseHeld();
    this.refreshCard();
  }

  /** Scans the page again from scratch (a single-page app navigated). */
  rescan(): void {
    this.page.rescanAll();
  }

  /** Ends the session: listeners, observers, highlights and the card host go; the count drops to 0. */
  stop(): void {
    this.abort.abort();
    if (this.reportTimer !== undefined) clearTimeout(this.reportTimer);
    this.pendingShow = undefined;
    this.page.stop();
    this.painter.clear();
    this.quotes?.stop();
    this.card?.ui.destroy();
    this.options.reportCount(0);
  }

  /** Paints the names found while held, all at once, and every change from now on. */
  private releaseHeld(): void {
    if (!this.isHeld) return;
    this.isHeld = false;
    const found = this.page.mentions();
    if (found.length > 0) this.onMentionsChanged({ added: found, removed: [] });
  }

  private timed(step: 'prepare' | 'show', mention: CardTarget, run: () => void): void {
    const onCard = this.options.timing?.onCard;
    if (!onCard) return run();
    const started = performance.now();
    run();
    onCard(step, performance.now() - started, mention);
  }

  private listen(): void {
    const signal = this.abort.signal;
    const view = this.doc.defaultView;
    if (!view) return;
    let pendingMove: PointerEvent | undefined;
    const onFrame = () => {
      const event = pendingMove;
      pendingMove = undefined;
      if (!event || signal.aborted || this.isHeld) return;
      if (this.card?.ui.contains(event.target as Node)) return;
      const { clientX: x, clientY: y } = event;
      const quotes = this.quotes;
      this.intent.pointerOn(
        hitTestMention(this.doc, this.page, x, y) ?? (quotes && hitTestMention(this.doc, quotes, x, y)),
      );
    };
    const options = { capture: true, passive: true, signal };
    this.doc.addEventListener(
      'pointermove',
      (event) => {
        if (pendingMove === undefined) view.requestAnimationFrame(onFrame);
        pendingMove = event;
      },
      options,
    );
    this.doc.addEventListener(
      'pointerout',
      (event) => {
        if (!event.relatedTarget) this.intent.pointerOn(undefined); // The pointer left the window.
      },
      options,
    );
    view.addEventListener('keydown', (event) => this.onKey(event), { capture: true, signal });
  }

  private onKey(event: KeyboardEvent): void {
    if (this.isHeld) return;
    if (event.key === 'Escape' && (this.shown || this.pendingShow)) {
      this.intent.dismiss();
      return;
    }
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    if (event.code !== 'KeyN' && event.code !== 'KeyP') return;
    const target = event.target as Element | null;
    if (target && !this.card?.ui.contains(target) && isEditable(target)) return;
    const mentions = this.navigable();
    if (mentions.length === 0) return;
    event.preventDefault();
    const current = this.shown ? mentions.indexOf(this.shown.mention) : -1;
    const mention = mentions[wrapStep(current, event.code === 'KeyN' ? 1 : -1, mentions.length)];
    if (mention) this.revealMention(mention);
  }

  /** What the keyboard steps through: names and painted quotations, in document order. */
  private navigable(): readonly CardTarget[] {
    const quotes = this.quotes?.painted() ?? [];
    const mentions = this.page.mentions();
    if (quotes.length === 0) return mentions;
    return [...mentions, ...quotes].sort((a, b) => compareStarts(a.range, b.range));
  }

  private revealMention(mention: CardTarget): void {
    const element = mention.range.startContainer.parentElement;
    const isReduced = this.doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: isReduced ? 'auto' : 'smooth' });
    this.shouldFocusNext = true;
    this.intent.openNow(mention);
  }

  /** The reader says the open card's name is not its person: the highlight goes at once, then is stored. */
  private correctShown(is: CorrectionKind, scope: 'page' | 'site'): void {
    const shown = this.shown?.mention;
    if (!shown || isQuote(shown)) return;
    const { mention } = shown;
    const request = { name: mention.surface, person: mention.person, url: this.doc.URL, is, scope };
    const corrections = addCorrection(this.settings.corrections, request, new Date());
    this.intent.dismiss();
    this.updateSettings({ ...this.settings, corrections });
    this.options.saveCorrections?.(corrections);
  }

  /** Loads the card once (again after a failed load); resolves when it is ready or has failed. */
  private loadCard(): Promise<unknown> {
    this.cardLoad ??= this.options.loadCard().then(
      (module) => {
        if (this.abort.signal.aborted || this.card) return;
        const timing = this.options.timing;
        const ui = module.createUi({
          doc: this.doc,
          signal: this.abort.signal,
          onClose: () => this.intent.dismiss(),
          onHideSite: () => this.options.hideSite(),
          onPointerEnter: () => this.intent.pointerInCard(true),
          onPointerLeave: () => this.intent.pointerInCard(false),
          onCorrect: this.options.saveCorrections && ((is, scope) => this.correctShown(is, scope)),
          onPainted: (ms) => {
            if (this.shown) timing?.onCard?.('painted', ms, this.shown.mention);
          },
        });
        this.card = { module, ui };
        const stopWatching = module.watch(() => this.refreshCard());
        this.abort.signal.addEventListener('abort', stopWatching, { once: true });
        const pending = this.pendingShow;
        this.pendingShow = undefined;
        if (pending) {
          this.shouldFocusNext = pending.shouldFocus;
          this.showCard(pending.mention);
        }
      },
      () => {
        this.cardLoad = undefined;
        this.pendingShow = undefined;
      },
    );
    return this.cardLoad;
  }

  /** The request that opens a target's card: a person's, or a quotation's. */
  private requestFor(
    module: CardModule,
    target: CardTarget,
    settings = this.settings,
  ): CardRequest | undefined {
    if (!isQuote(target)) return module.request(target, settings);
    return this.quotes && module.requestQuote(target, this.quotes, settings);
  }

  /** Runs `then` once the card data of the target's person is at hand: now if it is, else after the fetch. */
  private withCardData(module: CardModule, target: CardTarget, then: () => void): void {
    const loading = loadCardData(module, target);
    if (!loading) return then();
    void loading.then(() => {
      if (!this.abort.signal.aborted) then();
    });
  }

  private prepareCard(mention: CardTarget): void {
    const card = this.card;
    if (!card) {
      void this.loadCard();
      return;
    }
    this.preparing = mention;
    // The card data is fetched here, inside the hover delay, so that the card opens without waiting.
    this.withCardData(card.module, mention, () => {
      if (this.preparing !== mention) return; // The pointer moved on to another name meanwhile.
      const request = this.requestFor(card.module, mention);
      this.prepared = request && { mention, request };
      if (request && !this.shown) card.ui.prepare(request);
    });
  }

  private showCard(mention: CardTarget): void {
    const card = this.card;
    if (!card) {
      // The card has not loaded yet (a key pressed, or a hover, before the idle-time load ended).
      this.pendingShow = { mention, shouldFocus: this.shouldFocusNext };
      this.shouldFocusNext = false;
      void this.loadCard();
      return;
    }
    const loading = loadCardData(card.module, mention);
    if (loading) {
      // Its card data is still on its way: the card opens when it arrives, unless closed meanwhile.
      const pending = { mention, shouldFocus: this.shouldFocusNext };
      this.pendingShow = pending;
      this.shouldFocusNext = false;
      void loading.then(() => {
        if (this.pendingShow !== pending || this.abort.signal.aborted) return;
        this.pendingShow = undefined;
        this.shouldFocusNext = pending.shouldFocus;
        this.openCard(card, mention);
      });
      return;
    }
    this.openCard(card, mention);
  }

  /** Opens the card of `mention`, whose card data is at hand (or could not be had: then nothing opens). */
  private openCard(card: { module: CardModule; ui: CardUi }, mention: CardTarget): void {
    const prepared = this.prepared;
    this.prepared = undefined;
    const request =
      prepared && isSameMention(prepared.mention, mention)
        ? prepared.request
        : this.requestFor(card.module, mention);
    const shouldFocus = this.shouldFocusNext;
    this.shouldFocusNext = false;
    if (!request) return;
    this.shown = { mention, request };
    this.painter.setActive(mention.range);
    card.ui.show({ ...request, shouldFocus });
  }

  /**
   * Shows the open card afresh (new settings, or a changed knowledge base whose card data the card
   * module dropped); closes it when its person is no longer known.
   */
  private refreshCard(): void {
    this.prepared = undefined;
    const shown = this.shown;
    const card = this.card;
    if (!shown || !card) return;
    this.withCardData(card.module, shown.mention, () => {
      if (this.shown !== shown) return;
      const request = this.requestFor(card.module, shown.mention);
      if (!request) return this.intent.dismiss();
      this.shown = { mention: shown.mention, request };
      card.ui.update(request);
    });
  }

  private closeCard(): void {
    this.pendingShow = undefined;
    this.shown = undefined;
    this.painter.setActive(undefined);
    this.card?.ui.close();
  }

  /** Loads the card in idle time once the page names someone, so that the first hover does not wait. */
  private prefetchCard(): void {
    const view = this.doc.defaultView;
    const load = () => {
      if (!this.abort.signal.aborted) void this.loadCard();
    };
    if (view && 'requestIdleCallback' in view) view.requestIdleCallback(load, { timeout: 1000 });
    else setTimeout(load, 0);
  }

  private onMentionsChanged(change: MentionsChange): void {
    if (this.isHeld) return; // Painted from the page's mentions when released.
    const onPainted = this.options.timing?.onPainted;
    const started = onPainted ? performance.now() : 0;
    this.painter.update(
      change.added.map((m) => m.range),
      change.removed.map((m) => m.range),
    );
    if (onPainted) onPainted(performance.now() - started, change);
    this.quotes?.noteMentions(change);
    const shown = this.shown?.mention;
    // A rescanned block loses its mentions and the quotations checked in it alike.
    if (shown && change.removed.some((m) => m === shown || (isQuote(shown) && m.block === shown.block)))
      this.intent.dismiss();
    if (change.added.length > 0 && !this.isCardPrefetched) {
      this.isCardPrefetched = true;
      this.prefetchCard();
    }
    if (this.reportTimer !== undefined) return;
    this.reportTimer = setTimeout(() => {
      this.reportTimer = undefined;
      if (!this.abort.signal.aborted) this.options.reportCount(this.people().length);
    }, REPORT_DELAY_MS);
  }
}

/** Orders two ranges by where they start in the document. */
function compareStarts(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  return a.startContainer.compareDocumentPosition(b.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING
    ? -1
    : 1;
}

function isEditable(element: Element): boolean {
  const name = element.localName;
  return (
    name === 'input' ||
    name === 'textarea' ||
    name === 'select' ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}
