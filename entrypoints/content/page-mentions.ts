/**
 * The mentions of one page, kept current: a chunked first pass over the page's text blocks, a
 * MutationObserver that rescans only what changed (throttled, so a live ticker costs a bounded share
 * of the main thread), and the ranges that paint them. Never modifies the page's DOM.
 */
import {
  blockPosition,
  isInSkippedSubtree,
  isInlineElement,
  nodeIndexAt,
  walkTextBlocks,
  UI_HOST_TAG,
  type TextBlock,
} from '../../core/dom-text';
import { resolveMentions, scanText, type Candidate, type Matcher, type Mention } from '../../core/matcher';

/** One scanned block of the page. */
export interface PageBlock {
  readonly block: TextBlock;
  candidates: Candidate[];
  mentions: PageMention[];
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

type Schedule = (task: () => void) => void;

/** Runs `task` when the page is idle (or soon, where there is no requestIdleCallback). */
export const scheduleIdle: Schedule = (task) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: 100 });
  else setTimeout(task, 1);
};

/** Options of a PageMentions. */
export interface PageMentionsOptions {
  /** Called (at most once per update) when the set of mentions changed. */
  onChange?: (mentions: readonly PageMention[]) => void;
  /** Called when a mention's block is rescanned or removed (e.g. to close its card). */
  schedule?: Schedule;
  now?: () => number;
}

/** Tracks the mentions of `root` (a document's body) for one matcher. */
export class PageMentions {
  private blocks: PageBlock[] = [];
  private readonly blockOfNode = new WeakMap<Text, PageBlock>();
  private observer: MutationObserver | undefined;
  private dirty = new Set<Node>();
  private removed: Node[] = [];
  private lastMutationRun = -Infinity;
  private mutationTimer: ReturnType<typeof setTimeout> | undefined;
  private walker: Generator<TextBlock> | undefined;
  private stopped = false;
  private all: PageMention[] = [];
  private readonly schedule: Schedule;
  private readonly now: () => number;
  /** Statistics for the bench: the longest task this scanner ran, in ms. */
  longestTaskMs = 0;
  /** Resolves when the first pass has finished. */
  readonly firstPass: Promise<void>;
  private finishFirstPass: () => void = () => {};

  constructor(
    private readonly root: Node,
    private matcher: Matcher,
    private readonly options: PageMentionsOptions = {},
  ) {
    this.schedule = options.schedule ?? scheduleIdle;
    this.now = options.now ?? (() => performance.now());
    this.firstPass = new Promise((resolve) => (this.finishFirstPass = resolve));
  }

  /** Starts the first pass and the observer. */
  start(): void {
    this.walker = walkTextBlocks(this.root);
    this.observer = new MutationObserver((records) => this.record(records));
    this.observer.observe(this.root, { subtree: true, childList: true, characterData: true });
    this.schedule(() => this.continueFirstPass());
  }

  /** Stops observing and forgets every mention. */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    if (this.mutationTimer !== undefined) clearTimeout(this.mutationTimer);
    this.blocks = [];
    this.all = [];
    this.options.onChange?.(this.all);
    this.finishFirstPass();
  }

  /** Rescans the whole page with another matcher (e.g. after sources changed). */
  setMatcher(matcher: Matcher): void {
    this.matcher = matcher;
    for (const block of this.blocks) block.candidates = scanText(matcher, block.block.text);
    this.update(this.blocks);
  }

  /** Rescans the whole page from scratch (a single-page app navigated). */
  rescanAll(): void {
    if (this.stopped) return;
    this.blocks = [];
    this.dirty.clear();
    this.removed = [];
    this.walker = walkTextBlocks(this.root);
    this.schedule(() => this.continueFirstPass());
  }

  /** Every mention on the page, in document order. */
  mentions(): readonly PageMention[] {
    return this.all;
  }

  /** The mention at a caret position (text node + offset), if any. */
  mentionAt(node: Node, offset: number): PageMention | undefined {
    const block = this.blockOfNode.get(node as Text);
    if (!block || !block.block.nodes.includes(node as Text)) return undefined;
    const index = block.block.nodes.indexOf(node as Text);
    const at = (block.block.starts[index] ?? 0) + offset;
    return block.mentions.find((m) => m.mention.start <= at && at < m.mention.end);
  }

  private continueFirstPass(): void {
    if (this.stopped || !this.walker) return;
    const started = this.now();
    const fresh: PageBlock[] = [];
    for (;;) {
      const next = this.walker.next();
      if (next.done) {
        this.walker = undefined;
        break;
      }
      const block = this.addBlock(next.value, this.blocks.length);
      fresh.push(block);
      if (this.now() - started > TASK_BUDGET_MS) break;
    }
    if (fresh.length > 0) this.update(fresh);
    this.noteTask(started);
    if (this.walker) this.schedule(() => this.continueFirstPass());
    else this.finishFirstPass();
  }

  private noteTask(started: number): void {
    const took = this.now() - started;
    if (took > this.longestTaskMs) this.longestTaskMs = took;
  }

  private addBlock(textBlock: TextBlock, at: number): PageBlock {
    const block: PageBlock = {
      block: textBlock,
      candidates: scanText(this.matcher, textBlock.text),
      mentions: [],
    };
    for (const node of textBlock.nodes) this.blockOfNode.set(node, block);
    this.blocks.splice(at, 0, block);
    return block;
  }

  /** Re-resolves the page (anchoring is page-wide) and rebuilds the mentions of changed blocks. */
  private update(changed: Iterable<PageBlock>): void {
    const resolved = resolveMentions(this.blocks.map((b) => b.candidates));
    const mustRebuild = new Set(changed);
    let isChanged = mustRebuild.size > 0;
    this.blocks.forEach((block, i) => {
      const next = resolved[i] ?? [];
      if (!mustRebuild.has(block) && sameMentions(block.mentions, next)) return;
      block.mentions = next.flatMap((mention) => {
        const range = makeRange(block.block, mention);
        return range ? [{ mention, block, range }] : [];
      });
      isChanged = true;
    });
    if (!isChanged) return;
    this.all = this.blocks.flatMap((b) => b.mentions);
    this.options.onChange?.(this.all);
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
    if (this.mutationTimer !== undefined) return;
    const wait = Math.max(0, this.lastMutationRun + MUTATION_THROTTLE_MS - this.now());
    this.mutationTimer = setTimeout(() => {
      this.mutationTimer = undefined;
      this.schedule(() => this.processMutations());
    }, wait);
  }

  private processMutations(): void {
    if (this.stopped) return;
    if (this.walker) {
      // The first pass has not reached everything yet: it would scan a changed subtree a second time.
      this.lastMutationRun = this.now();
      this.record([]);
      return;
    }
    const started = this.now();
    this.lastMutationRun = started;
    const dirty = this.dirty;
    const removed = this.removed;
    this.dirty = new Set();
    this.removed = [];

    // Blocks that lost a node go; the containers of changed text are rescanned whole.
    const gone = new Set<PageBlock>();
    for (const node of removed) this.forEachTextIn(node, (text) => this.markGone(text, gone));
    const containers = new Set<Node>();
    for (const node of dirty) {
      if (!node.isConnected || isOwnUi(node) || isInSkippedSubtree(node, this.root)) continue;
      containers.add(blockContainer(node, this.root));
    }
    const outermost = [...containers].filter((c) => ![...containers].some((o) => o !== c && o.contains(c)));
    for (const container of outermost) this.forEachTextIn(container, (text) => this.markGone(text, gone));
    for (const block of this.blocks)
      if (!gone.has(block) && !block.block.nodes.every((n) => n.isConnected)) gone.add(block);
    this.blocks = this.blocks.filter((b) => !gone.has(b));

    const fresh: PageBlock[] = [];
    for (const container of outermost) {
      for (const textBlock of walkTextBlocks(container)) {
        fresh.push(this.addBlock(textBlock, this.insertionIndex(textBlock)));
      }
    }
    if (fresh.length > 0 || gone.size > 0) this.update(fresh);
    this.noteTask(started);
    if (this.dirty.size > 0 || this.removed.length > 0) this.record([]);
  }

  private markGone(text: Text, gone: Set<PageBlock>): void {
    const block = this.blockOfNode.get(text);
    if (block) gone.add(block);
  }

  private forEachTextIn(node: Node, visit: (text: Text) => void): void {
    if (node.nodeType === Node.TEXT_NODE) {
      visit(node as Text);
      return;
    }
    const doc = node.ownerDocument ?? (node as Document);
    const walker = doc.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) visit(t as Text);
  }

  /** Where a new block goes so that `blocks` stays in document order (binary search). */
  private insertionIndex(textBlock: TextBlock): number {
    const first = textBlock.nodes[0];
    if (!first) return this.blocks.length;
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

function makeRange(block: TextBlock, mention: Mention): StaticRange | undefined {
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

/** For tests and the hover code: the index of the text node at a block offset. */
export { nodeIndexAt };
