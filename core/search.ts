/**
 * Search across the whole knowledge base (the popup's search box): people by name, every alias
 * (transliterations and Cyrillic spellings included, alone and after each given name), role and the
 * outlets' descriptions; quotes by their text. Only what enabled sources say is indexed, so turning
 * a source off removes its roles, descriptions and quotes from the results. Forgiving of typos
 * ("witkof", "zelenski", "peskow"). Pure: no browser APIs.
 */
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import type { Person, Quote } from '../data/schema';
import { isSourceEnabled, labelSource, type LabelledSource, type SourceLabel } from './card-model';
import { mergeQuoteSources } from './quote-sources';
import type { Settings } from './settings';

/** A [start, end) span of a result's text that matched the query, for highlighting. */
export type Span = readonly [start: number, end: number];

/** A person found by the search. */
export interface PersonHit {
  kind: 'person';
  id: string;
  name: string;
  /** The affiliation an enabled article states, or '' when none does. */
  affiliation: string;
  /** Where in `name` the query matched (empty when it matched elsewhere). */
  nameSpans: Span[];
  /** When the query matched something other than the name: what it matched, to show under the name. */
  detail: { label: 'Also written' | 'Role' | 'Described as'; text: string; spans: Span[] } | undefined;
  /** 0 is a perfect match, 1 no match at all. */
  score: number;
}

/** A quote (or paraphrase) found by the search. */
export interface QuoteHit {
  kind: 'quote';
  /** The quote's id (unique in the knowledge base). */
  id: string;
  personId: string;
  personName: string;
  quoteKind: Quote['kind'];
  text: string;
  /** Where in `text` the query matched. */
  spans: Span[];
  /** Every source turned on that prints these words, earliest first (the same words are found once). */
  sources: SourceLabel[];
  score: number;
}

/** One search's results, best first in each group. */
export interface SearchResults {
  people: PersonHit[];
  quotes: QuoteHit[];
}

/** A built index; build a new one when the source settings change. */
export interface SearchIndex {
  search(query: string, limits?: { people?: number; quotes?: number }): SearchResults;
}

interface PersonRecord {
  id: string;
  name: string;
  affiliation: string;
  /** Every alias, alone and after each given name ("Witkoff", "Steve Witkoff", "Стив Уиткофф"). */
  aliases: string[];
  roles: string[];
  descriptions: string[];
}

interface QuoteRecord {
  id: string;
  personId: string;
  personName: string;
  quoteKind: Quote['kind'];
  text: string;
  sources: SourceLabel[];
}

/**
 * How far a match may stray. A 6-letter word may carry one typo ("peskow"), a 9-letter one two
 * ("dmitriyev" against "dmitriev" needs one); `ignoreLocation` because a name may stand anywhere in a
 * role or a quote.
 */
const PEOPLE_THRESHOLD = 0.3;
/** Quotes are long texts: a looser match would find every short query somewhere in them. */
const QUOTE_THRESHOLD = 0.25;
/** A result whose combined score is worse than this matched only by accident (e.g. "yuri" in "security"). */
const MAX_SCORE = 0.6;
/** Shortest query worth searching (one letter matches everything). */
export const MIN_QUERY_LENGTH = 2;

const COMMON: IFuseOptions<unknown> = {
  includeScore: true,
  includeMatches: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  ignoreDiacritics: true,
  minMatchCharLength: 2,
};

/** Builds the search index of `people`, with only what the enabled `sources` say. */
export function buildSearchIndex(
  people: readonly Person[],
  sources: readonly LabelledSource[],
  settings: Pick<Settings, 'disabledSources' | 'disabledOutlets'>,
): SearchIndex {
  const enabled = new Map(
    sources.filter((s) => isSourceEnabled(s, settings)).map((s) => [s.id, labelSource(s)] as const),
  );
  const isCited = (ids: readonly string[]) => ids.some((id) => enabled.has(id));

  const personRecords: PersonRecord[] = people.map((p) => ({
    id: p.id,
    name: p.name,
    affiliation: p.affiliation && isCited(p.affiliation.sources) ? p.affiliation.text : '',
    aliases: namesOf(p),
    roles: p.roles.filter((r) => isCited(r.sources)).map((r) => r.title),
    descriptions: p.descriptions.filter((d) => enabled.has(d.source)).map((d) => d.text),
  }));
  const quoteRecords: QuoteRecord[] = people.flatMap((p) =>
    mergeQuoteSources(p.quotes, (id) => enabled.get(id)).map(({ quote: q, sources: quoteSources }) => ({
      id: q.id,
      personId: p.id,
      personName: p.name,
      quoteKind: q.kind,
      text: q.text,
      sources: quoteSources,
    })),
  );

  const peopleFuse = new Fuse(personRecords, {
    ...(COMMON as IFuseOptions<PersonRecord>),
    threshold: PEOPLE_THRESHOLD,
    keys: [
      { name: 'name', weight: 3 },
      { name: 'aliases', weight: 3 },
      { name: 'roles', weight: 1 },
      { name: 'descriptions', weight: 0.5 },
      { name: 'affiliation', weight: 0.5 },
    ],
  });
  // Token search: every word of a multi-word query must match somewhere in the quote, each forgiving typos.
  const quoteFuse = new Fuse(quoteRecords, {
    ...(COMMON as IFuseOptions<QuoteRecord>),
    threshold: QUOTE_THRESHOLD,
    useTokenSearch: true,
    tokenMatch: 'all',
    keys: ['text'],
  });

  return {
    search(query, limits = {}) {
      const q = normalizeQuery(query);
      if (q.length < MIN_QUERY_LENGTH) return { people: [], quotes: [] };
      const people = peopleFuse
        .search(q)
        .filter((r) => (r.score ?? 1) <= MAX_SCORE)
        .slice(0, limits.people ?? 8)
        .map(toPersonHit);
      const quotes = quoteFuse
        .search(q)
        .filter((r) => (r.score ?? 1) <= MAX_SCORE)
        .slice(0, limits.quotes ?? 8)
        .map(toQuoteHit);
      return { people, quotes };
    },
  };
}

/** Trims and collapses the query's whitespace; Fuse does the case and diacritic folding. */
export function normalizeQuery(query: string): string {
  return query.replace(/\s+/g, ' ').trim();
}

/** Every spelling of a person's name: the name, each alias, and each given name + surname alias. */
function namesOf(person: Person): string[] {
  const names = new Set<string>();
  for (const alias of person.aliases) {
    names.add(alias.text);
    if (alias.kind === 'surname') for (const given of person.givenNames) names.add(`${given} ${alias.text}`);
  }
  names.delete(person.name);
  return [...names];
}

/** Fuse's inclusive [start, end] index pairs -> [start, end) spans of at least two characters. */
function toSpans(indices: readonly (readonly [number, number])[] | undefined): Span[] {
  return (indices ?? []).filter(([s, e]) => e - s >= 1).map(([s, e]) => [s, e + 1] as const);
}

function toPersonHit(result: FuseResult<PersonRecord>): PersonHit {
  const { item } = result;
  const matches = result.matches ?? [];
  const onName = matches.find((m) => m.key === 'name');
  // What else matched, best kind first: a spelling of the name, then a role, then a description.
  const order = ['aliases', 'roles', 'descriptions'] as const;
  const labels = { aliases: 'Also written', roles: 'Role', descriptions: 'Described as' } as const;
  let detail: PersonHit['detail'];
  if (!onName) {
    for (const key of order) {
      // Of several matching values, the one the query covers best ("Уиткофф" rather than "Стив Уиткофф").
      const best = matches
        .filter((m) => m.key === key && m.value !== undefined)
        .map((m) => ({ text: m.value ?? '', spans: toSpans(m.indices) }))
        .sort((a, b) => coverage(b) - coverage(a))[0];
      if (best) {
        detail = { label: labels[key], ...best };
        break;
      }
    }
  }
  return {
    kind: 'person',
    id: item.id,
    name: item.name,
    affiliation: item.affiliation,
    nameSpans: toSpans(onName?.indices),
    detail,
    score: result.score ?? 1,
  };
}

/** Share of `text` that the spans cover. */
function coverage({ text, spans }: { text: string; spans: readonly Span[] }): number {
  return spans.reduce((n, [s, e]) => n + e - s, 0) / Math.max(1, text.length);
}

function toQuoteHit(result: FuseResult<QuoteRecord>): QuoteHit {
  const { item } = result;
  const match = result.matches?.find((m) => m.key === 'text');
  return {
    kind: 'quote',
    id: item.id,
    personId: item.personId,
    personName: item.personName,
    quoteKind: item.quoteKind,
    text: item.text,
    spans: toSpans(match?.indices),
    sources: item.sources,
    score: result.score ?? 1,
  };
}

/**
 * Cuts a long `text` to about `maxLength` characters around its first span, with an ellipsis at each
 * cut, and shifts the spans to match. Cuts fall on spaces where possible.
 */
export function makeSnippet(
  text: string,
  spans: readonly Span[],
  maxLength = 160,
): { text: string; spans: Span[] } {
  if (text.length <= maxLength) return { text, spans: [...spans] };
  const first = spans[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(first - Math.floor(maxLength / 3), text.length - maxLength));
  let end = Math.min(text.length, start + maxLength);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < first) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && space > first) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${text.slice(start, end)}${suffix}`,
    spans: spans.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift] as const),
  };
}
