/**
 * The forms a name takes in other spellings and scripts, worked out from data rather than listed:
 * romanisations of Cyrillic names in the styles of data/romanization.json, the nickname families of
 * data/nicknames.json, and the skeleton by which two spellings of one given name compare equal
 * (Dmitry, Dmitri, Dmitriy, Dmitrij; Vasily, Vassili, Wassili, Василий).
 *
 * Only `nameSkeleton` runs on a page (for the few words before a candidate surname); the rest runs
 * when the matcher index is compiled at build time.
 */

/** One romanisation style: its letters where they differ from the language's base, and positional rules. */
export interface RomanizationStyle {
  letters?: Record<string, string>;
  initial?: Record<string, string>;
  afterConsonant?: Record<string, string>;
  betweenVowels?: Record<string, string>;
  beforeSoft?: Record<string, string>;
  endings?: Record<string, string>;
}

/** One language's base letters, the letters that soften a consonant before them, and its styles. */
export interface RomanizationLanguage {
  softening: string;
  letters: Record<string, string>;
  styles: Record<string, RomanizationStyle>;
}

/** data/romanization.json. */
export interface RomanizationTable {
  /** People from these countries have Cyrillic names of their own: the languages they are written in. */
  countries: Record<string, readonly string[]>;
  languages: Record<string, RomanizationLanguage>;
}

/** data/nicknames.json: each family lists the forms of one given name. */
export interface NicknameTable {
  families: readonly (readonly string[])[];
}

const CYRILLIC_VOWELS = new Set('аеёиоуыэюяіїєaeiou');
/** Consonants that stay hard whatever follows (Polish writes "że", not "żie"). */
const ALWAYS_HARD = new Set('жшчцщ');
const UKRAINIAN_ONLY = /[іїєґ]|[сцз]ьк/;
const RUSSIAN_ONLY = /[ёыэъ]/;
const CYRILLIC = /\p{Script=Cyrillic}/u;

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Writes one Cyrillic word in one style; undefined when a letter has no value in the table. */
function romanizeWord(
  word: string,
  language: RomanizationLanguage,
  style: RomanizationStyle,
): string | undefined {
  const base = language.letters;
  const lower = word.toLowerCase();
  let stem = lower;
  let tail = '';
  const endings = Object.entries(style.endings ?? {}).sort((a, b) => b[0].length - a[0].length);
  for (const [ending, written] of endings) {
    if (lower.length > ending.length + 1 && lower.endsWith(ending)) {
      stem = lower.slice(0, -ending.length);
      tail = written;
      break;
    }
  }
  let out = '';
  for (let i = 0; i < stem.length; i++) {
    const letter = stem.charAt(i);
    const before = i > 0 ? stem.charAt(i - 1) : '';
    const after = i + 1 < stem.length ? stem.charAt(i + 1) : tail.charAt(0);
    const afterVowelOrSign = before === '' || CYRILLIC_VOWELS.has(before) || before === 'ь' || before === 'ъ';
    const value =
      (afterVowelOrSign ? style.initial?.[letter] : undefined) ??
      (!afterVowelOrSign && !ALWAYS_HARD.has(before) ? style.afterConsonant?.[letter] : undefined) ??
      (CYRILLIC_VOWELS.has(before) && CYRILLIC_VOWELS.has(after)
        ? style.betweenVowels?.[letter]
        : undefined) ??
      ((after !== '' && language.softening.includes(after)) || (after === '' && tail !== '')
        ? style.beforeSoft?.[letter]
        : undefined) ??
      style.letters?.[letter] ??
      base[letter];
    if (value === undefined) return undefined;
    out += value;
  }
  return capitalize(out + tail);
}

/**
 * Every romanisation of a Cyrillic name (one or more words) in the table's styles: of its language
 * when its letters tell (і, ї, є, ґ, -ський are Ukrainian; ё, ы, э, ъ Russian), else of `languages`
 * (by default all).
 */
export function romanize(
  name: string,
  table: RomanizationTable,
  languages: readonly string[] = Object.keys(table.languages),
): string[] {
  if (!CYRILLIC.test(name)) return [];
  const lower = name.toLowerCase();
  const told = UKRAINIAN_ONLY.test(lower) ? ['uk'] : RUSSIAN_ONLY.test(lower) ? ['ru'] : languages;
  const chosen = Object.entries(table.languages).filter(([code]) => told.includes(code));
  const out = new Set<string>();
  for (const [, language] of chosen) {
    for (const style of Object.values(language.styles)) {
      const words = name.split(/\s+/).map((word) => romanizeWord(word, language, style));
      if (words.every((w): w is string => w !== undefined)) out.add(words.join(' '));
    }
  }
  return [...out];
}

/** The letters a page's Cyrillic given names are read with (the first language's base, then the others'). */
export function skeletonLetters(table: RomanizationTable): Record<string, string> {
  const letters: Record<string, string> = {};
  for (const { letters: base } of Object.values(table.languages))
    for (const [letter, value] of Object.entries(base)) letters[letter] ??= value;
  return letters;
}

const MARKS = /\p{M}/gu;

/**
 * The skeleton of a folded given name: what is left when the differences between spellings of one
 * name are taken out (accents, w/v, y/j/i, ou/u, ph/f, doubled letters; Cyrillic read through
 * `letters`). Spellings of one name share it; two names rarely do.
 */
export function nameSkeleton(key: string, letters: Readonly<Record<string, string>>): string {
  let latin = key;
  if (CYRILLIC.test(key)) {
    latin = '';
    for (const c of key) latin += letters[c] ?? c;
  }
  return latin
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/ł/g, 'l')
    .replace(/w/g, 'v')
    .replace(/[yj]/g, 'i')
    .replace(/ou/g, 'u')
    .replace(/ph/g, 'f')
    .replace(/(.)\1+/g, '$1');
}

/**
 * Every form of the given names `names`: each one, the other members of its nickname families,
 * and the romanisations of the Cyrillic ones.
 */
export function expandGivenNames(
  names: Iterable<string>,
  nicknames: NicknameTable,
  romanization: RomanizationTable,
): string[] {
  const letters = skeletonLetters(romanization);
  const skeleton = (name: string) => nameSkeleton(name.toLowerCase(), letters);
  const familiesOf = new Map<string, (readonly string[])[]>();
  for (const family of nicknames.families)
    for (const member of family) {
      const key = skeleton(member);
      familiesOf.set(key, [...(familiesOf.get(key) ?? []), family]);
    }
  const out = new Set<string>();
  for (const name of names) {
    for (const form of [name, ...romanize(name, romanization)]) {
      out.add(form);
      for (const family of familiesOf.get(skeleton(form)) ?? []) for (const member of family) out.add(member);
    }
  }
  return [...out];
}
