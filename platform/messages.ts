/**
 * The one message protocol between the extension's parts (STYLE.md habit 4), typed and named by
 * direction. Only this module calls browser.runtime/tabs messaging.
 */
import { browser } from 'wxt/browser';

/** A person found on a page, for the popup and the badge. */
export interface PagePerson {
  id: string;
  name: string;
  count: number;
}

/** Messages the popup or background send to a tab's content script, with their answers. */
export interface ToContent {
  'content:get-people': {
    request: Record<string, never>;
    response: { people: PagePerson[]; isPaused: boolean };
  };
  'content:reveal-person': { request: { person: string }; response: { isRevealed: boolean } };
}

/** Messages content scripts and pages send to the background, with their answers. */
export interface ToBackground {
  'background:page-people': { request: { count: number }; response: void };
  'background:open-search': { request: { query: string }; response: void };
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
  [K in keyof M]?: (
    message: Envelope<M, K>,
    sender: { tab?: { id?: number } | undefined },
  ) => Answer<M, K> | Promise<Answer<M, K>>;
};

/** Answers messages of protocol M with `handlers`; returns the function that stops listening. */
export function listen<M>(handlers: Handlers<M>): () => void {
  const listener = (message: unknown, sender: { tab?: { id?: number } | undefined }) => {
    if (typeof message !== 'object' || message === null) return undefined;
    const type = (message as { type?: unknown }).type;
    if (typeof type !== 'string' || !(type in handlers)) return undefined;
    const handler = handlers[type as keyof M] as ((m: unknown, s: typeof sender) => unknown) | undefined;
    if (!handler) return undefined;
    return Promise.resolve(handler(message, sender));
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
