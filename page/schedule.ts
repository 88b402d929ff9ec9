/**
 * When a page's work runs: schedulers for the session's tasks (page/page-mentions.ts) and the card's
 * (page/card-ui.tsx), each behind what the page itself has to do.
 */

/** Runs a task later (a scheduler; tests and the bench inject their own). */
export type Schedule = (task: () => void) => void;

/** A scheduler that posts each task at `priority` (scheduler.postTask), or with setTimeout where there is none. */
function postTaskAt(priority: 'user-visible' | 'background'): Schedule {
  return (task) => {
    const scheduler = (
      globalThis as { scheduler?: { postTask?: (t: () => void, o: object) => Promise<void> } }
    ).scheduler;
    if (typeof scheduler?.postTask === 'function') void scheduler.postTask(task, { priority });
    else setTimeout(task, 0);
  };
}

/**
 * Runs `task` as a new task soon, behind the page's own pending work: scheduler.postTask where there is
 * one, else setTimeout. (A MessageChannel would be faster than setTimeout's clamping, but its messages
 * never reach a Firefox content script's listener.)
 */
export const scheduleTask: Schedule = postTaskAt('user-visible');

/**
 * Runs `task` as a new task behind everything else the page has to do (its timers and input first):
 * background priority. For catching up with a page that keeps changing, which must not crowd out the
 * page's own work.
 */
export const scheduleBackground: Schedule = postTaskAt('background');

/** Runs `task` when the page is idle (soon, where there is no requestIdleCallback). */
export const scheduleIdle: Schedule = (task) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: 200 });
  else setTimeout(task, 1);
};
