/**
 * The review sheet of "Save this article" (issue 12), opened in a tab by the popup or the context menu
 * with `?tab=<id>` of the page to save. It injects the article reader into that tab (activeTab), finds
 * the quotations in the text, and lets the reader correct the metadata, tick the quotations to keep and
 * change their speakers before the background saves them to My sources. A failed save keeps the sheet
 * as it is, so nothing the reader did is lost. "Save this quote" (issue 13) opens it with `&quote=…`
 * (core/save-quote.ts): the same sheet, with only that quotation ticked.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { buildMatcher } from '../../core/matcher';
import { buildQuotationFinder } from '../../core/quotations';
import {
  buildSaveRequest,
  checkSaveRequest,
  chooseInitially,
  draftArticle,
  DRAFT_FIELDS,
  shorten,
  type ArticleDraft,
  type DraftFieldName,
  type QuotationChoice,
} from '../../core/save-article';
import { chooseOnlyQuotation, readQuoteToSave, type QuoteToSave } from '../../core/save-quote';
import type { Person } from '../../data/schema';
import givenNames from '../../data/given-names.json';
import { SaveActions, type SaveOutcome } from '../../components/SaveOutcome';
import { useSettings } from '../../components/use-settings';
import { useDocumentTheme, useResolvedTheme } from '../../components/use-theme';
import { readArticleInTab } from '../../platform/article-access';
import { sendToBackground } from '../../platform/messages';
import { isSaved, QuotationRow } from './QuotationRow';

const NO_ANSWER = 'Dramatis’s background did not answer. Try again in a moment; nothing was saved or lost.';

/** Each field's label and input type. */
const FIELD_INPUTS: Record<DraftFieldName, { label: string; type: 'text' | 'date' | 'url' }> = {
  headline: { label: 'Headline', type: 'text' },
  outlet: { label: 'Outlet', type: 'text' },
  authors: { label: 'Authors', type: 'text' },
  published: { label: 'Publication date', type: 'date' },
  url: { label: 'Address', type: 'url' },
};

type Phase =
  | { kind: 'reading'; step: string }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; draft: ArticleDraft; people: Person[] };

/** Reads the tab's article and drafts the sheet; a failure becomes a message for the reader. */
async function loadDraft(tabId: number, onStep: (step: string) => void): Promise<Phase> {
  try {
    const [reading, knowledge] = await Promise.all([
      readArticleInTab(tabId),
      sendToBackground('background:knowledge', {}),
    ]);
    if (!knowledge) return { kind: 'failed', message: NO_ANSWER };
    if (!reading.text.trim())
      return {
        kind: 'failed',
        message: 'Dramatis found no article text on this page. It saves articles: a page with a story on it.',
      };
    onStep('Finding the quotations…');
    const finder = buildQuotationFinder(buildMatcher(knowledge.people, givenNames.names), knowledge.people);
    const people = [...knowledge.people].sort((a, b) => a.name.localeCompare(b.name));
    return { kind: 'ready', draft: draftArticle(reading, finder), people };
  } catch (error) {
    return { kind: 'failed', message: (error as Error).message };
  }
}

/** The review sheet. */
export function App() {
  const settings = useSettings();
  useDocumentTheme(useResolvedTheme(settings?.theme));
  const [phase, setPhase] = useState<Phase>({ kind: 'reading', step: 'Reading the page…' });
  const only = useMemo(() => readQuoteToSave(new URLSearchParams(location.search)), []);

  useEffect(() => {
    const param = new URLSearchParams(location.search).get('tab');
    if (param === null || !/^\d+$/.test(param)) {
      setPhase({
        kind: 'failed',
        message: 'No page to save: open the Dramatis popup on an article and choose “Save this article”.',
      });
      return;
    }
    void loadDraft(Number(param), (step) => setPhase({ kind: 'reading', step })).then(setPhase);
  }, []);

  return (
    <main class="rv">
      <h1 class="rv-title">{only ? 'Save this quote' : 'Save this article'}</h1>
      {phase.kind === 'reading' ? (
        <div class="rv-progress" role="status">
          <progress aria-label={phase.step} />
          <span>{phase.step}</span>
        </div>
      ) : phase.kind === 'failed' ? (
        <p class="rv-message is-error" role="alert" id="review-error">
          {phase.message}
        </p>
      ) : (
        <ReviewForm draft={phase.draft} people={phase.people} only={only} />
      )}
    </main>
  );
}

/**
 * The fields the sheet's problems name (each line starts with the field's label, core/save-article.ts's
 * checkSaveRequest): marked invalid, the first one focused, so the reader lands where the fix is.
 */
function findInvalidFields(outcome: SaveOutcome | undefined): DraftFieldName[] {
  if (outcome?.kind !== 'error') return [];
  return DRAFT_FIELDS.filter((name) =>
    outcome.lines.some((line) => line.startsWith(`${FIELD_INPUTS[name].label}:`)),
  );
}

/** What the save left out: the ticked quotations whose chosen speaker the article does not name near them. */
function describeLeftOut(draft: ArticleDraft, choices: readonly QuotationChoice[]): string {
  const left = draft.quotations.flatMap((q, i) =>
    choices[i]?.isKept && choices[i]?.problem ? [`“${shorten(q.text)}”`] : [],
  );
  if (left.length === 0) return '';
  return ` Left out, as the article does not name their chosen speaker near them: ${left.join(', ')}.`;
}

/** The sheet itself: metadata fields, quotations, save; `only`: the one quotation ticked at first. */
function ReviewForm({
  draft,
  people,
  only,
}: {
  draft: ArticleDraft;
  people: Person[];
  only: QuoteToSave | undefined;
}) {
  const [values, setValues] = useState(
    () =>
      Object.fromEntries(DRAFT_FIELDS.map((f) => [f, draft.fields[f].value])) as Record<
        DraftFieldName,
        string
      >,
  );
  const [initial] = useState(() =>
    only
      ? chooseOnlyQuotation(draft, only, (id) => people.some((p) => p.id === id))
      : { choices: chooseInitially(draft), index: -1 },
  );
  const [choices, setChoices] = useState<QuotationChoice[]>(initial.choices);
  // Opened for one quotation: it is the one ticked row, brought into view.
  useEffect(() => {
    if (initial.index >= 0)
      document.querySelector(`.rv-quote[data-quote="${initial.index}"]`)?.scrollIntoView({ block: 'center' });
  }, [initial.index]);
  const [isSaving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>();
  const names = useMemo(() => new Map(people.map((p) => [p.id, p.name])), [people]);

  const save = async (event: Event) => {
    event.preventDefault();
    const request = buildSaveRequest(draft, values, choices, new Date());
    const problems = checkSaveRequest(request);
    if (problems.length > 0) {
      const problemOutcome: SaveOutcome = { kind: 'error', lines: problems };
      setOutcome(problemOutcome);
      const [first] = findInvalidFields(problemOutcome);
      if (first) requestAnimationFrame(() => document.getElementById(`field-${first}`)?.focus());
      return;
    }
    setSaving(true);
    setOutcome(undefined);
    const answer = await sendToBackground('background:save-article', { article: request });
    setSaving(false);
    if (!answer || !answer.ok) {
      setOutcome({ kind: 'error', lines: (answer && !answer.ok ? answer.error : NO_ANSWER).split('\n') });
      return;
    }
    const count = request.quotes.length;
    setOutcome({
      kind: 'ok',
      text: `${answer.isUpdate ? 'Updated' : 'Saved'} in My sources, with ${count} ${count === 1 ? 'quote' : 'quotes'}.${describeLeftOut(draft, choices)}`,
    });
  };

  const kept = choices.filter(isSaved).length;
  const invalid = findInvalidFields(outcome);

  return (
    // noValidate: the sheet's own problems name the field and what to enter; the browser's bubble for a
    // url or date field ("Please enter a URL.") would come first and hide them.
    <form class="rv-form" noValidate onSubmit={(event) => void save(event)}>
      <fieldset class="rv-fields">
        <legend>The article</legend>
        {DRAFT_FIELDS.map((name) => {
          const field = draft.fields[name];
          const isChanged = values[name].trim() !== field.value.trim();
          const id = `field-${name}`;
          return (
            <div class="rv-field" key={name}>
              <label for={id}>{FIELD_INPUTS[name].label}</label>
              <input
                id={id}
                class="ui-field"
                // Preact's types narrow `type` to one literal per element; this one varies by field.
                {...({ type: FIELD_INPUTS[name].type } as object)}
                value={values[name]}
                aria-invalid={invalid.includes(name) ? 'true' : undefined}
                aria-describedby={invalid.includes(name) ? `${id}-from review-problems` : `${id}-from`}
                onInput={(event) => {
                  const value = (event.target as HTMLInputElement).value;
                  setValues((all) => ({ ...all, [name]: value }));
                }}
              />
              <p class="rv-from" id={`${id}-from`}>
                {isChanged
                  ? 'Changed by you.'
                  : field.from
                    ? `From the page: ${field.from}.`
                    : 'Not on the page: left empty.'}
              </p>
            </div>
          );
        })}
      </fieldset>

      <section class="rv-quotes" aria-labelledby="quotes-title">
        <h2 id="quotes-title" class="rv-subtitle">
          Quotations ({kept} of {draft.quotations.length} kept)
        </h2>
        {only ? (
          <p class="rv-muted" id="review-only">
            {initial.index >= 0
              ? 'Only the quotation you chose is ticked; tick others to save them too.'
              : `Dramatis did not find “${only.text}” in the article’s text as it read it. Tick the quotations to save, or save the article alone.`}
          </p>
        ) : null}
        {draft.quotations.length === 0 ? (
          <p class="rv-muted">Dramatis found no quotations in this article. You can still save it.</p>
        ) : (
          <ol class="rv-quote-list">
            {draft.quotations.map((q, i) => (
              <QuotationRow
                key={`quote-${i}`}
                index={i}
                quotation={q}
                choice={choices[i]!}
                people={people}
                names={names}
                onChoose={(choice) => setChoices((all) => all.map((c, j) => (j === i ? choice : c)))}
              />
            ))}
          </ol>
        )}
      </section>

      <SaveActions
        buttonId="save-button"
        label="Save to My sources"
        isSaving={isSaving}
        outcome={outcome}
        statusId="review-status"
        problemsId="review-problems"
      />
    </form>
  );
}
