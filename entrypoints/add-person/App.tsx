/**
 * "Add “Keith Kellogg” to Dramatis" (issue 14), opened in a tab by the context menu with `?tab=<id>` of
 * the page and `&name=` the selected words. Like the review sheet it reads that tab (activeTab) for the
 * page's text and metadata; the person's form (components/PersonForm.tsx) proposes the rest, and the
 * background saves the person, with the page as their source, to My sources.
 */
import { useEffect, useState } from 'preact/hooks';
import { PersonForm, type PersonFormOutcome } from '../../components/PersonForm';
import { useSettings } from '../../components/use-settings';
import { useDocumentTheme, useResolvedTheme } from '../../components/use-theme';
import {
  proposePerson,
  type PersonForm as PersonFormValues,
  type PersonProposal,
} from '../../core/person-form';
import {
  buildSaveRequest,
  DRAFT_FIELDS,
  draftFields,
  type ArticleReading,
  type DraftFieldName,
} from '../../core/save-article';
import type { Person } from '../../data/schema';
import givenNames from '../../data/given-names.json';
import { readArticleInTab } from '../../platform/article-access';
import { sendToBackground } from '../../platform/messages';

const NO_ANSWER = 'Dramatis’s background did not answer. Try again in a moment; nothing was saved or lost.';

const FIELD_LABELS: Record<DraftFieldName, string> = {
  headline: 'Headline',
  outlet: 'Outlet',
  authors: 'Authors',
  published: 'Publication date',
  url: 'Address',
};

type Phase =
  | { kind: 'reading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; reading: ArticleReading; proposal: PersonProposal; people: Person[] };

/** Reads the tab and proposes the form; a failure becomes a message for the reader. */
async function load(tabId: number, name: string): Promise<Phase> {
  try {
    const [reading, knowledge] = await Promise.all([
      readArticleInTab(tabId),
      sendToBackground('background:knowledge', {}),
    ]);
    if (!knowledge) return { kind: 'failed', message: NO_ANSWER };
    return { kind: 'ready', reading, proposal: proposePerson(name, reading.text), people: knowledge.people };
  } catch (error) {
    return { kind: 'failed', message: (error as Error).message };
  }
}

/** The add-person page. */
export function App() {
  const settings = useSettings();
  useDocumentTheme(useResolvedTheme(settings?.theme));
  const [phase, setPhase] = useState<Phase>({ kind: 'reading' });

  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const tab = params.get('tab');
    const name = params.get('name')?.trim();
    if (tab === null || !/^\d+$/.test(tab) || !name) {
      setPhase({
        kind: 'failed',
        message: 'No name to add: select a name on a page and choose “Add … to Dramatis”.',
      });
      return;
    }
    void load(Number(tab), name).then(setPhase);
  }, []);

  return (
    <main class="rv">
      <h1 class="rv-title">Add a person to Dramatis</h1>
      {phase.kind === 'reading' ? (
        <div class="rv-progress" role="status">
          <progress aria-label="Reading the page…" />
          <span>Reading the page…</span>
        </div>
      ) : phase.kind === 'failed' ? (
        <p class="rv-message is-error" role="alert" id="add-person-error">
          {phase.message}
        </p>
      ) : (
        <AddPerson {...phase} />
      )}
    </main>
  );
}

/** The page's metadata (editable, as in the review sheet) and the person's form. */
function AddPerson({
  reading,
  proposal,
  people,
}: {
  reading: ArticleReading;
  proposal: PersonProposal;
  people: Person[];
}) {
  const [fields] = useState(() => draftFields(reading));
  const [values, setValues] = useState(
    () => Object.fromEntries(DRAFT_FIELDS.map((f) => [f, fields[f].value])) as Record<DraftFieldName, string>,
  );

  const save = async (form: PersonFormValues, commonWords: string[]): Promise<PersonFormOutcome> => {
    const article = buildSaveRequest({ fields, quotations: [], text: reading.text }, values, [], new Date());
    const answer = await sendToBackground('background:save-person', {
      person: { form, page: { article }, commonWords },
    });
    if (!answer || !answer.ok)
      return { kind: 'error', lines: (answer && !answer.ok ? answer.error : NO_ANSWER).split('\n') };
    return { kind: 'ok', text: `${form.name} is in My sources: Dramatis now spots them on every page.` };
  };

  return (
    <>
      <fieldset class="rv-fields">
        <legend>The page, as their source</legend>
        {DRAFT_FIELDS.map((name) => (
          <div class="rv-field" key={name}>
            <label for={`field-${name}`}>{FIELD_LABELS[name]}</label>
            <input
              id={`field-${name}`}
              class="ui-field"
              value={values[name]}
              onInput={(event) => {
                const value = (event.target as HTMLInputElement).value;
                setValues((all) => ({ ...all, [name]: value }));
              }}
            />
            <p class="rv-from">
              {fields[name].from ? `From the page: ${fields[name].from}.` : 'Not on the page: left empty.'}
            </p>
          </div>
        ))}
      </fieldset>
      <PersonForm
        initial={proposal}
        pageText={reading.text}
        people={people}
        givenNames={givenNames.names}
        onSave={save}
        saveLabel="Add to My sources"
        idPrefix="person"
      />
    </>
  );
}
