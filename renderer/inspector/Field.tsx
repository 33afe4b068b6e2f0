// The frame every inspector widget shares: a label, the control, a hint and the inline
// error, wired for assistive tech (the control gets aria-invalid and aria-describedby
// pointing at the hint and the error).
import type { ReactNode } from 'react';

/** Props every widget takes besides its value. */
export interface FieldBaseProps {
  /** Unique on the page: the control's id; hint and error ids derive from it. */
  id: string;
  label: string;
  hint?: string;
  /** The inline error (from `problemAt`); marks the control invalid. */
  error?: string | undefined;
}

/** aria-invalid and aria-describedby for a control inside a Field with this id. */
export function describedBy(
  id: string,
  error: string | undefined,
  hint: string | undefined,
): { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined } {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
  };
}

interface FieldProps extends FieldBaseProps {
  children: ReactNode;
  /** Extra content on the label row (e.g. an "insert variable" button). */
  aside?: ReactNode;
}

export function Field({ id, label, error, hint, children, aside }: FieldProps) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <div className="field-label-row">
        <label htmlFor={id}>{label}</label>
        {aside}
      </div>
      {children}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** A labelled group of controls (rows, amount + unit): a fieldset with a legend. */
export function FieldGroup({ id, label, error, hint, children, aside }: FieldProps) {
  return (
    <fieldset
      className={`field field-group${error ? ' has-error' : ''}`}
      id={id}
      aria-describedby={describedBy(id, error, hint)['aria-describedby']}
    >
      <legend>{label}</legend>
      {aside}
      {children}
      <FieldNotes id={id} hint={hint} error={error} />
    </fieldset>
  );
}

export function FieldNotes({ id, hint, error }: Pick<FieldBaseProps, 'id' | 'hint' | 'error'>) {
  return (
    <>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}
