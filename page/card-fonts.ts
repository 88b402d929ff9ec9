/**
 * The page card's fonts, loaded ahead of its first layout.
 *
 * A page that has not yet set text in one of the card's fonts makes the card's first layout look each
 * of them up: in Chromium on Linux a query to the browser process per typeface and per size, about 1 ms
 * each and 10-15 ms for the card's dozen, most of the first card's layout. Laying the card out before it
 * opens would mean adding it to the page; measuring text on a canvas that is in no document resolves
 * the same fonts into the same per-process cache without touching the page, so the hover delay pays it.
 */

/** The family of `.dr-theme` in components/card.css. */
export const CARD_FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/**
 * Style, weight and size of each kind of text in the card (components/card.css, card-frame.css), as in
 * the CSS `font` shorthand; the 700s at 14px and 12.5px are the <strong>s inside list items and conflict
 * notes. tests/card-fonts.test.ts checks every rule of the CSS is here.
 */
export const CARD_FONTS = [
  '14px',
  'italic 14px',
  '600 14px',
  '700 14px',
  '700 17px',
  '600 13px',
  '12.5px',
  '700 12.5px',
  '12px',
  '700 11.5px',
  '11px',
  '20px',
] as const;

/** Resolves each of the card's fonts (see the top of this file); a no-op where there is no canvas. */
export function warmCardFonts(): void {
  const context = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : null;
  if (!context) return;
  for (const font of CARD_FONTS) {
    context.font = `${font} ${CARD_FONT_FAMILY}`;
    context.measureText('Aa');
  }
}
