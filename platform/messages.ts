/**
 * The one message protocol between the extension's parts (STYLE.md habit 4), typed and named by
 * direction. Only this module calls browser.runtime/tabs messaging.
 */
import { browser } from 'wxt/browser';
import type { CardData } from '../core/card-data';
import type { KnowledgeSource } from '../core/knowledge-base';
import type { PackSource } from '../core/pack';
import type { SavePersonRequest } from '../core/person-form';
import type { BlockQuote } from '../core/page-quotes';
import type { QuoteVerdict } from '../core/quote-check';
import type { SaveArticleRequest } from '../core/save-article';
import type { BackgroundStatement, Person } from '../data/schema';

/** A person found on a page, for the popup and the badge. */
export interface PagePerson {
  id: string;
  name: string;
  count: number;
}

/** A quotation of the page checked against stored quotes (issue 13), for the popup's list. */
export interface PageQuoteItem {
  /** The quoted words (cut after 300 characters). */
  text: string;
  /** The speaker as the page names them, or the knowledge base's name. */
  speaker: string;
  /**
   * The knowledge-base person the page attributes it to ("Save this quote" presets them). Optional: a
   * content script of an older build answers without it.
   */
  person?: string | undefined;
  verdict: QuoteVerdict;
}

/** What the popup needs to know about a tab's page. */
export interface PageState {
  /** People on the page with their mention counts, in order of first appearance. */
  people: PagePerson[];
  /** The page's checked quotations, in the order found ("new" ones too). */
  quotes: PageQuoteItem[];
  /** True when Dramatis is turned off on this site. */
  isPaused: boolean;
  /** The page's site as `normalizeSite(location.hostname)` stores it; undefined where there is none. */
  site: string | undefined;
}

/** Messages the popup or background send to a tab's content script, with their answers. */
export interface ToContent {
  /** The people on the page, whether Dramatis is paused there, and the page's site (the popup's pause
   * switch needs it even where tab URLs are hidden). */
  'content:get-page-state': { request: Record<string, never>; response: PageState };
  'content:reveal-person': { request: { person: string }; response: { isRevealed: boolean } };
  /** How many people the page names (the toolbar badge after a same-document navigation; 0 when paused). */
  'content:get-count': { request: Record<string, never>; response: { count: number } };
  /** A pack was saved, imported, removed, turned on or off: the card's script drops its card data. */
  'content:knowledge-changed': { request: Record<string, never>; response: void };
}

/**
 * Messages the background sends to the extension's own pages (the options page, the popup, the review
 * sheet) with runtime messaging, which reaches every open one of them and no content script.
 */
export interface ToPages {
  /** A pack was saved, imported, removed, turned on or off, or a person added: pages showing packs read them again. */
  'pages:knowledge-changed': { request: Record<string, never>; response: void };
}

/** The quote check of a page's blocks: each quotation's verdict, and the sources and people it names. */
export interface PageQuotes {
  quotes: BlockQuote[];
  sources: KnowledgeSource[];
  people: { id: string; name: string }[];
}

/** One pack as the options page lists it. */
export interface PackSummary {
  id: string;
  name: string;
  /** bundled: built into Dramatis (cannot be removed); mine: My sources; imported: from a file. */
  kind: 'bundled' | 'mine' | 'imported';
  isEnabled: boolean;
  sources: number;
  people: number;
  /** Direct and partial quotes (the person's words). */
  quotes: number;
  /** Paraphrases (the sources' reports, in our words), counted apart from quotes. */
  paraphrases: number;
  /** When it was imported or first saved (ISO 8601); undefined for the bundled pack and an unsaved My sources. */
  addedAt: string | undefined;
}

/** The packs, and why stored packs are missing when the browser's storage failed. */
export interface PacksOverview {
  packs: PackSummary[];
  storageError: string | undefined;
}

/** The answer to a pack operation: ok, or an error written for the reader (nothing stored changed). */
export type PackResult = { ok: true } | { ok: false; error: string };

/** Messages content scripts and pages send to the background, with their answers. */
export interface ToBackground {
  /** The merged knowledge base (enabled packs), for search and lists. */
  'background:knowledge': {
    request: Record<string, never>;
    response: { people: Person[]; sources: KnowledgeSource[]; background: BackgroundStatement[] };
  };
  /** One person's card data from the merged knowledge base; undefined for an unknown id. */
  'background:card-data': { request: { person: string }; response: CardData | undefined };
  'background:list-packs': { request: Record<string, never>; response: PacksOverview };
  /** Imports a pack file's text (validated whole first). */
  'background:import-pack': { request: { text: string; fileName: string }; response: PackResult };
  'background:export-pack': {
    request: { id: string };
    response: PackResult & { text?: string; fileName?: string };
  };
  'background:set-pack-enabled': { request: { id: string; isOn: boolean }; response: PackResult };
  'background:remove-pack': { request: { id: string }; response: PackResult };
  /** Saves an article reviewed by the reader to My sources (validated like every pack). */
  'background:save-article': {
    request: { article: SaveArticleRequest };
    response: PackResult & { sourceId?: string; isUpdate?: boolean };
  };
  /** Adds or edits a person of My sources, citing a page (issue 14). */
  'background:save-person': {
    request: { person: SavePersonRequest };
    response: PackResult & { id?: string };
  };
  /** Removes a person of My sources, with their quotes. */
  'background:remove-person': { request: { id: string }; response: PackResult };
  /** The people of My sources and its sources, texts included (the options page's "People you added"). */
  'background:my-people': {
    request: Record<string, never>;
    response: { people: Person[]; sources: PackSource[] };
  };
  'background:page-people': { request: { count: number }; response: void };
  /** Checks the quotations of the blocks that hold a quotation mark and a known name (issue 13). */
  'background:check-quotes': { request: { blocks: string[] }; response: PageQuotes };
  /** Runs the card's script (Preact, the card, its data) in the sender's frame; false when refused. */
  'background:load-card': { request: Record<string, never>; response: boolean };
  /**
   * Runs the page session's script (matcher, highlights, quotations) in the sender's frame, once the first
   * stage found a name there (issue 10); false when refused.
   */
  'background:load-page': { request: Record<string, never>; response: boolean };
  /** The popup picks up a search the background was asked to open (and clears it). */
  'background:take-search': { request: Record<string, never>; response: { query: string | undefined } };
}

/** Who sent a message (the part of runtime.MessageSender the handlers use). */
export interface MessageSender {
  tab?: { id?: number } | undefined;
  /** The frame of the tab the message came from (0: the top frame). */
  frameId?: number | undefined;
}

type Envelope<M, K extends keyof M> = { type: K } & (M[K] extends { request: infer R } ? R : never);
type Answer<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;

/** Sends a message to the content script of `tabId`; undefined when no content script answers. */
export async function sendToContent<K extends keyof ToContent>(
  tabId: number,
  type: K,
  request: ToContent[K]['request'],
): Promise<Answer<ToContent, K> | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, { type, ...request })) as Answer<ToContent, K>;
  } catch {
    return undefined; // No content script in that tab (a browser page, a store, a PDF...).
  }
}

/**
 * Sends a message to every open extension page; never throws. With no page open (or none listening)
 * the browser refuses it ("Receiving end does not exist"), which is fine: there is nobody to tell.
 */
export async function sendToPages<K extends keyof ToPages>(
  type: K,
  request: ToPages[K]['request'],
): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type, ...request });
  } catch {
    // No extension page is open.
  }
}

/** Sends a message to the background; never throws (the background may be restarting). */
export async function sendToBackground<K extends keyof ToBackground>(
  type: K,
  request: ToBackground[K]['request'],
): Promise<Answer<ToBackground, K> | undefined> {
  try {
    return (await browser.runtime.sendMessage({ type, ...request })) as Answer<ToBackground, K>;
  } catch {
    return undefined;
  }
}

type Handlers<M> = {
  [K in keyof M]?: (message: Envelope<M, K>, sender: MessageSender) => Answer<M, K> | Promise<Answer<M, K>>;
};

/**
 * Answers messages of protocol M with `handlers`; returns the function that stops listening. Answers go
 * through `sendResponse` (kept open by returning true), not a returned promise: the content script runs
 * on the browser's own API (platform/native-browser.ts), and Chromium's `chrome.runtime.onMessage`
 * does not read a listener's promise. A handler that fails answers undefined, as no answer would.
 */
export function listen<M>(handlers: Handlers<M>): () => void {
  const listener = (message: unknown, sender: MessageSender, sendResponse: (answer: unknown) => void) => {
    if (typeof message !== 'object' || message === null) return false;
    const type = (message as { type?: unknown }).type;
    if (typeof type !== 'string' || !(type in handlers)) return false;
    const handler = handlers[type as keyof M] as ((m: unknown, s: typeof sender) => unknown) | undefined;
    if (!handler) return false;
    new Promise((resolve) => resolve(handler(message, sender))).then(sendResponse, (error: unknown) => {
      console.error(`Dramatis: ${type} failed`, error);
      sendResponse(undefined);
    });
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
