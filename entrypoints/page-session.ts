/**
 * The page's session (issue 10's second stage): matcher, highlights, quotations, the card on demand, in
 * step with the settings and the added people (page/page-lifecycle.ts). The background injects it into a
 * frame's isolated world when that frame's content script (entrypoints/content/index.ts, the first stage)
 * finds a name there; it hands itself over (page/page-module.ts) and the content script starts it. Wiring only.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { normalizeSite } from '../core/settings';
import { loadCardModule } from '../page/card-module';
import { LOAD_MARK_TIMING, markLoadStep } from '../page/load-marks';
import { PageLifecycle } from '../page/page-lifecycle';
import { registerPageModule, type PageAnswers } from '../page/page-module';
import { Session } from '../page/session';
import { sendToBackground } from '../platform/messages';
import { loadPageStart, pauseSite, saveSettings, watchPageStart } from '../platform/settings-store';

export default defineUnlistedScript(() => registerPageModule({ start: startPage }));

const PAUSED = { people: [], quotes: [], isPaused: true };

/**
 * Starts Dramatis on this page and keeps it in step with the settings and added people until the extension
 * goes away (WXT's context, built here: the first stage has only a light one of its own).
 */
function startPage(stored: Promise<Record<string, unknown>>): PageAnswers {
  markLoadStep('session-loaded');
  const ctx = new ContentScriptContext('page-session', { noScriptStartedPostMessage: true });
  const root = document.body;
  // Read since the gate opened, while this script loaded and the first chunk is scanned; painted once read
  // (unless paused).
  const reading = loadPageStart(stored);
  const life = new PageLifecycle({
    hostname: location.hostname,
    startSession: (page, settings, isPaintHeld) => {
      markLoadStep('matcher-ready'); // Once: the matcher is built, its session not started yet.
      return new Session({
        root,
        matcher: page.matcher,
        settings,
        isPaintHeld,
        nameOf: page.nameOf,
        timing: LOAD_MARK_TIMING,
        loadCard: () => loadCardModule(() => sendToBackground('background:load-card', {})),
        saveCorrections: (corrections) => void saveSettings({ corrections }),
        reportCount: (count) => void sendToBackground('background:page-people', { count }),
        checkQuotes: (blocks) => sendToBackground('background:check-quotes', { blocks }),
        hideSite: () => void pauseSite(location.hostname),
      });
    },
  });
  void life.session?.firstPass.then(() => markLoadStep('first-pass'));
  let unwatch = () => {};
  void reading.then((start) => {
    if (ctx.isInvalid) return;
    life.begin(start);
    markLoadStep('settings-read');
    // One storage listener: settings, and the people the reader adds, edits or removes in another tab.
    unwatch = watchPageStart({
      onSettings: (settings) => life.updateSettings(settings),
      onAddedPeople: (added) => life.updateAddedPeople(added),
    });
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => life.session?.rescan());
  ctx.onInvalidated(() => {
    unwatch();
    life.stop();
  });
  return {
    'content:get-page-state': () => {
      const session = life.session;
      const state = session
        ? { people: session.people(), quotes: session.quoteItems(), isPaused: false }
        : PAUSED;
      return { ...state, site: normalizeSite(location.hostname) };
    },
    'content:reveal-person': ({ person }) => ({ isRevealed: life.session?.reveal(person) ?? false }),
    'content:get-count': () => ({ count: life.session?.people().length ?? 0 }),
    // A quote saved, a pack turned on or off: the page's verdicts may change ("new" becomes "same").
    'content:knowledge-changed': () => life.session?.recheckQuotes(),
  };
}
