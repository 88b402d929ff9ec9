/**
 * The content script, on every page: wiring only. It builds the matcher, keeps one page Session (page/session.ts)
 * in step with the settings (none while paused here), answers the popup; the card loads when needed.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { matcherFromIndex } from '../../core/matcher';
import { DEFAULT_SETTINGS, isSiteDisabled, normalizeSite, type Settings } from '../../core/settings';
import { getPersonName, MATCHER_INDEX, MATCHER_PEOPLE } from '../../data/matcher-index';
import { loadCardModule } from '../../page/card-module';
import { LOAD_MARK_TIMING, markLoadStep } from '../../page/load-marks';
import { Session } from '../../page/session';
import { listen, sendToBackground, type ToContent } from '../../platform/messages';
import { loadSettings, pauseSite, watchSettings } from '../../platform/settings-store';
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

/** Starts Dramatis on this page and keeps it in step with the settings until the context dies. */
async function runDramatis(ctx: ContentScriptContext): Promise<void> {
  const root = document.body;
  if (!root) return;
  const reading = loadSettings(); // Read while the first chunk is scanned; painted once read (unless paused).
  const matcher = matcherFromIndex(MATCHER_INDEX, MATCHER_PEOPLE);
  markLoadStep('matcher-ready');
  let settings: Settings = DEFAULT_SETTINGS;
  const startSession = (isPaintHeld: boolean) =>
    new Session({
      root,
      matcher,
      settings,
      isPaintHeld,
      nameOf: getPersonName,
      timing: LOAD_MARK_TIMING,
      loadCard: () => loadCardModule(() => sendToBackground('background:load-card', {})),
      reportCount: (count) => void sendToBackground('background:page-people', { count }),
      hideSite: () => void pauseSite(location.hostname),
    });
  let session: Session | undefined = startSession(true);
  void session.firstPass.then(() => markLoadStep('first-pass'));
  settings = await reading;
  markLoadStep('settings-read');
  const apply = () => {
    if (isSiteDisabled(settings, location.hostname)) {
      session?.stop();
      session = undefined;
    } else if (session) session.updateSettings(settings);
    else session = startSession(false);
  };
  apply();
  const unwatch = watchSettings((next) => {
    settings = next;
    apply();
  });
  const stopListening = listen<ToContent>({
    'content:get-page-state': () => ({
      people: session?.people() ?? [],
      isPaused: session === undefined,
      site: normalizeSite(location.hostname),
    }),
    'content:reveal-person': ({ person }) => ({ isRevealed: session?.reveal(person) ?? false }),
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => session?.rescan());
  ctx.onInvalidated(() => {
    unwatch();
    stopListening();
    session?.stop();
  });
}
