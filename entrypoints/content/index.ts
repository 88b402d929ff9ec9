/**
 * The content script, on every page: wiring only. It builds the matcher, keeps one page Session
 * (page/session.ts) in step with the settings (none while Dramatis is off on this site) and answers the
 * popup's messages.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { matcherFromIndex } from '../../core/matcher';
import { isSiteDisabled, normalizeSite, type Settings } from '../../core/settings';
import { PEOPLE } from '../../data/bundle';
import { MATCHER_INDEX } from '../../data/matcher-index';
import { BUNDLED_CARDS } from '../../page/bundled-cards';
import { Session } from '../../page/session';
import { listen, sendToBackground, type ToContent } from '../../platform/messages';
import { loadSettings, saveSettings, watchSettings } from '../../platform/settings-store';
// The ::highlight() rules: listed in the manifest (and in WXT's dev-mode registration), so the page
// cannot remove them. The card's own CSS is inlined into its shadow root by page/card-ui.tsx.
import '../../page/highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    void runDramatis(ctx);
  },
});

/** Starts Dramatis on this page and keeps it in step with the settings until the context dies. */
async function runDramatis(ctx: ContentScriptContext): Promise<void> {
  const root = document.body;
  if (!root) return;
  let settings: Settings = await loadSettings();
  let session: Session | undefined;
  // Built once, when the first session starts: a paused site never pays for it.
  let matcher: ReturnType<typeof matcherFromIndex> | undefined;
  const apply = () => {
    const isPaused = isSiteDisabled(settings, location.hostname);
    if (isPaused) {
      session?.stop();
      session = undefined;
    } else if (session) {
      session.updateSettings(settings);
    } else {
      matcher ??= matcherFromIndex(MATCHER_INDEX, PEOPLE);
      session = new Session({
        root,
        matcher,
        settings,
        cards: BUNDLED_CARDS,
        reportCount: (count) => void sendToBackground('background:page-people', { count }),
        hideSite: () => {
          const site = normalizeSite(location.hostname);
          if (site) void saveSettings({ disabledSites: [...settings.disabledSites, site] });
        },
      });
    }
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
