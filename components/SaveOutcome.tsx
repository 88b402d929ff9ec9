/**
 * The save button and the two live lines under a form that saves to My sources (the review sheet, the
 * add-person form): what was saved (a polite status) and what keeps it from saving (an alert, one line
 * per problem). Both lines are always in the page, so screen readers announce a change of their text.
 */

/** What a save answered: a line for the reader, or the problems. */
export type SaveOutcome = { kind: 'ok'; text: string } | { kind: 'error'; lines: string[] };

/** The save button, then `<statusId>` and `<problemsId>`. */
export function SaveActions({
  buttonId,
  label,
  isSaving,
  outcome,
  statusId,
  problemsId,
}: {
  buttonId: string;
  label: string;
  isSaving: boolean;
  outcome: SaveOutcome | undefined;
  statusId: string;
  problemsId: string;
}) {
  return (
    <>
      <div class="rv-actions">
        <button type="submit" class="ui-button is-primary" id={buttonId} disabled={isSaving}>
          {isSaving ? 'Saving…' : label}
        </button>
      </div>
      <div id={statusId} class="rv-message is-ok" role="status">
        {outcome?.kind === 'ok' ? outcome.text : ''}
      </div>
      <div id={problemsId} class="rv-message is-error" role="alert">
        {outcome?.kind === 'error' ? (
          <ul>
            {outcome.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </>
  );
}
