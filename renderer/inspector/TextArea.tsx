// TextArea — value: a string, possibly with line breaks ('' when empty).
import { describedBy, Field, type FieldBaseProps } from './Field';

export interface TextAreaProps extends FieldBaseProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  rows?: number;
  maxLength?: number;
  monospace?: boolean;
}

export function TextArea({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  placeholder,
  rows = 4,
  maxLength,
  monospace = false,
}: TextAreaProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        className={monospace ? 'monospace' : undefined}
        value={value}
        rows={rows}
        placeholder={placeholder}
        maxLength={maxLength}
        spellCheck={monospace ? false : undefined}
        {...describedBy(id, error, hint)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}
