/**
 * The page card: one shadow-root host (created when the first card opens, never before), a Preact
 * PersonCard inside it, placed against the name's line box by Floating UI (flip, shift, stays in the
 * viewport, follows scrolling). Page CSS cannot reach in; its CSS cannot leak out.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PersonCard } from '../../components/PersonCard';
import type { CardModel } from '../../core/card-model';
import { UI_HOST_TAG } from '../../core/dom-text';
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
  private ui: ShadowRootContentScriptUi<void> | undefined;
  private creating: Promise<ShadowRootContentScriptUi<void>> | undefined;
  private stopAutoUpdate: (() => void) | undefined;
  private current: CardRequest | undefined;
  /** A card rendered unseen while the pointer rests on its name, ready to be shown. */
  private prepared: CardRequest | undefined;
  private isPreparedPlaced = false;
  /** Preact's root: created outside the page, moved into the shadow root when the host is made. */
  private root: HTMLElement | undefined;
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
    return Boolean(node && this.ui && (node === this.ui.shadowHost || this.ui.shadowHost.contains(node)));
  }

  /**
   * Renders a card unseen while the pointer rests on its name, so that showing it when the delay ends
   * costs little. Before the first card the host does not exist yet (no element is added to a page
   * before a card opens): the card is then rendered into an element that is not in the page (no
   * mutation), moved into the host when it opens, and placed then.
   */
  prepare(request: CardRequest): void {
    if (this.current || this.ctx.isInvalid) return;
    this.prepared = request;
    this.renderCard(request, false);
    this.isPreparedPlaced = this.ui !== undefined;
    if (this.ui) this.place(request);
  }

  /** Shows (or replaces) the card. */
  async open(request: CardRequest): Promise<void> {
    const requested = performance.now();
    await this.ensureUi();
    if (this.ctx.isInvalid) return;
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
    if (!frame || !this.ui) return;
    const reference = {
      getBoundingClientRect: () => liveRange(request.range).getBoundingClientRect(),
      getClientRects: () => liveRange(request.range).getClientRects(),
      contextElement: request.range.startContainer.parentElement ?? this.ui.shadowHost.ownerDocument.body,
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
    if (this.root) render(null, this.root);
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
    this.ui?.remove();
    this.ui = undefined;
    this.root = undefined;
    this.creating = undefined;
  }

  private frame(): HTMLElement | null {
    return this.root?.querySelector<HTMLElement>('.dr-frame') ?? null;
  }

  private renderCard(request: CardRequest, isVisible: boolean): void {
    this.root ??= document.createElement('div');
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
      this.root,
    );
    const frame = this.frame();
    // Into the top layer, where the page's stacking and containing blocks cannot reach it.
    if (frame?.isConnected && typeof frame.showPopover === 'function' && !frame.matches(':popover-open'))
      frame.showPopover();
  }

  private ensureUi(): Promise<ShadowRootContentScriptUi<void>> {
    if (this.ui) return Promise.resolve(this.ui);
    this.creating ??= createShadowRootUi(this.ctx, {
      name: UI_HOST_TAG,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      css: cardCss,
      onMount: () => undefined,
    }).then((ui) => {
      ui.mount();
      this.root ??= document.createElement('div');
      ui.uiContainer.append(this.root);
      this.ui = ui;
      return ui;
    });
    return this.creating;
  }
}
