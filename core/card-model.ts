/**
 * What a person's card shows, computed from the knowledge base and the reader's source settings:
 * roles, descriptions and quotes from enabled sources only, quotes grouped by topic, every claim
 * labelled with its outlet and date. Pure, shared by the page card and the popup.
 */
import type { Person } from '../data/schema';
import { TOPICS, type TopicId } from '../data/topics';
import type { SourceMeta } from '../data/schema';
import type { Mention } from './matcher';
import type { Settings } from './settings';

/** How a source is cited in the card: "Kyiv Post, 1 December 2025". */
export interface SourceLabel {
  id: string;
  outlet: string;
  /** True when the outlet is not named in the text. */
  isOutletUnknown: boolean;
  date: string;
  isDateInferred: boolean;
  headline: string;
}

/** A card's content. */
export interface CardModel {
  id: string;
  name: string;
  affiliation: string;
  country: string;
  summary: { text: string; sources: SourceLabel[] } | undefined;
  roles: { title: string; sources: SourceLabel[]; conflict: string | undefined }[];
  descriptions: { text: string; source: SourceLabel }[];
  topics: {
    id: TopicId;
    label: string;
    quotes: {
      id: string;
      kind: 'direct' | 'paraphrase';
      text: string;
      context: string;
      source: SourceLabel;
    }[];
  }[];
  links: { person: string; name: string; relation: string }[];
  /** Number of quotes hidden because their sources are turned off. */
  hiddenQuoteCount: number;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2025-12-01" -> "1 Dec 2025" (or "1 December 2025" with `isLong`). */
export function formatDate(iso: string, isLong = false): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = MONTHS[(m ?? 1) - 1] ?? '';
  return `${d} ${isLong ? month : month.slice(0, 3)} ${y}`;
}

/** The label of a source, for citing it. */
export function labelSource(source: SourceMeta): SourceLabel {
  return {
    id: source.id,
    outlet: source.outlet.name ?? `Outlet unknown (article ${source.id.slice(0, 3)})`,
    isOutletUnknown: source.outlet.name === null,
    date: formatDate(source.published.date),
    isDateInferred: source.published.inferred,
    headline: source.headline.text,
  };
}

/** True when the reader has not turned this source (or its outlet) off. */
export function isSourceEnabled(
  source: SourceMeta,
  settings: Pick<Settings, 'disabledSources' | 'disabledOutlets'>,
): boolean {
  if (settings.disabledSources.includes(source.id)) return false;
  return !(source.outlet.name !== null && settings.disabledOutlets.includes(source.outlet.name));
}

/** Builds the card of `person`, showing only what enabled sources say. */
export function buildCardModel(
  person: Person,
  sources: readonly SourceMeta[],
  people: readonly Pick<Person, 'id' | 'name'>[],
  settings: Pick<Settings, 'disabledSources' | 'disabledOutlets'>,
): CardModel {
  const enabled = new Map(
    sources.filter((s) => isSourceEnabled(s, settings)).map((s) => [s.id, labelSource(s)] as const),
  );
  const labels = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const label = enabled.get(id);
      return label ? [label] : [];
    });

  const summarySources = labels(person.summary.sources);
  const topics = (Object.keys(TOPICS) as TopicId[]).flatMap((topic) => {
    const quotes = person.quotes.flatMap((q) => {
      const source = enabled.get(q.source);
      return q.topic === topic && source
        ? [{ id: q.id, kind: q.kind, text: q.text, context: q.context, source }]
        : [];
    });
    return quotes.length > 0 ? [{ id: topic, label: TOPICS[topic], quotes }] : [];
  });
  const shownQuotes = topics.reduce((n, t) => n + t.quotes.length, 0);
  const names = new Map(people.map((p) => [p.id, p.name]));

  return {
    id: person.id,
    name: person.name,
    affiliation: person.affiliation,
    country: person.country,
    summary: summarySources.length > 0 ? { text: person.summary.text, sources: summarySources } : undefined,
    roles: person.roles.flatMap((role) => {
      const roleSources = labels(role.sources);
      return roleSources.length > 0
        ? [{ title: role.title, sources: roleSources, conflict: role.conflict }]
        : [];
    }),
    descriptions: person.descriptions.flatMap((d) => {
      const source = enabled.get(d.source);
      return source ? [{ text: d.text, source }] : [];
    }),
    topics,
    links: person.links.flatMap((link) =>
      labels(link.sources).length > 0
        ? [{ person: link.person, name: names.get(link.person) ?? link.person, relation: link.relation }]
        : [],
    ),
    hiddenQuoteCount: person.quotes.length - shownQuotes,
  };
}

/** The card's "why this name?" line for a mention of `personName`. */
export function describeMatch(
  mention: Pick<Mention, 'surface' | 'alias' | 'reason'>,
  personName: string,
): string {
  const surface = mention.surface.replace(/[\s\u00ad\u200b-\u200d\u2060\ufeff]+/g, (m) =>
    /\s/.test(m) ? ' ' : '',
  );
  switch (mention.reason.kind) {
    case 'full-name':
      return `Matched the full name “${surface}”, written here.`;
    case 'title':
      return `Matched “${surface}” after the title “${mention.reason.title}”.`;
    case 'surname':
      return surface === mention.alias
        ? `Matched the surname “${surface}”.`
        : `Matched “${surface}”, a spelling of ${personName}’s surname (“${mention.alias}”).`;
    case 'alias':
      return `Matched “${surface}”.`;
    case 'anchored':
      return mention.reason.anchor.isElsewhere
        ? `“${surface}” alone could be someone else; another paragraph of this page names “${mention.reason.anchor.surface}”.`
        : `“${surface}” alone could be someone else; this paragraph names “${mention.reason.anchor.surface}”.`;
    case 'linked':
      return `“${surface}” alone could be someone else; here it is joined to “${mention.reason.partner.surface}”, whom the sources link with ${personName}.`;
  }
}
