// TemplateField — value: a string that may contain `{{variable}}` placeholders, filled in
// at run time. A hint line explains the syntax; the "Insert variable" menu offers the
// flow's variables and its triggers' fields (use-flow-variables, the same list as the
// Variables panel) and inserts `{{name}}` at the caret. Single line by default,
// `multiline` for message bodies.
import { useRef, type FocusEvent } from 'react';
import { useInsertableVariables } from '../store/use-flow-variables';
import { describedBy, Field, type FieldBaseProps } from './Field';
import { insertAt, variableToken } from './template';
import { VariableMenu } from './VariableMenu';

export interface TemplateFieldProps extends FieldBaseProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
}

const DEFAULT_HINT = 'Write {{name}} to put a variable’s value here.';

export function TemplateField({
  id,
  label,
  hint = DEFAULT_HINT,
  error,
  value,
  onChange,
  placeholder,
  multiline = false,
  rows = 4,
  maxLength,
}: TemplateFieldProps) {
  const offered = useInsertableVariables();
  // One ref for whichever control is drawn; both have the selection API used here.
  const control = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  // Where the caret was when the field last lost focus; never focused: at the end.
  const caret = useRef<{ start: number; end: number } | undefined>(undefined);

  const insert = (name: string) => {
    const element = control.current;
    const start = caret.current?.start ?? value.length;
    const end = caret.current?.end ?? start;
    const next = insertAt(value, start, end, variableToken(name));
    onChange(next.value);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.caret, next.caret);
    });
  };

  const common = {
    id,
    ref: control,
    value,
    placeholder,
    maxLength,
    spellCheck: false,
    className: 'template-input',
    ...describedBy(id, error, hint),
    onBlur: (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const { selectionStart, selectionEnd } = event.currentTarget;
      caret.current = { start: selectionStart ?? value.length, end: selectionEnd ?? value.length };
    },
  };
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      error={error}
      aside={<VariableMenu offered={offered} fieldLabel={label} onChoose={insert} />}
    >
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} autoComplete="off" onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}
