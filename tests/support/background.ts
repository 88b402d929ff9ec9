/**
 * The background over WXT's fake browser and a fresh fake-indexeddb, for tests of its knowledge service
 * (packs, saved articles): start it before each test, then ask it as an extension page would.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { deliverMessage } from './messages';
import { fakeRegisteredScripts } from './registered-scripts';

/**
 * Resets the fake browser and IndexedDB and starts the background (context menus stubbed); returns the
 * registry of the content scripts it registers.
 */
export function startFreshBackground(): ReturnType<typeof fakeRegisteredScripts> {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  Object.assign(fakeBrowser.contextMenus, {
    removeAll: vi.fn(async () => undefined),
    create: vi.fn(),
    onClicked: { addListener: () => undefined },
  });
  const registered = fakeRegisteredScripts();
  background.main();
  return registered;
}

/** Sends `message` to the background as the options page does, returns the answer. */
export async function askBackground<T>(message: object): Promise<T> {
  return deliverMessage<T>(message);
}
