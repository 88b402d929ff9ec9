/**
 * The "Add a person" form (issue 14), shared by the page opened from the context menu
 * (entrypoints/add-person/) and Options › People you added: the name, surname, given names and pronoun
 * Dramatis proposes, a role taken from a sentence of the page the reader picks (the role can be edited;
 * the sentence stays the page's own words, so the card can cite it), and the warnings the surname
 * deserves, with the rules they set. Saving is the caller's (a message to the background).
 */
import { useMemo, useState } from 'preact/hooks';
import { isCommonWord } from '../core/common-words';
import {
  checkPersonForm,
  checkSurname,
  proposeRole,
  type KnownPerson,
  type PersonForm as PersonFormValues,
  type PersonProposal,
} from '../core/person-form';
import { SaveActions, type SaveOutcome } from './SaveOutcome';

/** What a save answered: a line for the reader, or the problems. */
export type PersonFormOutcome = SaveOutcome;

/** Props of PersonForm. */
export interface PersonFormProps {
  /** The form's first values and the page's sentences that name the person. */
  initial: PersonProposal;
  /** The page's text (the sentence must be found in it). */
  pageText: string;
  /** Everyone Dramatis knows, for the surname's warnings. */
  people: readonly KnownPerson[];
  /** Common given names of people outside the knowledge base. */
  givenNames: readonly string[];
  /** The id of the person edited, if any (their own aliases are no conflict). */
  selfId?: string | undefined;
  /** Saves; the words found common go with it, so the background sets the same rules. */
  onSave: (form: PersonFormValues, commonWords: string[]) => Promise<PersonFormOutcome>;
  /** The save button's label. */
  saveLabel: string;
  /** Prefix of the element ids (two forms may share a page). */
  idPrefix: string;
}

const PRONOUNS: { value: PersonFormValues['pronoun']; label: string }[] = [
  { value: 'he', label: 'he' },
  { value: 'she', label: 'she' },
  { value: 'they', label: 'they' },
];

/** The form. */
export function PersonForm({
  initial,
  pageText,
  people,
  givenNames,
  selfId,
  onSave,
  saveLabel,
  idPrefix,
}: PersonFormProps) {
  const [form, setForm] = useState<PersonFormValues>(initial);
  const [outcome, setOutcome] = useState<PersonFormOutcome>();
  const [isSaving, setSaving] = useState(false);
  const check = useMemo(
    () => checkSurname(form.surname.trim(), { people, givenNames, pageText, isWord: isCommonWord, selfId }),
    [form.surname, people, givenNames, pageText, selfId],
  );
  const sentences = initial.sentences.includes(form.sentence)
    ? initial.sentences
    : [form.sentence, ...initial.sentences].filter(Boolean);
  const set = (change: Partial<PersonFormValues>) => setForm((all) => ({ ...all, ...change }));
  const id = (name: string) => `${idPrefix}-${name}`;

  const save = async (event: Event) => {
    event.preventDefault();
    const problems = checkPersonForm(form, pageText);
    if (problems.length > 0) {
      setOutcome({ kind: 'error', lines: problems });
      return;
    }
    setSaving(true);
    setOutcome(undefined);
    const common = check.rule.case === 'exact' ? [form.surname.trim().toLocaleLowerCase()] : [];
    setOutcome(await onSave(form, common));
    setSaving(false);
  };

  const text = (name: 'name' | 'surname' | 'givenNames' | 'role', label: string, hint?: string) => (
    <div class="rv-field">
      <label for={id(name)}>{label}</label>
      <input
        id={id(name)}
        class="ui-field"
        value={form[name]}
        aria-describedby={hint ? id(`${name}-hint`) : undefined}
        onInput={(event) => set({ [name]: (event.target as HTMLInputElement).value })}
      />
      {hint ? (
        <p class="rv-from" id={id(`${name}-hint`)}>
          {hint}
        </p>
      ) : null}
    </div>
  );

  return (
    <form class="rv-form" onSubmit={(event) => void save(event)} data-testid={id('form')}>
      <fieldset class="rv-fields">
        <legend>The person</legend>
        {text('name', 'Name', 'As cards and lists show it.')}
        {text('surname', 'Surname', 'The name the page may use alone.')}
        <ul class="pf-warnings" id={id('warnings')}>
          {check.warnings.map((w) => (
            <li key={w.kind} class="rv-message is-error" data-kind={w.kind}>
              {w.message}
            </li>
          ))}
        </ul>
        {text('givenNames', 'Given names', 'Separated by commas; a different given name means someone else.')}
        <div class="rv-field">
          <label for={id('pronoun')}>Pronoun</label>
          <select
            id={id('pronoun')}
            class="ui-field"
            value={form.pronoun}
            onChange={(event) =>
              set({ pronoun: (event.target as HTMLSelectElement).value as PersonFormValues['pronoun'] })
            }
          >
            {PRONOUNS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset class="rv-fields">
        <legend>Who they are, from the page</legend>
        <div class="rv-field">
          <label for={id('sentence')}>Sentence</label>
          <select
            id={id('sentence')}
            class="ui-field"
            value={form.sentence}
            onChange={(event) => {
              const sentence = (event.target as HTMLSelectElement).value;
              set({
                sentence,
                role: proposeRole(sentence, form.name.trim(), form.surname.trim()) || form.role,
              });
            }}
          >
            {sentences.length === 0 ? <option value="">The page does not name them</option> : null}
            {sentences.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        {text('role', 'Role', 'In the page’s words or yours; the card cites the page for it.')}
      </fieldset>
      <SaveActions
        buttonId={id('save')}
        label={saveLabel}
        isSaving={isSaving}
        outcome={outcome}
        statusId={id('status')}
        problemsId={id('problems')}
      />
    </form>
  );
}
