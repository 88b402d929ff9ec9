/**
 * Options › Sources: every article of the packs turned on (the bundled ones, those the reader saved,
 * imported ones) with its outlet, headline, date and number of quotes, a switch per article and one per
 * named outlet, across packs. A source turned off disappears from cards (open tabs too) and search.
 */
import { isSourceEnabled, labelSource } from '../../core/card-model';
import type { CardKnowledge } from '../../core/card-data';
import type { KnowledgeSource } from '../../core/knowledge-base';
import type { Settings } from '../../core/settings';
import { Toggle } from '../../components/Toggle';
import { saveSettings } from '../../platform/settings-store';

/** Quotes (direct and paraphrased) per source id. */
function countQuotes(knowledge: CardKnowledge): Map<string, number> {
  return knowledge.people
    .flatMap((p) => p.quotes)
    .reduce((counts, q) => counts.set(q.source, (counts.get(q.source) ?? 0) + 1), new Map<string, number>());
}

/** Sources grouped by named outlet; sources whose outlet is unknown form the last group. */
function groupSources(
  sources: readonly KnowledgeSource[],
): { outlet: string | null; sources: KnowledgeSource[] }[] {
  const named = new Map<string, KnowledgeSource[]>();
  const unknown: KnowledgeSource[] = [];
  for (const source of sources) {
    const name = source.outlet.name;
    if (name === null) unknown.push(source);
    else named.set(name, [...(named.get(name) ?? []), source]);
  }
  return [
    ...[...named].map(([outlet, sources]) => ({ outlet, sources })),
    ...(unknown.length > 0 ? [{ outlet: null, sources: unknown }] : []),
  ];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** The sources section, over the merged knowledge base (every pack turned on). */
export function SourcesSection({ settings, knowledge }: { settings: Settings; knowledge: CardKnowledge }) {
  const { sources } = knowledge;
  const enabledCount = sources.filter((s) => isSourceEnabled(s, settings)).length;
  const quoteCounts = countQuotes(knowledge);

  const setSource = (id: string, isOn: boolean) => {
    const others = settings.disabledSources.filter((s) => s !== id);
    void saveSettings({ disabledSources: isOn ? others : [...others, id] });
  };
  const setOutlet = (name: string, isOn: boolean) => {
    const others = settings.disabledOutlets.filter((o) => o !== name);
    void saveSettings({ disabledOutlets: isOn ? others : [...others, name] });
  };

  return (
    <section class="op-section" id="sources" aria-labelledby="sources-title">
      <h2 id="sources-title" class="op-section-title">
        Sources
      </h2>
      <p class="op-muted">
        Cards and search show only what the sources turned on here say: their roles, descriptions and quotes.{' '}
        <span data-testid="sources-summary">{`${enabledCount} of ${sources.length} articles on.`}</span>
      </p>
      {groupSources(sources).map((group) => {
        const isOutletOn = group.outlet === null || !settings.disabledOutlets.includes(group.outlet);
        const groupId = group.outlet === null ? 'outlet-unknown' : `outlet-${slug(group.outlet)}`;
        return (
          <div class="op-group" key={groupId} aria-labelledby={`${groupId}-title`} role="group">
            <div class="op-group-head">
              <h3 id={`${groupId}-title`} class="op-group-title">
                {group.outlet ?? 'Outlet unknown'}
              </h3>
              {group.outlet === null ? (
                <p class="op-muted op-small">
                  These texts name no outlet, so each is turned on or off on its own.
                </p>
              ) : (
                <Toggle
                  id={groupId}
                  class="op-outlet-toggle"
                  isOn={isOutletOn}
                  onChange={(on) => setOutlet(group.outlet!, on)}
                  label={`All ${group.outlet} articles`}
                  description={`${plural(group.sources.length, 'article')} from ${group.outlet}, on or off at once.`}
                />
              )}
            </div>
            <ul class="op-sources">
              {group.sources.map((source) => {
                const label = labelSource(source);
                const quotes = quoteCounts.get(source.id) ?? 0;
                return (
                  <li key={source.id} class="op-source" data-source={source.id}>
                    <Toggle
                      id={`source-${source.id}`}
                      isOn={isOutletOn && !settings.disabledSources.includes(source.id)}
                      isDisabled={!isOutletOn}
                      onChange={(on) => setSource(source.id, on)}
                      label={label.headline}
                      description={
                        <>
                          <span>{label.outlet}</span>
                          {' · '}
                          <span>
                            {label.date}
                            {label.isDateInferred ? ' (date inferred)' : ''}
                          </span>
                          {' · '}
                          <span data-testid="quote-count">{plural(quotes, 'quote')}</span>
                          {label.isHeadlineOurs ? ' · headline written by Dramatis' : ''}
                          {label.isSaved ? ' · saved by you (My sources)' : ''}
                          {!isOutletOn ? <strong> · off with all of {group.outlet}</strong> : null}
                        </>
                      }
                    />
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
