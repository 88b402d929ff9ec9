/**
 * The two live lines under an options section: what just worked (a polite status) and what went wrong
 * (an alert). Both are always in the page, so screen readers announce a change of their text.
 */

/** The outcome of the last action of a section. */
export type SectionMessage = { kind: 'ok' | 'error'; text: string };

/** Renders `message` as `<idPrefix>-status` or `<idPrefix>-error`. */
export function StatusLines({
  idPrefix,
  message,
}: {
  idPrefix: string;
  message: SectionMessage | undefined;
}) {
  return (
    <>
      <p id={`${idPrefix}-status`} class="op-message is-ok" role="status">
        {message?.kind === 'ok' ? message.text : ''}
      </p>
      <p id={`${idPrefix}-error`} class="op-message is-error op-pre-line" role="alert">
        {message?.kind === 'error' ? message.text : ''}
      </p>
    </>
  );
}
