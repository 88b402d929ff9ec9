/**
 * Paints mentions with the CSS Custom Highlight API: ranges registered under a name, styled by
 * entrypoints/content/highlights.css (in the manifest, so the page cannot remove it). No element of the
 * page is added, wrapped or changed. Where the API is missing, nothing is painted and hover still works.
 */
import type { HighlightStyle } from '../../core/settings';

/** Highlight names, one per style, plus the active (hovered or focused) mention. */
export const HIGHLIGHT_NAMES = {
  underline: 'dramatis',
  background: 'dramatis-bg',
  active: 'dramatis-active',
} as const;

function hasHighlightApi(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Keeps the page's highlights in step with its mentions. */
export class HighlightPainter {
  private readonly all = hasHighlightApi() ? new Highlight() : undefined;
  private readonly active = hasHighlightApi() ? new Highlight() : undefined;

  constructor(private style: HighlightStyle) {
    if (this.active) this.active.priority = 1;
  }

  /** Paints `added` and unpaints `removed` (incremental: a big page is not repainted for one change). */
  update(added: readonly AbstractRange[], removed: readonly AbstractRange[]): void {
    if (!this.all) return;
    for (const range of removed) this.all.delete(range);
    for (const range of added) this.all.add(range);
    this.register();
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
    if (!hasHighlightApi()) return;
    for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
  }

  private register(): void {
    if (!this.all || !this.active) return;
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
