/**
 * Acceptance: text inside open shadow roots of page elements (attached by script or declaratively) is
 * highlighted; text in <textarea>, <input value>, contenteditable regions, <script>, <noscript> and
 * <template> is not. Hovering a highlighted name inside a shadow root opens its card, as anywhere else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './support/browsers';
import { startServer, type StaticServer } from './support/server';
import { readHighlightRanges, sleep, useBrowser, waitForCard } from './support/pages';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Shadow roots and skipped text</title>
  <link rel="icon" href="data:,">
  <style>body { font: 18px/1.5 Georgia, serif; margin: 24px; } [contenteditable] { border: 1px solid #ccc; }</style>
</head>
<body>
  <p id="control">Marco Rubio spoke first.</p>

  <news-card id="scripted"></news-card>
  <script>
    customElements.define('news-card', class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML =
          '<style>p { color: #333; }</style><p>Inside a shadow root, Kirill Dmitriev said the talks went well.</p>';
      }
    });
  </script>

  <div id="declarative">
    <template shadowrootmode="open"><p>Yuri Ushakov spoke from a declarative shadow root.</p><slot></slot></template>
    <span>Slotted light text names nobody.</span>
  </div>

  <form>
    <textarea id="ta">Steve Witkoff in a textarea</textarea>
    <input id="in" value="Vladimir Putin in an input">
  </form>
  <div id="ce1" contenteditable="true">Volodymyr Zelensky in an editor</div>
  <div id="ce2" contenteditable>Jared Kushner in another editor</div>
  <div id="ce3" contenteditable="plaintext-only">Donald Trump in a plain-text editor</div>
  <script>/* Sergey Lavrov */ window.someVariable = 'Dmitry Peskov';</script>
  <noscript>Emmanuel Macron in noscript</noscript>
  <template id="tpl"><p>Keir Starmer in a template</p></template>
</body>
</html>`;

/** In document order; the two shadow-root names follow the light-DOM control. */
const EXPECTED = [
  { text: 'Marco Rubio', isInShadow: false, ownerId: 'control' },
  { text: 'Kirill Dmitriev', isInShadow: true, ownerId: 'scripted' },
  { text: 'Yuri Ushakov', isInShadow: true, ownerId: 'declarative' },
];
const SKIPPED = [
  'Steve Witkoff',
  'Vladimir Putin',
  'Volodymyr Zelensky',
  'Jared Kushner',
  'Donald Trump',
  'Sergey Lavrov',
  'Dmitry Peskov',
  'Emmanuel Macron',
  'Keir Starmer',
];

let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/shadow.html', PAGE);
});

afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);

  it(`${browserName}: names in open shadow roots are highlighted; form fields, editors, script, noscript, template are not`, async () => {
    const page = await browser().openPage(server.url('/shadow.html'));
    try {
      const hasDeclarative = await page.evaluate(
        () => document.getElementById('declarative')?.shadowRoot !== null,
      );
      const ranges = await page.poll(readHighlightRanges, 'dramatis', {
        until: (r) => r !== null && r.length >= EXPECTED.length,
        timeoutMs: 10_000,
      });
      await sleep(500); // anything highlighted late counts too
      const settled = (await page.evaluate(readHighlightRanges, 'dramatis')) ?? ranges ?? [];
      const found = settled
        .map(({ text, isInShadow, ownerId }) => ({ text, isInShadow, ownerId }))
        .sort((a, b) => a.text.localeCompare(b.text));
      console.log(
        `[${browserName}] declarative shadow root attached: ${hasDeclarative}; highlighted: ${JSON.stringify(found)}`,
      );
      expect(hasDeclarative, 'the browser attached the declarative shadow root').toBe(true);
      expect(found).toEqual([...EXPECTED].sort((a, b) => a.text.localeCompare(b.text)));
      for (const name of SKIPPED)
        expect(
          found.map((f) => f.text),
          `${name} must not be highlighted`,
        ).not.toContain(name);
    } finally {
      await page.close();
    }
  });

  it(`${browserName}: hovering a highlighted name inside an open shadow root opens its card`, async () => {
    const page = await browser().openPage(server.url('/shadow.html'));
    try {
      await page.poll(readHighlightRanges, 'dramatis', {
        until: (r) => r !== null && r.some((x) => x.text === 'Kirill Dmitriev'),
        timeoutMs: 10_000,
      });
      const spot = await page.evaluate(() => {
        const p = document.getElementById('scripted')!.shadowRoot!.querySelector('p')!;
        const text = p.firstChild as Text;
        const at = text.data.indexOf('Kirill Dmitriev');
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + 'Kirill Dmitriev'.length);
        const rect = range.getClientRects()[0]!;
        const x = rect.left + rect.width / 2;
        const y = rect.top + rect.height / 2;
        // What the caret APIs report at that point, without and with the shadow root (for the report).
        const doc = document as Document & {
          caretPositionFromPoint?: (x: number, y: number, o?: unknown) => { offsetNode: Node } | null;
        };
        const describe = (n: Node | undefined | null) =>
          !n ? null : n.nodeType === 3 ? `#text(${(n as Text).data.slice(0, 20)})` : (n as Element).localName;
        const plain = doc.caretPositionFromPoint?.(x, y)?.offsetNode;
        let withShadow: Node | undefined;
        try {
          withShadow = doc.caretPositionFromPoint?.(x, y, { shadowRoots: [p.getRootNode()] })?.offsetNode;
        } catch {
          withShadow = undefined;
        }
        return { x, y, caret: describe(plain), caretWithShadowRoots: describe(withShadow) };
      });
      console.log(
        `[${browserName}] caretPositionFromPoint over the shadow-root name: ${JSON.stringify(spot)}`,
      );
      await page.hover(spot.x, spot.y);
      const card = await waitForCard(page, 3_000, 'kirill-dmitriev');
      expect(card.person, 'hovering a name inside a shadow root opens its card').toBe('kirill-dmitriev');
    } finally {
      await page.close();
    }
  });
});
