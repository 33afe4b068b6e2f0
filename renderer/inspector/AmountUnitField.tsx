// AmountUnitField — a number edited as an amount and a unit (5 minutes, 2 MiB). The value
// is in the base unit (seconds, bytes), or undefined while empty. DurationField and
// SizeField are this with their units; `min`/`max` are in the base unit.
import { useState } from 'react';
import { describedBy, Field, type FieldBaseProps } from './Field';
import { parseNumber, rangeProblem } from './number-text';

export interface AmountScale<U extends string> {
  units: readonly U[];
  /** The value as the largest unit it is a whole number of. */
  split: (value: number | undefined) => { amount: number | undefined; unit: U };
  /** An amount in a unit, in the base unit (undefined when not a valid amount). */
  combine: (amount: number | undefined, unit: U) => number | undefined;
  /** A value for people, e.g. "5 minutes". */
  describe: (value: number) => string;
}

export interface AmountUnitFieldProps<U extends string> extends FieldBaseProps {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min?: number;
  max?: number;
  scale: AmountScale<U>;
}

export function AmountUnitField<U extends string>({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  min,
  max,
  scale,
}: AmountUnitFieldProps<U>) {
  const fromValue = () => {
    const split = scale.split(value);
    return { text: split.amount === undefined ? '' : String(split.amount), unit: split.unit };
  };
  const [draft, setDraft] = useState<{ text: string; unit: U }>(fromValue);
  // The user's text and unit stay while they still mean the value (typing "1." or picking
  // "minutes" for 60 s); a change from elsewhere (undo) shows the value afresh.
  const consistent = scale.combine(parseNumber(draft.text), draft.unit) === value;
  const shown = consistent ? draft : fromValue();
  const rangeHint =
    min !== undefined && max !== undefined
      ? `From ${scale.describe(min)} to ${scale.describe(max)}.`
      : undefined;
  const shownHint = [hint, rangeHint].filter(Boolean).join(' ') || undefined;
  const shownError = error ?? rangeProblem(value, min, max, scale.describe);
  const update = (text: string, unit: U) => {
    setDraft({ text, unit });
    onChange(scale.combine(parseNumber(text), unit));
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
            const unit = scale.units.find((candidate) => candidate === event.target.value);
            if (unit) update(shown.text, unit);
          }}
        >
          {scale.units.map((unit) => (
            <option key={unit} value={unit}>
              {unit}
            </option>
          ))}
        </select>
      </div>
    </Field>
  );
}
