// TextField — value: a string ('' when empty; map '' to undefined in onChange if the
// schema wants an optional field).
import type { HTMLInputTypeAttribute } from 'react';
import { describedBy, Field, type FieldBaseProps } from './Field';

export interface TextFieldProps extends FieldBaseProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  type?: Extract<HTMLInputTypeAttribute, 'text' | 'url' | 'email' | 'tel' | 'password'>;
  /** Monospace, no spellcheck: ids, paths, tokens, code-like values. */
  monospace?: boolean;
  autoFocus?: boolean;
}

export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  placeholder,
  maxLength,
  type = 'text',
  monospace = false,
  autoFocus,
}: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type={type}
        className={monospace ? 'monospace' : undefined}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        spellCheck={monospace ? false : undefined}
        autoCapitalize={monospace ? 'off' : undefined}
        autoComplete="off"
        autoFocus={autoFocus}
        {...describedBy(id, error, hint)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}
