/**
 * The page card: one shadow-root host (added to the page when the first card opens, never before), a
 * Preact PersonCard inside it, placed against the name's line box by Floating UI (flip, shift, stays in
 * the viewport, follows scrolling). Page CSS cannot reach in; its CSS cannot leak out.
 *
 * Why not WXT's createShadowRootUi: it renders the UI in onMount, that is once its host is in the page,
 * and it puts the content script's CSS into the shadow root only in cssInjectionMode 'ui' (fetched, so
 * creating it is async). Dramatis renders the card unseen before the host joins the page (during the
 * hover delay, so the page's DOM changes only when a card really opens), needs the ::highlight() rules
 * in a document-level stylesheet the page cannot remove (cssInjectionMode 'manifest', see
 * entrypoints/content/index.ts), and inlines the card's own CSS synchronously: nothing is fetched
 * inside the hover delay.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { firstScreen } from '../components/card-first-screen';
import { PersonCard } from '../components/PersonCard';
import { QuoteCard, type QuoteCardProps } from '../components/QuoteCard';
import type { CardModel } from '../core/card-model';
import type { CorrectionKind } from '../core/corrections';
import { UI_HOST_TAG } from '../core/dom-text';
import { warmCardFonts } from './card-fonts';
import { toLiveRange } from './hit-test';
import { scheduleIdle } from './schedule';
import cardCss from './card-frame.css?inline';

/** What to show and where. */
export interface CardRequest {
  /** A person's card; absent for a quote card. */
  model?: CardModel | undefined;
  /** A checked quotation's card (issue 13), instead of a person's. */
  quote?: Pick<QuoteCardProps, 'quote' | 'sources' | 'nameOf'> | undefined;
  why: string;
  /** The mention's range (its line boxes are the reference). */
  range: AbstractRange;
  /** Pointer position, to pick the right line of a name that wraps. */
  pointer?: { x: number; y: number } | undefined;
  theme: 'light' | 'dark';
  /** Move focus into the card (keyboard navigation). */
  shouldFocus: boolean;
  /** The name as the page writes it: the card's "Not <name>?" asks about it. */
  surface?: string | undefined;
}

/** The card's document, its lifetime and its callbacks. */
export interface CardUiOptions {
  /** The page's document: the host goes into its body. */
  doc: Document;
  /** Ends the card's work (Dramatis paused here, the extension reloaded). */
  signal: AbortSignal;
  onClose: () => void;
  onHideSite: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  /** The reader says the card's name, here, is not its person ("Not <name>?"). */
  onCorrect?: ((is: CorrectionKind, scope: 'page' | 'site') => void) | undefined;
  /** Called with the time from a `show` to the frame after its render (the bench). */
  onPainted?: ((ms: number) => void) | undefined;
}

/**
 * The page card's host and what it renders. Which card is open is the Session's to know; the host only
 * knows whether it shows one.
 */
export class CardUi {
  /**
   * The host and Preact's root inside its shadow root: built outside the page when the first card is
   * prepared (or opened), and added to the page, its only change to the DOM, when that card opens.
   */
  private ui: { host: HTMLElement; root: HTMLElement } | undefined;
  private hasWarmedFonts = false;
  private stopAutoUpdate: (() => void) | undefined;
  private isShown = false;
  /** A card rendered unseen while the pointer rests on its name, ready to be shown. */
  private prepared: CardRequest | undefined;
  private isPreparedPlaced = false;
  /** The card rendered in part (its first screen), until the frame after it shows. */
  private partial: CardRequest | undefined;
  private previousFocus: Element | null = null;

  constructor(private readonly options: CardUiOptions) {}

  /** True when `node` is inside the card's host. */
  contains(node: Node | null): boolean {
    const host = this.ui?.host;
    return Boolean(node && host && (node === host || host.contains(node)));
  }

  /**
   * Renders a card unseen while the pointer rests on its name, so that showing it when the delay ends
   * costs little. Once the host is in the page, the card is laid out and placed now (hidden). Before the
   * first card, nothing may be added to the page: the host and the card are then built outside it and
   * the card's fonts loaded (see card-fonts.ts), which leaves show() only styling and laying it out; so
   * that this first layout is short, only the card's first screen is built then (the rest follows the
   * frame it shows in: `completeAfterFrame`).
   */
  prepare(request: CardRequest): void {
    if (this.isShown || this.options.signal.aborted) return;
    this.prepared = request;
    const isMounted = this.ui?.host.isConnected === true;
    if (!isMounted && !this.hasWarmedFonts) {
      this.hasWarmedFonts = true;
      // In a task of its own after this one (the render below): two short tasks rather than one long.
      setTimeout(() => {
        if (!this.options.signal.aborted) warmCardFonts();
      }, 0);
    }
    this.renderCard(request, false, !isMounted);
    this.isPreparedPlaced = isMounted;
    if (isMounted) this.place(request);
  }

  /** Shows (or replaces) the card. */
  show(request: CardRequest): void {
    const requested = performance.now();
    const { doc, signal, onPainted } = this.options;
    if (signal.aborted) return;
    const { host } = this.ensureUi();
    const isFirstLayout = !host.isConnected;
    // The one change Dramatis makes to the page's DOM (again only if the page has removed the host).
    if (isFirstLayout) doc.body.append(host);
    if (request.shouldFocus && !this.isShown) this.previousFocus = doc.activeElement;
    const isPrepared =
      this.prepared !== undefined &&
      this.prepared.model?.id === request.model?.id &&
      this.prepared.quote?.quote === request.quote?.quote &&
      this.prepared.range === request.range &&
      this.prepared.theme === request.theme;
    const isPlaced = isPrepared && this.isPreparedPlaced;
    this.prepared = undefined;
    this.isShown = true;
    // The prepared card is already rendered: it is only revealed (no render on the first card's path).
    if (isPrepared && this.frame()) this.setSeen(true);
    else this.renderCard(request, true, isFirstLayout);
    if (!isPlaced) this.place(request);
    const frame = this.frame();
    if (request.shouldFocus) frame?.focus({ preventScroll: true });
    if (onPainted) requestAnimationFrame(() => onPainted(performance.now() - requested));
    if (this.partial) {
      this.partial = request; // the prepared card's request may differ in what it does not render first
      this.completeAfterFrame();
    }
  }

  /**
   * Renders the whole of a card shown in part once the frame that paints its first screen is drawn: in
   * idle time after it (what it adds is below the card's fold).
   */
  private completeAfterFrame(): void {
    const partial = this.partial;
    requestAnimationFrame(() =>
      scheduleIdle(() => {
        if (this.partial !== partial || !partial || !this.isShown || this.options.signal.aborted) return;
        this.renderCard(partial, true);
      }),
    );
  }

  private place(request: CardRequest): void {
    const frame = this.frame();
    if (!frame) return;
    const { doc } = this.options;
    const reference = {
      getBoundingClientRect: () => toLiveRange(doc, request.range).getBoundingClientRect(),
      getClientRects: () => toLiveRange(doc, request.range).getClientRects(),
      contextElement: request.range.startContainer.parentElement ?? doc.body,
    };
    this.stopAutoUpdate?.();
    const update = () => {
      void computePosition(reference, frame, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(request.pointer),
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              frame.style.maxHeight = `${Math.max(160, Math.min(520, availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        frame.style.left = `${x}px`;
        frame.style.top = `${y}px`;
        frame.dataset.placed = 'true';
      });
    };
    this.stopAutoUpdate = autoUpdate(reference, frame, update, { animationFrame: false });
  }

  /** Hides the card; returns focus to where it was when the card took it. */
  close(): void {
    this.prepared = undefined;
    this.partial = undefined;
    if (!this.isShown) return;
    this.isShown = false;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    if (this.ui) render(null, this.ui.root);
    const previous = this.previousFocus;
    this.previousFocus = null;
    if (previous instanceof HTMLElement || previous instanceof SVGElement)
      previous.focus({ preventScroll: true });
  }

  /** Re-renders the shown card in place (sources toggled, theme changed); no-op when none is shown. */
  update(request: CardRequest): void {
    if (this.isShown) this.renderCard(request, true);
  }

  /** Removes the host from the page (Dramatis turned off here). */
  destroy(): void {
    this.close();
    this.ui?.host.remove();
    this.ui = undefined;
  }

  private frame(): HTMLElement | null {
    return this.ui?.root.querySelector<HTMLElement>('.dr-frame') ?? null;
  }

  /** Renders a card into the host (`isFirstScreen`: only what fills its first screen, see `prepare`). */
  private renderCard(request: CardRequest, isVisible: boolean, isFirstScreen = false): void {
    const { root } = this.ensureUi();
    const cut = isFirstScreen && request.model ? firstScreen(request.model) : undefined;
    this.partial = cut && !cut.isWhole ? request : undefined;
    render(
      <div
        popover="manual"
        class="dr-theme dr-frame"
        data-theme={request.theme}
        role="dialog"
        aria-modal="false"
        aria-labelledby="dramatis-card-title"
        tabIndex={-1}
        onPointerEnter={this.options.onPointerEnter}
        onPointerLeave={this.options.onPointerLeave}
      >
        {request.quote ? (
          <QuoteCard {...request.quote} headingId="dramatis-card-title" onClose={this.options.onClose} />
        ) : request.model ? (
          <PersonCard
            model={request.model}
            headingId="dramatis-card-title"
            why={request.why}
            onClose={this.options.onClose}
            onHideSite={this.options.onHideSite}
            cut={cut}
            correction={
              this.options.onCorrect && request.surface
                ? {
                    surface: request.surface,
                    site: this.options.doc.location?.hostname || undefined,
                    onCorrect: this.options.onCorrect,
                  }
                : undefined
            }
          />
        ) : null}
      </div>,
      root,
    );
    this.setSeen(isVisible);
  }

  /**
   * Hides the rendered card from sight and from assistive technology, or reveals it, and puts it into the
   * top layer, where the page's stacking and containing blocks cannot reach it. Outside Preact's props
   * (which never name them), so that revealing a prepared card renders nothing.
   */
  private setSeen(isSeen: boolean): void {
    const frame = this.frame();
    if (!frame) return;
    frame.classList.toggle('dr-unseen', !isSeen);
    if (isSeen) frame.removeAttribute('aria-hidden');
    else frame.setAttribute('aria-hidden', 'true');
    if (frame.isConnected && typeof frame.showPopover === 'function' && !frame.matches(':popover-open'))
      frame.showPopover();
  }

  /**
   * The host, built on first use without touching the page: a custom element (no page CSS names it)
   * with an open shadow root holding the card's styles and Preact's root. `:host { all: initial }` in
   * card-frame.css keeps the page's inherited and universal styles off it.
   */
  private ensureUi(): { host: HTMLElement; root: HTMLElement } {
    if (this.ui) return this.ui;
    const { doc } = this.options;
    const host = doc.createElement(UI_HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = cardCss;
    const root = doc.createElement('div');
    shadow.append(style, root);
    this.ui = { host, root };
    return this.ui;
  }
}
