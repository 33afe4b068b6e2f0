// SelectField — value: one of the option values (a string union, e.g. a zod enum).
import { describedBy, Field, type FieldBaseProps } from './Field';

export interface SelectFieldProps<T extends string> extends FieldBaseProps {
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}

export function SelectField<T extends string>({
  id,
  label,
  hint,
  value,
  options,
  onChange,
  error,
}: SelectFieldProps<T>) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        value={value}
        {...describedBy(id, error, hint)}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {/* A stored value no option matches (an old or hand-edited flow) stays visible. */}
        {!options.some((option) => option.value === value) && (
          <option value={value} disabled>
            {value ? `“${value}” (not an option)` : 'Choose…'}
          </option>
        )}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
