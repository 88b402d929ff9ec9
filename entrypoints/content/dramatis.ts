/**
 * Wires Dramatis into one page: settings -> matcher -> page mentions -> highlights; pointer and
 * keyboard -> hover intent -> card; messages from the popup; a badge count for the background.
 * Everything a session registers dies with its AbortSignal (site paused, extension reloaded).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CLOSE_DELAY_MS, HoverIntent } from '../../core/hover-intent';
import { matcherFromIndex, type Matcher } from '../../core/matcher';
import { isSiteDisabled, normalizeSite, type Settings } from '../../core/settings';
import { PEOPLE, PEOPLE_BY_ID } from '../../data/bundle';
import { MATCHER_INDEX } from '../../data/matcher-index';
import { listen, sendToBackground, type PagePerson, type ToContent } from '../../platform/messages';
import { loadSettings, saveSettings, watchSettings } from '../../platform/settings-store';
import { CardUi } from './card-ui';
import { buildCardRequest, buildMentionModel } from './card-request';
import { HighlightPainter } from './highlights';
import { PageMentions, type MentionsChange, type PageMention } from './page-mentions';

let matcher: Matcher | undefined;

function getMatcher(): Matcher {
  matcher ??= matcherFromIndex(MATCHER_INDEX, PEOPLE);
  return matcher;
}

/** Starts Dramatis on this page and keeps it in step with the settings. */
export async function runDramatis(ctx: ContentScriptContext): Promise<void> {
  const root = document.body;
  if (!root) return;
  let settings = await loadSettings();
  let session: Session | undefined;
  const apply = () => {
    const isPaused = isSiteDisabled(settings, location.hostname);
    if (isPaused && session) {
      session.stop();
      session = undefined;
    } else if (!isPaused && !session) {
      session = new Session(ctx, root, settings);
    } else {
      session?.updateSettings(settings);
    }
  };
  apply();
  const unwatch = watchSettings((next) => {
    settings = next;
    apply();
  });
  const stopListening = listen<ToContent>({
    'content:get-people': () => ({ people: session?.people() ?? [], isPaused: session === undefined }),
    'content:get-page-state': () => ({
      people: session?.people() ?? [],
      isPaused: session === undefined,
      site: normalizeSite(location.hostname),
    }),
    'content:reveal-person': ({ person }) => ({ isRevealed: session?.reveal(person) ?? false }),
  });
  ctx.onInvalidated(() => {
    unwatch();
    stopListening();
    session?.stop();
  });
}

/** Dramatis active on one page. */
class Session {
  private readonly abort = new AbortController();
  private readonly page: PageMentions;
  private readonly painter: HighlightPainter;
  private readonly card: CardUi;
  private readonly intent: HoverIntent<PageMention>;
  private shownMention: PageMention | undefined;
  /** The next card opened takes focus (keyboard navigation, the popup). */
  private shouldFocusNext = false;
  private badgeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    root: HTMLElement,
    private settings: Settings,
  ) {
    this.painter = new HighlightPainter(settings.highlightStyle);
    this.page = new PageMentions(root, getMatcher(), {
      onChange: (change) => this.onMentionsChanged(change),
    });
    this.card = new CardUi(ctx, {
      onClose: () => this.intent.dismiss(),
      onHideSite: () => void this.hideSite(),
      onPointerEnter: () => this.intent.pointerInCard(true),
      onPointerLeave: () => this.intent.pointerInCard(false),
    });
    this.intent = new HoverIntent<PageMention>({
      openDelayMs: () => this.settings.hoverDelayMs,
      closeDelayMs: CLOSE_DELAY_MS,
      isSame: (a, b) => a.block === b.block && a.mention.start === b.mention.start,
      prepare: (m) => {
        const request = buildCardRequest(m, this.settings, false);
        if (request) this.card.prepare(request);
      },
      open: (m) => {
        this.showCard(m, this.shouldFocusNext);
        this.shouldFocusNext = false;
      },
      close: () => {
        this.shownMention = undefined;
        this.painter.setActive(undefined);
        this.card.close();
      },
      timers: { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h as number) },
    });
    this.listen();
    this.page.start();
  }

  /** People on the page with their mention counts, in order of first appearance. */
  people(): PagePerson[] {
    const counts = new Map<string, number>();
    for (const { mention } of this.page.mentions())
      counts.set(mention.person, (counts.get(mention.person) ?? 0) + 1);
    return [...counts].map(([id, count]) => ({ id, name: PEOPLE_BY_ID.get(id)?.name ?? id, count }));
  }

  /** Scrolls to a person's first mention and opens its card. */
  reveal(person: string): boolean {
    const mention = this.page.mentions().find((m) => m.mention.person === person);
    if (!mention) return false;
    this.revealMention(mention);
    return true;
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.painter.setStyle(settings.highlightStyle);
    const shown = this.shownMention;
    if (shown) {
      const model = buildMentionModel(shown, this.settings);
      if (model) this.card.update({ model });
    }
  }

  stop(): void {
    this.abort.abort();
    if (this.badgeTimer !== undefined) clearTimeout(this.badgeTimer);
    this.page.stop();
    this.painter.clear();
    this.card.destroy();
    void sendToBackground('background:page-people', { count: 0 });
  }

  private listen(): void {
    const signal = this.abort.signal;
    let pendingMove: PointerEvent | undefined;
    const onFrame = () => {
      const event = pendingMove;
      pendingMove = undefined;
      if (!event || signal.aborted) return;
      if (this.card.contains(event.target as Node)) return;
      this.intent.pointerOn(this.hitTest(event.clientX, event.clientY));
    };
    const options = { capture: true, passive: true, signal };
    this.ctx.addEventListener(
      document,
      'pointermove',
      (event) => {
        if (pendingMove === undefined) requestAnimationFrame(onFrame);
        pendingMove = event;
      },
      options,
    );
    this.ctx.addEventListener(
      document,
      'pointerout',
      (event) => {
        if (!event.relatedTarget) this.intent.pointerOn(undefined); // The pointer left the window.
      },
      options,
    );
    this.ctx.addEventListener(window, 'keydown', (event) => this.onKey(event), { capture: true, signal });
    this.ctx.addEventListener(window, 'wxt:locationchange', () => this.page.rescanAll(), { signal });
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.card.isOpen) {
      this.intent.dismiss();
      return;
    }
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    if (event.code !== 'KeyN' && event.code !== 'KeyP') return;
    const target = event.target as Element | null;
    if (target && !this.card.contains(target) && isEditable(target)) return;
    const mentions = this.page.mentions();
    if (mentions.length === 0) return;
    event.preventDefault();
    const current = this.shownMention ? mentions.indexOf(this.shownMention) : -1;
    const step = event.code === 'KeyN' ? 1 : -1;
    const next =
      current === -1
        ? step === 1
          ? 0
          : mentions.length - 1
        : (current + step + mentions.length) % mentions.length;
    const mention = mentions[next];
    if (mention) this.revealMention(mention);
  }

  private revealMention(mention: PageMention): void {
    const element = mention.range.startContainer.parentElement;
    const isReduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: isReduced ? 'auto' : 'smooth' });
    this.shouldFocusNext = true;
    this.intent.openNow(mention);
  }

  private hitTest(x: number, y: number): PageMention | undefined {
    const doc = document as Document & {
      caretPositionFromPoint?: (
        x: number,
        y: number,
        options?: { shadowRoots?: ShadowRoot[] },
      ) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    let node: Node | undefined;
    let offset = 0;
    if (typeof doc.caretPositionFromPoint === 'function') {
      // Over text in an open shadow root the caret lands on its host unless the root is named.
      const shadowRoots = [...this.page.shadowRoots].filter((r) => r.host.isConnected);
      const pos = doc.caretPositionFromPoint(x, y, shadowRoots.length > 0 ? { shadowRoots } : undefined);
      if (pos) ({ offsetNode: node, offset } = pos);
    } else if (typeof doc.caretRangeFromPoint === 'function') {
      const range = doc.caretRangeFromPoint(x, y);
      if (range) ({ startContainer: node, startOffset: offset } = range);
    }
    if (!node || node.nodeType !== Node.TEXT_NODE) return undefined;
    const mention =
      this.page.mentionAt(node, offset) ?? (offset > 0 ? this.page.mentionAt(node, offset - 1) : undefined);
    if (!mention) return undefined;
    // The caret lands on the nearest character even beside a line's end: confirm against the boxes.
    const live = document.createRange();
    live.setStart(mention.range.startContainer, mention.range.startOffset);
    live.setEnd(mention.range.endContainer, mention.range.endOffset);
    for (const rect of live.getClientRects()) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1)
        return mention;
    }
    return undefined;
  }

  private showCard(mention: PageMention, shouldFocus: boolean): void {
    const request = buildCardRequest(mention, this.settings, shouldFocus);
    if (!request) return;
    this.shownMention = mention;
    this.painter.setActive(mention.range);
    void this.card.open(request);
  }

  private onMentionsChanged({ added, removed }: MentionsChange): void {
    this.painter.update(
      added.map((m) => m.range),
      removed.map((m) => m.range),
    );
    if (this.shownMention && removed.includes(this.shownMention)) this.intent.dismiss();
    if (this.badgeTimer !== undefined) return;
    this.badgeTimer = setTimeout(() => {
      this.badgeTimer = undefined;
      if (!this.abort.signal.aborted)
        void sendToBackground('background:page-people', { count: this.people().length });
    }, 250);
  }

  private async hideSite(): Promise<void> {
    const site = normalizeSite(location.hostname);
    if (!site) return;
    await saveSettings({ disabledSites: [...this.settings.disabledSites, site] });
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
