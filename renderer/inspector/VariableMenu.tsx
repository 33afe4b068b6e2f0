// The "Insert variable" button and its menu (TemplateField): the flow's variables, then
// each trigger's fields. Keyboard: Enter/Space opens it with the first item focused,
// ↑/↓/Home/End move (across groups), Enter picks, Escape or Tab closes and returns focus
// to the button.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { InsertableVariables } from '../store/use-flow-variables';
import { variableToken } from './template';

interface Props {
  offered: InsertableVariables;
  fieldLabel: string;
  onChoose: (name: string) => void;
}

export function VariableMenu({ offered, fieldLabel, onChoose }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (name: string) => {
    setOpen(false);
    onChoose(name);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role=menuitem]')];
    const at = items.findIndex((item) => item === document.activeElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      (event.key === 'Home' ? items[0] : items.at(-1))?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="template-menu">
      <button
        ref={button}
        type="button"
        className="link-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Insert variable into ${fieldLabel}`}
        onClick={() => setOpen((current) => !current)}
      >
        {'{x}'} Insert variable
      </button>
      {open && (
        <ul
          id={menuId}
          role="menu"
          aria-label="Variables"
          className="template-menu-list"
          onKeyDown={onKeyDown}
          ref={menu}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
          }}
        >
          {offered.variables.length === 0 && offered.triggers.length === 0 ? (
            <li role="menuitem" tabIndex={-1} aria-disabled className="muted">
              No variables yet: Collect input, Buttons, Set variable and a Webhook Trigger’s
              mappings set them.
            </li>
          ) : (
            <>
              <MenuGroup heading="Variables" names={offered.variables} onChoose={choose} />
              {offered.triggers.map(({ trigger, fields }) => (
                <MenuGroup
                  key={trigger.nodeId}
                  heading={`From “${trigger.title}”`}
                  names={fields}
                  onChoose={choose}
                />
              ))}
            </>
          )}
        </ul>
      )}
    </div>
  );
}

function MenuGroup({
  heading,
  names,
  onChoose,
}: {
  heading: string;
  names: readonly string[];
  onChoose: (name: string) => void;
}) {
  const headingId = useId();
  if (names.length === 0) return null;
  return (
    <li role="none">
      <span className="template-menu-heading" id={headingId}>
        {heading}
      </span>
      <ul role="group" aria-labelledby={headingId} data-testid="variable-menu-group">
        {names.map((name) => (
          <li
            key={name}
            role="menuitem"
            tabIndex={-1}
            onClick={() => onChoose(name)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onChoose(name);
              }
            }}
          >
            <code>{variableToken(name)}</code>
          </li>
        ))}
      </ul>
    </li>
  );
}
