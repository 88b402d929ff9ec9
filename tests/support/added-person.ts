/** A made-up person as the add-person form saves one: one given name, one surname, a role citing one source. */
import type { Person } from '../../data/schema';

export function madeUpPerson(id: string, given: string, surname: string, pronoun: Person['pronoun']): Person {
  return {
    id,
    name: `${given} ${surname}`,
    pronoun,
    givenNames: [given],
    aliases: [{ text: surname, kind: 'surname', case: 'insensitive' }],
    roles: [{ title: 'an official', sources: ['s'] }],
    summary: [{ text: 'Added by the reader.', sources: ['s'] }],
    descriptions: [],
    quotes: [],
    actions: [],
    links: [],
  };
}
