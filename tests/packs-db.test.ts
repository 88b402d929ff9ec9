/**
 * Stored packs (platform/packs-db.ts) over fake-indexeddb: import validates then stores, atomically;
 * a refused pack, a full disk or a browser without IndexedDB changes nothing stored and says why;
 * export, reset and import bring back exactly what was there.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { packOfKnowledgeBase, type Pack } from '../core/pack';
import {
  PACKS_DB_NAME,
  PACKS_DB_VERSION,
  PackStore,
  PackStoreError,
  serializePack,
} from '../platform/packs-db';
import { loadKnowledgeBase } from '../scripts/kb-files';
import { ARTICLE_TEXT, createTestPack } from './support/packs';

const BUNDLED = packOfKnowledgeBase(loadKnowledgeBase());
const NOW = () => new Date('2026-12-01T10:00:00Z');

let store: PackStore;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = await PackStore.open(BUNDLED, NOW);
});
afterEach(() => {
  store.close();
  vi.restoreAllMocks();
});

/** Saves one source with one quote of Witkoff to My sources (the way "Save this article" will). */
function saveArticle(pack: Pack): Pack {
  const test = createTestPack('mine');
  return {
    ...pack,
    sources: [...pack.sources, ...test.sources],
    background: [...(pack.background ?? []), ...(test.background ?? [])],
    additions: [...pack.additions, ...test.additions],
  };
}

/** A rejection's PackStoreError. */
async function failureOf(promise: Promise<unknown>): Promise<PackStoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackStoreError);
  return error as PackStoreError;
}

describe('PackStore', () => {
  it('imports a valid pack, lists it, exports it as the same pack, and removes it', async () => {
    const pack = createTestPack();
    const stored = await store.importPack(serializePack(pack), 'desk.dramatis.json');
    expect(stored).toEqual({ id: 'test-desk', pack, addedAt: '2026-12-01T10:00:00.000Z' });
    expect(await store.listPacks()).toEqual([stored]);
    expect(JSON.parse(await store.exportPack('test-desk'))).toEqual(pack);
    await store.removePack('test-desk');
    expect(await store.listPacks()).toEqual([]);
  });

  it('refuses a malformed pack whole, naming what is wrong, and changes nothing stored', async () => {
    const good = await store.importPack(serializePack(createTestPack()));
    const cases: [string, (pack: Pack) => void, RegExp][] = [
      [
        'schema error',
        (p) => void ((p as { name?: string }).name = undefined),
        /\(pack "other"\): \(pack\): name: /,
      ],
      [
        'quote not in source text',
        (p) => void (p.additions[0]!.quotes![0]!.text = 'We are close,'),
        /additions\[0\]: steve-witkoff: quotes\[0\]\.text: quote "We are close," is not found verbatim/,
      ],
      [
        'unknown person reference',
        (p) => void (p.additions[0]!.person = 'steve-witkof'),
        /additions\[0\]: steve-witkof \(addition\): person: unknown person "steve-witkof"/,
      ],
    ];
    for (const [, edit, expected] of cases) {
      const pack = createTestPack('other');
      edit(pack);
      const error = await failureOf(store.importPack(serializePack(pack), 'other.dramatis.json'));
      expect(error.kind).toBe('invalid');
      expect(error.message).toMatch(expected);
      expect(error.message).toContain('Nothing stored has changed.');
      expect(await store.listPacks()).toEqual([good]);
    }
  });

  it('refuses a file that is not JSON, and a second pack with a stored id', async () => {
    const good = await store.importPack(serializePack(createTestPack()));
    expect((await failureOf(store.importPack('<html>', 'page.html'))).message).toMatch(
      /^Could not import “page.html”: it is not a pack file \(not valid JSON/,
    );
    const again = await failureOf(store.importPack(serializePack({ ...createTestPack(), name: 'Renamed' })));
    expect(again.kind).toBe('exists');
    expect(again.message).toContain('a pack with the id "test-desk" (“Test desk”) is already stored');
    expect(await store.listPacks()).toEqual([good]);
  });

  it('saves to My sources through the same validation: a misquote is refused, My sources unchanged', async () => {
    const saved = await store.saveToMySources(saveArticle);
    expect(saved.pack.name).toBe('My sources');
    expect(saved.pack.additions[0]?.quotes?.[0]?.text).toBe('We are closer than we have ever been,');

    const error = await failureOf(
      store.saveToMySources((pack) => {
        pack.additions[0]!.quotes![0]!.text = 'We are closer than ever,';
        return pack;
      }),
    );
    expect(error.message).toMatch(
      /^Could not save to My sources: one problem\. Nothing stored has changed\.\n/,
    );
    expect(error.message).toContain(
      '\npack "my-sources" additions[0]: steve-witkoff: quotes[0].text: quote "We are closer than ever,"',
    );
    expect(await store.listPacks()).toEqual([saved]);
  });

  it('refuses a pack that reuses a source id of a stored pack or of the bundled pack', async () => {
    await store.saveToMySources(saveArticle);
    const clash = createTestPack('other');
    clash.sources[0]!.id = 'mine-wire-1';
    const testenko = clash.people[0]!;
    for (const claim of [...testenko.roles, ...testenko.summary, testenko.country!])
      claim.sources = ['mine-wire-1'];
    const error = await failureOf(store.importPack(serializePack(clash)));
    expect(error.message).toContain(
      'sources[0]: mine-wire-1: id: already the id of a source of another pack',
    );
  });

  it('turns packs on and off, the bundled one too, and forgets the switch of a removed pack', async () => {
    await store.importPack(serializePack(createTestPack()));
    await store.setPackEnabled('bundled', false);
    await store.setPackEnabled('test-desk', false);
    expect(await store.listDisabledPacks()).toEqual(['bundled', 'test-desk']);
    await store.setPackEnabled('bundled', true);
    await store.removePack('test-desk');
    expect(await store.listDisabledPacks()).toEqual([]);
    expect((await failureOf(store.removePack('bundled'))).kind).toBe('protected');
  });

  it('export, reset, import brings back every pack exactly', async () => {
    await store.importPack(serializePack(createTestPack()));
    await store.importPack(serializePack(createTestPack('second')));
    await store.saveToMySources(saveArticle);
    const before = await store.listPacks();
    expect(before.map((s) => s.id)).toEqual(['my-sources', 'second', 'test-desk']);
    const files = await Promise.all(before.map((s) => store.exportPack(s.id)));

    await store.reset();
    expect(await store.listPacks()).toEqual([]);
    for (const file of files) await store.importPack(file);

    expect((await store.listPacks()).map((s) => s.pack)).toEqual(before.map((s) => s.pack));
    expect(JSON.stringify((await store.listPacks())[0]?.pack.sources[0])).toContain(
      ARTICLE_TEXT.slice(0, 60),
    );
  });

  it('keeps the packs when the database is opened again', async () => {
    const stored = await store.importPack(serializePack(createTestPack()));
    store.close();
    store = await PackStore.open(BUNDLED, NOW);
    expect(await store.listPacks()).toEqual([stored]);
    const db = await openDB(PACKS_DB_NAME);
    expect(db.version).toBe(PACKS_DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['packs', 'state']);
    db.close();
  });
});

describe('PackStore when storage fails', () => {
  it('says the storage is full when a write exceeds the quota, and loses nothing', async () => {
    const good = await store.importPack(serializePack(createTestPack()));
    await store.saveToMySources(saveArticle);
    const before = await store.listPacks();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    const imported = await failureOf(store.importPack(serializePack(createTestPack('third'))));
    expect(imported.kind).toBe('quota');
    expect(imported.message).toMatch(
      /^Could not import the pack: the browser's storage for Dramatis is full\. Nothing stored has changed\./,
    );
    const saved = await failureOf(store.saveToMySources((p) => ({ ...p, name: 'Mine' })));
    expect(saved.kind).toBe('quota');

    vi.restoreAllMocks();
    expect(await store.listPacks()).toEqual(before);
    expect(before).toContainEqual(good);
  });

  it('says IndexedDB is unavailable where the browser offers none, or refuses to open it', async () => {
    store.close();
    const saved = globalThis.indexedDB;
    try {
      // @ts-expect-error: a browser without IndexedDB (some private modes).
      delete globalThis.indexedDB;
      const missing = await failureOf(PackStore.open(BUNDLED));
      expect(missing.kind).toBe('unavailable');
      expect(missing.message).toMatch(
        /^Dramatis cannot store packs in this browser: its database \(IndexedDB\) is unavailable/,
      );
      expect(missing.message).toContain('The bundled knowledge base still works');

      globalThis.indexedDB = saved;
      vi.spyOn(IDBFactory.prototype, 'open').mockImplementation(() => {
        throw new DOMException(
          'A mutation operation was attempted on a database that did not allow mutations.',
          'InvalidStateError',
        );
      });
      expect((await failureOf(PackStore.open(BUNDLED))).kind).toBe('unavailable');
    } finally {
      globalThis.indexedDB = saved;
      vi.restoreAllMocks();
      store = await PackStore.open(BUNDLED, NOW);
    }
  });
});
