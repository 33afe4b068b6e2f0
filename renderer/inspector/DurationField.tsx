// DurationField — value: whole seconds (a number), or undefined while empty. Edited as an
// amount and a unit (seconds / minutes / hours / days); `min`/`max` are in seconds.
import { useState } from 'react';
import { describedBy, Field, type FieldBaseProps } from './Field';
import {
  describeDuration,
  DURATION_UNITS,
  splitDuration,
  toSeconds,
  type DurationUnit,
} from './duration';
import { parseNumber, rangeProblem } from './number-text';

export interface DurationFieldProps extends FieldBaseProps {
  value: number | undefined;
  onChange: (seconds: number | undefined) => void;
  min?: number;
  max?: number;
  /** The units offered, smallest first (default: all four). */
  units?: readonly DurationUnit[];
}

export function DurationField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  min,
  max,
  units = DURATION_UNITS,
}: DurationFieldProps) {
  const [draft, setDraft] = useState<{ text: string; unit: DurationUnit }>(() => {
    const split = splitDuration(value, units);
    return { text: split.amount === undefined ? '' : String(split.amount), unit: split.unit };
  });
  // The user's text and unit stay while they still mean the value (typing "1." or picking
  // "minutes" for 60 s); a change from elsewhere (undo) shows the value afresh.
  const consistent = toSeconds(parseNumber(draft.text), draft.unit) === value;
  const split = splitDuration(value, units);
  const shown = consistent
    ? draft
    : { text: split.amount === undefined ? '' : String(split.amount), unit: split.unit };

  const rangeHint =
    min !== undefined && max !== undefined
      ? `Between ${describeDuration(min)} and ${describeDuration(max)}.`
      : undefined;
  const shownHint = [hint, rangeHint].filter(Boolean).join(' ') || undefined;
  const shownError = error ?? rangeProblem(value, min, max, describeDuration);
  const update = (text: string, unit: DurationUnit) => {
    setDraft({ text, unit });
    onChange(toSeconds(parseNumber(text), unit));
  };
  return (
    <Field id={id} label={label} hint={shownHint} error={shownError}>
      <div className="duration-inputs">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={0}
          value={shown.text}
          {...describedBy(id, shownError, shownHint)}
          onChange={(event) => update(event.target.value, shown.unit)}
        />
        <select
          aria-label={`${label} unit`}
          value={shown.unit}
          onChange={(event) => {
            const unit = units.find((candidate) => candidate === event.target.value);
            if (unit) update(shown.text, unit);
          }}
        >
          {units.map((unit) => (
            <option key={unit} value={unit}>
              {unit}
            </option>
          ))}
        </select>
      </div>
    </Field>
  );
}
