/**
 * What one person's card needs from the knowledge base, cut out of the merged view: the person, the
 * sources and background statements they cite, and the names of the people they link. The background's
 * knowledge service sends it to a page's card (background:card-data); the tests and the bench cut it
 * from the bundle directly. Pure (it imports data/schema.ts, with zod: the card's script imports only its type).
 */
import { listCitedIds, type BackgroundStatement, type Person } from '../data/schema';
import type { KnowledgeSource } from './knowledge-base';

/**
 * What a card needs from the knowledge service: the merged person, the sources and background
 * statements it cites, the people it links.
 */
export interface CardData {
  person: Person;
  sources: KnowledgeSource[];
  background: BackgroundStatement[];
  people: { id: string; name: string }[];
}

/** A knowledge base as the cut reads it (the merged one, or the bundle with its pack named). */
export interface CardKnowledge {
  people: readonly Person[];
  sources: readonly KnowledgeSource[];
  background: readonly BackgroundStatement[];
}

/** The card data of `personId`, or undefined when the knowledge base does not hold them. */
export function selectCardData(knowledge: CardKnowledge, personId: string): CardData | undefined {
  const person = knowledge.people.find((p) => p.id === personId);
  if (!person) return undefined;
  const cited = new Set(listCitedIds(person));
  const linked = new Set(person.links.map((l) => l.person));
  return {
    person,
    sources: knowledge.sources.filter((s) => cited.has(s.id)),
    background: knowledge.background.filter((b) => cited.has(b.id)),
    people: knowledge.people.filter((p) => linked.has(p.id)).map(({ id, name }) => ({ id, name })),
  };
}
