// UrlCopy — value: a URL to hand to someone else (a webhook address). Shown read-only in
// full, wrapped (a click selects it all) with a Copy button that says "Copied" once it worked.
import { useEffect, useRef, useState } from 'react';
import { copyText } from '../ui/copy-text';
import { CheckIcon, CopyIcon } from '../ui/icons';
import { describedBy, Field, type FieldBaseProps } from './Field';

export interface UrlCopyProps extends Omit<FieldBaseProps, 'error'> {
  url: string;
  /** data-testid of the field; its button gets `${testId}-copy`. */
  testId?: string;
}

const FEEDBACK_MS = 2000;

export function UrlCopy({ id, label, hint, url, testId }: UrlCopyProps) {
  const [feedback, setFeedback] = useState<'copied' | 'failed'>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    const copied = await copyText(url);
    setFeedback(copied ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setFeedback(undefined), FEEDBACK_MS);
  };

  return (
    <Field id={id} label={label} hint={hint}>
      <div className="url-copy">
        <textarea
          id={id}
          className="monospace"
          readOnly
          rows={1}
          value={url}
          spellCheck={false}
          data-testid={testId}
          {...describedBy(id, undefined, hint)}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className={`url-copy-button${feedback === 'copied' ? ' is-done' : ''}`}
          aria-label={`Copy ${label}`}
          data-testid={testId ? `${testId}-copy` : undefined}
          onClick={() => void copy()}
        >
          {feedback === 'copied' ? <CheckIcon /> : <CopyIcon />}
          <span>{feedback === 'copied' ? 'Copied' : 'Copy'}</span>
        </button>
      </div>
      <span className="visually-hidden" role="status">
        {feedback === 'copied' ? `${label} copied` : ''}
      </span>
      {feedback === 'failed' && (
        <p className="field-error">Could not copy: select the address and press Ctrl+C.</p>
      )}
    </Field>
  );
}
