/** Whether the page around a node is dark: the card follows the page, not only the system setting. */

function parseRgb(color: string): [number, number, number, number] | undefined {
  const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)/.exec(color);
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** 'dark' when the first opaque background behind `node` is dark, else 'light' (or the system's). */
export function detectPageTheme(node: Node | null): 'light' | 'dark' {
  for (let el = node instanceof Element ? node : (node?.parentElement ?? null); el; el = el.parentElement) {
    const rgb = parseRgb(getComputedStyle(el).backgroundColor);
    if (rgb && rgb[3] > 0.5) {
      const [r, g, b] = rgb;
      const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      return luminance < 0.45 ? 'dark' : 'light';
    }
  }
  const root = (node?.ownerDocument ?? document).documentElement;
  const scheme = getComputedStyle(root).colorScheme;
  if (scheme === 'dark') return 'dark';
  if (scheme === 'light') return 'light';
  // A page with no background of its own is drawn in the browser's default (white) unless it opts in.
  return 'light';
}
