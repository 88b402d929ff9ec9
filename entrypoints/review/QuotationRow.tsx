/**
 * One quotation of the review sheet: keep it or not, the sentence it stands in, the speaker Dramatis
 * proposes and why, and the reader's choice of speaker and topic. A speaker the article does not name
 * near the quotation is flagged here at once (core/save-article.ts, chooseSpeaker), and the quotation
 * is left out of the save until the reader picks someone the article names there or unticks it; a
 * speaker the article does name there shows the sentence that names them, the evidence it is saved with.
 */
import { chooseSpeaker, shorten, type DraftQuotation, type QuotationChoice } from '../../core/save-article';
import { TOPICS, type Person, type TopicId } from '../../data/schema';

/** Whether the row goes into the save: ticked, and not flagged. */
export function isSaved(choice: QuotationChoice): boolean {
  return choice.isKept && !choice.problem;
}

/** The row of quotation `index`; `onChoose` receives the whole new choice. */
export function QuotationRow({
  index,
  quotation: q,
  choice,
  people,
  names,
  onChoose,
}: {
  index: number;
  quotation: DraftQuotation;
  choice: QuotationChoice;
  people: readonly Person[];
  names: ReadonlyMap<string, string>;
  onChoose: (choice: QuotationChoice) => void;
}) {
  const id = `quote-${index}`;
  const proposed = q.speaker
    ? `${names.get(q.speaker) ?? q.speaker} (in the knowledge base)`
    : q.speakerName
      ? `${q.speakerName} (not in the knowledge base)`
      : q.cue
        ? 'someone not in the knowledge base'
        : 'unknown';
  const isFlagged = choice.isKept && choice.problem !== undefined;
  const describedBy = [
    choice.problem ? `${id}-problem` : '',
    choice.attribution ? `${id}-evidence` : '',
  ].filter(Boolean);
  const which = ` (quotation ${index + 1}, “${shorten(q.text)}”)`;
  const speakerName = choice.speaker ? (names.get(choice.speaker) ?? choice.speaker) : '';

  const changeSpeaker = (speaker: string | null) => {
    const person = speaker === null ? null : (people.find((p) => p.id === speaker) ?? null);
    // Choosing a speaker for a quotation nobody in the knowledge base said ticks it; clearing unticks it.
    onChoose({
      ...chooseSpeaker(q, choice, person),
      isKept: speaker !== null && (choice.isKept || !q.speaker),
    });
  };

  return (
    <li
      class={`rv-quote${isSaved(choice) ? ' is-kept' : ''}${isFlagged ? ' is-flagged' : ''}`}
      data-quote={index}
    >
      <div class="rv-quote-head">
        <input
          id={`${id}-keep`}
          type="checkbox"
          checked={choice.isKept}
          aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
          onChange={(event) => onChoose({ ...choice, isKept: (event.target as HTMLInputElement).checked })}
        />
        <label for={`${id}-keep`} class="rv-quote-text">
          “{q.text}”
        </label>
      </div>
      <p class="rv-sentence">
        <span class="ui-visually-hidden">In the sentence: </span>
        {q.sentence}
      </p>
      <p class="rv-proposed">
        Dramatis proposes: <strong class="rv-speaker">{proposed}</strong>
        <span class="rv-reason"> · {q.reason}</span>
      </p>
      <div class="rv-quote-controls">
        {/* Every row has these two labels: the hidden words tell screen readers which quotation's they are. */}
        <label for={`${id}-speaker`}>
          Said by<span class="ui-visually-hidden">{which}</span>
        </label>
        <select
          id={`${id}-speaker`}
          class="ui-field"
          value={choice.speaker ?? ''}
          aria-invalid={isFlagged ? 'true' : undefined}
          aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
          onChange={(event) => changeSpeaker((event.target as HTMLSelectElement).value || null)}
        >
          <option value="">Choose a person…</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label for={`${id}-topic`}>
          Topic<span class="ui-visually-hidden">{which}</span>
        </label>
        <select
          id={`${id}-topic`}
          class="ui-field"
          value={choice.topic}
          onChange={(event) =>
            onChoose({ ...choice, topic: (event.target as HTMLSelectElement).value as TopicId })
          }
        >
          {Object.entries(TOPICS).map(([topic, label]) => (
            <option key={topic} value={topic}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {choice.problem ? (
        // Announced when it appears: the reader has just changed the speaker.
        <p class="rv-flag" id={`${id}-problem`} role="alert">
          {choice.problem}
        </p>
      ) : choice.attribution ? (
        <p class="rv-evidence" id={`${id}-evidence`}>
          The article names {speakerName} here: <q>{choice.attribution.naming}</q>
        </p>
      ) : null}
    </li>
  );
}
