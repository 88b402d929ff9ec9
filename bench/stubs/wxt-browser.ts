/**
 * Bench-only stand-in for `wxt/browser` (the extension APIs do not exist in a plain page). The only
 * call the card path makes is `browser.runtime.getURL()` for the content script's CSS, which the
 * bench server serves from the built extension (.output/chrome-mv3/content-scripts/content.css).
 */
export const browser = {
  runtime: {
    id: 'dramatis-bench',
    getURL: (path: string): string => `${location.origin}/ext${path.startsWith('/') ? '' : '/'}${path}`,
  },
};
export default browser;
