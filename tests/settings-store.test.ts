/**
 * The settings store over WXT's in-memory fake of browser.storage: defaults, corrupt values, failing
 * reads, migrations and watching. Each test imports the store afresh, as another tab or the popup would.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, SETTINGS, type Settings } from '../core/settings';
import { GRAHAM_CORRECTION } from './support/corrections';
import { fakeRegisteredScripts } from './support/registered-scripts';

type Store = typeof import('../platform/settings-store');

async function importStore(): Promise<Store> {
  vi.resetModules();
  return import('../platform/settings-store');
}

const local = () => fakeBrowser.storage.local;

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('settings store', () => {
  it('gives the defaults on a fresh install', async () => {
    const store = await importStore();
    expect(await store.loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves and loads every setting', async () => {
    const store = await importStore();
    const custom: Settings = {
      highlightStyle: 'background',
      quoteHighlight: 'background',
      hoverDelayMs: 800,
      theme: 'dark',
      disabledSources: ['002_508fa90569225c0e'],
      disabledOutlets: ['Kyiv Post'],
      disabledSites: ['example.com'],
      corrections: [GRAHAM_CORRECTION],
    };
    await store.replaceSettings(custom);
    expect(await store.loadSettings()).toEqual(custom);
    // A fresh context (another tab, the popup) reads the same.
    expect(await (await importStore()).loadSettings()).toEqual(custom);
  });

  it('stores one item per setting under settings.<name>', async () => {
    const store = await importStore();
    await store.saveSettings({ theme: 'light', disabledSites: ['example.com'] });
    expect(await local().get(['settings.theme', 'settings.disabledSites'])).toEqual({
      'settings.theme': 'light',
      'settings.disabledSites': ['example.com'],
    });
  });

  it('falls back to the default of each corrupt or unknown stored value, without throwing', async () => {
    await local().set({
      'settings.highlightStyle': 'sparkles',
      'settings.hoverDelayMs': 'fast',
      'settings.theme': 42,
      'settings.disabledSources': 'all of them',
      'settings.disabledOutlets': [1, null, 'Kyiv Post', { x: 1 }],
      'settings.disabledSites': { 'example.com': true },
      'settings.fontSize': 12, // a setting Dramatis does not have
    });
    const store = await importStore();
    expect(await store.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, disabledOutlets: ['Kyiv Post'] });
  });

  it('clamps an out-of-range hover delay and rounds it', async () => {
    await local().set({ 'settings.hoverDelayMs': 99_999 });
    const store = await importStore();
    expect((await store.loadSettings()).hoverDelayMs).toBe(2000);
    await local().set({ 'settings.hoverDelayMs': 333.3 });
    expect((await store.loadSettings()).hoverDelayMs).toBe(333);
  });

  it('reads every setting in one storage call (a page waits for it before painting)', async () => {
    await local().set({ 'settings.theme': 'dark', 'settings.hoverDelayMs': 700 });
    const store = await importStore();
    const get = vi.spyOn(local(), 'get');
    expect(await store.loadSettings()).toMatchObject({ theme: 'dark', hoverDelayMs: 700 });
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('gives the defaults when storage cannot be read at all', async () => {
    const store = await importStore();
    vi.spyOn(local(), 'get').mockRejectedValue(new Error('storage is broken'));
    expect(await store.loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('validates what it saves', async () => {
    const store = await importStore();
    const saved = await store.saveSettings({
      hoverDelayMs: -5,
      theme: 'neon' as Settings['theme'],
      disabledSites: ['https://www.Example.com/a', 'not a site'],
    });
    expect(saved).toMatchObject({ hoverDelayMs: 100, theme: 'system', disabledSites: ['example.com'] });
    expect(await store.loadSettings()).toEqual(saved);
  });

  it('resets every setting to its default, the lists included', async () => {
    const store = await importStore();
    await store.saveSettings({ theme: 'dark', hoverDelayMs: 900, disabledSites: ['example.com'] });
    expect(await store.resetSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await (await importStore()).loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('ignores keys that are not settings when saving', async () => {
    const store = await importStore();
    await store.saveSettings({ theme: 'dark', fontSize: 3 } as Partial<Settings>);
    expect(await local().get('settings.fontSize')).toEqual({});
  });
});

describe('settings store: migrations', () => {
  it('migrates disabledSites v1 (as written) to v2 (normalised host names) once', async () => {
    await local().set({
      'settings.disabledSites': [
        'https://www.Example.com/news',
        'example.com',
        'not a site!',
        42,
        'Localhost',
      ],
    });
    const store = await importStore();
    expect((await store.loadSettings()).disabledSites).toEqual(['example.com', 'localhost']);
    expect(await local().get(['settings.disabledSites', 'settings.disabledSites$'])).toEqual({
      'settings.disabledSites': ['example.com', 'localhost'],
      'settings.disabledSites$': { v: 2 },
    });
  });

  it('migrates junk to an empty list instead of failing', async () => {
    await local().set({ 'settings.disabledSites': 'example.com' });
    const store = await importStore();
    expect((await store.loadSettings()).disabledSites).toEqual([]);
  });

  it('marks a fresh value with the current version', async () => {
    const store = await importStore();
    await store.saveSettings({ disabledSites: ['example.com'] });
    expect(await local().get('settings.disabledSites$')).toEqual({ 'settings.disabledSites$': { v: 2 } });
  });

  it('survives a value stored by a newer version (a downgrade) and still validates it', async () => {
    await local().set({
      'settings.disabledSites': ['example.com', 7],
      'settings.disabledSites$': { v: 9 },
    });
    const store = await importStore();
    expect((await store.loadSettings()).disabledSites).toEqual(['example.com']);
    // Not migrated "back": the newer version's record stays for that version to read.
    expect(await local().get('settings.disabledSites$')).toEqual({ 'settings.disabledSites$': { v: 9 } });
  });

  it('declares a migration for every version step', () => {
    for (const [key, { version, migrations }] of Object.entries(SETTINGS)) {
      for (let v = 2; v <= version; v++) expect(migrations?.[v], `${key} v${v}`).toBeTypeOf('function');
    }
  });
});

describe('settings store: watching', () => {
  it('reports every change with the full, fresh settings', async () => {
    const store = await importStore();
    const seen: Settings[] = [];
    const stop = store.watchSettings((s) => seen.push(s));
    await store.saveSettings({ theme: 'dark' });
    await vi.waitFor(() => expect(seen.at(-1)?.theme).toBe('dark'));
    stop();
    await store.saveSettings({ theme: 'light' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.at(-1)?.theme).toBe('dark');
  });

  it('ends with the final state when many settings change at once', async () => {
    const store = await importStore();
    const seen: Settings[] = [];
    store.watchSettings((s) => seen.push(s));
    const target: Settings = {
      highlightStyle: 'none',
      quoteHighlight: 'off',
      hoverDelayMs: 1500,
      theme: 'light',
      disabledSources: ['000_3cc1c4cc7cf39fe5'],
      disabledOutlets: [],
      disabledSites: ['example.org'],
      corrections: [],
    };
    await store.replaceSettings(target);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(target));
  });
});

describe('settings store: what a page starts from (issue 10)', () => {
  it('reads the same start from the read the content script begins as from a read of its own', async () => {
    await local().set({
      'settings.theme': 'dark',
      'settings.theme$': { v: 1 },
      'settings.hoverDelayMs': 'junk',
      'settings.corrections': [GRAHAM_CORRECTION],
      'settings.disabledSites': ['https://www.Example.com/news'], // v1: migrated on read
      addedPeople: null,
    });
    const store = await importStore();
    const { readPageStart } = await import('../platform/page-start');
    const early = await store.loadPageStart(readPageStart());
    expect(early.settings).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      corrections: [GRAHAM_CORRECTION],
      disabledSites: ['example.com'],
    });
    expect(early.added).toBeUndefined();
    expect(await store.loadPageStart()).toEqual(early);
  });
});

describe('settings store: what a page follows (issue 14)', () => {
  const added = (name: string) => ({
    people: [{ id: name.toLowerCase().replace(' ', '-'), name, givenNames: [], aliases: [] }],
    index: { forms: [], givenNames: [], middleNames: [], notNames: [] },
  });

  it('reports settings and added people from one storage listener, and nothing for other keys', async () => {
    const store = await importStore();
    const { publishAddedPeople } = await import('../platform/added-people-store');
    fakeRegisteredScripts();
    const settings: Settings[] = [];
    const people: unknown[] = [];
    const addListener = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    const stop = store.watchPageStart({
      onSettings: (s) => settings.push(s),
      onAddedPeople: (a) => people.push(a),
    });
    expect(addListener).toHaveBeenCalledTimes(1);

    await publishAddedPeople(added('Lena Brunner') as never);
    await vi.waitFor(() => expect(people).toHaveLength(1));
    expect(people[0]).toMatchObject({ people: [{ name: 'Lena Brunner' }] });
    expect(settings).toEqual([]);

    await store.saveSettings({ theme: 'dark' });
    await vi.waitFor(() => expect(settings.at(-1)?.theme).toBe('dark'));
    expect(people).toHaveLength(1);

    // Another key (a pack's data, anything not the page's) reports nothing.
    await local().set({ somethingElse: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([settings.length, people.length]).toEqual([1, 1]);

    // The last person removed: published as none.
    await publishAddedPeople(undefined);
    await vi.waitFor(() => expect(people).toHaveLength(2));
    expect(people[1]).toBeUndefined();

    stop();
    await publishAddedPeople(added('Keith Kellogg') as never);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(people).toHaveLength(2);
  });
});
