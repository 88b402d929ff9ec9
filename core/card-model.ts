/**
 * What a person's card shows, computed from the knowledge base and the reader's source settings:
 * roles, descriptions and quotes from enabled sources only, quotes grouped by topic, every claim
 * labelled with its outlet and date. Pure, shared by the page card and the popup.
 */
import type { BackgroundStatement, Conflict, Person, SourceMeta } from '../data/schema';
import { TOPICS, type TopicId } from '../data/topics';
import type { CardData } from './card-data';
import type { Mention } from './matcher';
import { MY_SOURCES_PACK_ID } from './pack-ids';
import { mergeQuoteSources } from './quote-sources';
import type { Settings } from './settings';

/** How a source is cited in the card: "Kyiv Post, 1 December 2025". */
export interface SourceLabel {
  id: string;
  outlet: string;
  /** True when the outlet is not named in the text. */
  isOutletUnknown: boolean;
  date: string;
  isDateInferred: boolean;
  /** True when inferring the date needed background knowledge (the text gives only weekdays). */
  isDateFromBackground: boolean;
  headline: string;
  /** True when the text carries no headline and this one was written by Dramatis. */
  isHeadlineOurs: boolean;
  /** The publication date, ISO (YYYY-MM-DD), for ordering. */
  published: string;
  /** The article's address, where the source has one (saved and imported articles). */
  url: string | undefined;
  /** True for an article the reader saved (My sources). */
  isSaved: boolean;
}

/** A source as labelled: its metadata, and where the merged knowledge base has them, its pack and address. */
export type LabelledSource = SourceMeta & { pack?: string | undefined; url?: string | undefined };

/** The two kinds of conflict the card shows, as it labels them. */
export const CONFLICT_LABELS = {
  'sources-disagree': 'Sources disagree',
  'public-record': 'Differs from the public record',
} as const satisfies Record<Conflict['kind'], string>;

/** A conflict as the card shows it: its label, the neutral note, and what it cites. */
export interface ConflictModel {
  kind: Conflict['kind'];
  label: string;
  note: string;
  /** The articles cited (enabled ones only). */
  sources: SourceLabel[];
  /** The background statements cited (shown in the card's background section). */
  background: BackgroundStatement[];
}

/** One quote, partial quote or paraphrase, as the card shows it. */
export interface QuoteModel {
  id: string;
  kind: 'direct' | 'partial' | 'paraphrase';
  text: string;
  /** The earliest source's sentence(s) around it, verbatim. */
  context: string;
  /** Every source turned on that prints these words, earliest first (one for a paraphrase). */
  sources: SourceLabel[];
}

/** A card's content. */
export interface CardModel {
  id: string;
  name: string;
  /** The organisation the articles tie the person to, with the enabled articles that say so. */
  affiliation: { text: string; sources: SourceLabel[] } | undefined;
  country: { text: string; sources: SourceLabel[] } | undefined;
  /** Summary sentences whose sources are turned on, each with its sources. */
  summary: { text: string; sources: SourceLabel[] }[];
  roles: { title: string; sources: SourceLabel[]; conflicts: ConflictModel[] }[];
  descriptions: { text: string; source: SourceLabel }[];
  topics: { id: TopicId; label: string; quotes: QuoteModel[] }[];
  /** What the articles report the person did, kept apart from what they said. */
  actions: { id: string; text: string; context: string; source: SourceLabel; conflicts: ConflictModel[] }[];
  links: { person: string; name: string; relation: string; sources: SourceLabel[] }[];
  /** Background statements (not from the articles) that the shown conflicts rest on. */
  background: BackgroundStatement[];
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
export function labelSource(source: LabelledSource): SourceLabel {
  return {
    id: source.id,
    outlet: source.outlet.name ?? `Outlet unknown (article ${source.id.slice(0, 3)})`,
    isOutletUnknown: source.outlet.name === null,
    date: formatDate(source.published.date),
    isDateInferred: source.published.inferred,
    isDateFromBackground: source.published.background.length > 0,
    headline: source.headline.text,
    isHeadlineOurs: !source.headline.isPrinted,
    published: source.published.date,
    url: source.url,
    isSaved: source.pack === MY_SOURCES_PACK_ID,
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

/**
 * Builds the card of `person`, showing only what enabled sources say. A claim shows while one of its
 * articles is on; a conflict shows with its claim, citing the articles that are on and any background
 * statements (`background`, given by the caller: pure core never imports the bundle).
 */
export function buildCardModel(
  person: Person,
  sources: readonly LabelledSource[],
  people: readonly Pick<Person, 'id' | 'name'>[],
  settings: Pick<Settings, 'disabledSources' | 'disabledOutlets'>,
  background: readonly BackgroundStatement[] = [],
): CardModel {
  const enabled = new Map(
    sources.filter((s) => isSourceEnabled(s, settings)).map((s) => [s.id, labelSource(s)] as const),
  );
  const statements = new Map(background.map((b) => [b.id, b] as const));
  const labels = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const label = enabled.get(id);
      return label ? [label] : [];
    });
  const shownBackground = new Map<string, BackgroundStatement>();
  const modelConflicts = (conflicts: readonly Conflict[] | undefined): ConflictModel[] =>
    (conflicts ?? []).map((c) => {
      const cited = c.sources.flatMap((id) => {
        const statement = statements.get(id);
        return statement ? [statement] : [];
      });
      for (const statement of cited) shownBackground.set(statement.id, statement);
      return {
        kind: c.kind,
        label: CONFLICT_LABELS[c.kind],
        note: c.note,
        sources: labels(c.sources),
        background: cited,
      };
    });
  const cited = (claim: { text: string; sources: string[] } | undefined) => {
    const claimSources = claim ? labels(claim.sources) : [];
    return claim && claimSources.length > 0 ? { text: claim.text, sources: claimSources } : undefined;
  };

  const merged = mergeQuoteSources(person.quotes, (id) => enabled.get(id));
  const topics = (Object.keys(TOPICS) as TopicId[]).flatMap((topic) => {
    const quotes = merged.flatMap(({ quote: q, sources: quoteSources }) =>
      q.topic === topic
        ? [{ id: q.id, kind: q.kind, text: q.text, context: q.context, sources: quoteSources }]
        : [],
    );
    return quotes.length > 0 ? [{ id: topic, label: TOPICS[topic], quotes }] : [];
  });
  const names = new Map(people.map((p) => [p.id, p.name]));

  return {
    id: person.id,
    name: person.name,
    affiliation: cited(person.affiliation),
    country: cited(person.country),
    summary: person.summary.flatMap((sentence) => {
      const shown = cited(sentence);
      return shown ? [shown] : [];
    }),
    roles: person.roles.flatMap((role) => {
      const roleSources = labels(role.sources);
      return roleSources.length > 0
        ? [{ title: role.title, sources: roleSources, conflicts: modelConflicts(role.conflicts) }]
        : [];
    }),
    descriptions: person.descriptions.flatMap((d) => {
      const source = enabled.get(d.source);
      return source ? [{ text: d.text, source }] : [];
    }),
    topics,
    actions: person.actions.flatMap((a) => {
      const source = enabled.get(a.source);
      return source
        ? [{ id: a.id, text: a.text, context: a.context, source, conflicts: modelConflicts(a.conflicts) }]
        : [];
    }),
    links: person.links.flatMap((link) => {
      const linkSources = labels(link.sources);
      return linkSources.length > 0
        ? [
            {
              person: link.person,
              name: names.get(link.person) ?? link.person,
              relation: link.relation,
              sources: linkSources,
            },
          ]
        : [];
    }),
    background: [...shownBackground.values()],
    hiddenQuoteCount: person.quotes.filter((q) => !enabled.has(q.source)).length,
  };
}

/** The card of one person's card data (./card-data.ts: from the background, or cut from the bundle). */
export function buildCardModelOf(
  data: CardData,
  settings: Pick<Settings, 'disabledSources' | 'disabledOutlets'>,
): CardModel {
  return buildCardModel(data.person, data.sources, data.people, settings, data.background);
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
    case 'near-spelling':
      return `Matched “${surface}”: a given name of ${personName} plus “${mention.reason.spelling}”, a near spelling of the surname “${mention.alias}”.`;
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
