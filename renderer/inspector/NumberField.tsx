// NumberField — value: a number, or undefined while the input is empty. `min`/`max` are
// enforced by the arrow keys and shown as an inline error when typed past; the schema
// stays the authority (its error wins).
import { useState } from 'react';
import { describedBy, Field, type FieldBaseProps } from './Field';
import { parseNumber, rangeProblem, shownNumber } from './number-text';

export interface NumberFieldProps extends FieldBaseProps {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number;
  placeholder?: string;
  /** Shown after the input, e.g. "ms" or "items". */
  suffix?: string;
}

export function NumberField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  min,
  max,
  step,
  placeholder,
  suffix,
}: NumberFieldProps) {
  const [draft, setDraft] = useState('');
  const shownError = error ?? rangeProblem(value, min, max);
  return (
    <Field id={id} label={label} hint={hint} error={shownError}>
      <div className="input-with-suffix">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          value={shownNumber(draft, value)}
          min={min}
          max={max}
          step={step}
          placeholder={placeholder}
          {...describedBy(id, shownError, hint)}
          onChange={(event) => {
            setDraft(event.target.value);
            onChange(parseNumber(event.target.value));
          }}
        />
        {suffix && <span className="muted">{suffix}</span>}
      </div>
    </Field>
  );
}
