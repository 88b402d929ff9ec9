/**
 * The card data of the people a page's reader hovers, fetched once per person for the page and dropped
 * when the knowledge base changes (a pack saved, imported, removed, turned on or off). The fetch is
 * injected: the card's script asks the background (entrypoints/card.ts), the tests and the bench read
 * the bundle in memory (./bundled-cards.ts). No browser.* here.
 */
import type { CardData } from '../core/card-data';

/**
 * Fetches one person's card data: at once (an in-memory source) or later (a message to the background);
 * undefined for a person the knowledge base does not hold, or when the background did not answer.
 */
export type FetchCardData = (person: string) => CardData | undefined | Promise<CardData | undefined>;

/** One person's card data for this page, fetched on demand. */
export class CardDataCache {
  private readonly loaded = new Map<string, CardData>();
  private readonly loading = new Map<string, Promise<void>>();
  /** Counts the drops: a fetch started before the last drop must not fill the cache afterwards. */
  private generation = 0;

  constructor(private readonly fetch: FetchCardData) {}

  /** The person's card data when it is at hand. */
  get(person: string): CardData | undefined {
    return this.loaded.get(person);
  }

  /**
   * Fetches the person's card data unless it is at hand: undefined when it is (or an in-memory source
   * answered at once), else a promise that settles once the fetch is over. An unknown person or a
   * failed fetch is not remembered: the next hover asks again.
   */
  load(person: string): Promise<void> | undefined {
    if (this.loaded.has(person)) return undefined;
    const pending = this.loading.get(person);
    if (pending) return pending;
    const generation = this.generation;
    const keep = (data: CardData | undefined) => {
      if (data && generation === this.generation) this.loaded.set(person, data);
    };
    let answer: ReturnType<FetchCardData>;
    try {
      answer = this.fetch(person);
    } catch {
      return undefined;
    }
    if (!(answer instanceof Promise)) {
      keep(answer);
      return undefined;
    }
    const settled = answer
      .then(keep, () => undefined)
      .finally(() => {
        if (this.loading.get(person) === settled) this.loading.delete(person);
      });
    this.loading.set(person, settled);
    return settled;
  }

  /** Drops everything fetched (the knowledge base changed); fetches under way are not kept. */
  clear(): void {
    this.generation++;
    this.loaded.clear();
    this.loading.clear();
  }
}
