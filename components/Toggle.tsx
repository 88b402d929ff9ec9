/**
 * An on/off switch with its label (and an optional line of description): a real button with
 * role="switch", so it is reached with Tab and flipped with Space or Enter, and a click on its label
 * flips it too.
 */
import type { ComponentChildren } from 'preact';

/** Props of Toggle. */
export interface ToggleProps {
  /** Unique in the page: the button's id (the label and description hang off it). */
  id: string;
  isOn: boolean;
  onChange: (isOn: boolean) => void;
  label: ComponentChildren;
  description?: ComponentChildren;
  isDisabled?: boolean;
  class?: string;
}

/** A labelled switch. */
export function Toggle({
  id,
  isOn,
  onChange,
  label,
  description,
  isDisabled,
  class: className,
}: ToggleProps) {
  return (
    <div class={`dr-toggle-row${isDisabled ? ' is-disabled' : ''}${className ? ` ${className}` : ''}`}>
      <div class="dr-toggle-text">
        <label class="dr-toggle-label" for={id}>
          {label}
        </label>
        {description ? (
          <div class="dr-toggle-description" id={`${id}-description`}>
            {description}
          </div>
        ) : null}
      </div>
      <button
        type="button"
        id={id}
        class="dr-toggle"
        role="switch"
        aria-checked={isOn ? 'true' : 'false'}
        aria-describedby={description ? `${id}-description` : undefined}
        disabled={isDisabled}
        onClick={() => onChange(!isOn)}
      >
        <span class="dr-toggle-track" aria-hidden="true">
          <span class="dr-toggle-thumb" />
        </span>
      </button>
    </div>
  );
}
