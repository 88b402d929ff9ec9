/**
 * Options › People you added (issue 14): the people of My sources, each with their role and its page,
 * to edit (the same form as "Add “…” to Dramatis") or delete with their quotes (after a confirmation);
 * and the same form to add one from a page already in My sources. The background does the work.
 */
import { useEffect, useState } from 'preact/hooks';
import { PersonForm, type PersonFormOutcome } from '../../components/PersonForm';
import type { PackSource } from '../../core/pack';
import {
  proposePerson,
  type PersonForm as PersonFormValues,
  type PersonProposal,
} from '../../core/person-form';
import type { Person } from '../../data/schema';
import givenNames from '../../data/given-names.json';
import { sendToBackground } from '../../platform/messages';
import { StatusLines, type SectionMessage } from './StatusLines';

const NO_ANSWER = 'Dramatis’s background did not answer. Reload this page and try again.';

interface Known {
  mine: { people: Person[]; sources: PackSource[] };
  everyone: Person[];
}

/** What the form edits: a person (or a new one) and the source they cite. */
interface Editing {
  id: string | undefined;
  source: PackSource;
  initial: PersonProposal;
}

/** The form's values of a stored person (their first alias, role and sentence). */
function formOf(person: Person, source: PackSource): PersonProposal {
  const proposal = proposePerson(person.name, source.text);
  const sentence = person.descriptions[0]?.text ?? proposal.sentence;
  return {
    ...proposal,
    name: person.name,
    surname: person.aliases.find((a) => a.kind === 'surname')?.text ?? proposal.surname,
    givenNames: person.givenNames.join(', '),
    pronoun: person.pronoun,
    role: person.roles[0]?.title ?? proposal.role,
    sentence,
    sentences: proposal.sentences.includes(sentence) ? proposal.sentences : [sentence, ...proposal.sentences],
  };
}

/** The people section; read again whenever `changes` grows (a change of the knowledge base made elsewhere). */
export function PeopleSection({ changes = 0 }: { changes?: number | undefined }) {
  const [known, setKnown] = useState<Known>();
  const [editing, setEditing] = useState<Editing>();
  const [confirming, setConfirming] = useState<string>();
  const [message, setMessage] = useState<SectionMessage>();
  const [newName, setNewName] = useState('');
  const [newSource, setNewSource] = useState('');

  const refresh = async () => {
    const [mine, knowledge] = await Promise.all([
      sendToBackground('background:my-people', {}),
      sendToBackground('background:knowledge', {}),
    ]);
    if (mine && knowledge) setKnown({ mine, everyone: knowledge.people });
    else setMessage({ kind: 'error', text: NO_ANSWER });
  };
  useEffect(() => void refresh(), [changes]);

  const sourceOf = (person: Person) =>
    known?.mine.sources.find((s) => s.id === (person.roles[0]?.sources[0] ?? person.descriptions[0]?.source));

  const save = async (form: PersonFormValues, commonWords: string[]): Promise<PersonFormOutcome> => {
    if (!editing) return { kind: 'error', lines: [NO_ANSWER] };
    const answer = await sendToBackground('background:save-person', {
      person: { form, page: { sourceId: editing.source.id }, commonWords, id: editing.id },
    });
    if (!answer || !answer.ok)
      return { kind: 'error', lines: (answer && !answer.ok ? answer.error : NO_ANSWER).split('\n') };
    setEditing(undefined);
    setMessage({ kind: 'ok', text: `Saved ${form.name}.` });
    await refresh();
    return { kind: 'ok', text: `Saved ${form.name}.` };
  };

  const remove = async (person: Person) => {
    setConfirming(undefined);
    const answer = await sendToBackground('background:remove-person', { id: person.id });
    if (!answer || !answer.ok) setMessage({ kind: 'error', text: answer?.error ?? NO_ANSWER });
    else setMessage({ kind: 'ok', text: `Deleted ${person.name} and their quotes.` });
    await refresh();
  };

  const startAdding = (event: Event) => {
    event.preventDefault();
    const source = known?.mine.sources.find((s) => s.id === newSource) ?? known?.mine.sources[0];
    if (!source || !newName.trim()) {
      setMessage({ kind: 'error', text: 'Type the person’s name and pick the page that names them.' });
      return;
    }
    setEditing({ id: undefined, source, initial: proposePerson(newName, source.text) });
  };

  const people = known?.mine.people ?? [];
  return (
    <section class="op-section" id="people" aria-labelledby="people-title">
      <h2 id="people-title" class="op-section-title">
        People you added
      </h2>
      <p class="op-muted">
        People you added to My sources (select a name on a page and choose “Add … to Dramatis”). Dramatis
        spots them on every page, with the page you took them from as their source.
      </p>
      {!known ? (
        <p class="op-muted">Loading…</p>
      ) : people.length === 0 ? (
        <p class="op-empty" data-testid="people-empty">
          You have added no one yet.
        </p>
      ) : (
        <ul class="op-packs" aria-label="People you added">
          {people.map((person) => (
            <li key={person.id} class="op-pack" data-person={person.id}>
              <strong>{person.name}</strong>
              <span class="op-muted">
                {' '}
                · {person.roles[0]?.title ?? 'no role'} · {sourceOf(person)?.headline.text ?? 'no page'} ·{' '}
                {person.quotes.length} {person.quotes.length === 1 ? 'quote' : 'quotes'}
              </span>
              {confirming === person.id ? (
                <div class="op-row" role="group" aria-label={`Delete ${person.name}?`}>
                  <span>
                    Delete {person.name}
                    {person.quotes.length > 0 ? ` and their ${person.quotes.length} quotes` : ''}?
                  </span>
                  <button type="button" class="ui-button is-danger" onClick={() => void remove(person)}>
                    Delete
                  </button>
                  <button type="button" class="ui-button" onClick={() => setConfirming(undefined)}>
                    Keep
                  </button>
                </div>
              ) : (
                <div class="op-row">
                  <button
                    type="button"
                    class="ui-button"
                    onClick={() => {
                      const source = sourceOf(person);
                      if (source) setEditing({ id: person.id, source, initial: formOf(person, source) });
                    }}
                  >
                    Edit
                  </button>
                  <button type="button" class="ui-button is-danger" onClick={() => setConfirming(person.id)}>
                    Delete…
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {known && known.mine.sources.length > 0 && !editing ? (
        <form class="op-row" onSubmit={startAdding}>
          <label for="people-new-name">Add a person named</label>
          <input
            id="people-new-name"
            class="ui-field"
            value={newName}
            onInput={(event) => setNewName((event.target as HTMLInputElement).value)}
          />
          <label for="people-new-source">from</label>
          <select
            id="people-new-source"
            class="ui-field"
            value={newSource}
            onChange={(event) => setNewSource((event.target as HTMLSelectElement).value)}
          >
            {known.mine.sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.headline.text}
              </option>
            ))}
          </select>
          <button type="submit" class="ui-button">
            Add…
          </button>
        </form>
      ) : null}
      {editing && known ? (
        <div class="op-confirm">
          <p class="op-muted">
            {editing.id ? 'Editing' : 'Adding'}, from “{editing.source.headline.text}”.{' '}
            <button type="button" class="ui-button" onClick={() => setEditing(undefined)}>
              Cancel
            </button>
          </p>
          <PersonForm
            key={editing.id ?? 'new'}
            initial={editing.initial}
            pageText={editing.source.text}
            people={known.everyone}
            givenNames={givenNames.names}
            selfId={editing.id}
            onSave={save}
            saveLabel="Save"
            idPrefix="people-form"
          />
        </div>
      ) : null}
      <StatusLines idPrefix="people" message={message} />
    </section>
  );
}
