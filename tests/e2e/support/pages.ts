/**
 * Page builders and page-side probes for the page-behaviour acceptance tests (tests/e2e/page-*.e2e.test.ts).
 *
 * - Builders turn the knowledge base's source articles (and small scenarios) into realistic HTML pages.
 * - Probes are self-contained functions run in the page's own JavaScript with `page.evaluate`/`page.poll`:
 *   they must not refer to anything outside their own body.
 * - A few helpers drive the real mouse and keyboard through the raw playwright/puppeteer page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { parseMarked } from '../../support/marked';
import { launchBrowser, type BrowserName, type E2EBrowser, type E2EPage } from './browsers';
import { PROJECT_ROOT } from './paths';

/** The five source articles, in order. */
export const ARTICLE_IDS = [
  '000_3cc1c4cc7cf39fe5',
  '001_9c4c8f1c2ef386b9',
  '002_508fa90569225c0e',
  '003_e5f86a3492c09562',
  '004_11d8a4770e6080f9',
] as const;

/** Fixture pages of these tests (served by the tests' static server). */
export const PAGES_DIR = join(PROJECT_ROOT, 'tests', 'fixtures', 'pages');
/** Screenshots and other artefacts (gitignored). */
export const ARTIFACTS_DIR = join(PROJECT_ROOT, 'tests', 'e2e', '.artifacts');

// ---------------------------------------------------------------------------------------------------------
// Browser lifetime

/**
 * Launches `name` (with the extension, or with `launch`: the injection tier's plain browsers) in beforeAll
 * and closes it in afterAll of the surrounding describe block; the returned function gives the browser
 * inside tests.
 */
export function useBrowser(name: BrowserName): () => E2EBrowser;
export function useBrowser<B extends { close(): Promise<void> }>(
  name: BrowserName,
  launch: (name: BrowserName) => Promise<B>,
): () => B;
export function useBrowser(
  name: BrowserName,
  launch: (name: BrowserName) => Promise<{ close(): Promise<void> }> = launchBrowser,
): () => { close(): Promise<void> } {
  let browser: { close(): Promise<void> } | undefined;
  beforeAll(async () => {
    browser = await launch(name);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error(`${name} did not start`);
    return browser;
  };
}

// ---------------------------------------------------------------------------------------------------------
// HTML

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/** A mention located in a page's text blocks: the block's index, the offset in its text, the text. */
export interface BlockMention {
  block: number;
  start: number;
  text: string;
}

/** A hand-annotated mention of an article, located in the article page's blocks. */
export interface ExpectedMention extends BlockMention {
  person: string;
}

export interface ArticlePage {
  id: string;
  html: string;
  /** The printed headline (first line) or our neutral one. */
  headline: string;
  isHeadlineFromText: boolean;
  /** The article's blocks in order: the <h1>, then one <p> per non-empty line. */
  blocks: string[];
  /** Every annotated mention, located in `blocks`, in document order. */
  expected: ExpectedMention[];
}

const NEUTRAL_HEADLINE = 'Diplomacy over the war in Ukraine: the latest';

/** True when an article's first line reads as a headline: short, no final full stop, mostly capitalised. */
export function looksLikeHeadline(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > 120) return false;
  if (/[.!?:;,"”’]$/.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length < 3 || words.length > 20) return false;
  const capitalised = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  return capitalised / words.length >= 0.6;
}

/**
 * Turns `data/sources/<id>.txt` into a realistic article page: site header and navigation, an <article>
 * with an <h1> (the first line if it looks like a headline, otherwise a neutral one) and one <p> per
 * non-empty line, an aside and a footer. Nothing outside the article names a person. The hand annotations
 * (`tests/fixtures/articles/<id>.marked.txt`) are converted to the same (block, offset, text) form.
 */
export function buildArticlePage(id: string): ArticlePage {
  const source = readFileSync(join(PROJECT_ROOT, 'data', 'sources', `${id}.txt`), 'utf8');
  const marked = readFileSync(
    join(PROJECT_ROOT, 'tests', 'fixtures', 'articles', `${id}.marked.txt`),
    'utf8',
  );
  const { text, mentions } = parseMarked(marked);
  if (text !== source) throw new Error(`${id}: the marked fixture does not strip back to the source`);

  // Lines with their offsets in the text.
  const lines: { text: string; start: number }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line, start: at });
    at += line.length + 1;
  }
  const nonEmpty = lines.filter((l) => l.text.trim().length > 0);
  const first = nonEmpty[0];
  const isHeadlineFromText = first !== undefined && looksLikeHeadline(first.text);
  const headline = isHeadlineFromText && first ? first.text : NEUTRAL_HEADLINE;
  // Block 0 is the <h1>; each remaining non-empty line is a <p>.
  const located: { text: string; start: number; block: number }[] = [];
  const blocks = [headline];
  nonEmpty.forEach((line, i) => {
    if (i === 0 && isHeadlineFromText) {
      located.push({ ...line, block: 0 });
      return;
    }
    located.push({ ...line, block: blocks.length });
    blocks.push(line.text);
  });
  const expected: ExpectedMention[] = mentions.map((m) => {
    const line = located.find((l) => l.start <= m.start && m.end <= l.start + l.text.length);
    if (!line) throw new Error(`${id}: mention ${m.surface} at ${m.start} is not inside one line`);
    return { block: line.block, start: m.start - line.start, text: m.surface, person: m.person };
  });

  const paragraphs = blocks
    .slice(1)
    .map((p) => `      <p>${escapeHtml(p)}</p>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(headline)} | The Evening Ledger</title>
  <style>
    body { margin: 0; font: 18px/1.6 Georgia, 'Times New Roman', serif; color: #222; background: #fff; }
    .masthead { border-bottom: 3px double #222; padding: 12px 24px; display: flex; gap: 24px; align-items: baseline; }
    .masthead .logo { font: 700 26px/1 'Helvetica Neue', Arial, sans-serif; color: #111; text-decoration: none; }
    .masthead nav a { margin-right: 14px; color: #444; font: 14px Arial, sans-serif; text-decoration: none; }
    .layout { display: flex; gap: 40px; max-width: 1100px; margin: 0 auto; padding: 24px; }
    article { flex: 1 1 680px; max-width: 680px; }
    article h1 { font-size: 34px; line-height: 1.2; margin: 0 0 18px; }
    aside { flex: 0 0 240px; font: 14px/1.4 Arial, sans-serif; color: #555; }
    aside li { margin-bottom: 10px; }
    footer { border-top: 1px solid #ccc; padding: 16px 24px; font: 13px Arial, sans-serif; color: #666; }
  </style>
</head>
<body>
  <header class="masthead">
    <a class="logo" href="/">The Evening Ledger</a>
    <nav aria-label="Sections">
      <a href="/world">World</a><a href="/europe">Europe</a><a href="/politics">Politics</a>
      <a href="/business">Business</a><a href="/opinion">Opinion</a>
    </nav>
  </header>
  <div class="layout">
    <main>
    <article>
      <h1>${escapeHtml(headline)}</h1>
${paragraphs}
    </article>
    </main>
    <aside aria-label="Most read">
      <h2>Most read</h2>
      <ol>
        <li><a href="/a">Winter storms close mountain passes</a></li>
        <li><a href="/b">Central bank holds rates steady</a></li>
        <li><a href="/c">Grain exports rise for a third month</a></li>
      </ol>
    </aside>
  </div>
  <footer>
    <p>&copy; 2025 The Evening Ledger &middot; <a href="/about">About us</a> &middot;
      <a href="/contact">Contact</a> &middot; <a href="/privacy">Privacy</a></p>
  </footer>
</body>
</html>
`;
  return { id, html, headline, isHeadlineFromText, blocks, expected };
}

/**
 * A person's quoted words from one source (data/people/<id>.json): direct and partial quotes, which the
 * card shows word for word in “…” (a paraphrase is never in quotation marks).
 */
export function directQuotes(person: string, source: string): { id: string; text: string }[] {
  const json = JSON.parse(readFileSync(join(PROJECT_ROOT, 'data', 'people', `${person}.json`), 'utf8')) as {
    quotes: { id: string; kind: string; text: string; source: string }[];
  };
  return json.quotes
    .filter((q) => (q.kind === 'direct' || q.kind === 'partial') && q.source === source)
    .map(({ id, text }) => ({ id, text }));
}

/** Sort key of a located mention. */
export function mentionKey(m: BlockMention): string {
  return `${String(m.block).padStart(4, '0')}:${String(m.start).padStart(6, '0')}:${m.text}`;
}

// ---------------------------------------------------------------------------------------------------------
// Probes (run in the page)

/** Range of a highlight as the page sees it. */
export interface PageRange {
  text: string;
  /** False when the range's nodes left the document (a stale range). */
  isConnected: boolean;
  /** True when the range's start is inside a shadow root. */
  isInShadow: boolean;
  /** `id` of the nearest element with one around the start (shadow hosts count), or ''. */
  ownerId: string;
  startOffset: number;
}

/**
 * The ranges of highlight `name` in document order (null when it is not registered), read in the page.
 * Works for StaticRanges and live Ranges.
 */
export function readHighlightRanges(name: string): PageRange[] | null {
  const highlight = CSS.highlights.get(name);
  if (!highlight) return null;
  const out: (PageRange & { live: Range | null })[] = [];
  for (const r of highlight as unknown as Iterable<AbstractRange>) {
    const isConnected = r.startContainer.isConnected && r.endContainer.isConnected;
    let live: Range | null = null;
    let text = '';
    try {
      live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      text = live.toString();
    } catch {
      live = null;
      text = '<invalid range>';
    }
    const root = r.startContainer.getRootNode();
    let ownerId = '';
    for (let n: Node | null = r.startContainer; n;) {
      if (n.nodeType === 1 && (n as Element).id) {
        ownerId = (n as Element).id;
        break;
      }
      n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null);
    }
    out.push({
      text,
      isConnected,
      isInShadow: root instanceof ShadowRoot,
      ownerId,
      startOffset: r.startOffset,
      live,
    });
  }
  out.sort((a, b) => {
    if (!a.live || !b.live) return 0;
    try {
      return a.live.compareBoundaryPoints(Range.START_TO_START, b.live);
    } catch {
      return 0; // different trees (a shadow root): keep registration order
    }
  });
  return out.map(({ live: _live, ...rest }) => rest);
}

/**
 * The ranges of highlight `name` located in the article's blocks (`article h1, article p`): block index
 * (-1 outside the article), start offset in the block's text, and text. Null when not registered.
 */
export function readArticleHighlight(name: string): BlockMention[] | null {
  const highlight = CSS.highlights.get(name);
  if (!highlight) return null;
  const blocks = [...document.querySelectorAll('article h1, article p')];
  const out: BlockMention[] = [];
  for (const r of highlight as unknown as Iterable<AbstractRange>) {
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    const node = r.startContainer;
    const element = (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('h1, p') ?? null;
    const block = element ? blocks.indexOf(element) : -1;
    let start = -1;
    if (element && block >= 0) {
      const before = document.createRange();
      before.setStart(element, 0);
      before.setEnd(r.startContainer, r.startOffset);
      start = before.toString().length;
    }
    out.push({ block, start, text: live.toString() });
  }
  return out;
}

/**
 * Scrolls block `block` of the article so that [start, start+length) of its text is in view and returns
 * the middle of that range's first client rect (viewport coordinates), or null.
 */
export function locateArticleText(arg: {
  block: number;
  start: number;
  length: number;
  scroll: boolean;
}): { x: number; y: number; text: string } | null {
  const element = document.querySelectorAll('article h1, article p')[arg.block];
  if (!element) return null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let offset = 0;
  let startNode: Text | null = null;
  let startOffset = 0;
  let endNode: Text | null = null;
  let endOffset = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const len = n.data.length;
    if (!startNode && arg.start < offset + len) {
      startNode = n;
      startOffset = arg.start - offset;
    }
    if (!endNode && arg.start + arg.length <= offset + len) {
      endNode = n;
      endOffset = arg.start + arg.length - offset;
    }
    offset += len;
  }
  if (!startNode || !endNode) return null;
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  if (arg.scroll) {
    const rect = range.getBoundingClientRect();
    window.scrollBy(0, rect.top - window.innerHeight / 3);
  }
  const first = range.getClientRects()[0];
  if (!first) return null;
  return { x: first.left + first.width / 2, y: first.top + first.height / 2, text: range.toString() };
}

/** The middle of the first client rect of the first occurrence of `text` in element `#id` (or null). */
export function locateText(arg: {
  id: string;
  text: string;
  occurrence?: number;
}): { x: number; y: number } | null {
  const element = document.getElementById(arg.id);
  if (!element) return null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    let from = 0;
    for (;;) {
      const at = n.data.indexOf(arg.text, from);
      if (at < 0) break;
      if (seen === (arg.occurrence ?? 0)) {
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + arg.text.length);
        const rect = range.getClientRects()[0];
        if (!rect) return null;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      seen++;
      from = at + 1;
    }
  }
  return null;
}

/** What the page card shows, read through the host's open shadow root. */
export interface CardState {
  hostCount: number;
  isOpen: boolean;
  isPlaced: boolean;
  person: string | null;
  name: string | null;
  role: string | null;
  labelledBy: string | null;
  /** Text of the element aria-labelledby points at (in the shadow root), and its tag. */
  labelText: string | null;
  labelTag: string | null;
  quotes: { id: string; text: string }[];
  rect: { left: number; top: number; width: number; height: number; right: number; bottom: number } | null;
  viewport: { width: number; height: number };
  fontSize: string | null;
  nameRect: { width: number; height: number } | null;
  nameVisibility: string | null;
  frameOpacity: string | null;
  frameDisplay: string | null;
}

/** Reads the card (see CardState). Runs in the page. */
export function readCard(): CardState {
  const hosts = document.querySelectorAll('dramatis-ui');
  const root = hosts[0]?.shadowRoot ?? null;
  const frame = root?.querySelector<HTMLElement>('.dr-frame') ?? null;
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  if (!frame) {
    return {
      hostCount: hosts.length,
      isOpen: false,
      isPlaced: false,
      person: null,
      name: null,
      role: null,
      labelledBy: null,
      labelText: null,
      labelTag: null,
      quotes: [],
      rect: null,
      viewport,
      fontSize: null,
      nameRect: null,
      nameVisibility: null,
      frameOpacity: null,
      frameDisplay: null,
    };
  }
  const card = frame.querySelector('article.dr-card');
  const name = frame.querySelector<HTMLElement>('.dr-name');
  const labelledBy = frame.getAttribute('aria-labelledby');
  const label = labelledBy && root ? root.getElementById(labelledBy) : null;
  const r = frame.getBoundingClientRect();
  const style = getComputedStyle(frame);
  const nameBox = name?.getBoundingClientRect();
  return {
    hostCount: hosts.length,
    isOpen: true,
    isPlaced: frame.dataset.placed === 'true',
    person: card?.getAttribute('data-person') ?? null,
    name: name?.textContent ?? null,
    role: frame.getAttribute('role'),
    labelledBy,
    labelText: label?.textContent ?? null,
    labelTag: label?.localName ?? null,
    quotes: [...frame.querySelectorAll<HTMLElement>('li.dr-quote')].map((li) => ({
      id: li.getAttribute('data-quote') ?? '',
      text: li.innerText,
    })),
    rect: { left: r.left, top: r.top, width: r.width, height: r.height, right: r.right, bottom: r.bottom },
    viewport,
    fontSize: style.fontSize,
    nameRect: nameBox ? { width: nameBox.width, height: nameBox.height } : null,
    nameVisibility: name ? getComputedStyle(name).visibility : null,
    frameOpacity: style.opacity,
    frameDisplay: style.display,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Input

interface RawKeyboard {
  down(key: string): Promise<void>;
  up(key: string): Promise<void>;
}

/**
 * Presses a chord such as ['Alt', 'Shift', 'KeyN'] or ['Escape'] with real key events: the keys go down
 * in order and come up in reverse. Works with playwright and puppeteer pages alike.
 */
export async function pressKeys(page: E2EPage, keys: readonly string[]): Promise<void> {
  const keyboard = (page.raw as unknown as { keyboard: RawKeyboard }).keyboard;
  for (const key of keys) await keyboard.down(key);
  for (const key of [...keys].reverse()) await keyboard.up(key);
}

/** Clicks at viewport coordinates with the real mouse. */
export async function clickAt(page: E2EPage, x: number, y: number): Promise<void> {
  const mouse = (page.raw as unknown as { mouse: { click(x: number, y: number): Promise<void> } }).mouse;
  await mouse.click(x, y);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until the card is open and placed (or `timeoutMs` passes) and returns what it shows. */
export function waitForCard(page: E2EPage, timeoutMs = 3_000, person?: string): Promise<CardState> {
  return page.poll(readCard, undefined, {
    until: (s) => s.isOpen && s.isPlaced && (person === undefined || s.person === person),
    timeoutMs,
    everyMs: 50,
  });
}

/** Waits until no card frame is rendered (or `timeoutMs` passes). */
export function waitForNoCard(page: E2EPage, timeoutMs = 2_000): Promise<CardState> {
  return page.poll(readCard, undefined, { until: (s) => !s.isOpen, timeoutMs, everyMs: 50 });
}

/** Collects the page's console errors and uncaught page errors as seen by the driver (both browsers). */
export function collectConsoleErrors(page: E2EPage): string[] {
  const errors: string[] = [];
  const raw = page.raw as unknown as {
    on(event: 'console', listener: (message: { type(): string; text(): string }) => void): unknown;
    on(event: 'pageerror', listener: (error: unknown) => void): unknown;
  };
  raw.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  raw.on('pageerror', (error) =>
    errors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`),
  );
  return errors;
}

/** Where the open card sits against the mention it describes (the `dramatis-active` range), in the page. */
export interface Placement {
  frame: { left: number; top: number; right: number; bottom: number } | null;
  /** The client rects of the active mention. */
  mention: { left: number; top: number; right: number; bottom: number }[];
  viewport: { width: number; height: number };
  /** True when the frame's box intersects one of the mention's rects. */
  isCoveringMention: boolean;
}

export function readPlacement(): Placement {
  const frame = document.querySelector('dramatis-ui')?.shadowRoot?.querySelector('.dr-frame') ?? null;
  const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const f = frame ? box(frame.getBoundingClientRect()) : null;
  const mention: Placement['mention'] = [];
  const active = CSS.highlights.get('dramatis-active');
  if (active) {
    for (const r of active as unknown as Iterable<AbstractRange>) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      for (const rect of live.getClientRects()) mention.push(box(rect));
    }
  }
  const isCoveringMention =
    f !== null &&
    mention.some((m) => m.left < f.right && f.left < m.right && m.top < f.bottom && f.top < m.bottom);
  return { frame: f, mention, viewport: { width: innerWidth, height: innerHeight }, isCoveringMention };
}
