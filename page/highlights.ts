/**
 * Paints mentions with the CSS Custom Highlight API: ranges registered under a name, styled by
 * page/highlights.css (in the manifest, so the page cannot remove it). No element of the
 * page is added, wrapped or changed. On a page with many mentions, only the ranges near the viewport are
 * registered (see NEAR_VIEWPORT).
 * Where the API is missing, nothing is painted and hover still works.
 */
import type { HighlightStyle } from '../core/settings';

/** Highlight names, one per style, plus the active (hovered or focused) mention. */
export const HIGHLIGHT_NAMES = {
  underline: 'dramatis',
  background: 'dramatis-bg',
  active: 'dramatis-active',
} as const;

function hasHighlightApi(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * How far around the viewport mentions are registered. Each change to any highlight makes the browser
 * re-validate every registered range (measured: one added range costs a 45 ms frame with 2,300 ranges
 * registered), so only the ranges a reader can reach soon are registered: then a long page, a feed and
 * each hover stay cheap. Scrolling brings more in before they show.
 */
const NEAR_VIEWPORT = '150% 0px';

/**
 * Up to this many mentions, all are registered: re-validating them costs the browser little, and they
 * show in the first frame, without waiting for the IntersectionObserver.
 */
const REGISTER_ALL_UP_TO = 200;

/** The element whose nearness to the viewport decides whether `range` is registered. */
function anchorOf(range: AbstractRange): Element | undefined {
  const node = range.startContainer;
  if (node.nodeType === Node.ELEMENT_NODE) return node as Element;
  return node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? undefined;
}

/** Keeps the page's highlights in step with its mentions. */
export class HighlightPainter {
  /** The registered ranges: those near the viewport (all of them on a page with few). */
  private readonly all = hasHighlightApi() ? new Highlight() : undefined;
  private readonly active = hasHighlightApi() ? new Highlight() : undefined;
  /** Every painted range, by its anchor element, and the anchors near the viewport. */
  private readonly rangesAt = new Map<Element, Set<AbstractRange>>();
  private readonly anchors = new Map<AbstractRange, Element>();
  private readonly near = new Set<Element>();
  private isRegistered = false;
  /** True while the page has few mentions: then every range is registered (see REGISTER_ALL_UP_TO). */
  private isEverywhere = true;
  private readonly observer =
    hasHighlightApi() && typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => this.onIntersection(entries), { rootMargin: NEAR_VIEWPORT })
      : undefined;

  constructor(private style: HighlightStyle) {
    if (this.active) this.active.priority = 1;
  }

  /** Paints `added` and unpaints `removed` (incremental: a big page is not repainted for one change). */
  update(added: readonly AbstractRange[], removed: readonly AbstractRange[]): void {
    if (!this.all) return;
    let isChanged = false;
    for (const range of removed) if (this.forget(range)) isChanged = true;
    for (const range of added) if (this.track(range)) isChanged = true;
    const isFew = this.anchors.size <= REGISTER_ALL_UP_TO;
    if (isFew !== this.isEverywhere) {
      this.isEverywhere = isFew;
      for (const [anchor, ranges] of this.rangesAt) {
        const isRegistered = isFew || this.near.has(anchor);
        for (const range of ranges) {
          if (isRegistered) this.all.add(range);
          else this.all.delete(range);
        }
      }
      isChanged = true;
    }
    // Names added or removed far from the viewport (a feed growing below) cost the browser nothing.
    if (isChanged || !this.isRegistered) this.register();
  }

  /** Paints `range` (registered now if its anchor is near the viewport); true when it was registered. */
  private track(range: AbstractRange, anchor = anchorOf(range)): boolean {
    if (!this.observer || !anchor) {
      this.all?.add(range);
      return true;
    }
    this.anchors.set(range, anchor);
    let ranges = this.rangesAt.get(anchor);
    if (!ranges) {
      ranges = new Set();
      this.rangesAt.set(anchor, ranges);
      this.observer.observe(anchor);
    }
    ranges.add(range);
    if (!this.isEverywhere && !this.near.has(anchor)) return false;
    this.all?.add(range);
    return true;
  }

  /** Unpaints `range`; true when it was registered. */
  private forget(range: AbstractRange): boolean {
    const wasRegistered = this.all?.delete(range) ?? false;
    const anchor = this.anchors.get(range);
    if (!anchor) return wasRegistered;
    this.anchors.delete(range);
    const ranges = this.rangesAt.get(anchor);
    ranges?.delete(range);
    if (ranges?.size === 0) {
      this.rangesAt.delete(anchor);
      this.near.delete(anchor);
      this.observer?.unobserve(anchor);
    }
    return wasRegistered;
  }

  private onIntersection(entries: IntersectionObserverEntry[]): void {
    let changed = false;
    for (const entry of entries) {
      const anchor = entry.target;
      const ranges = this.rangesAt.get(anchor);
      if (!ranges) continue;
      if (entry.isIntersecting) {
        if (this.near.has(anchor)) continue;
        this.near.add(anchor);
        if (this.isEverywhere) continue;
        for (const range of ranges) this.all?.add(range);
        changed = true;
      } else if (
        isBoxless(entry) &&
        anchor.parentElement &&
        getComputedStyle(anchor).display === 'contents'
      ) {
        // An element without a box of its own never intersects, though its text shows: watch its parent.
        const parent = anchor.parentElement;
        this.rangesAt.delete(anchor);
        this.observer?.unobserve(anchor);
        for (const range of ranges) if (this.track(range, parent)) changed = true;
      } else if (this.near.delete(anchor) && !this.isEverywhere) {
        for (const range of ranges) this.all?.delete(range);
        changed = true;
      }
    }
    if (changed) this.register();
  }

  /** Marks one mention as active (or none). */
  setActive(range: AbstractRange | undefined): void {
    if (!this.active) return;
    this.active.clear();
    if (range) this.active.add(range);
    this.register();
  }

  /** Switches between underline, background and none. */
  setStyle(style: HighlightStyle): void {
    this.style = style;
    this.register();
  }

  /** Removes every highlight Dramatis registered. */
  clear(): void {
    this.observer?.disconnect();
    this.isRegistered = false;
    this.isEverywhere = true;
    this.rangesAt.clear();
    this.anchors.clear();
    this.near.clear();
    if (!hasHighlightApi()) return;
    for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
  }

  private register(): void {
    if (!this.all || !this.active) return;
    this.isRegistered = true;
    // A page may clear CSS.highlights; registering again on each change repairs that.
    CSS.highlights.delete(
      this.style === 'underline' ? HIGHLIGHT_NAMES.background : HIGHLIGHT_NAMES.underline,
    );
    if (this.style === 'none') {
      CSS.highlights.delete(HIGHLIGHT_NAMES.underline);
      CSS.highlights.delete(HIGHLIGHT_NAMES.background);
    } else {
      CSS.highlights.set(HIGHLIGHT_NAMES[this.style], this.all);
    }
    CSS.highlights.set(HIGHLIGHT_NAMES.active, this.active);
  }
}

function isBoxless(entry: IntersectionObserverEntry): boolean {
  return entry.boundingClientRect.width === 0 && entry.boundingClientRect.height === 0;
}
