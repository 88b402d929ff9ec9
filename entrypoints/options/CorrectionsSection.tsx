/**
 * Options › Corrections (issue 14): every "Not <name>?" the reader answered on a card, where it holds
 * (a page or a whole site), with Undo. They are a setting: they travel in the settings file.
 */
import { isSameCorrection, type Correction } from '../../core/corrections';
import { formatDate } from '../../core/card-model';
import type { Settings } from '../../core/settings';
import { saveSettings } from '../../platform/settings-store';

/** The corrections section. */
export function CorrectionsSection({
  settings,
  nameOf,
}: {
  settings: Settings;
  nameOf: (id: string) => string;
}) {
  const corrections = [...settings.corrections].reverse();
  const undo = (correction: Correction) =>
    void saveSettings({ corrections: settings.corrections.filter((c) => !isSameCorrection(c, correction)) });
  return (
    <section class="op-section" id="corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title" class="op-section-title">
        Corrections
      </h2>
      <p class="op-muted">
        Names you told Dramatis are someone else, or nobody (the card’s “Not …?”), newest first.
      </p>
      {corrections.length === 0 ? (
        <p class="op-empty" data-testid="corrections-empty">
          You have corrected no names.
        </p>
      ) : (
        <ul class="op-packs" aria-label="Corrections">
          {corrections.map((c) => (
            <li key={`${c.scope}|${c.where}|${c.person}|${c.name}`} class="op-pack" data-correction={c.name}>
              <span>
                “{c.name}” is {c.is === 'nobody' ? 'not a person' : 'someone else'}, not {nameOf(c.person)}:{' '}
                {c.scope === 'site' ? `everywhere on ${c.where}` : c.where}
                <span class="op-muted"> · {formatDate(c.at.slice(0, 10), true)}</span>
              </span>
              <button type="button" class="ui-button" onClick={() => undo(c)}>
                Undo
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
