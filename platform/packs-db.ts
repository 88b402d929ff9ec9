/**
 * The one place that stores knowledge packs (docs/packs.md): the reader's "My sources" and imported
 * packs, in IndexedDB through `idb`, plus which packs are turned off (the bundled one included).
 *
 * Every change is one transaction that validates first (core/pack-validate.ts, against the bundled pack
 * and the other stored packs read in that same transaction) and writes second: a pack with a problem,
 * a full disk or a browser without IndexedDB changes nothing stored. Errors are `PackStoreError`s whose
 * message a reader can act on.
 *
 * The database's schema is versioned: to change it, bump PACKS_DB_VERSION and add the migration from the
 * previous version to MIGRATIONS (tests/packs-db.test.ts opens a database of every older version).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { createEmptyPack, type Pack } from '../core/pack';
import { MY_SOURCES_PACK_ID } from '../core/pack-ids';
import { describeProblems, validatePack, type OtherPack } from '../core/pack-validate';
import type { Problem } from '../data/validate';

/** The database's name. */
export const PACKS_DB_NAME = 'dramatis-packs';
/** The database's schema version. */
export const PACKS_DB_VERSION = 1;
/** The name My sources has until the reader renames it. */
export const MY_SOURCES_NAME = 'My sources';

/** One stored pack. */
export interface StoredPack {
  id: string;
  pack: Pack;
  /** When it was imported or first saved (ISO 8601). */
  addedAt: string;
}

interface PacksDb extends DBSchema {
  packs: { key: string; value: StoredPack };
  /** Small named values: `disabledPacks` (string[]). */
  state: { key: string; value: unknown };
}

type Db = IDBPDatabase<PacksDb>;
type UpgradeTransaction = IDBPTransaction<PacksDb, StoreNames<PacksDb>[], 'versionchange'>;

/** MIGRATIONS[v] turns a database of version v - 1 (0: none yet) into version v. */
const MIGRATIONS: Record<number, (db: Db, transaction: UpgradeTransaction) => void> = {
  1: (db) => {
    db.createObjectStore('packs', { keyPath: 'id' });
    db.createObjectStore('state');
  },
};

/** Why a pack operation failed. */
export type PackStoreErrorKind =
  'invalid' | 'exists' | 'not-found' | 'protected' | 'quota' | 'unavailable' | 'failed';

/** A failed pack operation; nothing stored has changed. `message` is written for the reader. */
export class PackStoreError extends Error {
  override readonly name = 'PackStoreError';
  constructor(
    readonly kind: PackStoreErrorKind,
    message: string,
    /** The validation problems, for kind "invalid". */
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }
}

const UNCHANGED = 'Nothing stored has changed.';

/** Turns a storage error into a PackStoreError that says what happened and that nothing changed. */
function explainStorageError(error: unknown, doing: string): PackStoreError {
  if (error instanceof PackStoreError) return error;
  const name = (error as { name?: unknown } | undefined)?.name;
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError')
    return new PackStoreError(
      'quota',
      `Could not ${doing}: the browser's storage for Dramatis is full. ${UNCHANGED} Remove a pack you no longer need, or free disk space, and try again.`,
    );
  return new PackStoreError(
    'failed',
    `Could not ${doing}: the browser's storage failed (${detail}). ${UNCHANGED}`,
  );
}

/** A pack's file text: the pack as JSON, two-space indented, as `npm run pack` writes it. */
export function serializePack(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** The stored packs, and the operations on them. Open one with `openPackStore`. */
export class PackStore {
  private constructor(
    private readonly db: Db,
    private readonly bundled: OtherPack,
    private readonly now: () => Date,
  ) {}

  /**
   * Opens (creating or migrating) the database. `bundled` is the bundled pack (its ids are enough),
   * which stored packs add to and must not collide with. Throws a PackStoreError of kind "unavailable"
   * where the browser offers no IndexedDB (some private modes) or refuses to open it.
   */
  static async open(bundled: OtherPack, now: () => Date = () => new Date()): Promise<PackStore> {
    let db: Db | undefined;
    try {
      if (typeof indexedDB === 'undefined') throw new Error('this browser offers no IndexedDB here');
      db = await openDB<PacksDb>(PACKS_DB_NAME, PACKS_DB_VERSION, {
        upgrade(database, oldVersion, newVersion, transaction) {
          for (let v = oldVersion + 1; v <= (newVersion ?? PACKS_DB_VERSION); v++)
            MIGRATIONS[v]?.(database, transaction);
        },
        // A newer Dramatis (after an update) wants to upgrade the database: let it.
        blocking() {
          db?.close();
        },
      });
    } catch (error) {
      throw new PackStoreError(
        'unavailable',
        `Dramatis cannot store packs in this browser: its database (IndexedDB) is unavailable (${(error as Error).message ?? String(error)}). The bundled knowledge base still works; nothing was stored or lost.`,
      );
    }
    return new PackStore(db, bundled, now);
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }

  /** The stored packs, ordered: My sources first, then by name. */
  async listPacks(): Promise<StoredPack[]> {
    const all = await this.run('read the stored packs', () => this.db.getAll('packs'));
    return all.sort(
      (a, b) =>
        Number(b.id === MY_SOURCES_PACK_ID) - Number(a.id === MY_SOURCES_PACK_ID) ||
        a.pack.name.localeCompare(b.pack.name) ||
        a.id.localeCompare(b.id),
    );
  }

  /** Ids of the packs turned off. */
  async listDisabledPacks(): Promise<string[]> {
    const value = await this.run('read which packs are off', () => this.db.get('state', 'disabledPacks'));
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  /** Turns a pack on or off (the bundled pack too). */
  async setPackEnabled(id: string, isOn: boolean): Promise<void> {
    await this.run(`turn the pack "${id}" ${isOn ? 'on' : 'off'}`, async () => {
      const tx = this.db.transaction('state', 'readwrite');
      const stored = await tx.store.get('disabledPacks');
      const others = (Array.isArray(stored) ? (stored as string[]) : []).filter((p) => p !== id);
      await tx.store.put(isOn ? others : [...others, id], 'disabledPacks');
      await tx.done;
    });
  }

  /**
   * Imports a pack file: validated against the bundled pack and the stored packs, then stored. Refused
   * whole (a PackStoreError; nothing stored changes) when the file has any problem or a pack with its
   * id is already stored.
   */
  async importPack(text: string, fileName?: string): Promise<StoredPack> {
    const doing = `import ${fileName ? `“${fileName}”` : 'the pack'}`;
    return this.write(doing, (stored) => {
      let json: unknown;
      try {
        json = JSON.parse(text) as unknown;
      } catch (error) {
        throw new PackStoreError(
          'invalid',
          `Could not ${doing}: it is not a pack file (not valid JSON: ${(error as Error).message}). ${UNCHANGED}`,
        );
      }
      const id = (json as { id?: unknown } | null)?.id;
      const existing = stored.find((s) => s.id === id);
      if (existing && !(existing.id === MY_SOURCES_PACK_ID && existing.pack.sources.length === 0))
        throw new PackStoreError(
          'exists',
          `Could not ${doing}: a pack with the id "${existing.id}" (“${existing.pack.name}”) is already stored. Remove it first to replace it. ${UNCHANGED}`,
        );
      return this.validated(doing, json, stored, fileName);
    });
  }

  /**
   * Changes the reader's own pack: `edit` gets My sources (an empty pack before the first save) and
   * returns the new pack, which is validated like any other before it is stored.
   */
  async saveToMySources(edit: (pack: Pack) => Pack): Promise<StoredPack> {
    const doing = 'save to My sources';
    return this.write(doing, (stored) => {
      const current = stored.find((s) => s.id === MY_SOURCES_PACK_ID);
      const next = edit(
        structuredClone(current?.pack ?? createEmptyPack(MY_SOURCES_PACK_ID, MY_SOURCES_NAME)),
      );
      if (next.id !== MY_SOURCES_PACK_ID)
        throw new PackStoreError(
          'invalid',
          `Could not ${doing}: the pack's id must stay "${MY_SOURCES_PACK_ID}". ${UNCHANGED}`,
        );
      return this.validated(doing, next, stored, undefined, current?.addedAt);
    });
  }

  /** A stored pack's file text (for "Export"). */
  async exportPack(id: string): Promise<string> {
    const stored = await this.run(`export the pack "${id}"`, () => this.db.get('packs', id));
    if (!stored) throw new PackStoreError('not-found', `There is no stored pack "${id}" to export.`);
    return serializePack(stored.pack);
  }

  /** Removes a stored pack (and its on/off state). The bundled pack cannot be removed. */
  async removePack(id: string): Promise<void> {
    if (id === this.bundled.id)
      throw new PackStoreError('protected', 'The bundled pack cannot be removed; turn it off instead.');
    await this.run(`remove the pack "${id}"`, async () => {
      const tx = this.db.transaction(['packs', 'state'], 'readwrite');
      try {
        if (!(await tx.objectStore('packs').get(id)))
          throw new PackStoreError('not-found', `There is no stored pack "${id}" to remove.`);
        await tx.objectStore('packs').delete(id);
        const disabled = await tx.objectStore('state').get('disabledPacks');
        if (Array.isArray(disabled))
          await tx.objectStore('state').put(
            disabled.filter((p) => p !== id),
            'disabledPacks',
          );
        await tx.done;
      } catch (error) {
        abortQuietly(tx);
        throw error;
      }
    });
  }

  /** Removes every stored pack and switch (the options page's reset; export first to keep them). */
  async reset(): Promise<void> {
    await this.run('reset the stored packs', async () => {
      const tx = this.db.transaction(['packs', 'state'], 'readwrite');
      await Promise.all([tx.objectStore('packs').clear(), tx.objectStore('state').clear(), tx.done]);
    });
  }

  /** Validates `json` as a pack joining the bundled pack and the other stored packs; the record to store. */
  private validated(
    doing: string,
    json: unknown,
    stored: readonly StoredPack[],
    fileName?: string,
    addedAt?: string,
  ): StoredPack {
    const { pack, problems } = validatePack(json, [this.bundled, ...stored.map((s) => s.pack)], fileName);
    if (!pack)
      throw new PackStoreError(
        'invalid',
        `Could not ${doing}: ${problems.length === 1 ? 'one problem' : `${problems.length} problems`}. ${UNCHANGED}\n${describeProblems(problems)}`,
        problems,
      );
    return { id: pack.id, pack, addedAt: addedAt ?? this.now().toISOString() };
  }

  /**
   * One read-validate-write transaction: `decide` gets every stored pack and returns the record to put
   * (or throws, and nothing is written). Validation is synchronous, so the transaction stays open.
   */
  private write(doing: string, decide: (stored: StoredPack[]) => StoredPack): Promise<StoredPack> {
    return this.run(doing, async () => {
      const tx = this.db.transaction('packs', 'readwrite');
      try {
        const record = decide(await tx.store.getAll());
        await tx.store.put(record);
        await tx.done;
        return record;
      } catch (error) {
        abortQuietly(tx);
        throw error;
      }
    });
  }

  /** Runs a storage operation, turning its failures into PackStoreErrors. */
  private async run<T>(doing: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw explainStorageError(error, doing);
    }
  }
}

/** Aborts a transaction that may already have finished or failed (then there is nothing to abort). */
function abortQuietly(tx: { abort(): void; done: Promise<void> }): void {
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // Already committed or aborted.
  }
}
