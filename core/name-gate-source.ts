/**
 * The name gate's source (./name-gate.ts) written from a matcher index: by the build for the bundled
 * people (scripts/matcher-index-plugin.ts) and by the background for the people the reader added
 * (platform/added-people-store.ts). Apart from the gate's reader, which the script every page runs carries
 * without the matcher. Pure.
 */
import type { NameGateSource } from './name-gate';
import { alternationSource, type MatcherIndex, type MatcherPerson } from './matcher';
import { foldString } from './text-normalize';

/** Letters, digits and marks: a form's words are its runs of these. */
const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;

/** The longest word of a form (the last of equals: a surname rather than a given name). */
function gateWord(form: string): string | undefined {
  let best: string | undefined;
  for (const [word] of form.matchAll(WORD_RUN)) if (!best || word.length >= best.length) best = word;
  return best;
}

/** The apostrophes a text may write (core/text-normalize.ts `isApostrophe`). */
const APOSTROPHES = ["'", '\u2019', '\u02bc', '\u2018'];

/** Both Unicode forms of a word (pages write either). */
const spellings = (word: string) => [...new Set([word.normalize('NFC'), word.normalize('NFD')])];

/**
 * The gate of an index's people: each alias form's longest word (as written when the alias's case is
 * exact), and each given-name form that may precede a near spelling.
 */
export function nameGateSource(
  index: Pick<MatcherIndex, 'forms' | 'givenForms'>,
  people: readonly Pick<MatcherPerson, 'id' | 'aliases'>[],
): NameGateSource {
  const byId = new Map(people.map((p) => [p.id, p]));
  const insensitive = new Set<string>();
  const exact = new Map<string, Set<string>>();
  for (const row of index.forms) {
    const [id, aliasIndex] = row;
    const isExact = byId.get(id)?.aliases[aliasIndex]?.case === 'exact';
    for (let i = 2; i < row.length; i++) {
      const form = row[i] as string | readonly [string, string];
      const word = gateWord(typeof form === 'string' ? form : form[0]);
      if (!word) continue;
      for (const written of spellings(word)) {
        const key = foldString(written); // as the matcher folds its keys (İ stays İ: "i̇" would not find it)
        if (!isExact) insensitive.add(key);
        else exact.set(key, (exact.get(key) ?? new Set()).add(written));
      }
    }
  }
  // A given name is read folded (one apostrophe for all, core/text-normalize.ts): the gate reads raw text.
  const given = new Set<string>();
  for (const [key] of index.givenForms ?? [])
    for (const form of spellings(key))
      for (const apostrophe of APOSTROPHES) given.add(foldString(form).replaceAll("'", apostrophe));
  const words = new Set([...insensitive, ...exact.keys(), ...given]);
  return {
    pattern: alternationSource([...words].sort()),
    exact: Object.fromEntries(
      [...exact].filter(([key]) => !insensitive.has(key)).map(([key, set]) => [key, [...set]]),
    ),
    given: [...given].filter((key) => !insensitive.has(key) && !exact.has(key)),
    longest: Math.max(0, ...[...words].map((word) => word.length)),
  };
}
