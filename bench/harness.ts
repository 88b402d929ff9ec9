/**
 * Runs inside each bench page (bundled by bench/build-harness.ts into an IIFE and injected after the
 * page has loaded). It imports the extension's REAL modules: PageMentions, HighlightPainter, CardUi,
 * matcherFromIndex with the build's matcher index, and the knowledge base as bundled (data/bundle.ts).
 * Exposes window.__bench.
 *
 * Every contestant starts on a freshly loaded page (the runner reloads between runs), so mark.js and
 * the per-name highlighter, which rewrite the DOM, never see each other's output, and Dramatis (which
 * does not touch the DOM) is measured on the same DOM as the others.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { blockPosition, walkTextBlocks, type TextBlock } from '../core/dom-text';
import { CLOSE_DELAY_MS, HoverIntent } from '../core/hover-intent';
import { buildMatcher, matcherFromIndex, resolveMentions, scanText } from '../core/matcher';
import { DEFAULT_SETTINGS } from '../core/settings';
import { normalizeText } from '../core/text-normalize';
import { OTHER_GIVEN_NAMES, PEOPLE } from '../data/bundle';
import { MATCHER_INDEX } from '../data/matcher-index';
import { buildCardRequest } from '../entrypoints/content/card-request';
import { CardUi, type CardRequest } from '../entrypoints/content/card-ui';
import { HighlightPainter, HIGHLIGHT_NAMES } from '../entrypoints/content/highlights';
import {
  PageMentions,
  scheduleIdle,
  scheduleTask,
  type MentionsChange,
  type PageMention,
} from '../entrypoints/content/page-mentions';

declare const Mark: new (ctx: Element) => {
  mark: (terms: string[], options: Record<string, unknown>) => void;
  markRegExp: (re: RegExp, options: Record<string, unknown>) => void;
};

const now = () => performance.now();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** Resolves after the next frame has been produced (rAF, then a task queued from inside it). */
function afterFrame(): Promise<{ raf: number; done: number }> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const raf = now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve({ raf, done: now() });
      ch.port2.postMessage(0);
    });
  });
}

/** Collects 'longtask' entries (Long Tasks API) from now on. */
function observeLongTasks(): { stop: () => { count: number; maxMs: number; sumMs: number } } {
  const entries: PerformanceEntry[] = [];
  let observer: PerformanceObserver | undefined;
  try {
    observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
    observer.observe({ type: 'longtask', buffered: false });
  } catch {
    observer = undefined;
  }
  return {
    stop: () => {
      if (observer) entries.push(...observer.takeRecords());
      observer?.disconnect();
      return {
        count: entries.length,
        maxMs: round(entries.reduce((m, e) => Math.max(m, e.duration), 0)),
        sumMs: round(entries.reduce((s, e) => s + e.duration, 0)),
      };
    },
  };
}

/** Task accounting for Dramatis: every task it schedules, plus its MutationObserver callbacks. */
class TaskStats {
  count = 0;
  sumMs = 0;
  maxMs = 0;
  lastEnd = 0;
  durations: number[] = [];
  observerCalls = 0;
  observerMs = 0;
  add(ms: number): void {
    this.count++;
    this.sumMs += ms;
    if (ms > this.maxMs) this.maxMs = ms;
    if (this.durations.length < 10_000) this.durations.push(ms);
    this.lastEnd = now();
  }
  reset(): void {
    this.count = 0;
    this.sumMs = 0;
    this.maxMs = 0;
    this.durations = [];
    this.observerCalls = 0;
    this.observerMs = 0;
  }
}

interface DramatisState {
  page: PageMentions;
  painter: HighlightPainter;
  stats: TaskStats;
  paint: { calls: number; ms: number; maxRanges: number };
}
let dramatis: DramatisState | undefined;

/** The page's text, as the floor reads it. */
function runFloor() {
  const t0 = now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    chars += (n as Text).data.length;
    nodes++;
  }
  const ms = now() - t0;
  // A second, stricter floor on the now-warm DOM: read every character too (the official floor
  // above reads only each node's length, which V8 answers without touching the characters).
  const t1 = now();
  const w2 = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let sum = 0;
  for (let n = w2.nextNode(); n; n = w2.nextNode()) {
    const data = (n as Text).data;
    for (let i = 0; i < data.length; i++) sum = (sum + data.charCodeAt(i)) | 0;
  }
  const charsMs = now() - t1;
  return { ms: round(ms), nodes, chars, readCharsMs: round(charsMs), checksum: sum };
}

/** Page facts (for the report): text nodes, non-blank text nodes, characters, elements. */
function pageFacts() {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let nonBlank = 0;
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes++;
    chars += (n as Text).data.length;
    if (/\S/.test((n as Text).data)) nonBlank++;
  }
  return {
    textNodes: nodes,
    nonBlankTextNodes: nonBlank,
    chars,
    elements: document.body.querySelectorAll('*').length,
  };
}

/**
 * Starts Dramatis as the content script's Session does (entrypoints/content/dramatis.ts): build the
 * matcher, a HighlightPainter with the default style, a PageMentions whose onChange updates the
 * painter with the added and removed ranges. The only additions are timers around each task it
 * schedules (with the extension's own schedulers: scheduleTask for first-pass chunks, scheduleIdle
 * for DOM changes) and around its MutationObserver callback.
 */
function startDramatis(): { t0: number; setupMs: number; matcherMs: number } {
  const stats = new TaskStats();
  const paint = { calls: 0, ms: 0, maxRanges: 0 };
  const t0 = now();
  const matcher = matcherFromIndex(MATCHER_INDEX, PEOPLE);
  const matcherMs = now() - t0;
  const painter = new HighlightPainter(DEFAULT_SETTINGS.highlightStyle);
  const timed =
    (schedule: (task: () => void) => void) =>
    (task: () => void): void =>
      schedule(() => {
        const s = now();
        try {
          task();
        } finally {
          stats.add(now() - s);
        }
      });
  let painted = 0;
  const page = new PageMentions(document.body, matcher, {
    onChange: ({ added, removed }: MentionsChange) => {
      const s = now();
      painter.update(
        added.map((m) => m.range),
        removed.map((m) => m.range),
      );
      paint.ms += now() - s;
      paint.calls++;
      painted += added.length - removed.length;
      paint.maxRanges = Math.max(paint.maxRanges, painted);
    },
    scheduleChunk: timed(scheduleTask),
    scheduleMutations: timed(scheduleIdle),
  });
  // Time the MutationObserver callback too (it is part of Dramatis's main-thread cost).
  const p = page as unknown as { record: (r: MutationRecord[]) => void };
  const record = p.record.bind(page);
  p.record = (records: MutationRecord[]) => {
    const s = now();
    try {
      record(records);
    } finally {
      stats.observerCalls++;
      stats.observerMs += now() - s;
    }
  };
  page.start();
  const setupMs = now() - t0;
  dramatis = { page, painter, stats, paint };
  return { t0, setupMs, matcherMs };
}

/** Dramatis on the whole page: start -> first pass complete (all ranges built) -> the frame that paints them. */
async function runDramatis() {
  const longtasks = observeLongTasks();
  const { t0, setupMs, matcherMs } = startDramatis();
  const d = dramatis!;
  await d.page.firstPass;
  const tDone = now();
  // On a page with many mentions the painter registers those near the viewport when its
  // IntersectionObserver reports (after the next rendering step): the painted frame is the one after.
  const registeredSize = () =>
    (CSS.highlights.get(HIGHLIGHT_NAMES.underline) as Highlight | undefined)?.size ?? 0;
  const isWaiting = registeredSize() === 0 && d.page.mentions().length > 0;
  let frame = await afterFrame();
  if (isWaiting) {
    for (let i = 0; i < 5 && registeredSize() === 0; i++) frame = await afterFrame();
    frame = await afterFrame();
  }
  const registered = registeredSize();
  const lt = longtasks.stop();
  const mentions = d.page.mentions();
  const perPerson: Record<string, number> = {};
  for (const m of mentions) perPerson[m.mention.person] = (perPerson[m.mention.person] ?? 0) + 1;
  return {
    ms: round(tDone - t0),
    paintedMs: round(frame.done - t0),
    matcherMs: round(matcherMs),
    setupMs: round(setupMs),
    tasks: d.stats.count,
    mainThreadMs: round(setupMs + d.stats.sumMs),
    longestTaskMs: round(Math.max(setupMs, d.stats.maxMs)),
    pageMentionsLongestTaskMs: round(d.page.longestTaskMs),
    pageMentionsTotalTaskMs: round((d.page as { totalTaskMs?: number }).totalTaskMs ?? NaN),
    longtask: lt,
    taskDurationsMs: d.stats.durations.map((x) => round(x, 1)),
    paintCalls: d.paint.calls,
    paintMs: round(d.paint.ms),
    mentions: mentions.length,
    registeredRanges: registered,
    people: Object.keys(perPerson).length,
    perPerson,
  };
}

/**
 * What a hover costs the page after the first pass: the active highlight changes (as when a card opens),
 * and the browser re-validates every registered range. Time from the change to the next frame, `times`
 * times, on a mention near the top of the page.
 */
async function runHighlightChange(times: number) {
  if (!dramatis) throw new Error('runDramatis first');
  const { page, painter } = dramatis;
  const mention = page.mentions()[0];
  if (!mention) throw new Error('no mention on the page');
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    await afterFrame();
    const t = now();
    painter.setActive(mention.range);
    samples.push(round((await afterFrame()).done - t));
    painter.setActive(undefined);
    await afterFrame();
  }
  const registered = (CSS.highlights.get(HIGHLIGHT_NAMES.underline) as Highlight | undefined)?.size ?? 0;
  return { samples, registered, mentions: page.mentions().length };
}

/** Every alias of the knowledge base plus every full name (what a peer extension would search for). */
function allTerms(): string[] {
  const terms = new Set<string>();
  for (const p of PEOPLE) {
    terms.add(p.name);
    for (const a of p.aliases) terms.add(a.text);
  }
  return [...terms].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

const LIMITERS = [
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  '"',
  "'",
  '’',
  '‘',
  '“',
  '”',
  '(',
  ')',
  '[',
  ']',
  '-',
  '–',
  '—',
  '/',
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alternation of every term, longest first, not touching a letter or digit on either side. */
function termsRegExp(terms: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** mark.js with one regular expression (one alternation of all the terms): one DOM pass. */
async function runMarkRegExp() {
  const longtasks = observeLongTasks();
  const t0 = now();
  const re = termsRegExp(allTerms());
  let marked = 0;
  await new Promise<void>((resolve) =>
    new Mark(document.body).markRegExp(re, {
      exclude: ['script', 'style', 'noscript', 'textarea'],
      done: (n: number) => {
        marked = n;
        resolve();
      },
    }),
  );
  const tDone = now();
  const frame = await afterFrame();
  return {
    ms: round(tDone - t0),
    paintedMs: round(frame.done - t0),
    marks: marked,
    markElements: document.querySelectorAll('mark').length,
    longtask: longtasks.stop(),
  };
}

/** mark.js over all the terms (one DOM pass per term, as mark.js does), wrapping matches in <mark>. */
async function runMarkJs() {
  const longtasks = observeLongTasks();
  const t0 = now();
  const terms = allTerms();
  let marked = 0;
  await new Promise<void>((resolve) =>
    new Mark(document.body).mark(terms, {
      separateWordSearch: false,
      accuracy: { value: 'exactly', limiters: LIMITERS },
      exclude: ['script', 'style', 'noscript', 'textarea'],
      done: (n: number) => {
        marked = n;
        resolve();
      },
    }),
  );
  const tDone = now();
  const frame = await afterFrame();
  return {
    ms: round(tDone - t0),
    paintedMs: round(frame.done - t0),
    terms: terms.length,
    marks: marked,
    markElements: document.querySelectorAll('mark').length,
    longtask: longtasks.stop(),
  };
}

/**
 * The peers' design: one regular expression per person; for each person, walk every text node
 * (TreeWalker) and wrap each match in a <span>, splitting text nodes.
 */
async function runPerName() {
  const longtasks = observeLongTasks();
  const t0 = now();
  let spans = 0;
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA']);
  for (const person of PEOPLE) {
    const terms = [...new Set([person.name, ...person.aliases.map((a) => a.text)])].sort(
      (a, b) => b.length - a.length,
    );
    const re = termsRegExp(terms);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => {
        const parent = n.parentElement;
        if (!parent || skip.has(parent.tagName) || parent.classList.contains('pn-hl'))
          return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    for (const node of nodes) {
      const data = node.data;
      re.lastIndex = 0;
      const matches: [number, number][] = [];
      for (let m = re.exec(data); m; m = re.exec(data)) matches.push([m.index, m.index + m[0].length]);
      // Wrap from the end so that earlier offsets stay valid.
      for (let k = matches.length - 1; k >= 0; k--) {
        const [start, end] = matches[k]!;
        const middle = node.splitText(start);
        middle.splitText(end - start);
        const span = document.createElement('span');
        span.className = 'pn-hl';
        span.dataset.person = person.id;
        middle.replaceWith(span);
        span.append(middle);
        spans++;
      }
    }
  }
  const tDone = now();
  const frame = await afterFrame();
  return { ms: round(tDone - t0), paintedMs: round(frame.done - t0), spans, longtask: longtasks.stop() };
}

/**
 * Where Dramatis's first pass spends its time, step by step: the real walkTextBlocks, normalizeText,
 * scanText, resolveMentions, blockPosition + StaticRange and HighlightPainter, each timed once over
 * the whole page (unchunked). The real, chunked PageMentions is profiled by the runner (V8 CPU profile).
 */
async function profileDramatis() {
  const out: Record<string, unknown> = {};
  // One unchunked pass, step by step.
  let t = now();
  const matcher = matcherFromIndex(MATCHER_INDEX, PEOPLE);
  out.buildMatcherMs = round(now() - t);
  t = now();
  const blocks: TextBlock[] = [];
  for (const b of walkTextBlocks(document.body)) blocks.push(b);
  out.walkMs = round(now() - t);
  out.blocks = blocks.length;
  out.blockChars = blocks.reduce((s, b) => s + b.text.length, 0);
  t = now();
  for (const b of blocks) normalizeText(b.text);
  out.normalizeMs = round(now() - t);
  t = now();
  const candidates = blocks.map((b) => scanText(matcher, b.text));
  out.scanMs = round(now() - t);
  out.candidates = candidates.reduce((s, c) => s + c.length, 0);
  t = now();
  const resolved = resolveMentions(candidates);
  out.resolveOnceMs = round(now() - t);
  t = now();
  const ranges: StaticRange[] = [];
  resolved.forEach((mentions, i) => {
    const block = blocks[i]!;
    for (const m of mentions) {
      const s = blockPosition(block, m.start, false);
      const e = blockPosition(block, m.end, true);
      ranges.push(
        new StaticRange({
          startContainer: s.node,
          startOffset: s.offset,
          endContainer: e.node,
          endOffset: e.offset,
        }),
      );
    }
  });
  out.rangesMs = round(now() - t);
  out.mentions = ranges.length;
  const painter = new HighlightPainter(DEFAULT_SETTINGS.highlightStyle);
  t = now();
  painter.update(ranges, []);
  out.paintOnceMs = round(now() - t);
  const f = await afterFrame();
  out.firstFrameAfterPaintMs = round(f.done - t);
  painter.clear();
  return out;
}

/**
 * Opens cards the way the content script's Session does: the real HoverIntent (its delay, and its
 * `prepare` hook that renders the card unseen while the pointer rests), then Session.cardRequest +
 * showCard (buildCardModel, describeMatch, detectPageTheme, painter.setActive, CardUi.open). The clock
 * starts when the hover delay has elapsed (HoverIntent calls `open`).
 */
async function runCards(opens: number) {
  if (!dramatis) throw new Error('runDramatis first');
  const { page, painter } = dramatis;
  const settings = { ...DEFAULT_SETTINGS };
  // A minimal ContentScriptContext: what CardUi reads of it.
  const ctx = {
    isInvalid: false,
    isValid: true,
    onInvalidated: () => () => undefined,
  } as unknown as ContentScriptContext;
  const card = new CardUi(ctx, {
    onClose: () => undefined,
    onHideSite: () => undefined,
    onPointerEnter: () => undefined,
    onPointerLeave: () => undefined,
  });
  const cardRequest = (mention: PageMention, shouldFocus: boolean): CardRequest | undefined =>
    buildCardRequest(mention, settings, shouldFocus);
  let onOpened: ((r: Record<string, unknown>) => void) | undefined;
  let prepareMs = 0;
  const cardWithPrepare = card as unknown as { prepare?: (r: CardRequest) => void };
  const intent = new HoverIntent<PageMention>({
    openDelayMs: () => settings.hoverDelayMs,
    closeDelayMs: CLOSE_DELAY_MS,
    isSame: (a, b) => a.block === b.block && a.mention.start === b.mention.start,
    prepare: (mention) => {
      const s = now();
      const request = cardRequest(mention, false);
      if (request && typeof cardWithPrepare.prepare === 'function') cardWithPrepare.prepare(request);
      prepareMs = now() - s;
    },
    open: (mention) => {
      // === Session.showCard ===
      const t0 = now();
      const request = cardRequest(mention, false)!;
      painter.setActive(mention.range);
      const opened = card.open(request);
      const syncMs = now() - t0;
      void opened.then(async () => {
        const rendered = now();
        const frame = await afterFrame();
        const host = document.querySelector('dramatis-ui');
        const frameEl = host?.shadowRoot?.querySelector<HTMLElement>('.dr-frame');
        onOpened?.({
          person: mention.mention.person,
          prepareMs: round(prepareMs),
          syncMs: round(syncMs),
          renderedMs: round(rendered - t0),
          rafMs: round(frame.raf - t0),
          paintedMs: round(frame.done - t0),
          cardUiLastPaintMs: round(card.lastPaintMs),
          placed: frameEl?.dataset.placed === 'true',
          visible: frameEl ? getComputedStyle(frameEl).visibility === 'visible' : false,
          cardHeight: Math.round(frameEl?.getBoundingClientRect().height ?? 0),
        });
      });
    },
    close: () => {
      painter.setActive(undefined);
      card.close();
    },
    timers: { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h as number) },
  });
  const seen = new Set<string>();
  const targets = page.mentions().filter((m) => !seen.has(m.mention.person) && seen.add(m.mention.person));
  const results: Record<string, unknown>[] = [];
  for (let i = 0; i < opens && targets.length > 0; i++) {
    const m = targets[i % targets.length]!;
    m.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    await afterFrame();
    await afterFrame();
    const result = new Promise<Record<string, unknown>>((r) => (onOpened = r));
    const hoverAt = now();
    prepareMs = 0;
    intent.pointerOn(m);
    const r = await result;
    r.delayMs = round(now() - hoverAt);
    r.isFirst = i === 0;
    results.push(r);
    intent.dismiss();
    intent.pointerOn(undefined);
    await sleep(50);
  }
  card.destroy();
  return results;
}

/** Heartbeat: a 5 ms interval; the largest gap between beats shows how long the main thread was busy. */
function heartbeat() {
  let last = now();
  let maxGap = 0;
  let beats = 0;
  const id = setInterval(() => {
    const t = now();
    if (t - last > maxGap) maxGap = t - last;
    last = t;
    beats++;
  }, 5);
  return {
    stop: () => {
      clearInterval(id);
      return { maxGapMs: round(maxGap), beats };
    },
  };
}

/** Dynamic page 1: append `batches` of paragraphs (fetched from the bench server) every `everyMs`. */
async function runAppend(withDramatis: boolean, everyMs: number) {
  const batches = (await (await fetch('/dyn-batches.json')).json()) as string[];
  const feed = document.getElementById('feed')!;
  let first: Awaited<ReturnType<typeof runDramatis>> | undefined;
  if (withDramatis) first = await runDramatis();
  const stats = dramatis?.stats;
  stats?.reset();
  const before = dramatis?.page.mentions().length ?? 0;
  await sleep(100);
  const longtasks = observeLongTasks();
  const hb = heartbeat();
  const t0 = now();
  let appendMs = 0;
  // Batch i is due at t0 + i * everyMs (the page's own clock, e.g. a live blog's feed): a blocked
  // main thread delays the appends but does not stretch the schedule.
  for (let i = 0; i < batches.length; i++) {
    const wait = t0 + i * everyMs - now();
    if (wait > 0) await sleep(wait);
    const s = now();
    feed.insertAdjacentHTML('beforeend', batches[i]!);
    appendMs += now() - s;
  }
  const appendedAt = now();
  // Let Dramatis catch up (throttle 150 ms), then stop the clock at its last task (or the last append).
  const caughtUp = await waitQuiet(stats, 600);
  const end = Math.max(appendedAt, stats?.lastEnd ?? 0);
  const hbResult = hb.stop();
  const lt = longtasks.stop();
  const wall = end - t0;
  const busy = stats ? stats.sumMs + stats.observerMs : 0;
  return {
    withDramatis,
    wallMs: round(wall),
    appendPhaseMs: round(appendedAt - t0),
    /** From the last append to the end of Dramatis's last task. */
    catchUpMs: round(Math.max(0, (stats?.lastEnd ?? 0) - appendedAt)),
    caughtUp,
    pageAppendMs: round(appendMs),
    dramatisMs: round(busy),
    dramatisTasks: stats?.count ?? 0,
    dramatisLongestTaskMs: round(stats?.maxMs ?? 0),
    observerMs: round(stats?.observerMs ?? 0),
    observerCalls: stats?.observerCalls ?? 0,
    share: wall > 0 ? round(busy / wall, 4) : 0,
    maxHeartbeatGapMs: hbResult.maxGapMs,
    beats: hbResult.beats,
    longtask: lt,
    visibility: document.visibilityState,
    mentionsBefore: before,
    mentionsAfter: dramatis?.page.mentions().length ?? 0,
    paragraphs: feed.children.length,
    firstPassMs: first?.ms,
  };
}

/** Waits until Dramatis has run no task for `quietMs` (or 8 s). */
/**
 * True when Dramatis has nothing left to do: no first pass under way, no changes waiting, no rescan
 * scheduled. Reads PageMentions' private state (bench only); undefined when those fields are gone.
 */
function dramatisIsIdle(): boolean | undefined {
  const p = dramatis?.page as unknown as
    | {
        walker?: unknown;
        dirty?: Set<Node>;
        removed?: Node[];
        pendingContainers?: Node[];
        mutationTimer?: unknown;
      }
    | undefined;
  if (!p || !(p.dirty instanceof Set) || !Array.isArray(p.removed)) return undefined;
  return (
    p.walker === undefined &&
    p.dirty.size === 0 &&
    p.removed.length === 0 &&
    (p.pendingContainers?.length ?? 0) === 0 &&
    p.mutationTimer === undefined
  );
}

/**
 * Waits until Dramatis has caught up with every change (nothing pending, and no task for `quietMs`),
 * or until `limitMs` passed. Returns whether it caught up.
 */
async function waitQuiet(stats: TaskStats | undefined, quietMs: number, limitMs = 10_000): Promise<boolean> {
  const from = now();
  const deadline = from + limitMs;
  if (!stats) {
    await sleep(quietMs);
    return true;
  }
  for (;;) {
    await sleep(50);
    const idle = dramatisIsIdle();
    const quiet = now() - Math.max(stats.lastEnd, from) > quietMs;
    if (idle === true && now() - Math.max(stats.lastEnd, from) > 100) return true;
    if (idle === undefined && quiet) return true;
    if (now() > deadline) return false;
  }
}

/** Dynamic page 2: a ticker rewrites one text node every `everyMs` for `forMs`. */
async function runTicker(withDramatis: boolean, everyMs: number, forMs: number) {
  const ticker = document.getElementById('ticker')!;
  const text = ticker.firstChild as Text;
  let first: Awaited<ReturnType<typeof runDramatis>> | undefined;
  if (withDramatis) first = await runDramatis();
  const stats = dramatis?.stats;
  stats?.reset();
  await sleep(100);
  const longtasks = observeLongTasks();
  const hb = heartbeat();
  const t0 = now();
  let ticks = 0;
  await new Promise<void>((resolve) => {
    const id = setInterval(() => {
      ticks++;
      text.data = `Live ${ticks}: Steve Witkoff and Yuri Ushakov met in Moscow; Peskov spoke at ${ticks % 60} past.`;
      if (now() - t0 >= forMs) {
        clearInterval(id);
        resolve();
      }
    }, everyMs);
  });
  const tickedAt = now();
  const caughtUp = await waitQuiet(stats, 400);
  const end = Math.max(tickedAt, stats?.lastEnd ?? 0);
  const hbResult = hb.stop();
  const lt = longtasks.stop();
  const wall = end - t0;
  const busy = stats ? stats.sumMs + stats.observerMs : 0;
  const tickerMentions = dramatis?.page
    .mentions()
    .filter((m) => ticker.contains(m.range.startContainer)).length;
  return {
    withDramatis,
    wallMs: round(wall),
    ticks,
    caughtUp,
    dramatisMs: round(busy),
    dramatisTasks: stats?.count ?? 0,
    dramatisLongestTaskMs: round(stats?.maxMs ?? 0),
    observerMs: round(stats?.observerMs ?? 0),
    observerCalls: stats?.observerCalls ?? 0,
    share: wall > 0 ? round(busy / wall, 4) : 0,
    maxHeartbeatGapMs: hbResult.maxGapMs,
    beats: hbResult.beats,
    longtask: lt,
    tickerMentions,
    firstPassMs: first?.ms,
  };
}

declare global {
  interface Window {
    __bench: Record<string, (...args: never[]) => unknown>;
  }
}

window.__bench = {
  pageFacts,
  runFloor,
  runDramatis,
  runMarkJs,
  runMarkRegExp,
  runPerName,
  profileDramatis,
  runCards: (opens: number) => runCards(opens),
  runHighlightChange: (times: number) => runHighlightChange(times),
  runAppend: (withDramatis: boolean, everyMs: number) => runAppend(withDramatis, everyMs),
  runTicker: (withDramatis: boolean, everyMs: number, forMs: number) =>
    runTicker(withDramatis, everyMs, forMs),
  terms: () => allTerms(),
};

/** The modules themselves, for ad-hoc investigation (bench/diagnose.ts). */
(window as unknown as Record<string, unknown>).__benchInternals = {
  walkTextBlocks,
  normalizeText,
  scanText,
  resolveMentions,
  buildMatcher,
  PEOPLE,
  OTHER_GIVEN_NAMES,
  HighlightPainter,
  blockPosition,
};
