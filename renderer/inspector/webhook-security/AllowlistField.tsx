// An allowlist edited as text, one entry per line (seed 001: "List the allowed IPs (one
// per line)"). Blank lines are dropped from the config; what the user typed stays on
// screen while it still means the same list. Each bad line is named inline: it never
// matches, and a list of only bad lines refuses every call.
import { useState } from 'react';
import { describedBy, Field } from '../Field';
import { listLines, type LineProblem } from './allowlist-lines';

interface Props {
  id: string;
  label: string;
  hint: string;
  value: readonly string[];
  onChange: (entries: string[]) => void;
  check: (text: string) => LineProblem[];
  placeholder: string;
  /** A warning shown while the list is not empty. */
  warning?: string;
  error?: string | undefined;
  testId?: string;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

export function AllowlistField({
  id,
  label,
  hint,
  value,
  onChange,
  check,
  placeholder,
  warning,
  error,
  testId,
}: Props) {
  const [draft, setDraft] = useState(() => value.join('\n'));
  const text = sameList(listLines(draft), value) ? draft : value.join('\n');
  const problems = check(text);
  const problemText =
    error ??
    (problems.length > 0
      ? problems
          .map((problem) => `Line ${problem.line} (${problem.entry}): ${problem.message}`)
          .join('\n')
      : undefined);
  return (
    <Field id={id} label={label} hint={hint} error={undefined}>
      <textarea
        id={id}
        className="monospace"
        rows={Math.min(8, Math.max(2, text.split('\n').length + 1))}
        value={text}
        placeholder={placeholder}
        spellCheck={false}
        data-testid={testId}
        {...describedBy(id, problemText, hint)}
        onChange={(event) => {
          setDraft(event.target.value);
          onChange(listLines(event.target.value));
        }}
      />
      {problemText && (
        <div className="field-error" id={`${id}-error`}>
          {problemText.split('\n').map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {warning && value.length > 0 && (
        <p className="field-warning" role="note">
          {warning}
        </p>
      )}
    </Field>
  );
}
