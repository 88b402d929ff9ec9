/**
 * The page card: one shadow-root host (added to the page when the first card opens, never before), a
 * Preact PersonCard inside it, placed against the name's line box by Floating UI (flip, shift, stays in
 * the viewport, follows scrolling). Page CSS cannot reach in; its CSS cannot leak out.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PersonCard } from '../../components/PersonCard';
import type { CardModel } from '../../core/card-model';
import { UI_HOST_TAG } from '../../core/dom-text';
import { warmCardFonts } from './card-fonts';
import cardCss from './card-frame.css?inline';

/** What to show and where. */
export interface CardRequest {
  model: CardModel;
  why: string;
  /** The mention's range (its line boxes are the reference). */
  range: AbstractRange;
  /** Pointer position, to pick the right line of a name that wraps. */
  pointer?: { x: number; y: number } | undefined;
  theme: 'light' | 'dark';
  /** Move focus into the card (keyboard navigation). */
  shouldFocus: boolean;
}

/** Callbacks from the card. */
export interface CardCallbacks {
  onClose: () => void;
  onHideSite: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

function liveRange(range: AbstractRange): Range {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

/** The page card's host and state. */
export class CardUi {
  /**
   * The host and Preact's root inside its shadow root: built outside the page when the first card is
   * prepared (or opened), and added to the page, its only change to the DOM, when that card opens.
   */
  private ui: { host: HTMLElement; root: HTMLElement } | undefined;
  private hasWarmedFonts = false;
  private stopAutoUpdate: (() => void) | undefined;
  private current: CardRequest | undefined;
  /** A card rendered unseen while the pointer rests on its name, ready to be shown. */
  private prepared: CardRequest | undefined;
  private isPreparedPlaced = false;
  private previousFocus: Element | null = null;
  /** Time the last card was painted (for the bench): ms from the request to the frame after render. */
  lastPaintMs = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly callbacks: CardCallbacks,
  ) {}

  /** True while a card is shown. */
  get isOpen(): boolean {
    return this.current !== undefined;
  }

  /** The person of the open card. */
  get openPerson(): string | undefined {
    return this.current?.model.id;
  }

  /** True when `node` is inside the card's host. */
  contains(node: Node | null): boolean {
    const host = this.ui?.host;
    return Boolean(node && host && (node === host || host.contains(node)));
  }

  /**
   * Renders a card unseen while the pointer rests on its name, so that showing it when the delay ends
   * costs little. Once the host is in the page, the card is laid out and placed now (hidden). Before the
   * first card, nothing may be added to the page: the host and the card are then built outside it and
   * the card's fonts loaded (see card-fonts.ts), which leaves open() only styling and laying it out.
   */
  prepare(request: CardRequest): void {
    if (this.current || this.ctx.isInvalid) return;
    this.prepared = request;
    const isMounted = this.ui?.host.isConnected === true;
    if (!isMounted && !this.hasWarmedFonts) {
      this.hasWarmedFonts = true;
      // In a task of its own after this one (the render below): two short tasks rather than one long.
      setTimeout(() => {
        if (!this.ctx.isInvalid) warmCardFonts();
      }, 0);
    }
    this.renderCard(request, false);
    this.isPreparedPlaced = isMounted;
    if (isMounted) this.place(request);
  }

  /** Shows (or replaces) the card; resolves once it is rendered (nothing is awaited before that). */
  async open(request: CardRequest): Promise<void> {
    const requested = performance.now();
    if (this.ctx.isInvalid) return;
    const { host } = this.ensureUi();
    // The one change Dramatis makes to the page's DOM (again only if the page has removed the host).
    if (!host.isConnected) document.body.append(host);
    if (request.shouldFocus && !this.current) this.previousFocus = document.activeElement;
    const isPrepared =
      this.prepared !== undefined &&
      this.prepared.model.id === request.model.id &&
      this.prepared.range === request.range &&
      this.prepared.theme === request.theme;
    const isPlaced = isPrepared && this.isPreparedPlaced;
    this.prepared = undefined;
    this.current = request;
    this.renderCard(request, true);
    if (!isPlaced) this.place(request);
    const frame = this.frame();
    if (request.shouldFocus) frame?.focus({ preventScroll: true });
    requestAnimationFrame(() => {
      this.lastPaintMs = performance.now() - requested;
    });
  }

  private place(request: CardRequest): void {
    const frame = this.frame();
    if (!frame) return;
    const reference = {
      getBoundingClientRect: () => liveRange(request.range).getBoundingClientRect(),
      getClientRects: () => liveRange(request.range).getClientRects(),
      contextElement: request.range.startContainer.parentElement ?? document.body,
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
    if (!this.current) return;
    this.current = undefined;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    this.prepared = undefined;
    if (this.ui) render(null, this.ui.root);
    const previous = this.previousFocus;
    this.previousFocus = null;
    if (previous instanceof HTMLElement || previous instanceof SVGElement)
      previous.focus({ preventScroll: true });
  }

  /** Re-renders the open card with a new model (sources toggled, theme changed). */
  update(change: Partial<Pick<CardRequest, 'model' | 'theme'>>): void {
    if (!this.current) return;
    this.current = { ...this.current, ...change };
    this.renderCard(this.current, true);
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

  private renderCard(request: CardRequest, isVisible: boolean): void {
    const { root } = this.ensureUi();
    render(
      <div
        popover="manual"
        class={isVisible ? 'dr-theme dr-frame' : 'dr-theme dr-frame dr-unseen'}
        aria-hidden={isVisible ? undefined : 'true'}
        data-theme={request.theme}
        role="dialog"
        aria-modal="false"
        aria-labelledby="dramatis-card-title"
        tabIndex={-1}
        onPointerEnter={this.callbacks.onPointerEnter}
        onPointerLeave={this.callbacks.onPointerLeave}
      >
        <PersonCard
          model={request.model}
          headingId="dramatis-card-title"
          why={request.why}
          onClose={this.callbacks.onClose}
          onHideSite={this.callbacks.onHideSite}
        />
      </div>,
      root,
    );
    const frame = this.frame();
    // Into the top layer, where the page's stacking and containing blocks cannot reach it.
    if (frame?.isConnected && typeof frame.showPopover === 'function' && !frame.matches(':popover-open'))
      frame.showPopover();
  }

  /**
   * The host, built on first use without touching the page: a custom element (no page CSS names it)
   * with an open shadow root holding the card's styles and Preact's root. `:host { all: initial }` in
   * card-frame.css keeps the page's inherited and universal styles off it.
   */
  private ensureUi(): { host: HTMLElement; root: HTMLElement } {
    if (this.ui) return this.ui;
    const host = document.createElement(UI_HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = cardCss;
    const root = document.createElement('div');
    shadow.append(style, root);
    this.ui = { host, root };
    return this.ui;
  }
}
