/**
 * The background's knowledge service (DESIGN.md, "Knowledge packs"): the stored packs (platform/packs-db.ts)
 * merged with the bundled one (core/knowledge-base.ts), served on request as card data or the whole
 * merged view, and the pack operations of the options page (list, import, export, on/off, remove) and
 * "Save this article" (into My sources).
 * The database opens on the first request, so a background that only counts people never opens it;
 * where it cannot open, the bundled pack is still served and every pack answer carries the reason.
 */
import { compileAddedPeople, type AddedPeople } from '../core/added-people';
import { selectCardData, type CardData } from '../core/card-data';
import { mergePacks, type MergedKnowledge } from '../core/knowledge-base';
import { buildMatcher } from '../core/matcher';
import { checkPageBlocks, type BlockQuote } from '../core/page-quotes';
import { buildKnowledgeChecker } from '../core/quote-check';
import { buildQuotationFinder } from '../core/quotations';
import givenNames from '../data/given-names.json';
import {
  buildPerson,
  checkPersonForm,
  personIdOf,
  putPerson,
  removePerson,
  type SavePersonRequest,
} from '../core/person-form';
import { applySavedArticle, checkSaveRequest, type SaveArticleRequest } from '../core/save-article';
import { countPack, createEmptyPack, type Pack, type PackSource } from '../core/pack';
import { MY_SOURCES_PACK_ID } from '../core/pack-ids';
import type { Person } from '../data/schema';
import type { PackResult, PacksOverview, PackSummary, PageQuotes } from './messages';
import { MY_SOURCES_NAME, PackStore, PackStoreError, serializePack } from './packs-db';

/** The service's operations, one per message (entrypoints/background.ts wires them). */
export interface KnowledgeService {
  getKnowledge(): Promise<Pick<MergedKnowledge, 'people' | 'sources' | 'background'>>;
  getCardData(personId: string): Promise<CardData | undefined>;
  /** The quote check over a page's blocks (core/page-quotes.ts), with the sources and people it names. */
  checkQuotes(blocks: readonly string[]): Promise<PageQuotes>;
  listPacks(): Promise<PacksOverview>;
  importPack(text: string, fileName: string): Promise<PackResult>;
  exportPack(id: string): Promise<PackResult & { text?: string; fileName?: string }>;
  setPackEnabled(id: string, isOn: boolean): Promise<PackResult>;
  removePack(id: string): Promise<PackResult>;
  saveArticle(article: SaveArticleRequest): Promise<PackResult & { sourceId?: string; isUpdate?: boolean }>;
  /** Adds (or, with an id, edits) a person of My sources, citing the page (issue 14). */
  savePerson(request: SavePersonRequest): Promise<PackResult & { id?: string }>;
  /** Removes a person of My sources, with their quotes. */
  removePerson(id: string): Promise<PackResult>;
  /** The people of My sources and its sources (with their texts: the form picks sentences from them). */
  listMyPeople(): Promise<{ people: Person[]; sources: PackSource[] }>;
  /** Publishes the added people again (after an update, whose matcher index may have a new format). */
  republishPeople(): Promise<void>;
}

/** What the service is told besides the bundled pack. */
export interface KnowledgeServiceOptions {
  /** Called after every change of the packs with the people the bundled index lacks (for the pages). */
  onPeopleChanged?: (added: AddedPeople | undefined) => Promise<void> | void;
  /** Common given names of people outside the knowledge base (data/given-names.json). */
  givenNames?: readonly string[];
  /** Called after each pack operation that changed the knowledge base (open tabs follow). */
  onChange?: () => void;
}

/** The file name a pack is exported under: its id, then `.dramatis.json`. */
export function packFileName(pack: Pick<Pack, 'id'>): string {
  return `${pack.id}.dramatis.json`;
}

/** A pack's line on the options page. */
function summarize(pack: Pack, kind: PackSummary['kind'], isEnabled: boolean, addedAt?: string): PackSummary {
  return { id: pack.id, name: pack.name, kind, isEnabled, ...countPack(pack), addedAt };
}

/** Runs a pack operation; a PackStoreError becomes the answer's error (its message is for the reader). */
async function answer<T extends object>(
  operation: () => Promise<T>,
): Promise<(T & { ok: true }) | { ok: false; error: string }> {
  try {
    return { ...(await operation()), ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: error instanceof PackStoreError ? message : `Something went wrong: ${message}`,
    };
  }
}

/** Creates the service over the bundled pack (with its texts: the bundled pack can be exported too). */
export function createKnowledgeService(
  bundled: Pack,
  options: KnowledgeServiceOptions = {},
): KnowledgeService {
  const bundledIds = new Set(bundled.people.map((p) => p.id));
  let opening: Promise<PackStore> | undefined;
  const openStore = () => {
    opening ??= PackStore.open(bundled).catch((error: unknown) => {
      opening = undefined; // Try again on the next request (a transient failure).
      throw error;
    });
    return opening;
  };

  /** The packs (bundled first) and the ids turned off; without storage, the bundled pack alone and why. */
  const loadPacks = async () => {
    try {
      const store = await openStore();
      const [stored, disabled] = await Promise.all([store.listPacks(), store.listDisabledPacks()]);
      return { stored, disabled: new Set(disabled), storageError: undefined };
    } catch (error) {
      return { stored: [], disabled: new Set<string>(), storageError: (error as Error).message };
    }
  };

  // The merged knowledge base, kept until a pack operation changes it: every card a reader opens asks
  // for it, and merging reads every stored pack. A failed read is not kept (storage may come back).
  let merged: Promise<MergedKnowledge> | undefined;
  const merge = () => {
    merged ??= loadPacks().then(({ stored, disabled, storageError }) => {
      if (storageError) merged = undefined;
      return mergePacks([bundled, ...stored.map((s) => s.pack)], { disabledPacks: disabled });
    });
    return merged;
  };
  /** Tells the pages who is added now (after a change: a failure here loses nothing stored). */
  const publish = async () => {
    if (!options.onPeopleChanged) return;
    const { people } = await merge();
    await options.onPeopleChanged(compileAddedPeople(people, bundledIds, options.givenNames ?? []));
  };
  /**
   * Runs a pack operation that changes the knowledge base; on success the merge is redone, the pages'
   * added people are published again and open tabs are told.
   */
  const change = async <T extends object>(operation: () => Promise<T>) => {
    const result = await answer(async () => {
      const done = await operation();
      merged = undefined;
      await publish().catch(() => undefined);
      return done;
    });
    if (result.ok) options.onChange?.();
    return result;
  };

  /**
   * The quotation finder and checker of the merged knowledge they were built from: `merge` keeps one
   * merged object until a pack operation changes it, so a new object is exactly when to rebuild.
   */
  let checking: { from: MergedKnowledge; run: (blocks: readonly string[]) => BlockQuote[] } | undefined;
  const checkerFor = (knowledge: MergedKnowledge) => {
    if (checking?.from !== knowledge) {
      const given = options.givenNames ?? givenNames.names;
      const finder = buildQuotationFinder(buildMatcher(knowledge.people, given), knowledge.people);
      const checker = buildKnowledgeChecker(knowledge);
      checking = { from: knowledge, run: (blocks) => checkPageBlocks(finder, checker, blocks) };
    }
    return checking.run;
  };

  return {
    async getKnowledge() {
      const { people, sources, background } = await merge();
      return { people, sources, background };
    },

    async getCardData(personId) {
      return selectCardData(await merge(), personId);
    },

    async checkQuotes(blocks) {
      const knowledge = await merge();
      const quotes = checkerFor(knowledge)(blocks);
      const sourceIds = new Set(quotes.flatMap((q) => q.matches.map((m) => m.source)));
      const personIds = new Set(quotes.flatMap((q) => [q.speaker, ...q.matches.map((m) => m.person)]));
      return {
        quotes,
        sources: knowledge.sources.filter((s) => sourceIds.has(s.id)),
        people: knowledge.people.filter((p) => personIds.has(p.id)).map(({ id, name }) => ({ id, name })),
      };
    },

    async listPacks() {
      const { stored, disabled, storageError } = await loadPacks();
      const hasMine = stored.some((s) => s.id === MY_SOURCES_PACK_ID);
      return {
        packs: [
          summarize(bundled, 'bundled', !disabled.has(bundled.id)),
          // My sources is listed (empty) before the first save, so the reader knows where saves go.
          ...(hasMine || storageError
            ? []
            : [
                summarize(
                  createEmptyPack(MY_SOURCES_PACK_ID, MY_SOURCES_NAME),
                  'mine',
                  !disabled.has(MY_SOURCES_PACK_ID),
                ),
              ]),
          ...stored.map((s) =>
            summarize(
              s.pack,
              s.id === MY_SOURCES_PACK_ID ? 'mine' : 'imported',
              !disabled.has(s.id),
              s.addedAt,
            ),
          ),
        ],
        storageError,
      };
    },

    importPack: (text, fileName) =>
      change(async () => ({ id: (await (await openStore()).importPack(text, fileName)).id })),

    exportPack: (id) =>
      answer(async () => {
        if (id === bundled.id) return { text: serializePack(bundled), fileName: packFileName(bundled) };
        return { text: await (await openStore()).exportPack(id), fileName: packFileName({ id }) };
      }),

    setPackEnabled: (id, isOn) =>
      change(async () => (await (await openStore()).setPackEnabled(id, isOn), {})),

    removePack: (id) => change(async () => (await (await openStore()).removePack(id), {})),

    saveArticle: (article) =>
      change(async () => {
        const problems = checkSaveRequest(article);
        if (problems.length > 0)
          throw new PackStoreError('invalid', `Could not save the article. ${problems.join(' ')}`);
        let isUpdate = false;
        const { pack } = await (
          await openStore()
        ).saveToMySources((mine) => {
          const saved = applySavedArticle(mine, article);
          isUpdate = saved.isUpdate;
          return saved.pack;
        });
        const url = article.fields.url.trim();
        return { sourceId: pack.sources.find((s) => s.url === url)?.id, isUpdate };
      }),

    savePerson: (request) =>
      change(async () => {
        const { people } = await merge();
        let saved: string | undefined;
        await (
          await openStore()
        ).saveToMySources((mine) => {
          let pack = mine;
          const { page } = request;
          let source = 'sourceId' in page ? pack.sources.find((s) => s.id === page.sourceId) : undefined;
          if ('article' in page) {
            const pageProblems = checkSaveRequest({ ...page.article, quotes: [] });
            if (pageProblems.length > 0)
              throw new PackStoreError('invalid', `Could not save the page. ${pageProblems.join(' ')}`);
            const url = page.article.fields.url.trim();
            source = pack.sources.find((s) => s.url === url);
            // A page saved before keeps its source (and its quotes); a new one is saved without quotes.
            if (!source) {
              pack = applySavedArticle(pack, { ...page.article, quotes: [] }).pack;
              source = pack.sources.find((s) => s.url === url);
            }
          }
          if (!source)
            throw new PackStoreError(
              'not-found',
              'Could not save the person: their page is not in My sources. Nothing stored has changed.',
            );
          const problems = checkPersonForm(request.form, source.text);
          if (problems.length > 0)
            throw new PackStoreError(
              'invalid',
              `Could not save the person. ${problems.join(' ')} Nothing stored has changed.`,
            );
          const taken = new Set(people.map((p) => p.id));
          saved = request.id ?? personIdOf(request.form.name, taken);
          const commonWords = new Set(request.commonWords);
          const person = buildPerson(request.form, saved, source.id, {
            people,
            isWord: (word) => commonWords.has(word),
            givenNames: options.givenNames ?? [],
            pageText: source.text,
            selfId: saved,
          });
          return putPerson(pack, person);
        });
        return { id: saved };
      }),

    removePerson: (id) =>
      change(async () => {
        await (
          await openStore()
        ).saveToMySources((mine) => {
          if (!mine.people.some((p) => p.id === id))
            throw new PackStoreError('not-found', `There is no person "${id}" in My sources to remove.`);
          return removePerson(mine, id);
        });
        return {};
      }),

    async listMyPeople() {
      const { stored } = await loadPacks();
      const mine = stored.find((s) => s.id === MY_SOURCES_PACK_ID)?.pack;
      return { people: mine?.people ?? [], sources: mine?.sources ?? [] };
    },

    republishPeople: () => publish(),
  };
}
