/** Options › Appearance: how names (and checked quotations) are highlighted, how long a hover waits, light or dark. */
import { useEffect, useState } from 'preact/hooks';
import {
  SETTINGS,
  type HighlightStyle,
  type QuoteHighlight,
  type Settings,
  type Theme,
} from '../../core/settings';
import { saveSettings } from '../../platform/settings-store';

type Choice = { label: string; hint: string };

// Keyed by value, so a value added to SETTINGS fails the type check here until it has a label; the
// order is the table's.
const HIGHLIGHT_LABELS: Record<HighlightStyle, Choice> = {
  underline: { label: 'Dotted underline', hint: 'Quiet; the page keeps its look.' },
  background: { label: 'Background', hint: 'Easy to spot while skimming.' },
  none: { label: 'No highlight', hint: 'Names are still found: hover one to open its card.' },
};

const QUOTE_LABELS: Record<QuoteHighlight, Choice> = {
  underline: { label: 'Dashed underline', hint: 'Quieter than names.' },
  background: { label: 'Faint background', hint: '' },
  off: { label: 'Off', hint: 'Quotations are not compared with stored quotes.' },
};

const THEME_LABELS: Record<Theme, Choice> = {
  system: { label: 'System', hint: 'Follows your device; cards follow the page they open on.' },
  light: { label: 'Light', hint: '' },
  dark: { label: 'Dark', hint: '' },
};

const choicesOf = <T extends string>(values: readonly T[], labels: Record<T, Choice>) =>
  values.map((value) => ({ value, ...labels[value] }));

const HIGHLIGHT_CHOICES = choicesOf(SETTINGS.highlightStyle.values, HIGHLIGHT_LABELS);
const QUOTE_CHOICES = choicesOf(SETTINGS.quoteHighlight.values, QUOTE_LABELS);
const THEME_CHOICES = choicesOf(SETTINGS.theme.values, THEME_LABELS);
const DELAY = SETTINGS.hoverDelayMs;

function RadioGroup<T extends string>({
  name,
  legend,
  choices,
  value,
  onChange,
  sample = '',
}: {
  name: string;
  /** Prefix of the samples' classes (their look in the page). */
  sample?: string;
  legend: string;
  choices: { value: T; label: string; hint: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="op-fieldset">
      <legend class="op-label">{legend}</legend>
      {choices.map((choice) => (
        <div class="op-radio" key={choice.value}>
          <input
            type="radio"
            id={`${name}-${choice.value}`}
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          <label for={`${name}-${choice.value}`}>
            <span class={`op-sample op-sample-${sample}${choice.value}`}>{choice.label}</span>
            {choice.hint ? <span class="op-muted op-small"> — {choice.hint}</span> : null}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** The appearance section. */
export function AppearanceSection({ settings }: { settings: Settings }) {
  // The slider shows its value while it moves; the setting is saved when it is let go.
  const [moving, setMoving] = useState<number>();
  const delay = moving ?? settings.hoverDelayMs;
  useEffect(() => setMoving(undefined), [settings.hoverDelayMs]);

  return (
    <section class="op-section" id="appearance" aria-labelledby="appearance-title">
      <h2 id="appearance-title" class="op-section-title">
        Appearance
      </h2>
      <RadioGroup
        name="highlight"
        legend="Highlight names with"
        choices={HIGHLIGHT_CHOICES}
        value={settings.highlightStyle}
        onChange={(highlightStyle) => void saveSettings({ highlightStyle })}
      />
      <RadioGroup
        name="quote-highlight"
        sample="quote-"
        legend="Mark quotations Dramatis has seen elsewhere with"
        choices={QUOTE_CHOICES}
        value={settings.quoteHighlight}
        onChange={(quoteHighlight) => void saveSettings({ quoteHighlight })}
      />
      <div class="op-field">
        <label for="hover-delay" class="op-label">
          Wait before a card opens
        </label>
        <div class="op-row">
          <input
            id="hover-delay"
            class="op-range"
            type="range"
            min={DELAY.min}
            max={DELAY.max}
            step={50}
            value={delay}
            aria-valuetext={`${delay} milliseconds`}
            aria-describedby="hover-delay-hint"
            onInput={(event) => setMoving(Number((event.target as HTMLInputElement).value))}
            onChange={(event) => {
              const hoverDelayMs = Number((event.target as HTMLInputElement).value);
              void saveSettings({ hoverDelayMs });
            }}
          />
          <output for="hover-delay" class="op-output">
            {delay} ms
          </output>
        </div>
        <p id="hover-delay-hint" class="op-muted op-small">
          How long the pointer rests on a name before its card opens ({DELAY.min}–{DELAY.max} ms;{' '}
          {DELAY.fallback} ms by default).
        </p>
      </div>
      <RadioGroup
        name="theme"
        legend="Theme"
        choices={THEME_CHOICES}
        value={settings.theme}
        onChange={(theme) => void saveSettings({ theme })}
      />
    </section>
  );
}
