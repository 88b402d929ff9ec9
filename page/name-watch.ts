/**
 * The first stage on every page (issue 10): reads the page's text through the name gate
 * (core/name-gate.ts) and says once, through `onNames`, that the page may name someone, so that the
 * content script loads the matcher (the second stage, entrypoints/page-session.ts). Until then it watches
 * what the page adds. It never writes to the page. The text it reads is a superset of what the matcher
 * reads (core/dom-text.ts `walkTextBlocks`): every text node under the root and in open shadow roots;
 * script and style text alone is passed over.
 */
import { compileNameGate, gateOpens, type NameGate, type NameGateSource } from '../core/name-gate';

/** What a NameWatch is given. */
export interface NameWatchOptions {
  root: Element;
  /** The bundled people's gate. */
  gate: NameGateSource;
  /** Called once, when the gate opens. */
  onNames: () => void;
  /** How long one task reads before it yields to the page (ms). */
  sliceMs?: number;
}

/** Text that is never the page's words (the gate would open on code). */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'textarea']);
/** How many nodes are read between two looks at the clock. */
const CLOCK_EVERY = 128;

/** Text under one node to read with some gates; `walker` once reading has begun. */
interface Job {
  readonly gates: readonly NameGate[];
  readonly node: Node;
  walker?: TreeWalker;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const FRAGMENT_NODE = 11;

export class NameWatch {
  private readonly gates: NameGate[];
  private readonly observer: MutationObserver;
  /** What is still to read, in order: the page, open shadow roots, what the page added, a new gate's pass. */
  private jobs: Job[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private isDone = false;

  constructor(private readonly options: NameWatchOptions) {
    this.gates = [compileNameGate(options.gate)];
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(options.root, { subtree: true, childList: true, characterData: true });
    this.jobs.push({ gates: this.gates, node: options.root });
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
    this.schedule({ gates: [gate], node: this.options.root });
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
      if (record.type === 'characterData') this.schedule({ gates: this.gates, node: record.target });
      else for (const node of record.addedNodes) this.schedule({ gates: this.gates, node });
    }
  }

  private schedule(job: Job): void {
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
  private run(job: Job, deadline: number): boolean {
    if (!job.walker) {
      const { node } = job;
      if (node.nodeType === TEXT_NODE) {
        this.visit(job, node);
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
    return true;
  }

  /** Tests a text node, or queues an element's open shadow root; true when the gate opened. */
  private visit(job: Job, node: Node): boolean {
    if (node.nodeType !== TEXT_NODE) {
      const shadow = (node as Element).shadowRoot;
      if (shadow) this.jobs.push({ gates: job.gates, node: shadow });
      return false;
    }
    const text = node as Text;
    if (!job.gates.some((gate) => gateOpens(gate, text.data))) return false;
    const parent = text.parentElement?.localName;
    if (parent !== undefined && NOT_TEXT.has(parent)) return false;
    this.stop();
    this.options.onNames();
    return true;
  }
}
