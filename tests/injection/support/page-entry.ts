/**
 * The injection tier's entry: bundled by tests/injection/support/inject.ts (bundlePageScript, as the bench
 * bundles its harness) and evaluated in a plain page of a browser without the extension. It starts the
 * content script's real page/ modules on `document.body` and exposes a small API on
 * `window.__dramatisInjection`, which the tests drive through `page.evaluate`.
 *
 * The ::highlight() rules reach the page as in the extension, from a stylesheet the page's DOM does not hold:
 * the manifest's content_scripts css there, an adopted constructed stylesheet here.
 */
import { matcherFromIndex } from '../../../core/matcher';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';
import { PEOPLE } from '../../../data/bundle';
import { getPersonName, MATCHER_INDEX } from '../../../data/matcher-index';
import { BUNDLED_CARD_MODULE } from '../../../page/bundled-cards';
import highlightsCss from '../../../page/highlights.css?inline';
import { hitTestMention } from '../../../page/hit-test';
import { PageMentions } from '../../../page/page-mentions';
import { Session } from '../../../page/session';

/** A mention as the tests see it: who, the text its range covers and its first line box. */
export interface SeenMention {
  person: string;
  text: string;
  box: { x: number; y: number; width: number; height: number } | null;
}

/** What the entry exposes on `window.__dramatisInjection`. */
export interface InjectionApi {
  /** Starts the real Session on the page's body; resolves after its first pass. */
  startSession(settings?: Partial<Settings>): Promise<SeenMention[]>;
  /** The session's mentions, in document order. */
  mentions(): SeenMention[];
  /** True when the session has scanned every change to the page seen so far. */
  isSettled(): boolean;
  /** Follows new settings, as the content script does when the options change. */
  updateSettings(settings: Partial<Settings>): void;
  /** Opens the card of `person`'s first mention, as the popup's "show" does. */
  reveal(person: string): boolean;
  /** Ends the session. */
  stop(): void;
  /** Starts PageMentions alone (no painter, no listeners); resolves after its first pass. */
  startMentions(): Promise<SeenMention[]>;
  /** The mention hit testing finds at the viewport point (x, y), or null. */
  hitTest(x: number, y: number): SeenMention | null;
}

declare global {
  interface Window {
    __dramatisInjection?: InjectionApi;
  }
}

const matcher = matcherFromIndex(MATCHER_INDEX, PEOPLE);
let session: Session | undefined;
let mentions: PageMentions | undefined;

const sheet = new CSSStyleSheet();
sheet.replaceSync(highlightsCss);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

function toSeen(m: { mention: { person: string }; range: AbstractRange }): SeenMention {
  const live = document.createRange();
  live.setStart(m.range.startContainer, m.range.startOffset);
  live.setEnd(m.range.endContainer, m.range.endOffset);
  const rect = live.getClientRects()[0];
  const box = rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null;
  return { person: m.mention.person, text: live.toString(), box };
}

function requireSession(): Session {
  if (!session) throw new Error('startSession() first');
  return session;
}

window.__dramatisInjection = {
  async startSession(settings = {}) {
    session?.stop();
    session = new Session({
      root: document.body,
      matcher,
      settings: { ...DEFAULT_SETTINGS, ...settings },
      loadCard: () => Promise.resolve(BUNDLED_CARD_MODULE),
      nameOf: getPersonName,
      reportCount: () => undefined,
      hideSite: () => undefined,
    });
    await session.firstPass;
    return session.mentions().map(toSeen);
  },
  mentions: () => requireSession().mentions().map(toSeen),
  isSettled: () => requireSession().isSettled(),
  updateSettings: (settings) => requireSession().updateSettings({ ...DEFAULT_SETTINGS, ...settings }),
  reveal: (person) => requireSession().reveal(person),
  stop() {
    session?.stop();
    session = undefined;
  },
  async startMentions() {
    mentions?.stop();
    mentions = new PageMentions(document.body, matcher);
    mentions.start();
    await mentions.firstPass;
    return mentions.mentions().map(toSeen);
  },
  hitTest(x, y) {
    if (!mentions) throw new Error('startMentions() first');
    const hit = hitTestMention(document, mentions, x, y);
    return hit ? toSeen(hit) : null;
  },
};
