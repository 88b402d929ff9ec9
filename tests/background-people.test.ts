/**
 * People the reader adds (issue 14), through the background over WXT's fake browser and fake-indexeddb:
 * the person is saved to My sources with the page as their source (validated like every pack), the
 * pages' published index follows every change of the packs, and the page's matcher then finds them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findMentions } from '../core/matcher';
import type { SavePersonRequest } from '../core/person-form';
import { proposePerson } from '../core/person-form';
import type { SaveArticleRequest } from '../core/save-article';
import { buildPageMatcher } from '../page/page-matcher';
import type { CardData } from '../core/card-data';
import type { PackResult } from '../platform/messages';
import { serializePack } from '../platform/packs-db';
import { loadPageStart } from '../platform/settings-store';
import { loadAddedGate } from '../platform/added-gate-store';
import { compileNameGate, gateOpens } from '../core/name-gate';
import { askBackground, startFreshBackground } from './support/background';
import { createTestPack } from './support/packs';

const ask = askBackground;
let registered: ReturnType<typeof startFreshBackground>;
beforeEach(() => {
  registered = startFreshBackground();
});

/**
 * What the script every page runs learns of the added people: whether their script is registered for new
 * pages, and whether the gate it reads opens for `text`.
 */
const firstStageSees = async (text: string) => {
  const gate = await loadAddedGate();
  return {
    script: [...registered.values()].map((s) => s.js),
    opens: gate !== undefined && gateOpens(compileNameGate(gate), text),
  };
};

const TEXT = [
  'Kellogg meets Zelensky in Kyiv',
  'US special envoy Keith Kellogg arrived in Kyiv on Tuesday. He said the talks would go on.',
].join('\n');

const article: SaveArticleRequest = {
  text: TEXT,
  fields: {
    headline: 'Kellogg meets Zelensky in Kyiv',
    outlet: 'Example News',
    authors: '',
    published: '2026-12-01',
    url: 'https://news.example.com/kellogg',
  },
  fieldSources: {
    headline: 'og:title',
    outlet: 'og:site_name',
    authors: undefined,
    published: 'meta',
    url: 'the tab',
  },
  quotes: [],
  savedAt: '2026-12-02T03:00:00.000Z',
};

const addKellogg = (change: Partial<SavePersonRequest> = {}) =>
  ask<PackResult & { id?: string }>({
    type: 'background:save-person',
    person: { form: proposePerson('Keith Kellogg', TEXT), page: { article }, commonWords: [], ...change },
  });

/** Who the page's matcher finds in `text`, built from what pages read at start. */
const spotted = async (text: string) =>
  findMentions(buildPageMatcher((await loadPageStart()).added).matcher, text).map((m) => m.person);

describe('background: people the reader adds', () => {
  it('saves the person with the page as their source; pages find them from then on', async () => {
    expect(await spotted('Then Kellogg flew home.')).toEqual([]);
    expect(await firstStageSees('Then Kellogg flew home.')).toEqual({ script: [], opens: false });
    expect(await addKellogg()).toEqual({ ok: true, id: 'keith-kellogg' });
    expect(await firstStageSees('Then Kellogg flew home.')).toEqual({
      script: [['added-people-gate.js']],
      opens: true,
    });
    const card = await ask<CardData>({ type: 'background:card-data', person: 'keith-kellogg' });
    expect(card.person.roles).toEqual([{ title: 'US special envoy', sources: [card.sources[0]!.id] }]);
    expect(card.sources[0]).toMatchObject({ url: 'https://news.example.com/kellogg', pack: 'my-sources' });
    expect(await spotted('Then Kellogg flew home. Steve Witkoff stayed.')).toEqual([
      'keith-kellogg',
      'steve-witkoff',
    ]);
  });

  it('after an update, pages get the added people again in the new index format', async () => {
    await addKellogg();
    // What an older version published: rows of [key, written form, id, alias index].
    const { addedPeople } = (await fakeBrowser.storage.local.get('addedPeople')) as {
      addedPeople: { people: unknown[]; index: Record<string, unknown> };
    };
    const old = {
      ...addedPeople,
      index: { ...addedPeople.index, forms: [['kellogg', 'Kellogg', 'keith-kellogg', 0]] },
    };
    await fakeBrowser.storage.local.set({ addedPeople: old });
    // The page reads nothing it cannot trust: the bundled people are still found.
    expect(await spotted('Then Kellogg met Steve Witkoff.')).toEqual(['steve-witkoff']);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    await vi.waitFor(async () =>
      expect(await spotted('Then Kellogg met Steve Witkoff.')).toEqual(['keith-kellogg', 'steve-witkoff']),
    );
  });

  it('edits and deletes a person; the pages follow', async () => {
    await addKellogg();
    const edited = { ...proposePerson('Keith Kellogg', TEXT), name: 'Gen. Keith Kellogg' };
    expect(
      await ask({
        type: 'background:save-person',
        person: { form: edited, page: { article }, commonWords: [], id: 'keith-kellogg' },
      }),
    ).toEqual({ ok: true, id: 'keith-kellogg' });
    const mine = await ask<{ people: { name: string }[] }>({ type: 'background:my-people' });
    expect(mine.people.map((p) => p.name)).toEqual(['Gen. Keith Kellogg']);
    expect(await ask({ type: 'background:remove-person', id: 'keith-kellogg' })).toEqual({ ok: true });
    expect(await spotted('Then Kellogg flew home.')).toEqual([]);
    // No one added: new pages run no added people's script, and there is no gate to read.
    expect(await firstStageSees('Then Kellogg flew home.')).toEqual({ script: [], opens: false });
  });

  it('refuses a sentence that is not the page’s, naming the field; nothing is stored', async () => {
    const answer = await addKellogg({
      form: { ...proposePerson('Keith Kellogg', TEXT), sentence: 'Kellogg is famous.' },
    });
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/Sentence: /) });
    expect((await ask<{ people: unknown[] }>({ type: 'background:my-people' })).people).toEqual([]);
  });

  it('an imported pack’s people reach the pages, and leave when the pack is turned off', async () => {
    await ask({
      type: 'background:import-pack',
      text: serializePack(createTestPack()),
      fileName: 'desk.dramatis.json',
    });
    expect(await spotted('Olena Testenko spoke.')).toEqual(['test-desk-olena-testenko']);
    await ask({ type: 'background:set-pack-enabled', id: 'test-desk', isOn: false });
    expect(await spotted('Olena Testenko spoke.')).toEqual([]);
    // Nothing is left for pages to read: a page with no added people compiles nothing.
    expect((await loadPageStart()).added).toBeUndefined();
    expect(await fakeBrowser.storage.local.get('addedPeople')).toEqual({});
  });
});
