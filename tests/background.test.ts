/**
 * The background over WXT's fake browser: the badge follows the content script's reports and clears on
 * navigation; the context-menu item hands its selection to the popup (or opens the popup page in a tab
 * where the popup cannot open).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../entrypoints/background';
import { deliverMessage } from './support/messages';

type Listener = (...args: unknown[]) => unknown;

/** A minimal event, for APIs the fake browser does not mock (contextMenus). */
function fakeEvent() {
  const listeners: Listener[] = [];
  return {
    addListener: (l: Listener) => void listeners.push(l),
    removeListener: () => undefined,
    hasListener: () => false,
    trigger: (...args: unknown[]) => Promise.all(listeners.map((l) => l(...args))),
  };
}

let menuClicked: ReturnType<typeof fakeEvent>;
let created: unknown[];

/** Delivers `message` to the background as if sent from tab `tabId` (at `url`), returns the answer. */
async function fromTab(message: object, tabId?: number, url?: string): Promise<unknown> {
  const sender = tabId === undefined ? {} : { tab: { id: tabId }, url };
  return deliverMessage(message, sender);
}

const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

beforeEach(() => {
  fakeBrowser.reset();
  menuClicked = fakeEvent();
  created = [];
  Object.assign(fakeBrowser.contextMenus, {
    removeAll: vi.fn(async () => undefined),
    create: vi.fn((props: unknown) => void created.push(props)),
    onClicked: menuClicked,
  });
  background.main();
});

describe('background: badge', () => {
  it('shows the number of people each tab reports', async () => {
    await fromTab({ type: 'background:page-people', count: 4 }, 7, 'https://example.com/a');
    await fromTab({ type: 'background:page-people', count: 2 }, 8, 'https://example.org/b');
    await vi.waitFor(async () => expect(await badge(7)).toBe('4'));
    expect(await badge(8)).toBe('2');
  });

  it('shows nothing for no one, and 99+ for a crowd', async () => {
    await fromTab({ type: 'background:page-people', count: 0 }, 7);
    await vi.waitFor(async () => expect(await badge(7)).toBe(''));
    await fromTab({ type: 'background:page-people', count: 130 }, 7);
    await vi.waitFor(async () => expect(await badge(7)).toBe('99+'));
  });

  it('clears when the tab starts loading another page', async () => {
    await fromTab({ type: 'background:page-people', count: 4 }, 7, 'https://example.com/a');
    await vi.waitFor(async () => expect(await badge(7)).toBe('4'));
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, { id: 7 } as never);
    await vi.waitFor(async () => expect(await badge(7)).toBe(''));
  });

  it('ignores reports from outside a tab', async () => {
    await fromTab({ type: 'background:page-people', count: 4 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

describe('background: context menu', () => {
  it('creates “Look up “%s” in Dramatis” and “Add “%s” to Dramatis” for selections and “Save this article” on install and on start', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() =>
      expect(created).toEqual([
        { id: 'dramatis-look-up', title: 'Look up “%s” in Dramatis', contexts: ['selection'] },
        { id: 'dramatis-add-person', title: 'Add “%s” to Dramatis', contexts: ['selection'] },
        { id: 'dramatis-save-article', title: 'Save this article to Dramatis', contexts: ['page'] },
      ]),
    );
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(created).toHaveLength(6));
    expect(fakeBrowser.contextMenus.removeAll).toHaveBeenCalledTimes(2);
  });

  it('opens the add-person form for a selected name, in a tab, with the name and the page’s tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await menuClicked.trigger(
      { menuItemId: 'dramatis-add-person', selectionText: ' Keith\n Kellogg ' },
      { id: 7 },
    );
    await vi.waitFor(() => expect(create).toHaveBeenCalledOnce());
    const url = new URL(create.mock.calls[0]![0].url!);
    expect(url.pathname).toBe('/add-person.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({ tab: '7', name: 'Keith Kellogg' });
  });

  it('opens the popup and hands it the selection, once', async () => {
    const openPopup = vi.fn(async () => undefined);
    fakeBrowser.action.openPopup = openPopup as never;
    await menuClicked.trigger(
      { menuItemId: 'dramatis-look-up', selectionText: '  Steve\n Witkoff ' },
      { id: 7 },
    );
    expect(openPopup).toHaveBeenCalledOnce();
    expect(await fromTab({ type: 'background:take-search' })).toEqual({ query: 'Steve Witkoff' });
    expect(await fromTab({ type: 'background:take-search' })).toEqual({ query: undefined });
  });

  it('opens the popup page in a tab, with the query, where the popup cannot open', async () => {
    fakeBrowser.action.openPopup = vi.fn(async () => {
      throw new Error('no window to open the popup in');
    }) as never;
    await menuClicked.trigger({ menuItemId: 'dramatis-look-up', selectionText: 'Уиткофф' }, { id: 7 });
    await vi.waitFor(async () => {
      const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
      expect(urls).toContainEqual(expect.stringMatching(/\/popup\.html\?q=%D0%A3%D0%B8.*&tab=7$/));
    });
    expect(await fromTab({ type: 'background:take-search' })).toEqual({ query: undefined });
  });

  it('“Save this article to Dramatis” opens the review sheet for the tab it was chosen in', async () => {
    await menuClicked.trigger({ menuItemId: 'dramatis-save-article' }, { id: 12 });
    await vi.waitFor(async () => {
      const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
      expect(urls).toContainEqual(expect.stringMatching(/\/review\.html\?tab=12$/));
    });
  });

  it('ignores other menu items and empty selections', async () => {
    const openPopup = vi.fn(async () => undefined);
    fakeBrowser.action.openPopup = openPopup as never;
    await menuClicked.trigger({ menuItemId: 'something-else', selectionText: 'Witkoff' }, { id: 7 });
    await menuClicked.trigger({ menuItemId: 'dramatis-look-up', selectionText: '   ' }, { id: 7 });
    expect(openPopup).not.toHaveBeenCalled();
  });
});
