// A modal dialog on the native <dialog>: it keeps focus inside, Escape and the backdrop
// close it, and focus returns to where it was. Its content mounts only while open, so
// forms inside start fresh every time; focus starts on the element marked data-autofocus,
// if any (else on the first control, the Close button).
import { useEffect, useRef, type ReactNode } from 'react';
import { CrossIcon } from './icons';

interface Props {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  testId?: string;
  className?: string;
}

export function Modal({ open, onClose, title, children, testId, className }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = `${testId ?? 'modal'}-title`;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // Content can name its first control (a picker's list, not the Close button).
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {open && (
        <div className="modal-body">
          <header className="modal-head">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
              <CrossIcon />
            </button>
          </header>
          {children}
        </div>
      )}
    </dialog>
  );
}
