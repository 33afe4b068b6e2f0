// Toggle — value: a boolean. A checkbox with the switch role: Space toggles it.
import { describedBy, FieldNotes, type FieldBaseProps } from './Field';

export interface ToggleProps extends FieldBaseProps {
  value: boolean;
  onChange: (value: boolean) => void;
}

export function Toggle({ id, label, hint, error, value, onChange }: ToggleProps) {
  return (
    <div className={`field field-toggle${error ? ' has-error' : ''}`}>
      <label className="toggle" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={value}
          {...describedBy(id, error, hint)}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span className="toggle-track" aria-hidden>
          <span className="toggle-thumb" />
        </span>
        <span>{label}</span>
      </label>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
