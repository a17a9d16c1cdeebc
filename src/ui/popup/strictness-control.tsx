import { useId } from 'preact/hooks';
import { STRICTNESS_LEVELS, type Strictness } from '../../core';
import { STRICTNESS_LABELS } from '../../ext/labels';

/** Props of `StrictnessControl`. */
export interface StrictnessControlProps {
  value: Strictness;
  onChange(level: Strictness): void;
}

/**
 * One radio group for the strictness. Native radios give the arrow-key
 * behaviour screen readers expect; each option is named by its level and
 * described by what it flags.
 */
export function StrictnessControl({ value, onChange }: StrictnessControlProps) {
  const id = useId();
  return (
    <fieldset class="strictness">
      <legend>Strictness</legend>
      {STRICTNESS_LEVELS.map((level) => (
        <label key={level} class="option">
          <input
            type="radio"
            name={`${id}-strictness`}
            value={level}
            checked={value === level}
            aria-labelledby={`${id}-${level}-name`}
            aria-describedby={`${id}-${level}-description`}
            onChange={() => onChange(level)}
          />
          <span class="option-text">
            <span id={`${id}-${level}-name`} class="option-name">
              {STRICTNESS_LABELS[level].name}
            </span>
            <span id={`${id}-${level}-description`} class="option-description">
              {STRICTNESS_LABELS[level].description}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
