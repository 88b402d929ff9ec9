/**
 * "Add “Keith Kellogg” to Dramatis" (issue 14), the pure part: from the words the reader selected and
 * the page's text to the form's proposals (display name, surname, given names, pronoun, a role from a
 * sentence of the page), the warnings a surname deserves (a common word, another person's given name or
 * alias) with the matcher rules they set, and from the form to a person of My sources that cites the
 * page. The pack is validated afterwards like every pack (platform/packs-db.ts); this module only builds it.
 */
import type { Alias, Person } from '../data/schema';
import { NAME_LEXICON } from '../data/name-lexicon';
import { romanize } from './name-forms';
import type { Pack } from './pack';
import { findSentence, type SaveArticleRequest } from './save-article';

/** The form's fields, as the reader edits them. */
export interface PersonForm {
  /** The usual name, as cards and lists show it ("Keith Kellogg"). */
  name: string;
  /** The surname the page may use alone ("Kellogg"). */
  surname: string;
  /** Given names that may stand before the surname, comma-separated ("Keith"). */
  givenNames: string;
  pronoun: Person['pronoun'];
  /** The role, in the page's words or the reader's ("US special envoy"). */
  role: string;
  /** The sentence of the page the role is taken from, verbatim (the card cites the page for it). */
  sentence: string;
}

/** The form as Dramatis first fills it, and the sentences of the page the reader may pick the role from. */
export interface PersonProposal extends PersonForm {
  /** Sentences of the page that name the person, in page order (the first is proposed). */
  sentences: string[];
}

/** What the form sends to save a person: the fields, the page they cite, the words it found common. */
export interface SavePersonRequest {
  form: PersonForm;
  /** The page read from a tab (saved to My sources unless it is there already), or a source of My sources. */
  page: { article: SaveArticleRequest } | { sourceId: string };
  /** The surname's lower-case forms the form found to be common words (the rules follow). */
  commonWords: string[];
  /** The id of the person edited; a new person gets one from the name. */
  id?: string | undefined;
}

/** A warning about the surname, and why the rules it sets are needed. */
export interface NameWarning {
  kind: 'common-word' | 'given-name' | 'shared-alias';
  message: string;
}

/** What the form needs of the people Dramatis already knows. */
export type KnownPerson = Pick<Person, 'id' | 'name' | 'givenNames' | 'aliases'>;

/** What the surname is checked against. */
export interface NameContext {
  /** Everyone Dramatis knows (bundled and stored packs). */
  people: readonly KnownPerson[];
  /** True for a common word of the language (lower case): "fix", "bush". */
  isWord: (word: string) => boolean;
  /** Common given names of people outside the knowledge base (data/given-names.json). */
  givenNames: Iterable<string>;
  /** The page's text: a surname it also writes in lower case is a word there. */
  pageText?: string | undefined;
  /** The id of the person being edited (their own aliases are no conflict). */
  selfId?: string | undefined;
}

/** Words before a name that are a title, not a given name ("Gen. Keith Kellogg"). Lower case, no dot. */
const TITLES = new Set(
  'mr mrs ms dr prof gen general sen senator rep president minister secretary ambassador envoy sir dame lord lady adm col lt capt gov governor mayor judge'.split(
    ' ',
  ),
);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const LETTERS = /^[\p{L}][\p{L}\p{M}'’-]*$/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** The selection as a name: spaces collapsed, quotes, a possessive and a leading title taken off. */
export function cleanSelection(selection: string): string {
  const words = selection
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s"“”‘’'«»([]+|[\s"“”‘’'«»)\],.;:!?]+$/gu, '')
    .replace(/['’]s$/u, '')
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && TITLES.has(words[0]!.toLowerCase().replace(/\.$/, ''))) words.shift();
  return words.join(' ');
}

/** The name's parts: given names before, the surname last (a generational suffix is not the surname). */
function splitName(name: string): { given: string[]; surname: string } {
  const words = name
    .split(' ')
    .filter((w) => LETTERS.test(w) || SUFFIXES.has(w.toLowerCase().replace(/\.$/, '')));
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!.toLowerCase().replace(/\.$/, '')))
    words.pop();
  const surname = words.pop() ?? '';
  // Middle initials ("W.") are not given names.
  return { given: words.filter((w) => w.replace(/\.$/, '').length > 1).slice(0, 1), surname };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The sentences of `text` that contain `word` as a word, each once, in order. */
function sentencesNaming(text: string, word: string): string[] {
  if (!word) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'gu');
  const out = new Set<string>();
  for (const match of text.matchAll(pattern)) {
    const sentence = findSentence(text, match.index, match.index + word.length);
    if (sentence) out.add(sentence);
    if (out.size >= 12) break;
  }
  return [...out];
}

/**
 * The role a sentence gives the person: an apposition after the name ("Keith Kellogg, Trump's envoy for
 * Ukraine, said") or the words of its clause before it ("US special envoy Keith Kellogg said"); empty
 * when the sentence gives none the form can see.
 */
export function proposeRole(sentence: string, name: string, surname: string): string {
  for (const naming of [name, surname]) {
    if (!naming) continue;
    const at = sentence.indexOf(naming);
    if (at < 0) continue;
    const after = /^,\s*([^,.;:“”"]{3,90}?),/u.exec(sentence.slice(at + naming.length));
    if (after?.[1] && !/^(who|which|that|said|says|told)\b/i.test(after[1])) return after[1].trim();
    // The clause right before the name ("A Swiss diplomat …, Lena Brunner, said"), its comma taken off.
    const before = sentence.slice(0, at).replace(/[\s,;:—–(]+$/u, '');
    const clause =
      before
        .split(/[,;:—–(]\s*/u)
        .pop()
        ?.trim() ?? '';
    const words = clause.split(/\s+/).filter(Boolean);
    if (words.length >= 1 && words.length <= 8 && !/\b(said|says|told|and|but|by|with)$/i.test(clause))
      return clause;
  }
  return '';
}

/** The pronoun the page uses for the person: he or she where the sentences naming them say so, else they. */
function proposePronoun(text: string, sentences: readonly string[]): Person['pronoun'] {
  let he = 0;
  let she = 0;
  for (const sentence of sentences) {
    // The sentence and the one after it: "Kellogg arrived on Monday. He said…"
    const at = text.indexOf(sentence);
    const window = at < 0 ? sentence : text.slice(at, at + sentence.length + 200);
    he += window.match(/\b(he|his|him)\b/gi)?.length ?? 0;
    she += window.match(/\b(she|her|hers)\b/gi)?.length ?? 0;
  }
  return he > she ? 'he' : she > he ? 'she' : 'they';
}

/** The form's first proposal for the selected words on a page with `pageText`. */
export function proposePerson(selection: string, pageText: string): PersonProposal {
  const name = cleanSelection(selection);
  const { given, surname } = splitName(name);
  const sentences = sentencesNaming(pageText, name);
  for (const sentence of sentencesNaming(pageText, surname))
    if (!sentences.includes(sentence)) sentences.push(sentence);
  const sentence = sentences[0] ?? '';
  return {
    name,
    surname,
    givenNames: given.join(', '),
    pronoun: proposePronoun(pageText, sentences),
    role: sentence ? proposeRole(sentence, name, surname) : '',
    sentence,
    sentences,
  };
}

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase().replace(/’/g, "'");

/**
 * The warnings a surname deserves, and the rules they set on its alias: a common word is matched only
 * as written (exact case); a word, a given name or another person's alias counts alone only where the
 * page anchors it by naming the person in full (`ambiguous`), and a shared alias is declared shared.
 */
export function checkSurname(
  surname: string,
  context: NameContext,
): { warnings: NameWarning[]; rule: Pick<Alias, 'case' | 'ambiguous' | 'sharedWith'> } {
  const key = fold(surname);
  const warnings: NameWarning[] = [];
  const isPageWord =
    context.pageText !== undefined &&
    !CYRILLIC.test(surname) &&
    new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(key)}(?![\\p{L}\\p{N}])`, 'u').test(context.pageText);
  const isWord = context.isWord(key) || isPageWord;
  if (isWord)
    warnings.push({
      kind: 'common-word',
      message: `“${surname}” is also a common word: Dramatis will match it only as written (capital first letter), and alone only where the page names the person in full.`,
    });
  const others = context.people.filter((p) => p.id !== context.selfId);
  const givenBy = [
    ...others.filter((p) => p.givenNames.some((g) => fold(g) === key)).map((p) => p.name),
    ...[...context.givenNames].filter((g) => fold(g) === key).slice(0, 1),
  ];
  if (givenBy.length > 0)
    warnings.push({
      kind: 'given-name',
      message: `“${surname}” is also a given name (${givenBy[0]}): alone, it will count only where the page names the person in full.`,
    });
  const sharing = others.filter((p) => p.aliases.some((a) => fold(a.text) === key));
  if (sharing.length > 0)
    warnings.push({
      kind: 'shared-alias',
      message: `“${surname}” is also how Dramatis knows ${sharing.map((p) => p.name).join(' and ')}: alone, it will count only where the page names one of them in full.`,
    });
  return {
    warnings,
    rule: {
      case: isWord ? 'exact' : 'insensitive',
      ...(warnings.length > 0 ? { ambiguous: warnings.map((w) => w.message).join(' ') } : {}),
      ...(sharing.length > 0 ? { sharedWith: sharing.map((p) => p.id) } : {}),
    },
  };
}

/** A person id from a name: kebab-case of its Latin letters (a Cyrillic name is romanised first). */
export function personIdOf(name: string, taken: ReadonlySet<string>): string {
  const latin = CYRILLIC.test(name) ? (romanize(name, NAME_LEXICON.romanization)[0] ?? name) : name;
  const base =
    latin
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'person';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Problems that keep the form from saving, one line each naming the field. */
export function checkPersonForm(form: PersonForm, pageText: string): string[] {
  const problems: string[] = [];
  if (!form.name.trim()) problems.push('Name: enter the person’s name.');
  if (!LETTERS.test(form.surname.trim()))
    problems.push('Surname: enter one word, the name the page may use alone ("Kellogg").');
  if (!form.role.trim()) problems.push('Role: enter who the person is, as the page says it.');
  if (!form.sentence.trim()) problems.push('Sentence: pick the sentence of the page that gives the role.');
  else if (!pageText.includes(form.sentence.trim()))
    problems.push(
      'Sentence: it must be the page’s own words, as written (pick it again, or edit the role instead).',
    );
  return problems;
}

/**
 * The person the form describes, citing `sourceId` (the page, saved in My sources): the surname as a
 * surname alias under the rules `checkSurname` sets, the given names (and, for a Cyrillic name, their
 * common romanisation, which English news uses), the role and the sentence it is taken from.
 */
export function buildPerson(form: PersonForm, id: string, sourceId: string, context: NameContext): Person {
  const surname = form.surname.trim();
  const { rule } = checkSurname(surname, context);
  const given = form.givenNames
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  const romanized = (word: string) =>
    CYRILLIC.test(word) ? romanize(word, NAME_LEXICON.romanization)[0] : undefined;
  const aliases: Alias[] = [{ text: surname, kind: 'surname', ...rule }];
  const latinSurname = romanized(surname);
  if (latinSurname && fold(latinSurname) !== fold(surname)) {
    const latin = checkSurname(latinSurname, context).rule;
    aliases.push({ text: latinSurname, kind: 'surname', ...latin });
  }
  const givenNames = [...new Set([...given, ...given.flatMap((g) => romanized(g) ?? [])])];
  const role = form.role.trim();
  const sentence = form.sentence.trim();
  const summary = context.pageText?.includes(role)
    ? `Added by the reader: the page calls ${form.name.trim()} “${role}”.`
    : `Added by the reader, who gives the role as: ${role}.`;
  return {
    id,
    name: form.name.trim(),
    pronoun: form.pronoun,
    givenNames,
    aliases,
    roles: [{ title: role, sources: [sourceId] }],
    summary: [{ text: summary, sources: [sourceId] }],
    descriptions: [{ source: sourceId, text: sentence }],
    quotes: [],
    actions: [],
    links: [],
  };
}

/** The pack with `person` added, or put in place of the person with the same id. */
export function putPerson(pack: Pack, person: Person): Pack {
  const exists = pack.people.some((p) => p.id === person.id);
  return {
    ...pack,
    people: exists ? pack.people.map((p) => (p.id === person.id ? person : p)) : [...pack.people, person],
  };
}

/**
 * The pack without the person `id` (and so without their quotes), and without what other people of the
 * pack said of them: links to them go (a link to no one would refuse the pack).
 */
export function removePerson(pack: Pack, id: string): Pack {
  const unlink = <T extends { links?: Person['links'] | undefined }>(holder: T): T =>
    holder.links ? { ...holder, links: holder.links.filter((l) => l.person !== id) } : holder;
  return {
    ...pack,
    people: pack.people.filter((p) => p.id !== id).map(unlink),
    additions: pack.additions.filter((a) => a.person !== id).map(unlink),
  };
}
