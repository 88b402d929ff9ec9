/**
 * The mentions of one page, kept current: a chunked first pass over the page's text blocks, a
 * MutationObserver that rescans only what changed (throttled and time-sliced, so a live ticker or a
 * page appending thousands of paragraphs costs a bounded share of the main thread), and the ranges
 * that paint them. Never modifies the page's DOM.
 *
 * Only blocks that hold a candidate are kept: on a news page most text names nobody, and keeping
 * nothing for it keeps memory, mutation handling and hit testing proportional to the names.
 */
import {
  blockPosition,
  isInSkippedSubtree,
  isInlineElement,
  walkTextBlocks,
  UI_HOST_TAG,
  type TextBlock,
} from '../core/dom-text';
import type { NameCorrection } from '../core/corrections';
import { resolveMentions, scanText, type Candidate, type Matcher, type Mention } from '../core/matcher';
import { scheduleBackground, scheduleIdle, scheduleTask, type Schedule } from './schedule';

/** One scanned block of the page that holds at least one candidate. */
export interface PageBlock {
  readonly block: TextBlock;
  candidates: Candidate[];
  mentions: PageMention[];
  /** Holds a candidate that decides or depends on anchoring (a name with an ambiguous alias). */
  isAnchorRelevant: boolean;
  /** Holds a bare ambiguous surname: its person depends on the rest of the page. */
  hasBareAmbiguous: boolean;
}

/** A mention on the page, with its range. */
export interface PageMention {
  readonly mention: Mention;
  readonly block: PageBlock;
  readonly range: StaticRange;
}

/** Time one task may spend before yielding to the page (well under the 50 ms long-task line). */
const TASK_BUDGET_MS = 8;
/** Minimum pause between two rescans of a mutating page. */
const MUTATION_THROTTLE_MS = 150;
/**
 * Mentions one task paints at most (the rest in the next task): painting costs the session some
 * microseconds a mention (its painter tracks each range's element), and a backlog can hold thousands.
 */
const PAINT_SLICE = 800;
/** During a long first pass, what is found so far is painted at most this often. */
const PROGRESSIVE_PAINT_MS = 250;

/** What changed in the painted ranges. */
export interface MentionsChange {
  added: readonly PageMention[];
  removed: readonly PageMention[];
}

/** Options of a PageMentions. */
export interface PageMentionsOptions {
  /** Called when mentions were added or removed. */
  onChange?: (change: MentionsChange) => void;
  /** How the first pass yields between chunks (default: a new task at once). */
  scheduleChunk?: Schedule;
  /** How DOM changes are processed (default: idle time). */
  scheduleMutations?: Schedule;
  /** How a backlog of DOM changes goes on after its first task (default: behind the page's own tasks). */
  scheduleBacklog?: Schedule;
  now?: () => number;
  /** Called after each task this scanner runs (first-pass chunks, DOM-change passes) with its duration (the bench). */
  onTask?: (ms: number) => void;
  /** Called after each MutationObserver callback with its duration (the bench). */
  onObserved?: (ms: number) => void;
  /** The reader's corrections that hold on this page (core/corrections.ts). */
  corrections?: readonly NameCorrection[];
}

/** Tracks the mentions of `root` (a document's body) for one matcher. */
export class PageMentions {
  private blocks: PageBlock[] = [];
  private readonly blockOfNode = new WeakMap<Text, PageBlock>();
  private observer: MutationObserver | undefined;
  private dirty = new Set<Node>();
  private removed: Node[] = [];
  /** Containers found dirty but not rescanned yet (time slicing). */
  private pendingContainers: Node[] = [];
  private lastMutationRun = -Infinity;
  /** Blocks a DOM-change task scanned (fresh) or found gone, not resolved yet (the next task starts with them). */
  private pendingChanges: { fresh: PageBlock[]; gone: PageBlock[] } | undefined;
  /** A DOM-change task resolved what is to be painted now (in this task or, past its budget, the next). */
  private isChangePaintDue = false;
  private mutationTimer: ReturnType<typeof setTimeout> | undefined;
  private walker: Generator<TextBlock> | undefined;
  private pendingFirstPass: PageBlock[] = [];
  private lastProgressivePaint = 0;
  /** The first pass has found what is to be painted now (in this task or, past its budget, the next). */
  private isPaintDue = false;
  private stopped = false;
  private all: PageMention[] | undefined = [];
  private readonly scheduleChunk: Schedule;
  private readonly scheduleMutations: Schedule;
  private readonly scheduleBacklog: Schedule;
  private readonly now: () => number;
  /** Open shadow roots that hold mentions: caret hit testing must be told about them. */
  readonly shadowRoots = new Set<ShadowRoot>();
  /** Resolves when the first pass has finished. */
  firstPass: Promise<void>;
  private finishFirstPass: () => void = () => {};
  private corrections: readonly NameCorrection[];

  constructor(
    private readonly root: Node,
    private readonly matcher: Matcher,
    private readonly options: PageMentionsOptions = {},
  ) {
    this.scheduleChunk = options.scheduleChunk ?? scheduleTask;
    this.scheduleMutations = options.scheduleMutations ?? scheduleIdle;
    this.scheduleBacklog = options.scheduleBacklog ?? scheduleBackground;
    this.now = options.now ?? (() => performance.now());
    this.firstPass = new Promise((resolve) => (this.finishFirstPass = resolve));
    this.corrections = options.corrections ?? [];
  }

  /** Takes the page's corrections as they are now: every block is resolved again (a rare event). */
  setCorrections(corrections: readonly NameCorrection[]): void {
    if (JSON.stringify(corrections) === JSON.stringify(this.corrections)) return;
    this.corrections = corrections;
    if (!this.stopped) this.update(this.blocks);
  }

  /** Starts the first pass and the observer. */
  start(): void {
    this.walker = walkTextBlocks(this.root);
    const { onObserved } = this.options;
    this.observer = new MutationObserver(
      onObserved
        ? (records) => {
            const started = this.now();
            this.record(records);
            onObserved(this.now() - started);
          }
        : (records) => this.record(records),
    );
    this.observer.observe(this.root, { subtree: true, childList: true, characterData: true });
    // The first chunk runs in this task and is painted at once: it holds the top of the page, the
    // reader's view on a page just opened, so those names show in the first frame; the rest, if any,
    // follows in later tasks, painted every PROGRESSIVE_PAINT_MS.
    this.lastProgressivePaint = -Infinity;
    this.continueFirstPass();
  }

  /** Stops observing and forgets every mention. */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    if (this.mutationTimer !== undefined) clearTimeout(this.mutationTimer);
    const removed = this.mentions();
    this.blocks = [];
    this.all = [];
    this.heldChange = { added: new Set(), removed: [] };
    this.options.onChange?.({ added: [], removed });
    this.finishFirstPass();
  }

  /** Rescans the whole page from scratch (a single-page app navigated). */
  rescanAll(): void {
    if (this.stopped) return;
    const removed = this.mentions();
    this.blocks = [];
    this.all = [];
    this.dirty.clear();
    this.removed = [];
    this.pendingContainers = [];
    this.pendingChanges = undefined;
    this.isChangePaintDue = false;
    this.heldChange = { added: new Set(), removed: [] };
    if (removed.length > 0) this.options.onChange?.({ added: [], removed });
    this.walker = walkTextBlocks(this.root);
    this.pendingFirstPass = [];
    this.isPaintDue = false;
    this.firstPass = new Promise((resolve) => (this.finishFirstPass = resolve));
    this.scheduleChunk(() => this.continueFirstPass());
  }

  /** Every mention on the page, in document order. */
  mentions(): readonly PageMention[] {
    this.all ??= this.blocks.flatMap((b) => b.mentions);
    return this.all;
  }

  /** True when every change seen so far has been scanned: no first pass under way, nothing pending. */
  isSettled(): boolean {
    return (
      !this.isFirstPassUnderWay() &&
      this.dirty.size === 0 &&
      this.removed.length === 0 &&
      this.pendingContainers.length === 0 &&
      this.pendingChanges === undefined &&
      !this.isChangePaintDue &&
      this.mutationTimer === undefined
    );
  }

  /** The mention at a caret position (text node + offset), if any. */
  mentionAt(node: Node, offset: number): PageMention | undefined {
    const block = this.blockOfNode.get(node as Text);
    if (!block) return undefined;
    const index = block.block.nodes.indexOf(node as Text);
    if (index < 0) return undefined;
    const at = (block.block.starts[index] ?? 0) + offset;
    return block.mentions.find((m) => m.mention.start <= at && at < m.mention.end);
  }

  /**
   * One task of the first pass. Resolving a chunk's blocks (page-wide when they touch anchoring: every
   * anchor-relevant block seen so far) and painting can each cost as much as scanning on a long page, so
   * a task does them only while within its budget, and leaves the rest to the next task, which starts
   * with it: each task holds about one of the three, not their sum. The first task does all three: it
   * holds the top of the page, the reader's view, painted in the first frame.
   */
  private continueFirstPass(): void {
    if (this.stopped) return;
    const started = this.now();
    const isFirst = this.lastProgressivePaint === -Infinity;
    // A task always does its first step, however long (so that the pass goes on), and the next ones
    // within its budget.
    let isIdle = true;
    const hasTime = () => isFirst || isIdle || this.now() - started <= TASK_BUDGET_MS;
    // What the last task left: resolving its blocks, then painting.
    isIdle = !this.resolveFirstPass();
    if (this.isPaintDue && hasTime()) {
      this.paintFirstPass();
      isIdle = false;
    }
    if (this.walker && !this.isPaintDue && hasTime()) {
      isIdle = false;
      for (;;) {
        const next = this.walker.next();
        if (next.done) {
          this.walker = undefined;
          break;
        }
        const block = this.scanBlock(next.value);
        if (block) {
          this.blocks.push(block);
          this.pendingFirstPass.push(block);
        }
        if (this.now() - started > TASK_BUDGET_MS) break;
      }
      // The highlight is registered at most every PROGRESSIVE_PAINT_MS (each registration makes the
      // browser repaint every range), and once the pass is done.
      this.isPaintDue ||=
        this.walker === undefined || started - this.lastProgressivePaint > PROGRESSIVE_PAINT_MS;
      if (hasTime()) this.resolveFirstPass();
      if (this.isPaintDue && this.pendingFirstPass.length === 0 && hasTime()) this.paintFirstPass();
    }
    this.noteTask(started);
    if (this.isFirstPassUnderWay()) this.scheduleChunk(() => this.continueFirstPass());
    else this.finishFirstPass();
  }

  /** True until the first pass has scanned, resolved and painted the whole page. */
  private isFirstPassUnderWay(): boolean {
    return this.walker !== undefined || this.pendingFirstPass.length > 0 || this.isPaintDue;
  }

  /**
   * Resolves the blocks the first pass found since the last time (ranges included); their change is held.
   * False when there were none.
   */
  private resolveFirstPass(): boolean {
    if (this.pendingFirstPass.length === 0) return false;
    this.update(this.pendingFirstPass, [], true);
    this.pendingFirstPass = [];
    return true;
  }

  /** Paints what the first pass found so far. */
  private paintFirstPass(): void {
    this.isPaintDue = !this.flushChange(PAINT_SLICE);
    this.lastProgressivePaint = this.now();
  }

  private noteTask(started: number): void {
    this.options.onTask?.(this.now() - started);
  }

  /** Scans one block; returns it only when it holds a candidate (and indexes its nodes then). */
  private scanBlock(textBlock: TextBlock): PageBlock | undefined {
    const candidates = scanText(this.matcher, textBlock.text);
    if (candidates.length === 0) return undefined;
    const block: PageBlock = {
      block: textBlock,
      candidates,
      mentions: [],
      isAnchorRelevant: candidates.some((c) => c.entry.needsAnchor),
      hasBareAmbiguous: candidates.some((c) => c.entry.needsAnchor && !c.person && !c.isSomeoneElse),
    };
    for (const node of textBlock.nodes) this.blockOfNode.set(node, block);
    const root = textBlock.nodes[0]?.getRootNode();
    if (root && root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in root)
      this.shadowRoots.add(root as ShadowRoot);
    return block;
  }

  /**
   * What was resolved but not painted yet. A mention that goes before it was painted is taken out of
   * `added` instead of being reported removed: it is never painted (the painter forgets before it adds).
   */
  private heldChange: { added: Set<PageMention>; removed: PageMention[] } = {
    added: new Set(),
    removed: [],
  };

  /**
   * Reports the changes held back by `update(..., true)`: every removal, and at most `limit` of the
   * additions (the rest stay held). True when nothing is left held.
   */
  private flushChange(limit = Infinity): boolean {
    const { added: held, removed } = this.heldChange;
    if (held.size === 0 && removed.length === 0) return true;
    const added: PageMention[] = [];
    for (const mention of held) {
      if (added.length >= limit) break;
      added.push(mention);
    }
    for (const mention of added) held.delete(mention);
    this.heldChange.removed = [];
    this.options.onChange?.({ added, removed });
    return held.size === 0;
  }

  /**
   * Resolves the changed blocks and, because anchoring is page-wide, every block whose people depend
   * on the rest of the page; rebuilds the ranges of blocks whose mentions changed.
   */
  private update(
    changed: readonly PageBlock[],
    removedBlocks: readonly PageBlock[] = [],
    isHeld = false,
  ): void {
    const mustRebuild = new Set(changed);
    // Other blocks need resolving again only when a bare ambiguous surname exists somewhere and
    // the change adds or removes a naming that may anchor it (a feed of full names costs nothing).
    const isAnchoringTouched =
      (changed.some((b) => b.isAnchorRelevant) || removedBlocks.some((b) => b.isAnchorRelevant)) &&
      (changed.some((b) => b.hasBareAmbiguous) || this.blocks.some((b) => b.hasBareAmbiguous));
    // A corrected naming anchors like a namesake's, whatever its alias: with corrections, all of the page.
    const subset =
      this.corrections.length > 0
        ? this.blocks
        : isAnchoringTouched
          ? this.blocks.filter((b) => mustRebuild.has(b) || b.isAnchorRelevant)
          : changed;
    const resolved = resolveMentions(
      subset.map((b) => b.candidates),
      this.corrections,
    );
    const added: PageMention[] = [];
    const removed: PageMention[] = removedBlocks.flatMap((b) => b.mentions);
    subset.forEach((block, i) => {
      const next = resolved[i] ?? [];
      if (!mustRebuild.has(block) && sameMentions(block.mentions, next)) return;
      removed.push(...block.mentions);
      block.mentions = next.flatMap((mention) => {
        const range = makeMentionRange(block.block, mention);
        return range ? [{ mention, block, range }] : [];
      });
      added.push(...block.mentions);
    });
    if (added.length === 0 && removed.length === 0) return;
    this.all = undefined;
    const held = this.heldChange;
    for (const mention of removed) if (!held.added.delete(mention)) held.removed.push(mention);
    for (const mention of added) held.added.add(mention);
    if (!isHeld) this.flushChange();
  }

  private record(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') this.dirty.add(record.target);
      else {
        record.addedNodes.forEach((n) => this.dirty.add(n));
        record.removedNodes.forEach((n) => this.removed.push(n));
        if (record.removedNodes.length > 0) this.dirty.add(record.target);
      }
    }
    this.scheduleMutationRun();
  }

  private scheduleMutationRun(): void {
    if (this.mutationTimer !== undefined || this.stopped) return;
    const wait = Math.max(0, this.lastMutationRun + MUTATION_THROTTLE_MS - this.now());
    this.mutationTimer = setTimeout(() => {
      this.mutationTimer = undefined;
      this.scheduleMutations(() => this.processMutations());
    }, wait);
  }

  /**
   * One task of catching up with DOM changes. As in the first pass, scanning, resolving (page-wide where
   * anchoring is touched) and painting can each fill a task on a page that keeps growing, so a task that
   * spent its budget on one leaves the next to the following task, which starts with it.
   */
  private processMutations(): void {
    if (this.stopped) return;
    const started = this.now();
    this.lastMutationRun = started;
    if (this.isFirstPassUnderWay()) {
      // The first pass has not reached everything yet: it would scan a changed subtree a second time.
      this.scheduleMutationRun();
      return;
    }
    let isIdle = true;
    const hasTime = () => isIdle || this.now() - started <= TASK_BUDGET_MS;
    // What the last task left: resolving what it scanned, then painting.
    isIdle = !this.resolveChanges();
    if (this.isChangePaintDue && hasTime()) {
      this.paintChanges();
      isIdle = false;
    }
    const hasChanges = this.pendingContainers.length > 0 || this.dirty.size > 0 || this.removed.length > 0;
    if (hasChanges && !this.isChangePaintDue && hasTime()) {
      isIdle = false;
      if (!this.scanChanges(started)) {
        this.noteTask(started);
        return; // the whole page is read again (rescanAll)
      }
      // As in the first pass: every registration repaints every range, so a backlog registers its
      // changes at most every PROGRESSIVE_PAINT_MS, and at once when it is done.
      this.isChangePaintDue =
        this.pendingContainers.length === 0 || started - this.lastProgressivePaint > PROGRESSIVE_PAINT_MS;
      if (hasTime()) this.resolveChanges();
      if (this.isChangePaintDue && this.pendingChanges === undefined && hasTime()) this.paintChanges();
    }
    this.noteTask(started);
    if (this.pendingContainers.length > 0 || this.pendingChanges !== undefined || this.isChangePaintDue) {
      // A backlog (a page appending thousands of paragraphs): keep going, one short task at a time, each
      // behind the page's own timers and input (bench/feed.ts: the largest heartbeat gap of the feed).
      this.scheduleBacklog(() => this.processMutations());
    } else if (this.dirty.size > 0 || this.removed.length > 0) {
      this.scheduleMutationRun();
    }
  }

  /**
   * Takes the changes seen so far and rescans the containers of changed text within the task's budget
   * (the rest waits in `pendingContainers`); what it found waits in `pendingChanges` to be resolved.
   * False when text directly under the root changed: the whole page is read again instead.
   */
  private scanChanges(started: number): boolean {
    const dirty = this.dirty;
    const removedNodes = this.removed;
    this.dirty = new Set();
    this.removed = [];

    // Blocks that lost a node go; the containers of changed text are rescanned whole.
    const gone = new Set<PageBlock>();
    for (const node of removedNodes) this.forEachTextIn(node, (text) => this.markGone(text, gone));
    const containers = new Set<Node>(this.pendingContainers);
    for (const node of dirty) {
      if (!node.isConnected || isOwnUi(node) || isInSkippedSubtree(node, this.root)) continue;
      containers.add(blockContainer(node, this.root));
    }
    if (containers.has(this.root)) {
      // Text directly under the root changed: the chunked full pass keeps every task short.
      this.rescanAll();
      return false;
    }
    // Keep only the outermost containers: walk up from each, looking for another in the set.
    const outermost = [...containers].filter((c) => {
      for (let n = c.parentNode; n; n = n.parentNode) if (containers.has(n)) return false;
      return true;
    });
    const fresh: PageBlock[] = [];
    let index = 0;
    for (; index < outermost.length; index++) {
      const container = outermost[index];
      if (!container || !container.isConnected) continue;
      this.forEachTextIn(container, (text) => this.markGone(text, gone));
      for (const textBlock of walkTextBlocks(container)) {
        const block = this.scanBlock(textBlock);
        if (block) fresh.push(block);
      }
      if (this.now() - started > TASK_BUDGET_MS) {
        index++;
        break;
      }
    }
    this.pendingContainers = outermost.slice(index);

    if (gone.size > 0) this.blocks = this.blocks.filter((b) => !gone.has(b));
    for (const block of fresh) this.blocks.splice(this.insertionIndex(block.block), 0, block);
    if (fresh.length > 0 || gone.size > 0) {
      const held = this.pendingChanges; // none in practice: a task resolves what it finds before it scans
      this.pendingChanges = {
        fresh: [...(held?.fresh ?? []), ...fresh],
        gone: [...(held?.gone ?? []), ...gone],
      };
    }
    return true;
  }

  /**
   * Resolves what the last scan of changes found (ranges included); the change is held for painting.
   * False when there was nothing.
   */
  private resolveChanges(): boolean {
    const pending = this.pendingChanges;
    if (!pending) return false;
    this.pendingChanges = undefined;
    this.update(pending.fresh, pending.gone, true);
    return true;
  }

  /** Paints what the changes resolved so far hold. */
  private paintChanges(): void {
    this.isChangePaintDue = !this.flushChange(PAINT_SLICE);
    this.lastProgressivePaint = this.now();
  }

  private markGone(text: Text, gone: Set<PageBlock>): void {
    const block = this.blockOfNode.get(text);
    if (block) {
      gone.add(block);
      this.blockOfNode.delete(text);
    }
  }

  private forEachTextIn(node: Node, visit: (text: Text) => void): void {
    if (node.nodeType === Node.TEXT_NODE) {
      visit(node as Text);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    const doc = node.ownerDocument ?? document;
    const walker = doc.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) visit(t as Text);
  }

  /** Where a new block goes so that `blocks` stays in document order (binary search). */
  private insertionIndex(textBlock: TextBlock): number {
    const first = textBlock.nodes[0];
    if (!first) return this.blocks.length;
    // Pages mostly grow at the end (feeds, infinite scroll): try that first.
    const last = this.blocks[this.blocks.length - 1]?.block.nodes[0];
    if (!last || last.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING)
      return this.blocks.length;
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = this.blocks[mid]?.block.nodes[0];
      const isBefore = other
        ? Boolean(other.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING)
        : true;
      if (isBefore) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function sameMentions(current: readonly PageMention[], next: readonly Mention[]): boolean {
  if (current.length !== next.length) return false;
  return current.every((c, i) => {
    const n = next[i];
    return (
      n !== undefined &&
      c.mention.start === n.start &&
      c.mention.end === n.end &&
      c.mention.person === n.person
    );
  });
}

/** The range of a mention (or any span of its text) in its block (undefined when the block's nodes no longer hold it). */
export function makeMentionRange(
  block: TextBlock,
  mention: Pick<Mention, 'start' | 'end'>,
): StaticRange | undefined {
  try {
    const start = blockPosition(block, mention.start, false);
    const end = blockPosition(block, mention.end, true);
    return new StaticRange({
      startContainer: start.node,
      startOffset: start.offset,
      endContainer: end.node,
      endOffset: end.offset,
    });
  } catch {
    return undefined;
  }
}

function isOwnUi(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    if (n.nodeType === Node.ELEMENT_NODE && (n as Element).localName === UI_HOST_TAG) return true;
  }
  return false;
}

/** The nearest ancestor whose text cannot run on past it: the unit that is rescanned. */
function blockContainer(node: Node, root: Node): Node {
  let n: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (n && n !== root) {
    if (n.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return n;
    if (n.nodeType === Node.ELEMENT_NODE && !isInlineElement(n as Element)) return n;
    n = n.parentNode;
  }
  return root;
}
