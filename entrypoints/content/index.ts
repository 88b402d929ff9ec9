/** The content script, on every page: wiring only. Storage -> the page's lifecycle (page/page-lifecycle.ts: the
 * matcher and one Session in step with the settings and added people), the popup's answers; card and quote
 * check load on demand. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { normalizeSite } from '../../core/settings';
import { loadCardModule } from '../../page/card-module';
import { LOAD_MARK_TIMING, markLoadStep } from '../../page/load-marks';
import { PageLifecycle } from '../../page/page-lifecycle';
import { Session } from '../../page/session';
import { listen, sendToBackground, type ToContent } from '../../platform/messages';
import { loadPageStart, pauseSite, saveSettings, watchPageStart } from '../../platform/settings-store';
import '../../page/highlights.css'; // ::highlight() rules, in the manifest: the page cannot remove them.

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  noScriptStartedPostMessage: true, // WXT's future default: no postMessage to the page (~4 ms CPU a load).
  main(ctx) {
    markLoadStep('start');
    void runDramatis(ctx);
  },
});
const PAUSED = { people: [], quotes: [], isPaused: true };
/** Starts Dramatis on this page and keeps it in step with the settings and added people until the context dies. */
async function runDramatis(ctx: ContentScriptContext): Promise<void> {
  const root = document.body;
  if (!root) return;
  const reading = loadPageStart(); // Read while the first chunk is scanned; painted once read (unless paused).
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
  life.begin(await reading);
  markLoadStep('settings-read');
  // One storage listener: settings, and the people the reader adds, edits or removes in another tab.
  const unwatch = watchPageStart({
    onSettings: (settings) => life.updateSettings(settings),
    onAddedPeople: (added) => life.updateAddedPeople(added),
  });
  const stopListening = listen<ToContent>({
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
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => life.session?.rescan());
  ctx.onInvalidated(() => {
    unwatch();
    stopListening();
    life.stop();
  });
}
