/**
 * The knowledge base as bundled into the extension: the people and the sources' metadata (not the
 * article texts). Validated at build time (wxt.config.ts runs the validator), so no schema ships.
 */
import type { CardKnowledge } from '../core/card-data';
import { BUNDLED_PACK_ID } from '../core/pack-ids';
import type { BackgroundStatement, Person, SourceMeta } from './schema';
import background from './background.json';
import givenNames from './given-names.json';

const peopleModules = import.meta.glob<Person>('./people/*.json', { eager: true, import: 'default' });
const sourceModules = import.meta.glob<SourceMeta>('./sources/*.json', { eager: true, import: 'default' });

/** Everyone in the knowledge base, ordered by id. */
export const PEOPLE: readonly Person[] = Object.values(peopleModules).sort((a, b) =>
  a.id.localeCompare(b.id),
);

/** Everyone in the knowledge base, by id. */
export const PEOPLE_BY_ID: ReadonlyMap<string, Person> = new Map(PEOPLE.map((p) => [p.id, p]));

/** Every source's metadata, ordered by id. */
export const SOURCES: readonly SourceMeta[] = Object.values(sourceModules).sort((a, b) =>
  a.id.localeCompare(b.id),
);

/** Background statements (not from the articles) that conflicts and date inferences cite. */
export const BACKGROUND: readonly BackgroundStatement[] = background;

/**
 * The bundle as the knowledge service merges it when no other pack is stored (each source naming its
 * pack): what the tests and the bench give the card, and what the popup shows until the background answers.
 */
export const BUNDLED_KNOWLEDGE: CardKnowledge = {
  people: PEOPLE,
  sources: SOURCES.map((source) => ({ ...source, pack: BUNDLED_PACK_ID })),
  background: BACKGROUND,
};

/** Common given names of people outside the knowledge base (see data/given-names.json). */
export const OTHER_GIVEN_NAMES: readonly string[] = givenNames.names;
