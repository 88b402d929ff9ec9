/**
 * The DOM text walk shared by the content script and the spotter: groups a page's text nodes into
 * blocks of running text ("Steve <b>Witkoff</b>" is one block, one string), so that a name split
 * across inline elements is still one name. Uses only standard DOM APIs (works in browsers, happy-dom
 * and linkedom) and never modifies the document.
 */

/** One block of running text and the text nodes it is made of. */
export interface TextBlock {
  /** The text nodes, in document order. */
  readonly nodes: Text[];
  /** Offset of each node's first character in `text`. */
  readonly starts: number[];
  /** The nodes' data joined (with "\n" for a <br>, and between two words that markup glued together). */
  readonly text: string;
}

/** Elements whose text is never scanned: code, form fields, media, embedded documents, metadata. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'video',
  'audio',
  'head',
  'title',
]);

/** Inline elements: text on either side of them runs on (anything else ends a block). */
const INLINE = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  'ruby',
  'rb',
  'rp',
  'rt',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** The tag of Dramatis's own UI host: never scanned. */
export const UI_HOST_TAG = 'dramatis-ui';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Editable regions (rich-text editors, textbox widgets): never scanned. */
const EDITABLE_SELECTOR = '[contenteditable]:not([contenteditable="false" i]), [role="textbox"]';

/** True for elements whose subtree the walk skips (see SKIPPED, editable regions, our own UI). */
export function isSkippedElement(element: Element): boolean {
  return isSkippedByName(element) || element.matches(EDITABLE_SELECTOR);
}

function isSkippedByName(element: Element): boolean {
  const name = element.localName;
  return SKIPPED.has(name) || name === UI_HOST_TAG;
}

/**
 * The editable regions under `root`, found with one native query instead of a check per element;
 * undefined where the query fails (a DOM implementation that recurses, on a very deep page).
 */
function editableRegions(root: Node): Set<Element> | undefined {
  const query = (root as Partial<ParentNode>).querySelectorAll;
  if (typeof query !== 'function') return new Set();
  try {
    return new Set<Element>(query.call(root, EDITABLE_SELECTOR));
  } catch {
    return undefined;
  }
}

/** True when text on both sides of this element belongs to one block. */
export function isInlineElement(element: Element): boolean {
  return INLINE.has(element.localName);
}

/** True when `node` is inside a subtree the walk skips (for text added later by the page). */
export function isInSkippedSubtree(node: Node, stopAt?: Node): boolean {
  for (let n: Node | null = node.parentNode; n && n !== stopAt; n = n.parentNode) {
    if (n.nodeType === DOCUMENT_FRAGMENT_NODE) {
      n = (n as ShadowRoot).host ?? null;
      if (!n) return false;
    }
    if (n.nodeType === ELEMENT_NODE && isSkippedElement(n as Element)) return true;
  }
  return false;
}

/** What a block has between two text nodes that markup glued into two words: a line break, as for <br>. */
const WORD_BREAK = '\n';

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isLetter(code: number): boolean {
  const c = String.fromCharCode(code);
  return c.toLowerCase() !== c.toUpperCase();
}

/**
 * True when markup put two words side by side with no space (`Donald Trump</a><span>42,070</span>`):
 * a letter against a digit, or a lower-case letter against a capital. A capital followed by lower case
 * ("<span>S</span>teve", "Wit<b>koff</b>") is one word split for styling and stays one.
 */
export function isMarkupWordBreak(before: number, after: number): boolean {
  if (isDigit(before)) return isLetter(after);
  if (!isLetter(before)) return false;
  if (isDigit(after)) return true;
  const a = String.fromCharCode(after);
  const b = String.fromCharCode(before);
  return b !== b.toUpperCase() && a !== a.toLowerCase() && isLetter(after);
}

class BlockBuilder {
  nodes: Text[] = [];
  starts: number[] = [];
  parts: string[] = [];
  length = 0;

  addText(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    const last = this.parts[this.parts.length - 1];
    if (last !== undefined && isMarkupWordBreak(last.charCodeAt(last.length - 1), data.charCodeAt(0))) {
      this.parts.push(WORD_BREAK);
      this.length += WORD_BREAK.length;
    }
    this.nodes.push(node);
    this.starts.push(this.length);
    this.parts.push(data);
    this.length += data.length;
  }

  addBreak(): void {
    if (this.length === 0) return;
    this.parts.push('\n');
    this.length += 1;
  }

  take(): TextBlock | undefined {
    if (this.nodes.length === 0) {
      this.reset();
      return undefined;
    }
    const text = this.parts.length === 1 ? (this.parts[0] ?? '') : this.parts.join('');
    const block = /\S/.test(text) ? { nodes: this.nodes, starts: this.starts, text } : undefined;
    this.reset();
    return block;
  }

  private reset(): void {
    this.nodes = [];
    this.starts = [];
    this.parts = [];
    this.length = 0;
  }
}

/**
 * Yields the text blocks under `root` in document order, walking open shadow roots too. A
 * generator, so that a caller can stop after any block and resume in a later idle period.
 * Iterative, so that a hostile, very deep page cannot overflow the stack.
 */
export function* walkTextBlocks(root: Node): Generator<TextBlock, void, undefined> {
  const builder = new BlockBuilder();
  let editable = editableRegions(root);
  // The stack holds nodes to visit, and `null` markers that close a non-inline element.
  const stack: (Node | null)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null) {
      const block = builder.take();
      if (block) yield block;
      continue;
    }
    if (node === undefined) break;
    if (node.nodeType === TEXT_NODE) {
      builder.addText(node as Text);
      continue;
    }
    if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      // Read once: every DOM property read costs a call into the browser, on every element of the page.
      const name = element.localName;
      const isInline = INLINE.has(name);
      if (
        node !== root &&
        (SKIPPED.has(name) ||
          name === UI_HOST_TAG ||
          (editable ? editable.has(element) : element.matches(EDITABLE_SELECTOR)))
      ) {
        if (!isInline) {
          const block = builder.take();
          if (block) yield block;
        }
        continue;
      }
      if (name === 'br') {
        builder.addBreak();
        continue;
      }
      if (!isInline) {
        const block = builder.take();
        if (block) yield block;
        stack.push(null);
      }
      pushChildren(stack, node);
      const shadow = (element as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
      if (shadow) {
        const inShadow = editableRegions(shadow);
        if (editable && inShadow) for (const region of inShadow) editable.add(region);
        else editable = undefined;
        stack.push(null);
        pushChildren(stack, shadow);
        stack.push(null);
      }
      continue;
    }
    // Documents and fragments: walk their children.
    pushChildren(stack, node);
  }
  const last = builder.take();
  if (last) yield last;
}

function pushChildren(stack: (Node | null)[], node: Node): void {
  for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
}

/** Finds the text node holding `offset` of a block: the index into `block.nodes`. */
export function nodeIndexAt(block: TextBlock, offset: number): number {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((block.starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Maps a block offset to a (text node, offset in node) position. `isEnd` picks the end of a node at a boundary. */
export function blockPosition(
  block: TextBlock,
  offset: number,
  isEnd: boolean,
): { node: Text; offset: number } {
  let index = nodeIndexAt(block, isEnd ? offset - 1 : offset);
  let node = block.nodes[index];
  if (!node) throw new Error(`offset ${offset} is outside the block`);
  let local = offset - (block.starts[index] ?? 0);
  // A <br> separator is no node's character: clamp into the nearest node.
  if (local > node.data.length) {
    if (isEnd) local = node.data.length;
    else if (index + 1 < block.nodes.length) {
      index++;
      node = block.nodes[index] ?? node;
      local = 0;
    }
  }
  return { node, offset: local };
}
