/**
 * Which mention is under a point of the viewport, without any element to hit: the caret position at
 * the point (caretPositionFromPoint, or caretRangeFromPoint where that is missing) gives the text node
 * and offset, the page's index gives the mention there, and the mention's line boxes confirm it.
 */

/** What hit testing needs to know of the page's mentions (PageMentions provides it). */
export interface MentionIndex<M> {
  /** Open shadow roots that hold mentions: the caret APIs must be told about them. */
  readonly shadowRoots: Iterable<ShadowRoot>;
  /** The mention at a caret position, if any. */
  mentionAt: (node: Node, offset: number) => M | undefined;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text node and offset of the caret at (x, y), if the point is over text. */
function caretAt(
  doc: CaretDocument,
  x: number,
  y: number,
  shadowRoots: Iterable<ShadowRoot>,
): { node: Node; offset: number } | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    // Over text in an open shadow root the caret lands on its host unless the root is named.
    const roots = [...shadowRoots].filter((r) => r.host.isConnected);
    const pos = doc.caretPositionFromPoint(x, y, roots.length > 0 ? { shadowRoots: roots } : undefined);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : undefined;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
  }
  return undefined;
}

/** A live Range over a (possibly static) range: the static kind has no line boxes. */
export function toLiveRange(doc: Document, range: AbstractRange): Range {
  const live = doc.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

/** The mention under (x, y) in `doc`, confirmed against its line boxes; undefined over anything else. */
export function hitTestMention<M extends { readonly range: AbstractRange }>(
  doc: Document,
  index: MentionIndex<M>,
  x: number,
  y: number,
): M | undefined {
  const caret = caretAt(doc, x, y, index.shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  const { node, offset } = caret;
  const mention =
    index.mentionAt(node, offset) ?? (offset > 0 ? index.mentionAt(node, offset - 1) : undefined);
  if (!mention) return undefined;
  // The caret lands on the nearest character even beside a line's end: confirm against the boxes.
  for (const rect of toLiveRange(doc, mention.range).getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1)
      return mention;
  }
  return undefined;
}
