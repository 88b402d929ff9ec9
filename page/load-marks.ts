/**
 * The `dramatis:*` performance marks the content script leaves on the page's timeline, so that the bench
 * (bench/page-cost.ts) and a profile can see where a page's time goes in the real build, in Chromium and
 * Firefox alike. Each mark is set once per page: a few microseconds in all.
 */
import type { SessionTiming } from './session';

/** The steps marked, in the order they happen. */
export type LoadStep =
  | 'start'
  | 'gate-shut'
  | 'gate-opened'
  | 'session-injected'
  | 'session-loaded'
  | 'settings-read'
  | 'matcher-ready'
  | 'first-chunk'
  | 'first-painted'
  | 'first-pass'
  | 'card-loaded';

const marked = new Set<LoadStep>();

/** Marks `step` (`dramatis:<step>`) the first time it happens on this page. */
export function markLoadStep(step: LoadStep): void {
  if (marked.has(step)) return;
  marked.add(step);
  performance.mark(`dramatis:${step}`);
}

/** The Session hooks that mark its first scanning task and its first painted names. */
export const LOAD_MARK_TIMING: SessionTiming = {
  onTask: () => markLoadStep('first-chunk'),
  onPainted: () => markLoadStep('first-painted'),
};
