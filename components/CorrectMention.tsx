/**
 * The card's "Not Thomas Graham?" (issue 14): the reader says this name, here, is someone else or
 * nobody. A disclosure, so the card stays short: the question opens two answers and a choice of where
 * the answer holds (this page, or the whole site).
 */
import { useState } from 'preact/hooks';
import type { CorrectionKind } from '../core/corrections';

/** Props of CorrectMention. */
export interface CorrectMentionProps {
  /** The person's name ("Thomas Graham"). */
  personName: string;
  /** The name as this page writes it ("Graham"). */
  surface: string;
  /** The page's site, when it has one: the answer may then hold on the whole site. */
  site: string | undefined;
  onCorrect: (is: CorrectionKind, scope: 'page' | 'site') => void;
}

/** "Not X?" and its answers. */
export function CorrectMention({ personName, surface, site, onCorrect }: CorrectMentionProps) {
  const [isOpen, setOpen] = useState(false);
  const [isSiteWide, setSiteWide] = useState(false);
  if (!isOpen)
    return (
      <button
        type="button"
        class="dr-hide-site dr-correct"
        aria-expanded="false"
        onClick={() => setOpen(true)}
      >
        Not {personName}?
      </button>
    );
  const scope = isSiteWide && site ? 'site' : 'page';
  return (
    <div class="dr-correct-panel" role="group" aria-label={`Not ${personName}?`}>
      <p class="dr-why">
        “{surface}” {scope === 'site' ? `on ${site}` : 'on this page'} is not {personName}. It is:
      </p>
      <div class="dr-correct-actions">
        <button type="button" class="dr-hide-site" onClick={() => onCorrect('someone-else', scope)}>
          Someone else
        </button>
        <button type="button" class="dr-hide-site" onClick={() => onCorrect('nobody', scope)}>
          Not a person
        </button>
      </div>
      {site ? (
        <label class="dr-why">
          <input
            type="checkbox"
            checked={isSiteWide}
            onChange={(event) => setSiteWide((event.target as HTMLInputElement).checked)}
          />{' '}
          Everywhere on {site}
        </label>
      ) : null}
    </div>
  );
}
