// A menu button: Enter, Space or ArrowDown opens it on its first item; the arrow keys,
// Home and End move between items; Escape closes it and returns to the button.
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Popover } from './Popover';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  danger?: boolean;
  icon?: ReactNode;
  testId?: string;
}

interface Props {
  /** The button's accessible name. */
  label: string;
  /** What the button shows. */
  button: ReactNode;
  items: MenuItem[];
  testId?: string;
  buttonClassName?: string;
}

export function Menu({ label, button, items, testId, buttonClassName }: Props) {
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const entries = [
      ...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? []),
    ];
    const at = entries.findIndex((entry) => entry === document.activeElement);
    const to: Record<string, number> = {
      ArrowDown: (at + 1) % entries.length,
      ArrowUp: (at - 1 + entries.length) % entries.length,
      Home: 0,
      End: entries.length - 1,
    };
    const next = to[event.key];
    if (next !== undefined && entries.length > 0) {
      event.preventDefault();
      entries[next]?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <span className="menu-anchor">
      <button
        ref={anchor}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        title={label}
        className={buttonClassName}
        data-testid={testId}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {button}
      </button>
      <Popover
        open={open}
        onClose={() => setOpen(false)}
        anchor={anchor}
        label={label}
        role="menu"
        className="menu"
      >
        <div ref={list} className="menu-items" onKeyDown={move}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              disabled={item.disabled}
              className={item.danger ? 'menu-item is-danger' : 'menu-item'}
              data-testid={item.testId}
              onClick={() => {
                setOpen(false);
                // Dialogs the item opens hand focus back to the menu button when they close.
                anchor.current?.focus();
                item.onSelect();
              }}
            >
              <span className="menu-item-icon" aria-hidden>
                {item.icon}
              </span>
              {item.label}
            </button>
          ))}
        </div>
      </Popover>
    </span>
  );
}
