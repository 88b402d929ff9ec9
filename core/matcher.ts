/**
 * The one matcher: finds the knowledge base's people in plain text. Used unchanged by the content
 * script, the popup, the command-line spotter and the tests.
 *
 * One pass over the text: a trie of folded aliases is walked from each word start, longest match
 * wins, so the cost is linear in the text whatever the number of aliases. Each candidate then goes
 * through the rules a reader applies without thinking: the case an alias may take, the given name
 * and middle initials in front of a surname (someone else's given name means someone else), a
 * generational suffix after it, and, for a surname that may name other people, whether the page has
 * anchored it to our person by naming them in full.
 */
import {
  foldCode,
  foldString,
  isApostrophe,
  isWordChar,
  normalizeText,
  originOf,
  sliceChars,
  type NormalizedText,
} from './text-normalize';
import {
  expandGivenNames,
  nameSkeleton,
  romanize,
  skeletonLetters,
  type NicknameTable,
  type RomanizationTable,
} from './name-forms';
import { NAME_LEXICON } from '../data/name-lexicon';
import { makeCorrectionTest, type NameCorrection } from './corrections';
import { isOneEditApart, MIN_NEAR_LENGTH } from './near-spelling';

/** What the matcher needs of a person (a subset of the knowledge base's Person). */
export interface MatcherPerson {
  id: string;
  givenNames: readonly string[];
  middleInitials?: readonly string[] | undefined;
  middleNames?: readonly string[] | undefined;
  suffix?: string | undefined;
  aliases: readonly MatcherAlias[];
  /** People the knowledge base links with this one (both directions are read). */
  links?: readonly { person: string }[] | undefined;
  /** The person's country: whether their Cyrillic names are their own, to be romanised (data/romanization.json). */
  country?: { text: string } | undefined;
}

/** The tables the index is compiled with besides the people (data/name-lexicon.ts). */
export interface NameLexicon {
  nicknames: NicknameTable;
  romanization: RomanizationTable;
  /** Phrases that start with an alias and are not the person ("Trump Tower", "trump card"). */
  notNames: readonly string[];
  /** Common words (lower case) that a generated romanisation or a near spelling must not be ("poutine", "piper"). */
  words: readonly string[];
}

/** What the matcher needs of an alias. */
export interface MatcherAlias {
  text: string;
  kind: 'surname' | 'name';
  case: 'insensitive' | 'exact';
  ambiguous?: string | undefined;
  sharedWith?: readonly string[] | undefined;
}

/** Why a mention was attributed to its person: shown in the card's "why this name?" line. */
export type MentionReason =
  | { kind: 'full-name' }
  | { kind: 'surname' }
  | { kind: 'alias' }
  /** A rank or office before a surname only this person has ("President Trump"). */
  | { kind: 'title'; title: string }
  /** A given name of the person before a surname one edit from theirs ("Rustem Umirov"): `spelling` as written. */
  | { kind: 'near-spelling'; spelling: string }
  /** Anchored by a naming on the page: where it is (`isElsewhere`: in another block of the page). */
  | { kind: 'anchored'; anchor: { start: number; end: number; surface: string; isElsewhere: boolean } }
  /** Joined by a dash to a person the knowledge base links with ("Witkoff–Dmitriev"). */
  | { kind: 'linked'; partner: { person: string; surface: string } };

/** One mention of a person in a text. Offsets are UTF-16 code units into the original text. */
export interface Mention {
  start: number;
  end: number;
  person: string;
  /** The text as written (original characters, odd spaces included). */
  surface: string;
  /** The knowledge base's spelling of the alias that matched. */
  alias: string;
  reason: MentionReason;
}

interface AliasEntry {
  alias: MatcherAlias;
  /** Folded, for comparisons. */
  key: string;
  /** The form as written (the alias, or one of its declined forms). */
  written: string;
  /** Everyone who owns this alias (more than one when it is shared). */
  owners: MatcherPerson[];
  /** A bare occurrence must be anchored by a full name on the page. */
  needsAnchor: boolean;
  /** A near spelling of the owners' surname learned on this page ("Umirov"), not an alias. */
  isNearSpelling?: boolean;
}

/** A trie transition's key: the node id and a UTF-16 code unit, packed into one number. */
function transition(node: number, code: number): number {
  return node * 0x10000 + code;
}

/** A compiled matcher: build once per knowledge base (and per set of enabled people). */
export interface Matcher {
  /**
   * The trie of folded alias forms, as one map of transitions: `transition(node, code unit)` -> child;
   * node 0 is the root. (One map of small integers is built far quicker than a map per node.)
   */
  readonly trie: Map<number, number>;
  /** The alias form that ends at each trie node, if one does. */
  readonly entryAt: (AliasEntry | undefined)[];
  /**
   * Alias forms (and phrases that are not names, and given names) not yet in the trie, by their first
   * letter's code: the trie grows by the letters a page's candidates start with (`growTrie`), so a page
   * builds only those.
   */
  readonly pending: Map<number, PendingForms>;
  /**
   * Trie nodes where a given name a near spelling may follow ends, with its space ("rustem ") -> whose
   * it is: the trie walk that reads a page's candidates reads these too (`scanText`).
   */
  readonly givenEnds: Map<number, GivenName>;
  /** Given name's skeleton (`nameSkeleton`) -> ids of the people who have it, in any of its forms. */
  readonly givenNames: Map<string, Set<string>>;
  /** Skeletons of given names of people outside the knowledge base (see data/given-names.json). */
  readonly otherGivenNames: ReadonlySet<string>;
  /** The letters Cyrillic given names are compared through (see `nameSkeleton`). */
  readonly letters: Readonly<Record<string, string>>;
  /** Skeletons already worked out, by folded word (a page repeats its names). */
  readonly skeletons: Map<string, string>;
  /** Trie nodes where a phrase that is not a name ends ("Trump Tower") -> the phrase as written. */
  readonly notNameEnds: Map<number, string>;
  /** Folded generational suffixes that, after a surname, name a different person. */
  readonly suffixes: ReadonlySet<string>;
  /** Folded middle names / patronymics -> ids of the people who have them. */
  readonly middleNames: Map<string, Set<string>>;
  /**
   * Matches, at a word start, the first characters of every alias form and every given name that a near
   * spelling may follow with its space: where a trie walk may succeed (`scanPattern`).
   */
  readonly prefixes: RegExp;
  /** Person id -> their folded surname forms long enough to accept a near spelling of. */
  readonly nearSurnames: ReadonlyMap<string, readonly string[]>;
  /** Words one edit from a surname that are never a near spelling of it ("Piper", "Tramp"). */
  readonly nearWords: ReadonlySet<string>;
  /** Near spellings that a given name has confirmed on this page (`learnNearSpelling`). */
  readonly learned: LearnedSpellings;
}

/** The forms of one first letter waiting to be put into the trie (`Matcher.pending`). */
interface PendingForms {
  keys: [string, AliasEntry][];
  phrases: [string, string][];
  /** Given names a near spelling may follow, folded, with their space ("rustem "). */
  given: [string, GivenName][];
}

/** A folded form of a given name that a near spelling may follow (`MatcherIndex.givenForms`). */
interface GivenName {
  /** The people who have it. */
  ids: string[];
  /**
   * Written in Latin letters: read only capitalised with the rest as written ("Rustem", not "RUSTEM");
   * a Cyrillic one is read in any case (`learnNearSpelling` wants its first letter a capital).
   */
  isLatin: boolean;
}

/**
 * The near spellings of surnames a page has confirmed ("Rustem Umirov"), kept for the rest of the page
 * so that its later bare "Umirov" is a candidate: a page's blocks are scanned one by one, and a block
 * with no candidate is not kept. Only a naming with that spelling anchors such a bare surname
 * (`resolveMentions`), so a spelling learned on one page names nobody on another.
 */
interface LearnedSpellings {
  entries: Map<string, AliasEntry>;
  /** Finds any learned spelling in folded text (undefined while there is none). */
  pattern: RegExp | undefined;
}

const GENERATIONAL_SUFFIXES = ['jr', 'sr', 'ii', 'iii', 'iv'];

/** How many leading characters of each alias the prefix pattern looks for. */
const PREFIX_LENGTH = 3;

const APOSTROPHES = ["'", '’', 'ʼ', '‘'];

/** An alias with an apostrophe ("O'Brien") is indexed in each apostrophe form a text may use. */
function apostropheForms(form: string): string[] {
  return /['’ʼ‘]/.test(form) ? APOSTROPHES.map((a) => form.replace(/['’ʼ‘]/g, a)) : [form];
}

const CYRILLIC_WORD = /^[\p{Script=Cyrillic}]+$/u;
const CYRILLIC_CONSONANT_END = /[бвгджзйклмнпрстфхцчшщ]$/iu;

/**
 * Russian and Ukrainian decline surnames ("Путина", "Путину", "Зеленского"): a Cyrillic alias also
 * matches its case forms. Other scripts' aliases are matched as written.
 */
export function declinedForms(alias: string): string[] {
  if (!CYRILLIC_WORD.test(alias)) return [alias];
  const lower = alias.toLowerCase();
  if (lower.endsWith('ський') || lower.endsWith('ский') || lower.endsWith('цкий')) {
    const stem = alias.slice(0, -2);
    return [alias, ...['ого', 'ому', 'им', 'ом', 'ім'].map((ending) => stem + ending)];
  }
  if (CYRILLIC_CONSONANT_END.test(lower)) {
    return [alias, ...['а', 'у', 'ом', 'ым', 'им', 'е', 'і'].map((ending) => alias + ending)];
  }
  return [alias];
}

/**
 * Everything a matcher needs that can be worked out once from the knowledge base: every folded form of
 * every alias (declined, composed and decomposed, each apostrophe), and the folded given, middle and
 * other given names. Plain data: the build computes it (scripts/matcher-index-plugin.ts), so that a page
 * only puts it into maps (`matcherFromIndex`) instead of deriving thousands of forms on every load.
 */
export interface MatcherIndex {
  /**
   * The alias forms, one row per (person, alias) in knowledge-base order: [person id, alias index, ...forms
   * as written]. A form's folded key is its lower case, else it is written [form, key]: `formRows` reads them.
   */
  readonly forms: readonly PackedForms[];
  /** [skeleton of a form of a given name, person id]. */
  readonly givenNames: readonly (readonly [string, string])[];
  /** [folded middle name or patronymic, person id]. */
  readonly middleNames: readonly (readonly [string, string])[];
  /** Skeletons of the given names of people outside the knowledge base. */
  readonly otherGivenNames: readonly string[];
  /** The letters Cyrillic given names are read through (`nameSkeleton`). */
  readonly letters: Readonly<Record<string, string>>;
  /** Phrases that are not names, as written (their capitals must be in the text). */
  readonly notNames: readonly string[];
  /** [folded form of a given name (every nickname and romanisation), person id]: a near spelling may follow. */
  readonly givenForms: readonly (readonly [string, string])[];
  /** Words one edit from a surname of these people (data/not-names.json): never a near spelling. */
  readonly nearWords: readonly string[];
  /** The source of the scan's pattern (`indexPatterns`), written when the index is compiled. */
  readonly patterns: IndexPatterns;
}

/** One row of `MatcherIndex.forms`: a person's id, an alias index and that alias's forms (packed). */
export type PackedForms = readonly [string, number, ...(string | readonly [string, string])[]];

/** One alias form: [folded key, form as written, person id, alias index]. */
export type FormRow = readonly [string, string, string, number];

/** Packs rows of one person and alias after another, in their order (the index's `forms`). */
function packForms(rows: readonly FormRow[]): PackedForms[] {
  const packed: [string, number, ...(string | [string, string])[]][] = [];
  for (const [key, written, id, aliasIndex] of rows) {
    let last = packed[packed.length - 1];
    if (!last || last[0] !== id || last[1] !== aliasIndex) packed.push((last = [id, aliasIndex]));
    last.push(written.toLowerCase() === key ? written : [written, key]);
  }
  return packed;
}

/** Calls `visit` with each alias form of an index, in its order (no arrays made: it runs on every page). */
function forEachForm(
  index: Pick<MatcherIndex, 'forms'>,
  visit: (key: string, written: string, id: string, aliasIndex: number) => void,
): void {
  for (const row of index.forms) {
    const [id, aliasIndex] = row;
    for (let i = 2; i < row.length; i++) {
      const form = row[i] as string | readonly [string, string];
      if (typeof form === 'string') visit(form.toLowerCase(), form, id, aliasIndex);
      else visit(form[1], form[0], id, aliasIndex);
    }
  }
}

/** The alias forms of an index, one row each, in its order. */
export function formRows(index: Pick<MatcherIndex, 'forms'>): FormRow[] {
  const rows: FormRow[] = [];
  forEachForm(index, (key, written, id, aliasIndex) => rows.push([key, written, id, aliasIndex]));
  return rows;
}

/**
 * The source of the pattern the scan runs (`alternationSource`, then `scanPattern`): the first letters
 * of every alias form and every given name a near spelling may follow, with its space ("rustem "), so
 * that one pass finds both. Writing it is the costly part of building a matcher (a trie of every
 * literal, then its pattern), so the build writes it once into the index and a page only hands it to
 * `RegExp`.
 */
export interface IndexPatterns {
  readonly starts: string;
}

/** Writes the pattern source of an index's alias forms and given-name forms. */
export function indexPatterns(
  forms: readonly FormRow[],
  givenForms: MatcherIndex['givenForms'],
): IndexPatterns {
  const prefixes = forms.map(([key]) => key.slice(0, PREFIX_LENGTH));
  return { starts: alternationSource([...new Set([...prefixes, ...givenForms.map(([key]) => `${key} `)])]) };
}

/**
 * Works out the index of `people`; `otherGivenNames` are common given names (any case). Given names
 * count in all their forms (nickname families, romanisations, spellings: `expandGivenNames`), and the
 * Cyrillic surnames of people from countries that write in Cyrillic are romanised in every style
 * (`romanize`) unless a form would be someone else's name.
 */
export function compileMatcherIndex(
  people: readonly MatcherPerson[],
  otherGivenNames: Iterable<string>,
  lexicon: NameLexicon = NAME_LEXICON,
): MatcherIndex {
  const { nicknames, romanization } = lexicon;
  const letters = skeletonLetters(romanization);
  // Composed and decomposed (NFD) spellings alike: both are common in scraped text.
  const folded = (name: string) =>
    [...new Set([name.normalize('NFC'), name.normalize('NFD')])].map(foldString);
  const skeletons = (names: Iterable<string>) =>
    new Set(
      [...expandGivenNames(names, nicknames, romanization)].map((n) => nameSkeleton(foldString(n), letters)),
    );
  const forms: FormRow[] = [];
  const givenNames: [string, string][] = [];
  const givenForms: [string, string][] = [];
  const middleNames: [string, string][] = [];
  // A generated form that is a word, any given name or anyone's alias is not worth the confusion.
  const others = skeletons(otherGivenNames);
  const taken = new Set<string>();
  const words = new Set(lexicon.words);
  for (const person of people) {
    for (const given of person.givenNames) taken.add(foldString(given));
    for (const alias of person.aliases) taken.add(foldString(alias.text));
  }
  for (const person of people) {
    const own = new Set<string>(); // a form two of the person's aliases generate is indexed once
    for (const key of skeletons(person.givenNames)) givenNames.push([key, person.id]);
    const givenKeys = new Set(expandGivenNames(person.givenNames, nicknames, romanization).map(foldString));
    for (const key of givenKeys) if (TRIGGER_START.test(key)) givenForms.push([key, person.id]);
    for (const middle of person.middleNames ?? [])
      for (const key of folded(middle)) middleNames.push([key, person.id]);
    const languages = person.country ? romanization.countries[person.country.text] : undefined;
    person.aliases.forEach((alias, aliasIndex) => {
      const generated = languages
        ? romanize(alias.text, romanization, languages).filter((form) => {
            const key = foldString(form);
            return !taken.has(key) && !others.has(nameSkeleton(key, letters)) && !words.has(key);
          })
        : [];
      const written = [...declinedForms(alias.text), ...generated]
        .flatMap((f) => [f.normalize('NFC'), f.normalize('NFD')])
        .flatMap(apostropheForms);
      for (const form of new Set(written)) {
        const key = foldString(form);
        if (key && !own.has(form)) forms.push([key, form, person.id, aliasIndex]);
        own.add(form);
      }
    });
  }
  // Only the phrases of these people's aliases (tests/name-lexicon.test.ts checks that each phrase has one).
  const aliasKeys = new Set(forms.map(([key]) => key));
  const notNames = lexicon.notNames.filter((phrase) => aliasKeys.has(foldString(phrase).split(' ')[0] ?? ''));
  const aliasOf = (id: string, i: number) => people.find((p) => p.id === id)?.aliases[i];
  const surnames = forms.filter(([key, , id, i]) => isNearSurname(key, aliasOf(id, i))).map(([key]) => key);
  const nearWords = lexicon.words.filter((word) => surnames.some((key) => isOneEditApart(word, key)));
  return {
    forms: packForms(forms),
    givenNames,
    middleNames,
    otherGivenNames: [...others],
    letters,
    notNames,
    givenForms,
    nearWords,
    patterns: indexPatterns(forms, givenForms),
  };
}

/** True when `key`, a form of `alias`, is a surname long enough to accept a near spelling of. */
function isNearSurname(key: string, alias: MatcherAlias | undefined): boolean {
  return alias?.kind === 'surname' && key.length >= MIN_NEAR_LENGTH && key === key.normalize('NFC');
}

/**
 * Puts the pending forms, phrases and given names that start with the letter of code `letter` into the
 * trie (once).
 */
function growTrie(matcher: Matcher, letter: number): void {
  const group = matcher.pending.get(letter);
  if (!group) return;
  matcher.pending.delete(letter);
  const { trie, entryAt, notNameEnds, givenEnds } = matcher;
  for (const [key, entry] of group.keys) entryAt[insertKey(trie, entryAt, key)] = entry;
  for (const [key, phrase] of group.phrases) notNameEnds.set(insertKey(trie, entryAt, key), phrase);
  for (const [key, given] of group.given) givenEnds.set(insertKey(trie, entryAt, key), given);
}

/** Adds `key` to the trie; returns the node it ends at. */
function insertKey(trie: Map<number, number>, entryAt: (AliasEntry | undefined)[], key: string): number {
  let node = 0;
  for (let i = 0; i < key.length; i++) {
    const step = transition(node, key.charCodeAt(i));
    let child = trie.get(step);
    if (child === undefined) {
      child = entryAt.length;
      entryAt.push(undefined);
      trie.set(step, child);
    }
    node = child;
  }
  return node;
}

interface PatternNode {
  next: Map<string, PatternNode>;
  isEnd: boolean;
}

/** A global pattern of `source` (`alternationSource`); one that never matches for an empty one. */
function globalPattern(source: string): RegExp {
  return new RegExp(source || '(?!)', 'g');
}

/**
 * Lower-case letters and digits (of the folded text) that the scan's pattern may not follow: every one
 * is a word character (`isWordChar`), so a literal right after one starts no word and no candidate.
 */
export const NOT_AFTER = '0-9a-z\\u00df-\\u00f6\\u00f8-\\u00ff\\u0430-\\u045f';

/**
 * The scan's pattern of `IndexPatterns.starts`: its literals only where the folded text's character
 * before is none of `NOT_AFTER`. About half the places where an alias's first letters occur are inside
 * a word ("tru" in "construction"); V8 discards them at once instead of handing each to `scanText`,
 * which pays for the given names' literals (bench/results/issue-15.md). `scanText` still checks every
 * word start in full (`isWordChar`). The literals are looked ahead for, so a match is empty: `test`
 * finds the next place without making a match array.
 */
function scanPattern(starts: string): RegExp {
  return new RegExp(starts ? `(?<![${NOT_AFTER}])(?=${starts})` : '(?!)', 'g');
}

/**
 * The source of a pattern that finds any of `literals`, factored like a trie
 * ("d(?:mi|on)|u(?:me|mi)"): V8 then decides on one character per branch instead of trying each
 * literal in turn, which made the scan's prefix search about a quarter faster (bench/results/issue-15.md).
 */
export function alternationSource(literals: readonly string[]): string {
  const root: PatternNode = { next: new Map(), isEnd: false };
  for (const literal of literals) {
    let node = root;
    for (const ch of literal) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), isEnd: false }));
      node = child;
    }
    node.isEnd = true;
  }
  const write = (node: PatternNode): string => {
    const branches = [...node.next].map(
      ([ch, child]) => ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&') + write(child),
    );
    const [only, ...others] = branches;
    if (only === undefined) return '';
    const group = others.length === 0 ? only : `(?:${branches.join('|')})`;
    return node.isEnd ? `(?:${group})?` : group;
  };
  return write(root);
}

/** Builds a matcher for `people` from their index (the index must come from the same people). */
export function matcherFromIndex(index: MatcherIndex, people: readonly MatcherPerson[]): Matcher {
  const byId = new Map(people.map((p) => [p.id, p]));
  const entries = new Map<string, AliasEntry>();
  const nearSurnames = new Map<string, string[]>();
  forEachForm(index, (key, written, id, aliasIndex) => {
    const person = byId.get(id);
    const alias = person?.aliases[aliasIndex];
    if (!person || !alias) throw new Error(`matcher index: no alias ${aliasIndex} of "${id}" (stale index?)`);
    if (isNearSurname(key, alias)) {
      const keys = nearSurnames.get(id);
      if (keys) keys.push(key);
      else nearSurnames.set(id, [key]);
    }
    const existing = entries.get(key);
    if (existing) {
      // The same form for two people: each bare occurrence needs the page to say whom.
      if (!existing.owners.includes(person)) {
        existing.owners.push(person);
        existing.needsAnchor = true;
      }
      return;
    }
    const entry: AliasEntry = {
      alias,
      key,
      written,
      owners: [person],
      needsAnchor: Boolean(alias.ambiguous) || Boolean(alias.sharedWith?.length),
    };
    entries.set(key, entry);
  });
  const pending: Matcher['pending'] = new Map();
  const groupOf = (key: string) => {
    const letter = key.charCodeAt(0);
    let group = pending.get(letter);
    if (!group) pending.set(letter, (group = { keys: [], phrases: [], given: [] }));
    return group;
  };
  for (const [key, entry] of entries) groupOf(key).keys.push([key, entry]);
  for (const phrase of index.notNames) {
    const key = foldString(phrase);
    groupOf(key).phrases.push([key, phrase]);
  }
  const given = new Map<string, GivenName>();
  for (const [key, id] of index.givenForms) {
    const known = given.get(key);
    if (known) known.ids.push(id);
    else given.set(key, { ids: [id], isLatin: LATIN_START.test(key) });
  }
  for (const [key, name] of given) groupOf(key).given.push([`${key} `, name]);
  const idsByName = (rows: readonly (readonly [string, string])[]) => {
    const map = new Map<string, Set<string>>();
    for (const [key, id] of rows) {
      const ids = map.get(key) ?? new Set<string>();
      ids.add(id);
      map.set(key, ids);
    }
    return map;
  };
  return {
    trie: new Map(),
    entryAt: [undefined],
    pending,
    givenEnds: new Map(),
    givenNames: idsByName(index.givenNames),
    otherGivenNames: new Set(index.otherGivenNames),
    letters: index.letters,
    skeletons: new Map(),
    notNameEnds: new Map(),
    suffixes: new Set(GENERATIONAL_SUFFIXES),
    middleNames: idsByName(index.middleNames),
    prefixes: scanPattern(index.patterns.starts),
    nearSurnames,
    nearWords: new Set(index.nearWords),
    learned: { entries: new Map(), pattern: undefined },
  };
}

/**
 * Given-name forms that can trigger a near spelling start with a Latin letter or a Cyrillic one; others
 * ("èmmanuèl'", a French reading of Эммануэль) are left out of the index (see `GivenName`).
 */
const TRIGGER_START = /^[a-z\p{Script=Cyrillic}]/u;

/** A given-name form written in Latin letters (`GivenName.isLatin`); the others are Cyrillic. */
const LATIN_START = /^[a-z]/;

/** Builds a matcher for `people`; `otherGivenNames` are common given names (any case). */
export function buildMatcher(
  people: readonly MatcherPerson[],
  otherGivenNames: Iterable<string>,
  lexicon: NameLexicon = NAME_LEXICON,
): Matcher {
  return matcherFromIndex(compileMatcherIndex(people, otherGivenNames, lexicon), people);
}

/** A possible mention found by `scanText`, before the page-level decisions of `resolveMentions`. */
export interface Candidate {
  /** Offsets into the original text of the whole mention (given name included), end exclusive. */
  start: number;
  end: number;
  surface: string;
  entry: AliasEntry;
  /** Set when a full name decided the person. */
  person: MatcherPerson | undefined;
  /** Set when the context showed someone else of this surname (blocks anchoring). */
  isSomeoneElse: boolean;
  /** The rank or office before the surname that decided the person ("President"), if that decided it. */
  title?: string;
  /** Candidates joined to this one by a dash or slash ("Witkoff–Dmitriev"). */
  joined?: Candidate[];
}

/** Finds every mention of the matcher's people in one text, in order. */
export function findMentions(matcher: Matcher, text: string): Mention[] {
  return resolveMentions([scanText(matcher, text)])[0] ?? [];
}

/**
 * Finds the candidates of one text (a block of a page). Only this step reads the text, so a page
 * that changes one paragraph rescans that paragraph and re-resolves the (few) candidates of all.
 */
export function scanText(matcher: Matcher, text: string): Candidate[] {
  const norm = normalizeText(text);
  const { folded, length } = norm;
  const out: Candidate[] = [];
  let previousEnd = -1;
  const namings: Namings = { latin: undefined, cyrillic: undefined };
  // The prefix pattern (compiled once, run natively) finds the few places worth a trie walk. It only
  // looks ahead, so `test` leaves `lastIndex` where it matched, and no match array is made.
  const prefixes = matcher.prefixes;
  prefixes.lastIndex = 0;
  while (prefixes.test(folded)) {
    const i = prefixes.lastIndex;
    prefixes.lastIndex = i + 1;
    if (i > 0 && isWordChar(folded.charCodeAt(i - 1))) continue;
    growTrie(matcher, folded.charCodeAt(i));
    // Walk the trie; remember the longest alias (or phrase that is not a name) ending on a word boundary,
    // and the given names passed on the way ("rustem ").
    const { trie, entryAt, notNameEnds, givenEnds } = matcher;
    let node = trie.get(transition(0, folded.charCodeAt(i)));
    let j = i + 1;
    let best: AliasEntry | undefined;
    let bestEnd = -1;
    while (node !== undefined) {
      if (j >= length || !isWordChar(folded.charCodeAt(j))) {
        const entry = entryAt[node];
        const phrase = entry === undefined ? notNameEnds.get(node) : undefined;
        if (entry !== undefined || (phrase !== undefined && hasPhraseCase(norm, i, phrase))) {
          best = entry;
          bestEnd = j;
        }
      }
      if (j >= length) break;
      const code = folded.charCodeAt(j);
      node = trie.get(transition(node, code));
      j++;
      if (code === 0x20 && node !== undefined) {
        const given = givenEnds.get(node);
        if (given) addNaming(namings, norm, i, j - 1, given);
      }
    }
    // Skipped below: the pattern does not look at the word starts inside a multi-word alias or phrase.
    if (bestEnd > i + 1) readGivenNamesWithin(matcher, norm, i + 1, bestEnd, namings);
    if (best === undefined) {
      if (bestEnd > 0) prefixes.lastIndex = bestEnd; // "Trump Tower": the phrase is read as a whole
      continue;
    }
    const candidate = classify(matcher, norm, i, bestEnd, best);
    if (candidate) {
      const previous = out[out.length - 1];
      if (previous && previousEnd === candidate.start - 1 && isJoiner(norm.chars.charCodeAt(previousEnd))) {
        (previous.joined ??= []).push(candidate);
        (candidate.joined ??= []).push(previous);
      }
      previousEnd = candidate.end;
      out.push(placeCandidate(candidate, norm, text));
    }
    prefixes.lastIndex = bestEnd;
  }
  // As the given-name patterns of before did: the Latin names in text order, then the Cyrillic ones.
  for (const { start, end, ids } of namings.latin ?? []) learnNearSpelling(matcher, norm, start, end, ids);
  for (const { start, end, ids } of namings.cyrillic ?? []) learnNearSpelling(matcher, norm, start, end, ids);
  if (matcher.learned.pattern) addLearnedSpellings(matcher, norm, text, out);
  return out;
}

/** Maps a candidate's normalised offsets back to the original text, and takes its surface from it. */
function placeCandidate(candidate: Candidate, norm: NormalizedText, text: string): Candidate {
  candidate.start = originOf(norm, candidate.start);
  candidate.end = originOf(norm, candidate.end - 1) + 1;
  candidate.surface = text.slice(candidate.start, candidate.end);
  return candidate;
}

/** A given name read at a word start (`start`..`end`, its space), to learn what follows it from. */
interface Naming {
  start: number;
  end: number;
  ids: readonly string[];
}

/** The given names a text's scan read, Latin and Cyrillic apart (see `scanText`); made when one is. */
interface Namings {
  latin: Naming[] | undefined;
  cyrillic: Naming[] | undefined;
}

/**
 * Notes the given name `given` read in folded text at the word start `start`, up to its space at `end`,
 * when it is written as a near spelling may follow it: a Latin one capitalised with the rest in lower
 * case ("Rustem"), a Cyrillic one in any case. Of the names read at one start (a walk passes the shorter
 * first), the longest is kept.
 */
function addNaming(
  namings: Namings,
  norm: NormalizedText,
  start: number,
  end: number,
  given: GivenName,
): void {
  if (given.isLatin) {
    const { chars, folded } = norm;
    // Folded, the first letter is a to z: as written, it must be its capital.
    if (chars.charCodeAt(start) !== folded.charCodeAt(start) - 0x20) return;
    for (let k = start + 1; k < end; k++) if (chars.charCodeAt(k) !== folded.charCodeAt(k)) return;
  }
  const list = given.isLatin ? (namings.latin ??= []) : (namings.cyrillic ??= []);
  const last = list[list.length - 1];
  if (last?.start === start) {
    last.end = end;
    last.ids = given.ids;
  } else list.push({ start, end, ids: given.ids });
}

/**
 * Reads the given names that start at a word start from `from` to before `to`, inside a span the scan's
 * pattern skips (a multi-word alias or phrase: "Kim Jong Un"), as `scanText` reads them elsewhere.
 */
function readGivenNamesWithin(
  matcher: Matcher,
  norm: NormalizedText,
  from: number,
  to: number,
  namings: Namings,
): void {
  const { folded, length } = norm;
  for (let k = from; k < to; k++) {
    if (isWordChar(folded.charCodeAt(k - 1)) || !isWordChar(folded.charCodeAt(k))) continue;
    growTrie(matcher, folded.charCodeAt(k));
    const { trie, givenEnds } = matcher;
    let node = trie.get(transition(0, folded.charCodeAt(k)));
    for (let j = k + 1; node !== undefined && j < length; j++) {
      const code = folded.charCodeAt(j);
      node = trie.get(transition(node, code));
      const given = code === 0x20 && node !== undefined ? givenEnds.get(node) : undefined;
      if (given) addNaming(namings, norm, k, j, given);
    }
  }
}

/** How many near spellings one page may teach the matcher (a hostile page could write endless ones). */
const MAX_LEARNED = 64;

/**
 * After a capitalised given name (`start`..`givenEnd`, a form of the given name of `ids`), a
 * capitalised word one edit from one of those people's surnames ("Rustem Umirov") is a near spelling
 * of it: remembered, so that this and every later occurrence of that spelling on the page becomes a
 * candidate (`addLearnedSpellings`). Not when the word is an alias of anyone, a given name, a word of
 * data/not-names.json, or shorter than `MIN_NEAR_LENGTH`.
 */
function learnNearSpelling(
  matcher: Matcher,
  norm: NormalizedText,
  start: number,
  givenEnd: number,
  ids: readonly string[],
): void {
  const { chars, folded, length } = norm;
  const from = givenEnd + 1;
  if (
    !isUpper(chars.charCodeAt(start)) ||
    chars.charCodeAt(givenEnd) !== 0x20 ||
    !isUpper(chars.charCodeAt(from))
  )
    return;
  let to = from;
  while (to < length && isWordChar(folded.charCodeAt(to))) to++;
  const key = folded.slice(from, to);
  const { learned } = matcher;
  if (key.length < MIN_NEAR_LENGTH || learned.entries.has(key) || learned.entries.size >= MAX_LEARNED) return;
  if (matcher.nearWords.has(key) || isTrieKey(matcher, key)) return;
  const skeleton = skeletonOf(matcher, key);
  if (matcher.givenNames.has(skeleton) || matcher.otherGivenNames.has(skeleton)) return;
  const owners: MatcherPerson[] = [];
  let surname: AliasEntry | undefined;
  for (const id of ids) {
    const near = matcher.nearSurnames.get(id)?.find((s) => isOneEditApart(key, s));
    const entry = near === undefined ? undefined : findTrieEntry(matcher, near);
    const person = entry?.owners.find((p) => p.id === id);
    if (!entry || !person || owners.includes(person)) continue;
    owners.push(person);
    surname ??= entry;
  }
  if (!surname) return;
  learned.entries.set(key, {
    alias: { ...surname.alias, case: 'insensitive' },
    key,
    written: sliceChars(norm, from, to),
    owners,
    needsAnchor: true,
    isNearSpelling: true,
  });
  learned.pattern = globalPattern(alternationSource([...learned.entries.keys()]));
}

/** The alias entry whose folded form is exactly `key`, if any. */
function findTrieEntry(matcher: Matcher, key: string): AliasEntry | undefined {
  growTrie(matcher, key.charCodeAt(0));
  let node: number | undefined = 0;
  for (let k = 0; k < key.length && node !== undefined; k++)
    node = matcher.trie.get(transition(node, key.charCodeAt(k)));
  return node === undefined ? undefined : matcher.entryAt[node];
}

/** True when `key` is an alias form of anyone. */
function isTrieKey(matcher: Matcher, key: string): boolean {
  return findTrieEntry(matcher, key) !== undefined;
}

/**
 * Adds to `out` the capitalised occurrences of the page's learned near spellings, read as a surname
 * is (a given name before it decides, else the page's naming with that spelling must anchor it), where
 * no other candidate already covers them; keeps `out` in text order.
 */
function addLearnedSpellings(matcher: Matcher, norm: NormalizedText, text: string, out: Candidate[]): void {
  const { pattern, entries } = matcher.learned;
  if (!pattern) return;
  const { folded, chars } = norm;
  let added = false;
  pattern.lastIndex = 0;
  for (let found = pattern.exec(folded); found !== null; found = pattern.exec(folded)) {
    const start = found.index;
    const end = start + found[0].length;
    const entry = entries.get(found[0]);
    if (
      !entry ||
      (start > 0 && isWordChar(folded.charCodeAt(start - 1))) ||
      isWordChar(folded.charCodeAt(end))
    )
      continue;
    if (!isUpper(chars.charCodeAt(start))) continue;
    const candidate = classify(matcher, norm, start, end, entry);
    if (!candidate) continue;
    placeCandidate(candidate, norm, text);
    if (out.some((c) => c.start < candidate.end && candidate.start < c.end)) continue;
    out.push(candidate);
    added = true;
  }
  if (added) out.sort((a, b) => a.start - b.start);
}

/**
 * True when the text at `start` has the capitals a phrase is written with after its first word:
 * "Trump Media" is the company, "Trump media strategy" is not; "trump card" is also "Trump Card".
 */
function hasPhraseCase(norm: NormalizedText, start: number, phrase: string): boolean {
  for (let k = phrase.indexOf(' ') + 1; k > 0 && k < phrase.length; k++) {
    const code = phrase.charCodeAt(k);
    if (isUpper(code) && !isUpper(norm.chars.charCodeAt(start + k))) return false;
  }
  return true;
}

/** Hyphen, en dash, em dash, slash: what joins two names in "Witkoff–Dmitriev talks". */
function isJoiner(code: number): boolean {
  return code === 0x2d || code === 0x2013 || code === 0x2014 || code === 0x2010 || code === 0x2f;
}

function isUpper(code: number): boolean {
  return code !== foldCode(code);
}

function hasCase(entry: AliasEntry, norm: NormalizedText, start: number, end: number): boolean {
  if (entry.alias.case === 'insensitive') return true;
  const surface = sliceChars(norm, start, end).replace(/['’ʼ‘]/g, "'");
  const written = entry.written
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/['’ʼ‘]/g, "'");
  return surface.normalize('NFC') === written || surface.normalize('NFC') === written.toLocaleUpperCase('en');
}

interface Token {
  start: number;
  end: number;
  /** Folded text of the token. */
  key: string;
  isCapitalized: boolean;
  /** A single capital letter, optionally followed by a full stop ("W." / "W"). */
  isInitial: boolean;
  /** Followed by a full stop ("Tuesday." ends a sentence; "W." is an initial). */
  hasStop: boolean;
}

/** The word right before `pos` (separated by exactly one space), with a trailing full stop if any. */
function tokenBefore(norm: NormalizedText, pos: number): Token | undefined {
  const { chars, folded } = norm;
  if (pos < 2 || chars.charCodeAt(pos - 1) !== 0x20) return undefined;
  let end = pos - 1;
  const hasStop = chars.charCodeAt(end - 1) === 0x2e;
  if (hasStop) end--;
  let start = end;
  while (start > 0 && isWordChar(chars.charCodeAt(start - 1))) start--;
  if (start === end) return undefined;
  // Glued to an apostrophe, hyphen or full stop ("Trump’s", "Jean-", "H.W."), it is not a given name;
  // after any other mark ("[Melania Trump]", "*Melania Trump*", "#Melania Trump") it is.
  const before = start > 0 ? chars.charCodeAt(start - 1) : 0x20;
  if (isApostrophe(before) || before === 0x2d || before === 0x2010 || before === 0x2e) return undefined;
  let key = '';
  for (let k = start; k < end; k++) key += String.fromCharCode(folded.charCodeAt(k));
  const first = chars.charCodeAt(start);
  const isCapitalized = isUpper(first);
  const isInitial = end - start === 1 && isCapitalized;
  return { start, end: hasStop ? end + 1 : end, key, isCapitalized, isInitial, hasStop };
}

/** The word right after `pos` (after an optional comma and one space), folded, and whether it is capitalised. */
function tokenAfter(norm: NormalizedText, pos: number): { key: string; isCapitalized: boolean } | undefined {
  const { chars, folded, length } = norm;
  let p = pos;
  if (chars.charCodeAt(p) === 0x2c) p++;
  if (chars.charCodeAt(p) !== 0x20) return undefined;
  p++;
  const first = chars.charCodeAt(p);
  let key = '';
  while (p < length && isWordChar(chars.charCodeAt(p))) key += String.fromCharCode(folded.charCodeAt(p++));
  return key ? { key, isCapitalized: isUpper(first) } : undefined;
}

/** True when the token starts a sentence, a quotation or the text: its capital says nothing. */
function isSentenceStart(norm: NormalizedText, tokenStart: number): boolean {
  let p = tokenStart - 1;
  while (p >= 0 && (norm.chars.charCodeAt(p) === 0x20 || isOpeningMark(norm.chars.charCodeAt(p)))) p--;
  if (p < 0) return true;
  const c = norm.chars.charCodeAt(p);
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x3b || c === 0x2014 || c === 0x2013;
}

function isOpeningMark(code: number): boolean {
  return (
    code === 0x22 || code === 0x201c || code === 0x2018 || code === 0x28 || code === 0xab || code === 0x5b
  );
}

/**
 * Capitalised words that may stand right before a surname without being a given name: titles,
 * ranks, honorifics, and the function words of Title Case headlines. Folded.
 */
const TITLE_WORDS = new Set(
  `president vice prime minister secretary senator sen rep representative congressman congresswoman governor gov
  mayor ambassador envoy special adviser advisor aide spokesman spokeswoman spokesperson chancellor chief director
  general gen admiral adm colonel col lieutenant lt captain capt major maj sergeant sgt commander marshal dr doctor
  prof professor mr mrs ms miss mx sir dame lord lady judge justice speaker leader chairman chairwoman chair
  commissioner deputy foreign defence defense finance press kremlin fellow analyst expert economist ceo founder head
  negotiator diplomat official emissary pope king queen prince princess sheikh emir premier tsar czar monsieur
  madame herr frau senior former late ex says said asks asked tells told adds added warns warned wrote writes and
  but or as with by for from to at in on of per like than when while after before under vs versus new meet meets
  meets met slams backs urges calls hits rejects praises blasts pm gop dem nato eu us uk un cfr isw nsc`.split(
    /\s+/,
  ),
);

/**
 * Ranks and offices: before a surname only one person has, they show the page means that person,
 * not a relative or namesake it also names ("Ivanka Trump joined her father, President Trump"). Folded.
 */
const RANK_WORDS = new Set(
  `president prime minister secretary senator sen governor gov ambassador envoy chancellor spokesman
  spokeswoman spokesperson aide adviser advisor negotiator commissioner pm`.split(/\s+/),
);

/** Words that follow a verb, not a name: "Fix the loopholes", "Fix it". Folded. */
const OBJECT_WORDS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'it',
  'them',
  'up',
  'our',
  'your',
  'their',
  'his',
  'its',
  'my',
  'all',
  'every',
  'some',
]);

function classify(
  matcher: Matcher,
  norm: NormalizedText,
  start: number,
  end: number,
  entry: AliasEntry,
): Candidate | undefined {
  if (!hasCase(entry, norm, start, end)) return undefined;
  // Offsets stay normalised here; scanText maps them back to the original text.
  const candidate: Candidate = { start, end, surface: '', entry, person: undefined, isSomeoneElse: false };
  const next = tokenAfter(norm, end);
  const suffix = next && matcher.suffixes.has(next.key) ? next.key : undefined;
  /** "Donald Trump Jr." is not Donald Trump; "Joseph R. Biden Jr." is Joe Biden. */
  const isOwnSuffix = (p: MatcherPerson) =>
    suffix === undefined || foldString(p.suffix ?? '').replace('.', '') === suffix;

  if (entry.alias.kind !== 'surname') {
    candidate.isSomeoneElse = !entry.owners.some(isOwnSuffix);
    return candidate;
  }

  // Read backwards: middle initials and middle names (patronymics), then a given name.
  const initials: string[] = [];
  let middles = 0;
  let token = tokenBefore(norm, start);
  let mentionStart = start;
  while (token && initials.length + middles < 3) {
    const middleOwners = token.isCapitalized ? matcher.middleNames.get(token.key) : undefined;
    if (token.isInitial) initials.unshift(token.key.toUpperCase());
    else if (middleOwners && entry.owners.some((p) => middleOwners.has(p.id))) middles++;
    else break;
    mentionStart = token.start;
    token = tokenBefore(norm, token.start);
  }
  // A word with a full stop that is not an initial ends the previous sentence ("on Monday. Graham").
  if (token?.hasStop && !token.isInitial) token = undefined;
  const given = token?.isCapitalized ? skeletonOf(matcher, token.key) : undefined;
  const givenOwners = given === undefined ? undefined : matcher.givenNames.get(given);
  const owner = givenOwners ? entry.owners.find((p) => givenOwners.has(p.id)) : undefined;

  if (token && owner) {
    // "Steve Witkoff", "George W. Bush"; other initials ("George H. W. Bush") are someone else.
    const known = owner.middleInitials;
    if ((initials.length > 0 && known && initials.join(' ') !== known.join(' ')) || !isOwnSuffix(owner)) {
      candidate.isSomeoneElse = true;
    } else {
      candidate.person = owner;
      candidate.start = token.start;
    }
    return candidate;
  }
  if (given !== undefined && (givenOwners || matcher.otherGivenNames.has(given))) {
    candidate.isSomeoneElse = true; // "Lindsey Graham", "Hunter Biden": a given name not the person's own.
    return candidate;
  }
  if (initials.length > 0) {
    // Initials with no given name: ours only if they are the person's own ("W. Bush").
    const match = entry.owners.find((p) => p.middleInitials?.join(' ') === initials.join(' '));
    if (match && isOwnSuffix(match)) {
      candidate.person = match;
      candidate.start = mentionStart;
    } else {
      candidate.isSomeoneElse = true;
    }
    return candidate;
  }
  if (!entry.owners.some(isOwnSuffix)) {
    candidate.isSomeoneElse = true;
    return candidate;
  }
  if (token && !entry.needsAnchor && entry.owners.length === 1 && RANK_WORDS.has(token.key)) {
    candidate.person = entry.owners[0];
    candidate.title = sliceChars(norm, token.start, token.hasStop ? token.end - 1 : token.end);
    return candidate;
  }
  if (entry.needsAnchor) {
    // A surname that may name others gets the stricter reading a careful reader gives it.
    if (
      token?.isCapitalized &&
      !token.isInitial &&
      !TITLE_WORDS.has(token.key) &&
      !isSentenceStart(norm, token.start) &&
      !isAllCaps(norm, token.start, end)
    ) {
      candidate.isSomeoneElse = true; // "Sabrina Carpenter": an unknown given name is still a given name.
      return candidate;
    }
    if (
      next?.isCapitalized &&
      !suffix &&
      (matcher.otherGivenNames.has(skeletonOf(matcher, entry.key)) ||
        matcher.givenNames.has(skeletonOf(matcher, entry.key)))
    ) {
      return undefined; // "Graham Allison": here the surname is someone's given name.
    }
    if (entry.alias.case === 'exact' && next && !next.isCapitalized && OBJECT_WORDS.has(next.key)) {
      return undefined; // "Fix the loopholes": a verb, not a name.
    }
  }
  return candidate;
}

/** `nameSkeleton` of a folded word, remembered (up to a bound: a hostile page has endless words). */
function skeletonOf(matcher: Matcher, key: string): string {
  let skeleton = matcher.skeletons.get(key);
  if (skeleton === undefined) {
    skeleton = nameSkeleton(key, matcher.letters);
    if (matcher.skeletons.size < 10_000) matcher.skeletons.set(key, skeleton);
  }
  return skeleton;
}

function isAllCaps(norm: NormalizedText, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = norm.chars.charCodeAt(i);
    if (c !== foldCode(c) ? false : isWordChar(c) && c !== 0x27 && !(c >= 0x30 && c <= 0x39)) return false;
  }
  return true;
}

/** The person a candidate names without help from the rest of the page, if any. */
function ownPerson(c: Candidate): MatcherPerson | undefined {
  if (c.isSomeoneElse) return undefined;
  if (c.person) return c.person;
  return !c.entry.needsAnchor && c.entry.owners.length === 1 ? c.entry.owners[0] : undefined;
}

function isLinked(a: MatcherPerson, b: MatcherPerson): boolean {
  return Boolean(a.links?.some((l) => l.person === b.id) || b.links?.some((l) => l.person === a.id));
}

/**
 * An unanchored ambiguous surname joined by a dash to a person the knowledge base links with one of
 * its owners ("Witkoff–Dmitriev conversations") names that owner: the pairing is the context.
 */
function findLinkedPartner(
  c: Candidate,
): { owner: MatcherPerson; partner: { person: string; surface: string } } | undefined {
  for (const other of c.joined ?? []) {
    const partner = ownPerson(other);
    if (!partner) continue;
    const owner = c.entry.owners.find((p) => p !== partner && isLinked(p, partner));
    if (owner) return { owner, partner: { person: partner.id, surface: other.surface } };
  }
  return undefined;
}

/**
 * Whose bare surname a naming decides: the person's, or, for a near spelling ("Rustem Umirov"), only
 * that spelling's, which no other naming of the person anchors.
 */
function decisionKey(c: Candidate, p: MatcherPerson): string {
  return c.entry.isNearSpelling ? `${p.id}~${c.entry.key}` : p.id;
}

/**
 * Decides which candidates are mentions, across all the texts (blocks) of one page, in page order:
 * a bare ambiguous surname needs the page to name its person in full, and a bare surname of anyone
 * goes to nobody where the page's deciding naming is someone else of that surname ("Melania Trump").
 * Returns one list per text.
 */
export function resolveMentions(
  candidateTexts: readonly (readonly Candidate[])[],
  corrections: readonly NameCorrection[] = [],
): Mention[][] {
  // The reader's corrections are facts: a corrected naming is someone else of its surname (so the bare
  // surnames it anchors follow it), and no mention of a corrected name goes to that person.
  const isCorrected = makeCorrectionTest(corrections);
  const texts =
    corrections.length === 0
      ? candidateTexts
      : candidateTexts.map((candidates) =>
          candidates.map((c) => {
            const own = ownPerson(c);
            return own && isCorrected(own.id, c.surface)
              ? { ...c, person: undefined, isSomeoneElse: true }
              : c;
          }),
        );
  const toMention = (c: Candidate, person: MatcherPerson, reason: MentionReason): Mention => ({
    start: c.start,
    end: c.end,
    person: person.id,
    surface: c.surface,
    alias: c.entry.alias.text,
    reason,
  });
  // A naming decides, for each person it could be, whom a bare surname refers to: a full name of that
  // person, or someone else of the same surname (in the knowledge base or not). The nearest before
  // wins; failing that, the first after (headlines often use the surname before the text names anyone).
  const deciders = (c: Candidate): readonly MatcherPerson[] =>
    c.person ? [c.person] : c.isSomeoneElse ? c.entry.owners : [];
  interface Decider {
    c: Candidate;
    at: number;
    text: number;
  }
  const firstDecider = new Map<string, Decider>();
  /** People the page also names namesakes of: their bare surname needs the page's naming. */
  const hasNamesake = new Set<string>();
  let at = 0;
  texts.forEach((candidates, text) => {
    for (const c of candidates) {
      for (const p of deciders(c)) {
        if (!firstDecider.has(decisionKey(c, p))) firstDecider.set(decisionKey(c, p), { c, at, text });
        if (c.isSomeoneElse) hasNamesake.add(decisionKey(c, p));
      }
      at++;
    }
  });
  const lastDecider = new Map<string, Decider>();
  const findDecider = (c: Candidate): Decider | undefined => {
    let found: Decider | undefined;
    for (const p of c.entry.owners) {
      const last = lastDecider.get(decisionKey(c, p));
      if (last && (!found || last.at > found.at)) found = last;
    }
    if (found) return found;
    for (const p of c.entry.owners) {
      const first = firstDecider.get(decisionKey(c, p));
      if (first && (!found || first.at < found.at)) found = first;
    }
    return found;
  };

  at = 0;
  return texts.map((candidates, text) => {
    const mentions: Mention[] = [];
    for (const c of candidates) {
      const index = at++;
      for (const p of deciders(c)) lastDecider.set(decisionKey(c, p), { c, at: index, text });
      if (c.isSomeoneElse) continue;
      if (c.person) {
        const reason: MentionReason = c.entry.isNearSpelling
          ? { kind: 'near-spelling', spelling: c.entry.written }
          : c.title
            ? { kind: 'title', title: c.title }
            : { kind: 'full-name' };
        mentions.push(toMention(c, c.person, reason));
        continue;
      }
      const decider = findDecider(c);
      const anchored = (d: Decider): MentionReason => ({
        kind: 'anchored',
        anchor: { start: d.c.start, end: d.c.end, surface: d.c.surface, isElsewhere: d.text !== text },
      });
      const only = c.entry.owners.length === 1 ? c.entry.owners[0] : undefined;
      if (!c.entry.needsAnchor && only) {
        if (c.entry.alias.kind !== 'surname') {
          mentions.push(toMention(c, only, { kind: 'alias' }));
        } else if (!decider || !hasNamesake.has(only.id)) {
          mentions.push(toMention(c, only, { kind: 'surname' }));
        } else if (decider.c.person) {
          mentions.push(toMention(c, only, anchored(decider)));
        }
        continue;
      }
      if (!decider) {
        const linked = findLinkedPartner(c);
        if (linked) mentions.push(toMention(c, linked.owner, { kind: 'linked', partner: linked.partner }));
        continue;
      }
      if (decider.c.person) mentions.push(toMention(c, decider.c.person, anchored(decider)));
    }
    return corrections.length === 0 ? mentions : mentions.filter((m) => !isCorrected(m.person, m.surface));
  });
}
