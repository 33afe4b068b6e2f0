// A panel that opens under its button (non-modal): focus moves in when it opens, Escape
// or a click elsewhere closes it, and Escape returns focus to the button. The caller
// wraps button and popover in an element with `position: relative`.
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

interface Props {
  open: boolean;
  onClose: () => void;
  anchor: RefObject<HTMLElement | null>;
  label: string;
  children: ReactNode;
  testId?: string;
  className?: string;
  role?: 'dialog' | 'menu';
}

const FOCUSABLE =
  '[data-autofocus], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex="0"]';

export function Popover({
  open,
  onClose,
  anchor,
  label,
  children,
  testId,
  className,
  role = 'dialog',
}: Props) {
  const panel = useRef<HTMLDivElement>(null);
  const latestClose = useRef(onClose);
  useEffect(() => {
    latestClose.current = onClose;
  });

  useEffect(() => {
    if (!open) return;
    const element = panel.current;
    const first =
      element?.querySelector<HTMLElement>('[data-autofocus]') ??
      element?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target;
      if (!(target instanceof Node)) return;
      if (panel.current?.contains(target) || anchor.current?.contains(target)) return;
      latestClose.current();
    };
    // Escape closes it wherever focus is (a click elsewhere may have moved it out).
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      const focus = document.activeElement;
      const returnFocus =
        focus === null || focus === document.body || panel.current?.contains(focus) === true;
      event.preventDefault();
      latestClose.current();
      if (returnFocus) anchor.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, anchor]);

  if (!open) return null;
  return (
    <div
      ref={panel}
      role={role}
      aria-label={label}
      className={`popover${className ? ` ${className}` : ''}`}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
