/**
 * The background's knowledge service over WXT's fake browser and fake-indexeddb: the options page's pack
 * operations, and card data that follows them (an imported quote shows on the bundled person's card,
 * and goes when its pack is turned off or removed).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildCardModel } from '../core/card-model';
import { DEFAULT_SETTINGS } from '../core/settings';
import { BUNDLED_PACK } from '../data/bundled-pack';
import type { CardData } from '../core/card-data';
import type { PacksOverview, PackResult } from '../platform/messages';
import { serializePack } from '../platform/packs-db';
import { askBackground, startFreshBackground } from './support/background';
import { createTestPack } from './support/packs';

const ask = askBackground;

const witkoffQuotes = async () =>
  (await ask<CardData>({ type: 'background:card-data', person: 'steve-witkoff' })).person.quotes.map(
    (q) => q.text,
  );

beforeEach(startFreshBackground);

describe('background: knowledge packs', () => {
  it('tells every open tab and the extension’s pages when a pack changes (open cards and an open options page follow), and none when a change is refused', async () => {
    const tabs = await Promise.all(
      ['https://example.com/a', 'https://example.org/b'].map((url) => fakeBrowser.tabs.create({ url })),
    );
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const told = () =>
      sent.mock.calls.filter(([, m]) => (m as { type: string }).type === 'content:knowledge-changed');
    // The extension's pages hear it as a runtime message (askBackground sends its own through the same call).
    const broadcast = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const pagesTold = () =>
      broadcast.mock.calls.filter(
        ([m]) => (m as unknown as { type?: string } | null)?.type === 'pages:knowledge-changed',
      );
    const text = serializePack(createTestPack());
    expect(
      await ask<PackResult>({ type: 'background:import-pack', text, fileName: 'a.dramatis.json' }),
    ).toMatchObject({ ok: true });
    const open = (await fakeBrowser.tabs.query({})).map((t) => t.id);
    expect(open).toEqual(expect.arrayContaining(tabs.map((t) => t.id)));
    await vi.waitFor(() => expect(told().map(([tab]) => tab)).toEqual(open));
    await vi.waitFor(() => expect(pagesTold()).toHaveLength(1));
    sent.mockClear();
    broadcast.mockClear();
    const refused = await ask<PackResult>({
      type: 'background:import-pack',
      text: '{',
      fileName: 'b.dramatis.json',
    });
    expect(refused.ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(told()).toEqual([]);
    expect(pagesTold()).toEqual([]);
    await ask<PackResult>({ type: 'background:set-pack-enabled', id: 'test-desk', isOn: false });
    await vi.waitFor(() => expect(told()).toHaveLength(open.length));
    await vi.waitFor(() => expect(pagesTold()).toHaveLength(1));
  });

  it('lists the bundled pack and an empty My sources at first', async () => {
    const overview = await ask<PacksOverview>({ type: 'background:list-packs' });
    expect(overview.storageError).toBeUndefined();
    expect(overview.packs).toEqual([
      expect.objectContaining({ id: 'bundled', kind: 'bundled', isEnabled: true, sources: 5, people: 25 }),
      expect.objectContaining({ id: 'my-sources', kind: 'mine', sources: 0, people: 0, quotes: 0 }),
    ]);
  });

  it('imports a pack: its quote joins the bundled person’s card; off, then removed, it goes', async () => {
    const before = await witkoffQuotes();
    expect(
      await ask<PackResult>({
        type: 'background:import-pack',
        text: serializePack(createTestPack()),
        fileName: 'desk.dramatis.json',
      }),
    ).toEqual({ ok: true, id: 'test-desk' });
    const overview = await ask<PacksOverview>({ type: 'background:list-packs' });
    expect(overview.packs.find((p) => p.id === 'test-desk')).toMatchObject({
      name: 'Test desk',
      kind: 'imported',
      isEnabled: true,
      sources: 1,
      people: 1,
      quotes: 2,
    });
    const card = await ask<CardData>({ type: 'background:card-data', person: 'steve-witkoff' });
    expect(card.person.quotes.map((q) => q.text)).toEqual([
      ...before,
      'We are closer than we have ever been,',
    ]);
    expect(card.sources.find((s) => s.id === 'test-desk-wire-1')).toMatchObject({
      outlet: { name: 'Test Wire' },
      url: 'https://example.com/news/talks',
      pack: 'test-desk',
    });

    await ask({ type: 'background:set-pack-enabled', id: 'test-desk', isOn: false });
    expect(await witkoffQuotes()).toEqual(before);
    await ask({ type: 'background:set-pack-enabled', id: 'test-desk', isOn: true });
    expect((await witkoffQuotes()).length).toBe(before.length + 1);
    expect(await ask({ type: 'background:remove-pack', id: 'test-desk' })).toEqual({ ok: true });
    expect(await witkoffQuotes()).toEqual(before);
  });

  it('serves with a person’s card data the background statements their conflicts cite, for the card to show', async () => {
    const card = await ask<CardData>({ type: 'background:card-data', person: 'kaja-kallas' });
    const cited = [...card.person.roles, ...card.person.actions].flatMap((item) =>
      (item.conflicts ?? []).flatMap((c) => c.sources.filter((id) => id.startsWith('bg-'))),
    );
    expect(cited.length).toBeGreaterThan(0);
    expect(card.background.map((b) => b.id).sort()).toEqual([...new Set(cited)].sort());
    const model = buildCardModel(card.person, card.sources, card.people, DEFAULT_SETTINGS, card.background);
    expect(model.background.map((b) => b.id).sort()).toEqual([...new Set(cited)].sort());
  });

  it('refuses a malformed pack with a message naming what is wrong; the packs stay as they were', async () => {
    const before = await ask<PacksOverview>({ type: 'background:list-packs' });
    const bad = createTestPack();
    bad.additions[0]!.person = 'nobody-known';
    const result = await ask<PackResult>({
      type: 'background:import-pack',
      text: serializePack(bad),
      fileName: 'bad.dramatis.json',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(
      'bad.dramatis.json (pack "test-desk") additions[0]: nobody-known (addition): person: unknown person "nobody-known"',
    );
    expect(await ask<PacksOverview>({ type: 'background:list-packs' })).toEqual(before);
  });

  it('exports the bundled pack with its texts, and refuses to remove it', async () => {
    const exported = await ask<{ ok: boolean; text: string; fileName: string }>({
      type: 'background:export-pack',
      id: 'bundled',
    });
    expect(exported.fileName).toBe('bundled.dramatis.json');
    expect(JSON.parse(exported.text)).toEqual(BUNDLED_PACK);
    expect(BUNDLED_PACK.sources.every((s) => s.text.length > 1000)).toBe(true);
    const removed = await ask<PackResult>({ type: 'background:remove-pack', id: 'bundled' });
    expect(removed).toEqual({ ok: false, error: 'The bundled pack cannot be removed; turn it off instead.' });
  });

  it('serves the bundled pack and says why when IndexedDB is unavailable', async () => {
    // @ts-expect-error: a browser without IndexedDB (some private modes).
    delete globalThis.indexedDB;
    const overview = await ask<PacksOverview>({ type: 'background:list-packs' });
    expect(overview.storageError).toMatch(/IndexedDB\) is unavailable/);
    expect(overview.packs.map((p) => p.id)).toEqual(['bundled']);
    expect((await witkoffQuotes()).length).toBeGreaterThan(0);
    const imported = await ask<PackResult>({
      type: 'background:import-pack',
      text: serializePack(createTestPack()),
      fileName: 'desk.dramatis.json',
    });
    expect(!imported.ok && imported.error).toMatch(/^Dramatis cannot store packs in this browser/);
  });
});
