/**
 * Runs inside each bench page (bundled by bench/build-harness.ts into an IIFE and injected after the
 * page has loaded). It builds the content script's REAL Session (page/session.ts) with the matcher
 * from the build's matcher index and the knowledge base as bundled (data/bundle.ts); its timing
 * reaches the bench through the Session's `timing` option. Exposes window.__bench.
 *
 * Every contestant starts on a freshly loaded page (the runner reloads between runs), so mark.js and
 * the per-name highlighter, which rewrite the DOM, never see each other's output, and Dramatis (which
 * does not touch the DOM) is measured on the same DOM as the others.
 */
import { blockPosition, walkTextBlocks } from '../core/dom-text';
import { buildMatcher, matcherFromIndex, resolveMentions, scanText } from '../core/matcher';
import { DEFAULT_SETTINGS } from '../core/settings';
import { spotPage, type RunStep } from '../core/spot-page';
import { normalizeText } from '../core/text-normalize';
import { OTHER_GIVEN_NAMES, PEOPLE } from '../data/bundle';
import { getPersonName, MATCHER_INDEX } from '../data/matcher-index';
import { BUNDLED_CARD_MODULE } from '../page/bundled-cards';
import { HighlightPainter, HIGHLIGHT_NAMES } from '../page/highlights';
import { toLiveRange } from '../page/hit-test';
import { makeMentionRange, type PageMention } from '../page/page-mentions';
import { scheduleBackground, scheduleIdle, scheduleTask } from '../page/schedule';
import { Session, type SessionTiming } from '../page/session';

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

/** A card step as the Session reports it through `timing.onCard`. */
type CardHook = NonNullable<SessionTiming['onCard']>;

interface DramatisState {
  session: Session;
  painter: HighlightPainter;
  stats: TaskStats;
  /** Every task PageMentions ran (its first chunk included), as reported through `timing.onTask`. */
  scanTasks: { maxMs: number; sumMs: number };
  paint: { calls: number; ms: number; maxRanges: number };
  /** Where the card steps go (runCards sets it). */
  onCard: CardHook | undefined;
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
 * Starts Dramatis as the content script does (entrypoints/content/index.ts): the matcher from the
 * build's index, then the real Session with the default settings and the bundled cards. The painter is
 * passed in so that runHighlightChange can reach it; timing comes through the Session's `timing`
 * option: timers around each task it schedules (with the extension's own schedulers: scheduleTask for
 * first-pass chunks, scheduleIdle for DOM changes, scheduleBackground for a backlog of them), its MutationObserver callbacks and its repaints.
 */
function startDramatis(): { t0: number; setupMs: number; matcherMs: number } {
  const stats = new TaskStats();
  const paint = { calls: 0, ms: 0, maxRanges: 0 };
  const scanTasks = { maxMs: 0, sumMs: 0 };
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
  const session = new Session({
    root: document.body,
    matcher,
    settings: { ...DEFAULT_SETTINGS },
    loadCard: () => Promise.resolve(BUNDLED_CARD_MODULE),
    nameOf: getPersonName,
    reportCount: () => undefined,
    hideSite: () => undefined,
    painter,
    timing: {
      scheduleChunk: timed(scheduleTask),
      scheduleMutations: timed(scheduleIdle),
      scheduleBacklog: timed(scheduleBackground),
      onTask: (ms) => {
        scanTasks.sumMs += ms;
        scanTasks.maxMs = Math.max(scanTasks.maxMs, ms);
      },
      onObserved: (ms) => {
        stats.observerCalls++;
        stats.observerMs += ms;
      },
      onPainted: (ms, { added, removed }) => {
        paint.ms += ms;
        paint.calls++;
        painted += added.length - removed.length;
        paint.maxRanges = Math.max(paint.maxRanges, painted);
      },
      onCard: (step, ms, mention) => dramatis?.onCard?.(step, ms, mention),
    },
  });
  const setupMs = now() - t0;
  dramatis = { session, painter, stats, scanTasks, paint, onCard: undefined };
  return { t0, setupMs, matcherMs };
}

/** Dramatis on the whole page: start -> first pass complete (all ranges built) -> the frame that paints them. */
async function runDramatis() {
  const longtasks = observeLongTasks();
  const { t0, setupMs, matcherMs } = startDramatis();
  const d = dramatis!;
  await d.session.firstPass;
  const tDone = now();
  // On a page with many mentions the painter registers those near the viewport when its
  // IntersectionObserver reports (after the next rendering step): the painted frame is the one after.
  const registeredSize = () =>
    (CSS.highlights.get(HIGHLIGHT_NAMES.underline) as Highlight | undefined)?.size ?? 0;
  const isWaiting = registeredSize() === 0 && d.session.mentions().length > 0;
  let frame = await afterFrame();
  if (isWaiting) {
    for (let i = 0; i < 5 && registeredSize() === 0; i++) frame = await afterFrame();
    frame = await afterFrame();
  }
  const registered = registeredSize();
  const lt = longtasks.stop();
  const mentions = d.session.mentions();
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
    pageMentionsLongestTaskMs: round(d.scanTasks.maxMs),
    pageMentionsTotalTaskMs: round(d.scanTasks.sumMs),
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
  const { session, painter } = dramatis;
  const mention = session.mentions()[0];
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
  return { samples, registered, mentions: session.mentions().length };
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
 * Where Dramatis's first pass spends its time, step by step: the real whole-page pass (`spotPage`:
 * walk, scan, resolve, each step timed), normalizeText alone, the ranges (makeMentionRange, as
 * PageMentions builds them) and HighlightPainter, each once over the whole page (unchunked). The real,
 * chunked Session is profiled by the runner (V8 CPU profile).
 */
async function profileDramatis() {
  const out: Record<string, unknown> = {};
  let t = now();
  const matcher = matcherFromIndex(MATCHER_INDEX, PEOPLE);
  out.buildMatcherMs = round(now() - t);
  const timeStep: RunStep = (step, run) => {
    const started = now();
    const result = run();
    // `resolveOnceMs` is the name the runner reports.
    out[step === 'resolve' ? 'resolveOnceMs' : `${step}Ms`] = round(now() - started);
    if (step === 'scan') out.candidates = (result as unknown[][]).reduce((n, c) => n + c.length, 0);
    return result;
  };
  const spotted = spotPage(matcher, document.body, timeStep);
  out.blocks = spotted.length;
  out.blockChars = spotted.reduce((n, { block }) => n + block.text.length, 0);
  t = now();
  for (const { block } of spotted) normalizeText(block.text);
  out.normalizeMs = round(now() - t);
  t = now();
  const ranges = spotted.flatMap(({ block, mentions }) =>
    mentions.flatMap((m) => makeMentionRange(block, m) ?? []),
  );
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

/** A point inside the first line box of a mention, or undefined when it has none (hidden). */
function pointOn(mention: PageMention): { x: number; y: number } | undefined {
  const rect = [...toLiveRange(document, mention.range).getClientRects()].find((r) => r.width > 0);
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : undefined;
}

/**
 * Opens cards through the real Session, as a reader does: a pointermove over a name (the Session's
 * throttling, caret hit test and HoverIntent, whose `prepare` renders the card unseen during the
 * delay), then Escape and the pointer leaving. The Session reports each card step through
 * `timing.onCard`; the clock starts when the hover delay has elapsed (the card is shown).
 */
async function runCards(opens: number) {
  const d = dramatis;
  if (!d) throw new Error('runDramatis first');
  let prepareMs = 0;
  let paintMs = 0;
  let onShown: ((r: Record<string, unknown>) => void) | undefined;
  d.onCard = (step, ms, mention) => {
    if (step === 'prepare') prepareMs = ms;
    else if (step === 'painted') paintMs = ms;
    else {
      const t0 = now() - ms;
      const shown = onShown;
      onShown = undefined;
      void (async () => {
        const rendered = now();
        const frame = await afterFrame();
        const host = document.querySelector('dramatis-ui');
        const frameEl = host?.shadowRoot?.querySelector<HTMLElement>('.dr-frame');
        shown?.({
          person: 'mention' in mention ? mention.mention.person : mention.quote.speaker,
          prepareMs: round(prepareMs),
          syncMs: round(ms),
          renderedMs: round(rendered - t0),
          rafMs: round(frame.raf - t0),
          paintedMs: round(frame.done - t0),
          cardUiLastPaintMs: round(paintMs),
          placed: frameEl?.dataset.placed === 'true',
          visible: frameEl ? getComputedStyle(frameEl).visibility === 'visible' : false,
          cardHeight: Math.round(frameEl?.getBoundingClientRect().height ?? 0),
        });
      })();
    }
  };
  const seen = new Set<string>();
  const targets = d.session
    .mentions()
    .filter((m) => !seen.has(m.mention.person) && seen.add(m.mention.person));
  const limitMs = DEFAULT_SETTINGS.hoverDelayMs + 3000;
  const results: Record<string, unknown>[] = [];
  for (let i = 0, tries = 0; results.length < opens && targets.length > 0 && tries < opens * 3; tries++) {
    const m = targets[i++ % targets.length]!;
    m.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    await afterFrame();
    await afterFrame();
    const point = pointOn(m);
    if (!point) continue;
    const result = new Promise<Record<string, unknown> | undefined>((resolve) => {
      onShown = resolve;
      setTimeout(() => resolve(undefined), limitMs);
    });
    const hoverAt = now();
    prepareMs = 0;
    paintMs = 0;
    document.dispatchEvent(
      new PointerEvent('pointermove', { clientX: point.x, clientY: point.y, bubbles: true }),
    );
    const r = await result;
    onShown = undefined;
    if (r) {
      r.delayMs = round(now() - hoverAt);
      r.isFirst = results.length === 0;
      results.push(r);
    }
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape' }));
    document.dispatchEvent(new PointerEvent('pointerout', { relatedTarget: null }));
    await sleep(50);
  }
  d.onCard = undefined;
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
  const before = dramatis?.session.mentions().length ?? 0;
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
    mentionsAfter: dramatis?.session.mentions().length ?? 0,
    paragraphs: feed.children.length,
    firstPassMs: first?.ms,
  };
}

/**
 * Waits until Dramatis has caught up with every change (Session.isSettled, and no task for 100 ms),
 * or until `limitMs` passed; without Dramatis, waits `quietMs`. Returns whether it caught up.
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
    const isSettled = dramatis?.session.isSettled() ?? true;
    if (isSettled && now() - Math.max(stats.lastEnd, from) > 100) return true;
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
  const tickerMentions = dramatis?.session
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
