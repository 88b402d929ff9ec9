/**
 * Dramatis on one page: page mentions -> highlights; pointer and keyboard -> hit test -> hover intent ->
 * card; a count of the people for the badge. It is given everything that touches the extension (the
 * matcher, the settings, where card content comes from, how to report the count and hide the site),
 * so the content script, the tests and the bench all build this same Session. Everything it registers
 * dies with stop().
 */
import { CLOSE_DELAY_MS, HoverIntent } from '../core/hover-intent';
import type { Matcher } from '../core/matcher';
import type { Settings } from '../core/settings';
import { wrapStep } from '../core/wrap-step';
import type { CardModule } from './card-module';
import type { CardRequest, CardUi } from './card-ui';
import { HighlightPainter } from './highlights';
import { hitTestMention } from './hit-test';
import { PageMentions, type MentionsChange, type PageMention, type Schedule } from './page-mentions';

/** How long the badge count waits for more changes before it is reported. */
const REPORT_DELAY_MS = 250;

/** Hooks through which the bench times the session (all optional; the content script passes none). */
export interface SessionTiming {
  /** How first-pass chunks are scheduled (default: a new task). */
  scheduleChunk?: Schedule;
  /** How DOM changes are processed (default: idle time). */
  scheduleMutations?: Schedule;
  /** Each scanning task's duration. */
  onTask?: (ms: number) => void;
  /** Each MutationObserver callback's duration. */
  onObserved?: (ms: number) => void;
  /** Each repaint of the highlights: its duration and what changed. */
  onPainted?: (ms: number, change: MentionsChange) => void;
  /** A card step: prepared unseen, shown (synchronous work), painted (to the frame after render). */
  onCard?: (step: 'prepare' | 'show' | 'painted', ms: number, mention: PageMention) => void;
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
  /** The highlight painter (default: a new one in the settings' style). */
  painter?: HighlightPainter;
  /**
   * Scans at once but paints nothing (no highlight, card, count or hover) until `updateSettings` gives
   * it the reader's settings: the content script scans the first viewport while its settings are read.
   */
  isPaintHeld?: boolean;
  timing?: SessionTiming;
}

/** A card and the mention it belongs to. */
interface MentionCard {
  mention: PageMention;
  request: CardRequest;
}

/** A person on the page and how often it names them. */
export interface PersonCount {
  id: string;
  name: string;
  count: number;
}

const isSameMention = (a: PageMention, b: PageMention) =>
  a.block === b.block && a.mention.start === b.mention.start;

/** Dramatis active on one page. */
export class Session {
  private readonly abort = new AbortController();
  private readonly doc: Document;
  private readonly page: PageMentions;
  private readonly painter: HighlightPainter;
  /** The card once loaded, and the load under way. */
  private card: { module: CardModule; ui: CardUi } | undefined;
  private cardLoad: Promise<unknown> | undefined;
  /** A card asked for before the card had loaded: opened when it arrives (unless closed meanwhile). */
  private pendingShow: { mention: PageMention; shouldFocus: boolean } | undefined;
  private isCardPrefetched = false;
  private readonly intent: HoverIntent<PageMention>;
  private settings: Settings;
  /** The one record of which card is open. */
  private shown: MentionCard | undefined;
  /** The card prepared while the pointer rests on its name: its request is built once per hover. */
  private prepared: MentionCard | undefined;
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
      onTask: timing?.onTask,
      onObserved: timing?.onObserved,
    });
    this.intent = new HoverIntent<PageMention>({
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
    this.releaseHeld();
    const shown = this.shown;
    const request = shown && this.card?.module.request(shown.mention, settings);
    if (shown && request) {
      this.shown = { mention: shown.mention, request };
      this.card?.ui.update(request);
    }
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

  private timed(step: 'prepare' | 'show', mention: PageMention, run: () => void): void {
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
      this.intent.pointerOn(hitTestMention(this.doc, this.page, event.clientX, event.clientY));
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
    const mentions = this.page.mentions();
    if (mentions.length === 0) return;
    event.preventDefault();
    const current = this.shown ? mentions.indexOf(this.shown.mention) : -1;
    const mention = mentions[wrapStep(current, event.code === 'KeyN' ? 1 : -1, mentions.length)];
    if (mention) this.revealMention(mention);
  }

  private revealMention(mention: PageMention): void {
    const element = mention.range.startContainer.parentElement;
    const isReduced = this.doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: isReduced ? 'auto' : 'smooth' });
    this.shouldFocusNext = true;
    this.intent.openNow(mention);
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
          onPainted: (ms) => {
            if (this.shown) timing?.onCard?.('painted', ms, this.shown.mention);
          },
        });
        this.card = { module, ui };
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

  private prepareCard(mention: PageMention): void {
    if (!this.card) {
      void this.loadCard();
      return;
    }
    const request = this.card.module.request(mention, this.settings);
    this.prepared = request && { mention, request };
    if (request && !this.shown) this.card.ui.prepare(request);
  }

  private showCard(mention: PageMention): void {
    const card = this.card;
    if (!card) {
      // The card has not loaded yet (a key pressed, or a hover, before the idle-time load ended).
      this.pendingShow = { mention, shouldFocus: this.shouldFocusNext };
      this.shouldFocusNext = false;
      void this.loadCard();
      return;
    }
    const prepared = this.prepared;
    this.prepared = undefined;
    const request =
      prepared && isSameMention(prepared.mention, mention)
        ? prepared.request
        : card.module.request(mention, this.settings);
    const shouldFocus = this.shouldFocusNext;
    this.shouldFocusNext = false;
    if (!request) return;
    this.shown = { mention, request };
    this.painter.setActive(mention.range);
    card.ui.show({ ...request, shouldFocus });
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
    if (this.shown && change.removed.includes(this.shown.mention)) this.intent.dismiss();
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

function isEditable(element: Element): boolean {
  const name = element.localName;
  return (
    name === 'input' ||
    name === 'textarea' ||
    name === 'select' ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}
