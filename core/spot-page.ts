/**
 * The whole-page pass, in one place: walk a root's text blocks, scan each, resolve across the page.
 * The spotter (scripts/spot.ts), the tests and the bench call this; the content script's PageMentions
 * runs the same three steps chunk by chunk and incrementally.
 */
import { walkTextBlocks, type TextBlock } from './dom-text';
import { resolveMentions, scanText, type Candidate, type Matcher, type Mention } from './matcher';

/** One text block of a page and the mentions resolved in it (offsets into `block.text`). */
export interface SpottedBlock {
  readonly block: TextBlock;
  readonly mentions: Mention[];
}

/** The three steps of the pass, and what each returns. */
export interface SpotSteps {
  walk: TextBlock[];
  scan: Candidate[][];
  resolve: Mention[][];
}

/**
 * Runs one step of the pass; the default just calls `run`. The bench passes one that times each
 * step (timing reaches it through this option, not through anything the pass keeps).
 */
export type RunStep = <K extends keyof SpotSteps>(step: K, run: () => SpotSteps[K]) => SpotSteps[K];

const runDirectly: RunStep = (_step, run) => run();

/** Every block of `root`'s text, in document order, with its mentions resolved across the page. */
export function spotPage(matcher: Matcher, root: Node, runStep: RunStep = runDirectly): SpottedBlock[] {
  const blocks = runStep('walk', () => [...walkTextBlocks(root)]);
  const candidates = runStep('scan', () => blocks.map((block) => scanText(matcher, block.text)));
  const resolved = runStep('resolve', () => resolveMentions(candidates));
  return blocks.map((block, i) => ({ block, mentions: resolved[i] ?? [] }));
}
