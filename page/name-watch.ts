/**
 * The first stage on every page (issue 10): reads the page's text through the name gate
 * (core/name-gate.ts) and says once, through `onNames`, that the page may name someone, so that the
 * content script loads the matcher (the second stage, entrypoints/page-session.ts). Until then it watches
 * what the page adds. It never writes to the page. The text it reads is a superset of what the matcher
 * reads (core/dom-text.ts `walkTextBlocks`): every text node under the root and in open shadow roots;
 * script and style text alone is passed over.
 *
 * The page as loaded is read whole, as one string (`pageText`): a walk over its text nodes gives each node a
 * wrapper in the content script's world, which cost a 10,000-node page about 100 ms (bench/results/issue-10.md);
 * the string costs a few. Read whole, a name that markup splits ("<span>P</span>utin") is one word, and
 * where markup glues words ("Talks</h2><p>Putin") the gate counts capitalised words glued
 * (core/name-gate.ts `GateSeams`). Open shadow roots of custom elements are read after it, and what the page
 * adds as it comes: each text node with the end of the text before it (`Carry`), and with the text on
 * either side of the change.
 */
import { isMarkupWordBreak } from '../core/dom-text';
import {
  compileNameGate,
  gateOpens,
  gateOpensIn,
  gateText,
  visibleText,
  type GateText,
  type NameGate,
  type NameGateSource,
} from '../core/name-gate';
import { isSpace, isWordChar } from '../core/text-normalize';

/** What a NameWatch is given. */
export interface NameWatchOptions {
  root: Element;
  /** The bundled people's gate. */
  gate: NameGateSource;
  /** Called once, when the gate opens. */
  onNames: () => void;
  /** Called once the page as loaded has been read and the gate stayed shut (the bench's mark). */
  onShut?: () => void;
  /** How long one task reads before it yields to the page (ms). */
  sliceMs?: number;
}

/** Text that is never the page's words (the gate would open on code). */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'textarea']);
/** How many nodes are read between two looks at the clock. */
const CLOCK_EVERY = 128;

/**
 * The end of the text read so far (invisible characters dropped, a last run of white space as one space),
 * as long as the longest gate word and a space: a name may run on from it into the next text node.
 */
interface Carry {
  readonly text: string;
  /** Where in `text` a text node began (`gateOpens`'s seams). */
  readonly seams: readonly number[];
  /** The last code unit of the last text node, as written (what core/dom-text.ts joins blocks by). */
  readonly last: number;
}

/** The whole page's text (`pageText`), read a window at a time from `next`. */
interface PageJob {
  readonly gates: readonly NameGate[];
  readonly text: GateText;
  next: number;
  /** The page as loaded, read with the bundled gate (not a new gate's pass): its end is `onShut`. */
  readonly isLoad: boolean;
}

/** How much of the page's text one window holds (characters): a few ms of reading. */
const WINDOW = 65_536;

/** Text under one node to read with some gates; `walker` once reading has begun. */
interface Job {
  readonly gates: readonly NameGate[];
  readonly node: Node;
  walker?: TreeWalker;
  /** The end of the text read before the next node (`Carry`). */
  carry?: Carry;
  /** Something the page added or changed: read with the text on either side of it. */
  readonly isChange?: boolean;
  /** The last text node read (where the text after the job begins). */
  lastText?: Text;
}

/**
 * How many text nodes before a change are read for the start of a name, and after it for the rest of one
 * (beyond, a name is not split).
 */
const NODES_AROUND = 8;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const FRAGMENT_NODE = 11;

export class NameWatch {
  private readonly gates: NameGate[];
  private readonly observer: MutationObserver;
  /** What is still to read, in order: the page, open shadow roots, what the page added, a new gate's pass. */
  private jobs: (Job | PageJob)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private isDone = false;

  /** The longest gate word: how much text a carry keeps. */
  private longest: number;
  /** Whether a gate word holds a space (a given name "Mary Ann"): it may run on across white space. */
  private isSpaced: boolean;

  constructor(private readonly options: NameWatchOptions) {
    this.gates = [compileNameGate(options.gate)];
    this.longest = this.gates[0]!.longest;
    this.isSpaced = options.gate.pattern.includes(' ');
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(options.root, { subtree: true, childList: true, characterData: true });
    this.jobs.push(this.pageJob(this.gates, true));
    this.read();
  }

  /** True once the gate has opened (or the watch was stopped). */
  get isStopped(): boolean {
    return this.isDone;
  }

  /** Adds a gate (the people the reader added) and reads the whole page again with it alone. */
  addGate(source: NameGateSource): void {
    if (this.isDone) return;
    const gate = compileNameGate(source);
    this.gates.push(gate);
    this.longest = Math.max(this.longest, gate.longest);
    this.isSpaced ||= source.pattern.includes(' ');
    this.schedule(this.pageJob([gate]));
  }

  /** Stops watching (the gate opened, or the extension went away). */
  stop(): void {
    this.isDone = true;
    this.observer.disconnect();
    clearTimeout(this.timer);
    this.jobs = [];
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData')
        this.schedule({ gates: this.gates, node: record.target, isChange: true });
      else for (const node of record.addedNodes) this.schedule({ gates: this.gates, node, isChange: true });
    }
  }

  /** The page's text as it is now, to read with `gates`. */
  private pageJob(gates: readonly NameGate[], isLoad = false): PageJob {
    return { gates, text: gateText(pageText(this.options.root)), next: 0, isLoad };
  }

  private schedule(job: Job | PageJob): void {
    this.jobs.push(job);
    this.timer ??= setTimeout(() => this.read(), 0);
  }

  /** Reads jobs until none is left or the slice is spent; then yields to the page and goes on. */
  private read(): void {
    this.timer = undefined;
    const deadline = performance.now() + (this.options.sliceMs ?? 8);
    while (this.jobs.length > 0 && !this.isDone) {
      if (!this.run(this.jobs[0]!, deadline)) {
        this.timer = setTimeout(() => this.read(), 0);
        return;
      }
      this.jobs.shift();
    }
  }

  /** Reads one job's text: true when it is done (or the gate opened), false when the slice ran out first. */
  private run(job: Job | PageJob, deadline: number): boolean {
    if ('text' in job) return this.runPage(job, deadline);
    if (!job.walker) {
      const { node } = job;
      if (job.isChange) job.carry = this.carryBefore(node);
      if (node.nodeType === TEXT_NODE) {
        if (!this.visit(job, node)) this.readOnAfter(job);
        return true;
      }
      if (node.nodeType === ELEMENT_NODE && NOT_TEXT.has((node as Element).localName)) return true;
      if (node.nodeType !== ELEMENT_NODE && node.nodeType !== FRAGMENT_NODE) return true;
      job.walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      if (this.visit(job, node)) return true;
    }
    let count = 0;
    for (let node = job.walker.nextNode(); node !== null; node = job.walker.nextNode()) {
      if (this.visit(job, node)) return true;
      if (++count % CLOCK_EVERY === 0 && performance.now() > deadline) return false;
    }
    this.readOnAfter(job);
    return true;
  }

  /** Reads the page's text a window at a time; then the open shadow roots (the text does not hold them). */
  private runPage(job: PageJob, deadline: number): boolean {
    const { gates, text } = job;
    const { length } = text.visible;
    while (job.next < length) {
      const from = job.next;
      job.next = Math.min(length, from + WINDOW);
      if (gates.some((gate) => gateOpensIn(gate, text, 'unknown', from, job.next))) {
        this.open();
        return true;
      }
      if (job.next < length && performance.now() > deadline) return false;
    }
    const roots = openShadowRoots(this.options.root);
    for (const root of roots) this.jobs.push({ gates, node: root });
    if (roots.length === 0 && job.isLoad) this.options.onShut?.();
    return true;
  }

  /** The gate opened: the watch ends and says so. */
  private open(): void {
    this.stop();
    this.options.onNames();
  }

  /** Tests a text node (with the carry before it), or queues an element's open shadow root; true when the gate opened. */
  private visit(job: Job, node: Node): boolean {
    if (node.nodeType !== TEXT_NODE) {
      // A <br> is a line break in a block (core/dom-text.ts): "Rustem<br>Umirov" is a near naming.
      if (job.carry && (node as Element).localName === 'br')
        job.carry = carryAfter(job.carry, '\n', '\n', this.longest);
      const shadow = (node as Element).shadowRoot;
      if (shadow) this.jobs.push({ gates: job.gates, node: shadow });
      return false;
    }
    const text = node as Text;
    const { data } = text;
    if (data.length === 0) return false; // as core/dom-text.ts: no node of a block
    job.lastText = text;
    const visible = visibleText(data);
    const { carry } = job;
    if (isBlank(visible)) {
      // White space (between a page's elements, mostly) opens nothing: the carry ends with one space.
      if (carry && isSpace(carry.text.charCodeAt(carry.text.length - 1)))
        job.carry = { ...carry, last: data.charCodeAt(data.length - 1) };
      else if (carry) job.carry = carryAfter(carry, data, visible, this.longest);
      return false;
    }
    // The node alone, and the names that may run on into it from the carry (short: the node's start alone).
    const across =
      carry && mayRunOn(carry, visible, this.isSpaced)
        ? readAfter(carry, data, visible.slice(0, headLength(visible, this.longest)))
        : undefined;
    job.carry = carryAfter(carry, data, visible, this.longest);
    const opens = (gate: NameGate) =>
      gateOpens(gate, visible) || (across !== undefined && gateOpens(gate, across.read, across.seams));
    if (!job.gates.some(opens)) return false;
    const parent = text.parentElement?.localName;
    if (parent !== undefined && NOT_TEXT.has(parent)) {
      job.carry = undefined; // code that names someone begins no name in the page's text
      return false;
    }
    this.open();
    return true;
  }

  /** The carry of the text nodes right before `node` on the page (a change may end a name they begin). */
  private carryBefore(node: Node): Carry | undefined {
    const walker = document.createTreeWalker(this.options.root, NodeFilter.SHOW_TEXT);
    walker.currentNode = node;
    const before: Text[] = [];
    let length = 0;
    for (let n = walker.previousNode(); n && before.length < NODES_AROUND; n = walker.previousNode()) {
      const text = n as Text;
      before.unshift(text);
      length += text.data.trim().length;
      if (length > this.longest) break;
    }
    let carry: Carry | undefined;
    for (const { data } of before)
      if (data.length > 0) carry = carryAfter(carry, data, visibleText(data), this.longest);
    return carry;
  }

  /**
   * After a change, reads the text nodes that follow it with the change's end, as far as a name begun in the
   * change may run ("President P" written into the first of "…P", "u", "tin"): nodes up to the longest
   * gate word's length, as `carryBefore` reads before it.
   */
  private readOnAfter(job: Job): void {
    if (!job.isChange || !job.carry || this.isDone) return;
    const walker = document.createTreeWalker(this.options.root, NodeFilter.SHOW_TEXT);
    walker.currentNode = job.lastText ?? job.node;
    let length = 0;
    for (let n = walker.nextNode(), count = 0; n && count < NODES_AROUND; n = walker.nextNode(), count++) {
      if (this.visit(job, n)) return;
      length += (n as Text).data.trim().length;
      if (length > this.longest) return;
    }
  }
}

/** What is never the page's words, as a selector (`NOT_TEXT`). */
const NOT_TEXT_SELECTOR = [...NOT_TEXT].join(',');

/**
 * The text of `root`'s text nodes in document order, joined (its `textContent`), without the text of
 * script, style, noscript and textarea elements: the text between them is read with a Range.
 */
export function pageText(root: Element): string {
  const skipped = root.querySelectorAll(NOT_TEXT_SELECTOR);
  if (skipped.length === 0) return root.textContent ?? '';
  const range = root.ownerDocument.createRange();
  range.setStart(root, 0);
  const parts: string[] = [];
  let previous: Element | undefined;
  for (const element of skipped) {
    if (previous?.contains(element)) continue;
    range.setEndBefore(element);
    parts.push(range.toString());
    range.setStartAfter(element);
    previous = element;
  }
  range.setEnd(root, root.childNodes.length);
  parts.push(range.toString());
  return parts.join('');
}

/**
 * Every HTML element's name, and SVG's and MathML's usual ones: an element named otherwise is a custom
 * element (a name with a hyphen), the kind of element that holds a page's text in a shadow root. The
 * commonest come first: the selector stops at the first name an element has (twice as fast on the bench's
 * 10,000-node page as in alphabetical order).
 */
const KNOWN_ELEMENTS =
  'div span p a li td tr br img i b em strong ul ol table tbody th thead tfoot h1 h2 h3 h4 h5 h6 section ' +
  'article header footer nav main aside figure figcaption picture source time small button label input ' +
  'form select option svg path g use meta link script style noscript iframe blockquote cite q hr pre code ' +
  'dl dt dd sup sub u s mark abbr caption col colgroup address area audio video track canvas embed object ' +
  'param map base bdi bdo big center data datalist del details summary dfn dialog dir fieldset legend font ' +
  'frame frameset head hgroup html ins kbd marquee menu meter nobr optgroup output progress rp rt ruby ' +
  'samp search slot strike template textarea title tt var wbr acronym circle rect line polyline polygon ' +
  'ellipse symbol defs text tspan clipPath mask image foreignObject math mi mn mo mrow body';
const CUSTOM_ELEMENTS = `:not(${KNOWN_ELEMENTS.split(' ').join(',')})`;

/**
 * The open shadow roots of the custom elements under `root` (one selector: no walk over every element).
 * Shadow roots that built-in elements host, rare in a page's text, are read only as the page adds them.
 */
function openShadowRoots(root: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const element of root.querySelectorAll(CUSTOM_ELEMENTS))
    if (element.shadowRoot) roots.push(element.shadowRoot);
  return roots;
}

/**
 * Text of a node (`visible`, its data without invisible characters) read after the carry: joined as
 * core/dom-text.ts joins two text nodes of a block (a line break where markup glued two words), with the
 * seams of the carry and the one where the node begins.
 */
function readAfter(carry: Carry, data: string, visible: string): { read: string; seams: readonly number[] } {
  const glue = isMarkupWordBreak(carry.last, data.charCodeAt(0)) ? '\n' : '';
  return { read: carry.text + glue + visible, seams: [...carry.seams, carry.text.length + glue.length] };
}

const NO_SEAMS: readonly number[] = [];

/** True for white space alone (not for an empty text: invisible characters alone join what is around them). */
function isBlank(visible: string): boolean {
  for (let i = 0; i < visible.length; i++) if (!isSpace(visible.charCodeAt(i))) return false;
  return visible.length > 0;
}

const APOSTROPHES = new Set([0x27, 0x2019, 0x2bc, 0x2018]);
const isUpper = (code: number) => {
  const ch = String.fromCharCode(code);
  return ch !== ch.toLowerCase();
};

/**
 * Whether a name begun in the carry may run on into a node's text: a word going on across the seam, or
 * across white space a given name and the capital after it (`gateOpens`), unless a gate word holds a space.
 */
function mayRunOn(carry: Carry, visible: string, isSpaced: boolean): boolean {
  const { text } = carry;
  if (isSpaced || (!isSpace(text.charCodeAt(text.length - 1)) && !isSpace(visible.charCodeAt(0))))
    return true;
  let i = 0;
  while (i < visible.length && isSpace(visible.charCodeAt(i))) i++;
  if (i === visible.length || !isUpper(visible.charCodeAt(i))) return false;
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  const before = text.charCodeAt(end - 1);
  return end > 0 && (isWordChar(before) || APOSTROPHES.has(before));
}

/**
 * How much of a node's start a name begun in the carry may reach: a word of at most `longest`
 * characters, and for a given name the white space and the capital after it.
 */
function headLength(visible: string, longest: number): number {
  let end = Math.min(longest, visible.length);
  while (end < visible.length && isWordChar(visible.charCodeAt(end))) end++;
  while (end < visible.length && isSpace(visible.charCodeAt(end))) end++;
  return Math.min(end + 1, visible.length);
}

/**
 * The carry after a node (`visible`: its data without invisible characters): the last `longest` + 1
 * characters read, a last run of white space as one space.
 */
function carryAfter(carry: Carry | undefined, data: string, visible: string, longest: number): Carry {
  let end = visible.length;
  while (end > 0 && isSpace(visible.charCodeAt(end - 1))) end--;
  const last = data.charCodeAt(data.length - 1);
  // A node longer than the carry is its own carry; a shorter one is read after the carry before it.
  if (!carry || end > longest) {
    const start = Math.max(0, end - longest - 1);
    return { text: visible.slice(start, end) + (end < visible.length ? ' ' : ''), seams: NO_SEAMS, last };
  }
  const { read, seams } = readAfter(carry, data, visible);
  end += read.length - visible.length;
  while (end > 0 && isSpace(read.charCodeAt(end - 1))) end--;
  const start = Math.max(0, end - longest - 1);
  return {
    text: read.slice(start, end) + (end < read.length ? ' ' : ''),
    seams: seams.filter((s) => s > start && s <= end).map((s) => s - start),
    last,
  };
}
