/** The content script, on every page: wiring only. It builds the matcher (page/page-matcher.ts), keeps one page
 * Session (page/session.ts) in step with the settings (none while paused here), answers the popup; card and quote
 * check load on demand. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isSiteDisabled, normalizeSite } from '../../core/settings';
import { loadCardModule } from '../../page/card-module';
import { LOAD_MARK_TIMING, markLoadStep } from '../../page/load-marks';
import { buildPageMatcher, type PageMatcher } from '../../page/page-matcher';
import { Session } from '../../page/session';
import { listen, sendToBackground, type ToContent } from '../../platform/messages';
import { loadPageStart, saveSettings, watchSettings } from '../../platform/settings-store';
import '../../page/highlights.css'; // ::highlight() rules, in the manifest: the page cannot remove them.

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
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
  const start = await loadPageStart(); // The settings and the people the reader added, side by side.
  let settings = start.settings;
  markLoadStep('settings-read');
  let session: Session | undefined;
  let page: PageMatcher | undefined; // Built with the first session: a paused site never pays for it.
  const apply = () => {
    if (isSiteDisabled(settings, location.hostname)) {
      session?.stop();
      session = undefined;
    } else if (session) {
      session.updateSettings(settings);
    } else {
      page ??= buildPageMatcher(start.added);
      markLoadStep('matcher-ready');
      session = new Session({
        root,
        matcher: page.matcher,
        settings,
        loadCard: () => loadCardModule(() => sendToBackground('background:load-card', {})),
        nameOf: page.nameOf,
        saveCorrections: (corrections) => void saveSettings({ corrections }),
        timing: LOAD_MARK_TIMING,
        reportCount: (count) => void sendToBackground('background:page-people', { count }),
        checkQuotes: (blocks) => sendToBackground('background:check-quotes', { blocks }),
        hideSite: () => {
          const site = normalizeSite(location.hostname);
          if (site) void saveSettings({ disabledSites: [...settings.disabledSites, site] });
        },
      });
      void session.firstPass.then(() => markLoadStep('first-pass'));
    }
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
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => session?.rescan());
  ctx.onInvalidated(() => {
    unwatch();
    stopListening();
    session?.stop();
  });
}
