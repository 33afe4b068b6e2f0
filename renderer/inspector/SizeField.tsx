// SizeField — value: whole bytes (a number), or undefined while empty. Edited as an amount
// and a unit (KiB / MiB); `min`/`max` are in bytes.
import { useState } from 'react';
import { describeBytes, SIZE_UNITS, splitBytes, toBytes, type SizeUnit } from './byte-size';
import { describedBy, Field, type FieldBaseProps } from './Field';
import { parseNumber, rangeProblem } from './number-text';

export interface SizeFieldProps extends FieldBaseProps {
  value: number | undefined;
  onChange: (bytes: number | undefined) => void;
  min?: number;
  max?: number;
}

export function SizeField({ id, label, hint, error, value, onChange, min, max }: SizeFieldProps) {
  const [draft, setDraft] = useState<{ text: string; unit: SizeUnit }>(() => {
    const split = splitBytes(value);
    return { text: split.amount === undefined ? '' : String(split.amount), unit: split.unit };
  });
  // As in DurationField: the user's text and unit stay while they still mean the value.
  const consistent = toBytes(parseNumber(draft.text), draft.unit) === value;
  const split = splitBytes(value);
  const shown = consistent
    ? draft
    : { text: split.amount === undefined ? '' : String(split.amount), unit: split.unit };
  const rangeHint =
    min !== undefined && max !== undefined
      ? `From ${describeBytes(min)} to ${describeBytes(max)}.`
      : undefined;
  const shownHint = [hint, rangeHint].filter(Boolean).join(' ') || undefined;
  const shownError = error ?? rangeProblem(value, min, max, describeBytes);
  const update = (text: string, unit: SizeUnit) => {
    setDraft({ text, unit });
    onChange(toBytes(parseNumber(text), unit));
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
            const unit = SIZE_UNITS.find((candidate) => candidate === event.target.value);
            if (unit) update(shown.text, unit);
          }}
        >
          {SIZE_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {unit}
            </option>
          ))}
        </select>
      </div>
    </Field>
  );
}
