/**
 * Acceptance: a page with hostile CSS cannot break the card. The page resets every element with
 * `all: unset !important`, hides every div, styles every ::before, puts sections above everything, makes
 * <body> a containing block for fixed elements (transform), and sets a huge font-size everywhere. It does
 * not name `dramatis-ui` (a page does not know it), but its universal and positional rules reach the host.
 * Hovering a name still opens a visible card, in the viewport, with the card's own font size; a screenshot
 * goes to tests/e2e/.artifacts/hostile-<browser>.png.
 * Two more tests check the same placement rules on ordinary pages (one with a transformed <body>), with the
 * name high, in the middle and low in the viewport: the card stays inside the viewport and never covers the
 * name it describes.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './support/browsers';
import { startServer, type StaticServer } from './support/server';
import {
  ARTIFACTS_DIR,
  locateText,
  pressKeys,
  readHighlightRanges,
  readPlacement,
  sleep,
  useBrowser,
  waitForCard,
  waitForNoCard,
} from './support/pages';

const HOSTILE_CSS = `
  * {
    all: unset !important;
    font-size: 44px !important;
    line-height: 1.5 !important;
    font-family: 'Comic Sans MS', cursive !important;
    color: #0a0 !important;
    letter-spacing: 0.2em !important;
    text-transform: uppercase !important;
    box-sizing: content-box !important;
    visibility: visible !important;
    opacity: 1 !important;
  }
  head, script, style, title { display: none !important; }
  div { display: none !important; }
  :host, *::before, *::after {
    content: '»' !important;
    font-size: 60px !important;
    color: red !important;
  }
  section, article { position: relative !important; z-index: 999999 !important; display: block !important; }
  body {
    display: block !important;
    transform: scale(1) !important;
    margin: 0 !important;
    background: #ffe !important;
    overflow: hidden auto !important;
  }
  body > * { position: relative !important; z-index: 2147483646 !important; }
  body > :last-child { transform: translateX(0) !important; filter: saturate(1) !important; }
  p { display: block !important; margin: 12px !important; font-size: 28px !important; }
  [role='dialog'], dialog, [aria-modal] { display: none !important; }
  article *, section * { pointer-events: auto !important; }
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Hostile page</title>
  <link rel="icon" href="data:,">
  <style>${HOSTILE_CSS}</style>
</head>
<body>
  <div><p>Hidden: Sergey Lavrov is never visible here.</p></div>
  <section>
    <article>
      <p id="lead">Kirill Dmitriev flew to Miami for talks.</p>
      <p>Everything on this page is styled to break whatever an extension adds.</p>
    </article>
  </section>
</body>
</html>`;

/**
 * Ordinary pages: a spacer whose height the test sets, then the name. The second one only adds what many
 * sites do for smoother scrolling or animations: a margin and a transform on <body> (which makes <body> the
 * containing block of position: fixed descendants, such as the card).
 */
const PLACEMENT_PAGES = {
  plain: 'body { margin: 0; }',
  'transformed-body': 'body { margin: 100px 0 0 60px; transform: translateZ(0); }',
} as const;
const placementPage = (css: string) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Placement</title>
  <link rel="icon" href="data:,">
  <style>body { font: 18px/1.5 Georgia, serif; } p { margin: 0 24px; } ${css}</style>
</head>
<body>
  <section id="spacer"></section>
  <p id="lead">Kirill Dmitriev flew to Miami for talks.</p>
  <section style="height: 3000px"></section>
</body>
</html>`;

let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/hostile.html', PAGE);
  for (const [name, css] of Object.entries(PLACEMENT_PAGES))
    server.route(`/placement-${name}.html`, placementPage(css));
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
});

afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);

  it(`${browserName}: the card is visible, in the viewport and in its own font on a page with hostile CSS`, async () => {
    const page = await browser().openPage(server.url('/hostile.html'));
    try {
      const ranges = await page.poll(readHighlightRanges, 'dramatis', {
        until: (r) => r !== null && r.some((x) => x.text === 'Kirill Dmitriev'),
        timeoutMs: 10_000,
      });
      expect(ranges?.map((r) => r.text)).toContain('Kirill Dmitriev');

      const spot = await page.evaluate(locateText, { id: 'lead', text: 'Dmitriev' });
      expect(spot, 'the name is laid out on screen').not.toBeNull();
      await page.hover(spot!.x, spot!.y);
      const card = await waitForCard(page, 3_000, 'kirill-dmitriev');
      await sleep(300); // the fade-in (120 ms) has finished
      const state = await page.poll(
        () => {
          const frame = document
            .querySelector('dramatis-ui')
            ?.shadowRoot?.querySelector<HTMLElement>('.dr-frame');
          if (!frame) return null;
          const r = frame.getBoundingClientRect();
          const name = frame.querySelector<HTMLElement>('.dr-name');
          const nr = name?.getBoundingClientRect();
          // What is painted at the middle of the heading: the heading itself, not the page on top of it.
          const hit = nr
            ? document
                .querySelector('dramatis-ui')
                ?.shadowRoot?.elementFromPoint(nr.left + 10, nr.top + nr.height / 2)
            : null;
          const style = getComputedStyle(frame);
          return {
            rect: {
              left: r.left,
              top: r.top,
              right: r.right,
              bottom: r.bottom,
              width: r.width,
              height: r.height,
            },
            viewport: { width: innerWidth, height: innerHeight },
            fontSize: style.fontSize,
            opacity: style.opacity,
            display: style.display,
            visibility: style.visibility,
            nameText: name?.textContent ?? null,
            nameRect: nr ? { width: nr.width, height: nr.height, left: nr.left, top: nr.top } : null,
            nameFontSize: name ? getComputedStyle(name).fontSize : null,
            nameVisibility: name ? getComputedStyle(name).visibility : null,
            isNameOnTop: Boolean(hit && name && (hit === name || name.contains(hit))),
          };
        },
        undefined,
        { until: (s) => s !== null && s.opacity === '1', timeoutMs: 2_000 },
      );
      const file = join(ARTIFACTS_DIR, `hostile-${browserName}.png`);
      await page.screenshot(file);
      const placement = await page.evaluate(readPlacement);
      console.log(
        `[${browserName}] hostile page card: ${JSON.stringify(state)}; mention ${JSON.stringify(placement.mention)}; ` +
          `screenshot ${file}`,
      );

      expect(card.person).toBe('kirill-dmitriev');
      expect(state).not.toBeNull();
      const s = state!;
      expect(s.display).not.toBe('none');
      expect(s.visibility).toBe('visible');
      expect(s.opacity).toBe('1');
      expect(s.rect.width, 'card width').toBeGreaterThan(200);
      expect(s.rect.height, 'card height').toBeGreaterThan(100);
      expect(s.rect.left, 'card inside the viewport (left)').toBeGreaterThanOrEqual(0);
      expect(s.rect.top, 'card inside the viewport (top)').toBeGreaterThanOrEqual(0);
      expect(s.rect.right, 'card inside the viewport (right)').toBeLessThanOrEqual(s.viewport.width);
      expect(s.rect.bottom, 'card inside the viewport (bottom)').toBeLessThanOrEqual(s.viewport.height);
      expect(s.fontSize, "the card's font size, not the page's 44px").toBe('14px');
      expect(s.nameText).toBe('Kirill Dmitriev');
      expect(s.nameVisibility).toBe('visible');
      expect(s.nameFontSize).toBe('17px');
      expect(s.nameRect?.width ?? 0).toBeGreaterThan(20);
      expect(s.nameRect?.height ?? 0).toBeGreaterThan(10);
      expect(s.isNameOnTop, 'nothing of the page covers the card heading').toBe(true);
      expect(placement.isCoveringMention, 'the card does not cover the name it describes').toBe(false);
    } finally {
      await page.close();
    }
  });

  it.each(Object.keys(PLACEMENT_PAGES))(
    `${browserName}: on an ordinary page (%s) the card stays in the viewport and off the name, wherever the name is`,
    async (variant) => {
      const page = await browser().openPage(server.url(`/placement-${variant}.html`));
      try {
        await page.poll(readHighlightRanges, 'dramatis', { until: (r) => r !== null && r.length === 1 });
        const problems: string[] = [];
        for (const fraction of [0.05, 0.3, 0.55, 0.8]) {
          await page.evaluate((f) => {
            document.getElementById('spacer')!.style.height = `${Math.round(innerHeight * f)}px`;
          }, fraction);
          await page.hover(2, 2);
          await sleep(100);
          const spot = await page.evaluate(locateText, { id: 'lead', text: 'Dmitriev' });
          await page.hover(spot!.x, spot!.y);
          const card = await waitForCard(page, 3_000, 'kirill-dmitriev');
          expect(card.person).toBe('kirill-dmitriev');
          await sleep(250);
          const p = await page.evaluate(readPlacement);
          const f = p.frame!;
          const m = p.mention[0];
          console.log(
            `[${browserName}] ${variant}: name at ${Math.round(fraction * 100)}% of a ${p.viewport.width}x${p.viewport.height} viewport: ` +
              `name ${Math.round(m?.top ?? NaN)}..${Math.round(m?.bottom ?? NaN)}, card ${Math.round(f.top)}..${Math.round(f.bottom)}`,
          );
          if (f.top < 0 || f.left < 0 || f.bottom > p.viewport.height || f.right > p.viewport.width)
            problems.push(
              `name at ${fraction}: card ${JSON.stringify(f)} leaves the ${p.viewport.width}x${p.viewport.height} viewport`,
            );
          if (p.isCoveringMention)
            problems.push(
              `name at ${fraction}: card ${JSON.stringify(f)} covers the name ${JSON.stringify(p.mention)}`,
            );
          await pressKeys(page, ['Escape']);
          await waitForNoCard(page);
        }
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});
