// The "Keyboard shortcuts" dialog: `?` (outside text fields) or the toolbar button opens
// it; Escape or the Close button closes it. A native modal <dialog> keeps focus inside.
import { useEffect, useRef } from 'react';
import { useUi } from '../store/ui-store';
import { isMacLike, isTypingTarget, shortcutFor, shortcutHelp } from './keyboard';

export function ShortcutsHelp() {
  const open = useUi((state) => state.helpOpen);
  const setOpen = useUi((state) => state.setHelpOpen);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      if (shortcutFor(event) === 'help' && !useUi.getState().helpOpen) {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [setOpen]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const mod = isMacLike() ? '⌘' : 'Ctrl';
  return (
    <dialog
      ref={dialog}
      className="shortcuts-help"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-help"
      onClose={() => setOpen(false)}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) setOpen(false);
      }}
    >
      <div className="shortcuts-body">
        <header>
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button type="button" onClick={() => setOpen(false)} autoFocus>
            Close
          </button>
        </header>
        {open &&
          shortcutHelp(mod).map((section) => (
            <section key={section.title}>
              <h3>{section.title}</h3>
              <dl>
                {section.items.map((item) => (
                  <div key={item.does} className="shortcut-row">
                    <dt>
                      {item.keys.map((key, index) => (
                        <span key={key}>
                          {index > 0 && <span className="muted"> or </span>}
                          <kbd>{key}</kbd>
                        </span>
                      ))}
                    </dt>
                    <dd>{item.does}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        <p className="muted">Shortcuts wait while you type in a field.</p>
      </div>
    </dialog>
  );
}
