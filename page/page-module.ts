/**
 * The page's session as the first stage sees it before it is loaded (issue 10): the content script that
 * every page runs carries only the name gate (page/name-watch.ts); where the gate opens, it imports the
 * session's bundle (entrypoints/page-session.ts: matcher, highlights, quotations, the popup's answers), or
 * has the background inject it, and the bundle hands itself over here. Only types cross, so importing this
 * module loads none of it.
 */
import { normalizeSite } from '../core/site';
import type { ToContent } from '../platform/messages';
import { markLoadStep } from './load-marks';
import { loadOnDemand, registerOnDemand } from './on-demand';

/** The answers of a page to the popup and the background (platform/messages.ts `ToContent`). */
export type PageAnswers = {
  [K in keyof ToContent]: (request: ToContent[K]['request']) => ToContent[K]['response'];
};

/** What the session's bundle gives the content script. */
export interface PageModule {
  /**
   * Starts Dramatis on this page, while the extension is there, from the stored settings and added people
   * the content script started reading (platform/page-start.ts); returns what the page answers from now on.
   */
  start: (stored: Promise<Record<string, unknown>>) => PageAnswers;
}

const PAGE_MODULE_KEY = '__dramatisPageModule';

/** Called by the session's bundle when it runs. */
export function registerPageModule(module: PageModule): void {
  registerOnDemand(PAGE_MODULE_KEY, module);
}

/**
 * The session's bundle, loaded once: `importIt` imports it into this isolated world (resolving false when
 * the browser refused); failing that, `inject` asks the background to run it in this frame.
 */
export function loadPageModule(load: {
  importIt: () => Promise<boolean>;
  inject: () => Promise<unknown>;
}): Promise<PageModule> {
  const run = async () => {
    if (await load.importIt()) return;
    markLoadStep('session-injected');
    await load.inject();
  };
  return loadOnDemand<PageModule>(PAGE_MODULE_KEY, run, 'page session');
}

/**
 * What a page answers from where its gate opened: the session's answers (`session()`) once it runs, and
 * until then that it names nobody.
 */
export function pageAnswers(session: () => PageAnswers | undefined, hostname: string): PageAnswers {
  const idle = idleAnswers(hostname);
  const answer =
    <K extends keyof ToContent>(type: K) =>
    (request: ToContent[K]['request']) =>
      (session() ?? idle)[type](request);
  return {
    'content:get-page-state': answer('content:get-page-state'),
    'content:reveal-person': answer('content:reveal-person'),
    'content:get-count': answer('content:get-count'),
    'content:knowledge-changed': answer('content:knowledge-changed'),
  };
}

/** What a page answers while no session runs there: nobody named (the popup says whether the site is paused). */
function idleAnswers(hostname: string): PageAnswers {
  return {
    'content:get-page-state': () => ({
      people: [],
      quotes: [],
      isPaused: false,
      site: normalizeSite(hostname),
    }),
    'content:reveal-person': () => ({ isRevealed: false }),
    'content:get-count': () => ({ count: 0 }),
    'content:knowledge-changed': () => undefined,
  };
}

/** The first stage's mark in its isolated world: the popup looks for it where no script answers. */
export const FIRST_STAGE_MARK = '__dramatisFirstStage';

/** Marks that the first stage runs in this frame (platform/scripting.ts `isFirstStageThere` reads it). */
export function markFirstStage(): void {
  (globalThis as Record<string, unknown>)[FIRST_STAGE_MARK] = true;
}
