// CopyButton — a small icon button that copies `text` and shows a check for two seconds
// once the clipboard took it (assistive tech hears the new label). UrlCopy is the full
// field version with a visible "Copied" and an error when the clipboard refuses.
import { useEffect, useRef, useState } from 'react';
import { copyText } from './copy-text';
import { CheckIcon, CopyIcon } from './icons';

const FEEDBACK_MS = 2000;

export interface CopyButtonProps {
  text: string;
  /** What is copied, for the label: "Copy the URL". */
  what: string;
  className?: string;
  testId?: string;
}

export function CopyButton({ text, what, className = 'icon-button', testId }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const label = copied ? `Copied ${what}` : `Copy ${what}`;
  return (
    <button
      type="button"
      className={`${className}${copied ? ' is-done' : ''}`}
      aria-label={label}
      title={label}
      data-testid={testId}
      onClick={async () => {
        if (!(await copyText(text))) return;
        setCopied(true);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setCopied(false), FEEDBACK_MS);
      }}
    >
      {copied ? <CheckIcon /> : <CopyIcon />}
    </button>
  );
}
