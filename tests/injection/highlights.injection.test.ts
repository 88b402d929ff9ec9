/**
 * Highlight painting, in plain Chromium and Firefox pages: the real Session registers one range per name
 * under the highlight of the reader's style (and nothing under the others), and the ::highlight() rules
 * paint them: amber pixels appear under each name and nowhere else, and go when the style is "none".
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS } from '../e2e/support/browsers';
import { locateText, readHighlightRanges, useBrowser } from '../e2e/support/pages';
import { launchPlainBrowser, servePages, type Clip, type InjectedPage } from './support/inject';

const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Highlights</title>
  <style>body { margin: 24px; font: 24px/2 sans-serif; color: #111; background: #fff; }</style></head>
  <body>
    <p id="news">Steve Witkoff met Vladimir Putin in Moscow on Tuesday.</p>
    <p id="plain">The talks lasted three hours and ended without a statement.</p>
  </body>
</html>`;

const pageUrl = servePages({ '/highlights.html': PAGE });

/** The texts of highlight `name`'s ranges in document order, or null when it is not registered. */
async function readTexts(page: InjectedPage, name: string): Promise<string[] | null> {
  const ranges = await page.evaluate(readHighlightRanges, name);
  return ranges && ranges.map((r) => r.text);
}

/**
 * How many pixels of a base64 PNG are warm (red well above blue: the amber underline or background; the
 * page's black text on white has none). Runs in the page: it decodes the image in a canvas.
 */
async function countWarmPixels(png: string): Promise<number> {
  const image = new Image();
  image.src = `data:image/png;base64,${png}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let warm = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! - data[i + 2]! > 60) warm++;
  return warm;
}

/** Warm pixels in `clip` of the page as it is painted now. */
async function warmPixelsIn(page: InjectedPage, clip: Clip): Promise<number> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  return page.evaluate(countWarmPixels, await page.shoot(clip));
}

/** A box around a line box, with room below it for an underline. */
function around(box: { x: number; y: number; width: number; height: number }): Clip {
  return {
    x: Math.floor(box.x),
    y: Math.floor(box.y),
    width: Math.ceil(box.width),
    height: Math.ceil(box.height) + 6,
  };
}

describe.each(BROWSERS)('highlight painting in %s', (name) => {
  const browser = useBrowser(name, launchPlainBrowser);

  it("registers one range per name under the reader's style, and none under the other styles", async () => {
    const page = await browser().openPage(pageUrl('/highlights.html'));
    try {
      const mentions = await page.evaluate(() => window.__dramatisInjection!.startSession());
      expect(mentions.map((m) => [m.person, m.text])).toEqual([
        ['steve-witkoff', 'Steve Witkoff'],
        ['vladimir-putin', 'Vladimir Putin'],
      ]);
      expect(await readTexts(page, 'dramatis')).toEqual(['Steve Witkoff', 'Vladimir Putin']);
      expect(await readTexts(page, 'dramatis-bg')).toBeNull();
      expect(await readTexts(page, 'dramatis-active')).toEqual([]);

      await page.evaluate(() => window.__dramatisInjection!.updateSettings({ highlightStyle: 'background' }));
      expect(await readTexts(page, 'dramatis-bg')).toEqual(['Steve Witkoff', 'Vladimir Putin']);
      expect(await readTexts(page, 'dramatis')).toBeNull();

      await page.evaluate(() => window.__dramatisInjection!.updateSettings({ highlightStyle: 'none' }));
      expect(await readTexts(page, 'dramatis')).toBeNull();
      expect(await readTexts(page, 'dramatis-bg')).toBeNull();
    } finally {
      await page.close();
    }
  });

  it('paints amber under each name and nowhere else, in both styles, and nothing with "none"', async () => {
    const page = await browser().openPage(pageUrl('/highlights.html'));
    try {
      const word = await page.evaluate(locateText, { id: 'plain', text: 'talks' });
      expect(word).not.toBeNull();
      const plainClip: Clip = {
        x: Math.floor(word!.x - 20),
        y: Math.floor(word!.y - 16),
        width: 40,
        height: 38,
      };
      const before = await page.evaluate(() => window.__dramatisInjection!.startMentions());
      const nameClips = before.map((m) => around(m.box!));
      expect(nameClips).toHaveLength(2);
      // Before Dramatis paints, the names are plain text like the rest.
      for (const clip of nameClips) expect(await warmPixelsIn(page, clip)).toBe(0);

      await page.evaluate(() => window.__dramatisInjection!.startSession());
      for (const clip of nameClips) expect(await warmPixelsIn(page, clip)).toBeGreaterThan(10);
      expect(await warmPixelsIn(page, plainClip)).toBe(0);

      await page.evaluate(() => window.__dramatisInjection!.updateSettings({ highlightStyle: 'background' }));
      for (const clip of nameClips) expect(await warmPixelsIn(page, clip)).toBeGreaterThan(100);
      expect(await warmPixelsIn(page, plainClip)).toBe(0);

      await page.evaluate(() => window.__dramatisInjection!.updateSettings({ highlightStyle: 'none' }));
      for (const clip of nameClips) expect(await warmPixelsIn(page, clip)).toBe(0);
    } finally {
      await page.close();
    }
  });
});
