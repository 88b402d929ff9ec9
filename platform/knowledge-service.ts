/**
 * The background's knowledge service (DESIGN.md, "Knowledge packs"): the stored packs (platform/packs-db.ts)
 * merged with the bundled one (core/knowledge-base.ts), served on request as card data or the whole
 * merged view, and the pack operations of the options page (list, import, export, on/off, remove) and
 * "Save this article" (into My sources).
 * The database opens on the first request, so a background that only counts people never opens it;
 * where it cannot open, the bundled pack is still served and every pack answer carries the reason.
 */
import { mergePacks, type KnowledgeSource, type MergedKnowledge } from '../core/knowledge-base';
import { buildMatcher } from '../core/matcher';
import { checkPageBlocks } from '../core/page-quotes';
import { buildKnowledgeChecker } from '../core/quote-check';
import { buildQuotationFinder } from '../core/quotations';
import givenNames from '../data/given-names.json';
import { applySavedArticle, checkSaveRequest, type SaveArticleRequest } from '../core/save-article';
import { countPack, createEmptyPack, MY_SOURCES_PACK_ID, type Pack } from '../core/pack';
import { listCitedIds } from '../data/schema';
import type { CardData, PackResult, PacksOverview, PackSummary, PageQuotes } from './messages';
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
export function createKnowledgeService(bundled: Pack): KnowledgeService {
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

  const merge = async () => {
    const { stored, disabled } = await loadPacks();
    return mergePacks([bundled, ...stored.map((s) => s.pack)], { disabledPacks: disabled });
  };

  /** The quotation finder and checker of the last merged knowledge, rebuilt only when it changes. */
  let checking:
    { key: string; run: (blocks: readonly string[]) => ReturnType<typeof checkPageBlocks> } | undefined;
  const checkerFor = (knowledge: MergedKnowledge) => {
    const key = [
      ...knowledge.sources.map((s) => s.id),
      ...knowledge.people.map((p) => `${p.id}:${p.quotes.length}:${p.aliases.length}`),
    ].join(' ');
    if (checking?.key !== key) {
      const finder = buildQuotationFinder(buildMatcher(knowledge.people, givenNames.names), knowledge.people);
      const checker = buildKnowledgeChecker(knowledge);
      checking = { key, run: (blocks) => checkPageBlocks(finder, checker, blocks) };
    }
    return checking.run;
  };

  return {
    async getKnowledge() {
      const { people, sources, background } = await merge();
      return { people, sources, background };
    },

    async getCardData(personId) {
      const { people, sources, background } = await merge();
      const person = people.find((p) => p.id === personId);
      if (!person) return undefined;
      const cited = new Set(listCitedIds(person));
      const linked = new Set(person.links.map((l) => l.person));
      return {
        person,
        sources: sources.filter((s: KnowledgeSource) => cited.has(s.id)),
        background: background.filter((b) => cited.has(b.id)),
        people: people.filter((p) => linked.has(p.id)).map(({ id, name }) => ({ id, name })),
      };
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
      answer(async () => ({ id: (await (await openStore()).importPack(text, fileName)).id })),

    exportPack: (id) =>
      answer(async () => {
        if (id === bundled.id) return { text: serializePack(bundled), fileName: packFileName(bundled) };
        return { text: await (await openStore()).exportPack(id), fileName: packFileName({ id }) };
      }),

    setPackEnabled: (id, isOn) =>
      answer(async () => (await (await openStore()).setPackEnabled(id, isOn), {})),

    removePack: (id) => answer(async () => (await (await openStore()).removePack(id), {})),

    saveArticle: (article) =>
      answer(async () => {
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
  };
}
