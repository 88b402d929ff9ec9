/** The content script, on every page: wiring only. The matcher (page/page-matcher.ts), one Session (page/session.ts)
 * in step with the settings (none while paused), the popup's answers; card and quote check load on demand. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEFAULT_SETTINGS, isSiteDisabled, normalizeSite, type Settings } from '../../core/settings';
import { loadCardModule } from '../../page/card-module';
import { LOAD_MARK_TIMING, markLoadStep } from '../../page/load-marks';
import { buildPageMatcher, type PageMatcher } from '../../page/page-matcher';
import { Session } from '../../page/session';
import { listen, sendToBackground, type ToContent } from '../../platform/messages';
import { loadPageStart, pauseSite, saveSettings, watchSettings } from '../../platform/settings-store';
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
/** Starts Dramatis on this page and keeps it in step with the settings until the context dies. */
async function runDramatis(ctx: ContentScriptContext): Promise<void> {
  const root = document.body;
  if (!root) return;
  const reading = loadPageStart(); // Read while the first chunk is scanned; painted once read (unless paused).
  let page: PageMatcher = buildPageMatcher(undefined);
  markLoadStep('matcher-ready');
  let settings: Settings = DEFAULT_SETTINGS;
  const startSession = (isPaintHeld: boolean) =>
    new Session({
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
  let session: Session | undefined = startSession(true);
  void session.firstPass.then(() => markLoadStep('first-pass'));
  const start = await reading;
  settings = start.settings;
  markLoadStep('settings-read');
  // The reader added people: the held session (nothing painted yet) gives way to one that knows them.
  if (start.added) [session, page] = [void session.stop(), buildPageMatcher(start.added)];
  const apply = () => {
    if (isSiteDisabled(settings, location.hostname)) session = void session?.stop();
    else if (session) session.updateSettings(settings);
    else session = startSession(false);
  };
  apply();
  const unwatch = watchSettings((next) => {
    settings = next;
    apply();
  });
  const stopListening = listen<ToContent>({
    'content:get-page-state': () => ({
      ...(session ? { people: session.people(), quotes: session.quoteItems(), isPaused: false } : PAUSED),
      site: normalizeSite(location.hostname),
    }),
    'content:reveal-person': ({ person }) => ({ isRevealed: session?.reveal(person) ?? false }),
    // A quote saved, a pack turned on or off: the page's verdicts may change ("new" becomes "same").
    'content:knowledge-changed': () => session?.recheckQuotes(),
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => session?.rescan());
  ctx.onInvalidated(() => {
    unwatch();
    stopListening();
    session?.stop();
  });
}
