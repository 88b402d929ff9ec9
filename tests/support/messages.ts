/**
 * Delivering a message to the listeners of WXT's fake browser as the browser does: a listener that
 * returns true answers later through `sendResponse` (platform/messages.ts `listen`).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** Delivers `message` from `sender` to every runtime.onMessage listener; resolves with the answer. */
export async function deliverMessage<T>(message: object, sender: object = {}): Promise<T> {
  let answer: (value: unknown) => void = () => undefined;
  const answered = new Promise((resolve) => (answer = resolve));
  const kept: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, answer);
  return (kept.some((result) => result === true) ? await answered : undefined) as T;
}
