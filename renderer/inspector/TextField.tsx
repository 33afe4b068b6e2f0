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
  /** Values offered as the user types (a datalist), e.g. the paths of a real call. */
  suggestions?: readonly string[];
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
  suggestions,
}: TextFieldProps) {
  const listId = suggestions && suggestions.length > 0 ? `${id}-suggestions` : undefined;
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
        list={listId}
        {...describedBy(id, error, hint)}
        onChange={(event) => onChange(event.target.value)}
      />
      {listId && (
        <datalist id={listId}>
          {suggestions?.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
    </Field>
  );
}
