// Tabs (WAI-ARIA tabs pattern): one tab stop for the tablist; ←/→, Home and End move
// between tabs and open them. A tab that receives focus opens too, so a script (going to
// a problem) can open a tab by focusing it. Only the open tab's panel is drawn.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<K extends string> {
  key: K;
  label: ReactNode;
  /** The tab button's id (default `${idPrefix}-tab-${key}`). */
  id?: string;
  /**
   * A second id that finds this tab: going to a problem looks for `${node}-${field}`, and
   * a tab that holds two config fields (customer, chat) answers to both.
   */
  aliasId?: string;
  /** Something beside the label: a count, a problem dot. */
  badge?: ReactNode;
  testId?: string;
}

interface Props<K extends string> {
  /** The tablist's accessible name. */
  label: string;
  idPrefix: string;
  tabs: readonly TabItem<K>[];
  selected: K;
  onSelect: (key: K) => void;
  children: ReactNode;
  className?: string;
}

export function Tabs<K extends string>({
  label,
  idPrefix,
  tabs,
  selected,
  onSelect,
  children,
  className,
}: Props<K>) {
  const list = useRef<HTMLDivElement>(null);
  const tabId = (tab: TabItem<K>) => tab.id ?? `${idPrefix}-tab-${tab.key}`;
  const panelId = `${idPrefix}-panel`;
  const current = tabs.find((tab) => tab.key === selected) ?? tabs[0];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((tab) => tab.key === selected);
    const to: Record<string, number> = {
      ArrowRight: (at + 1) % tabs.length,
      ArrowLeft: (at - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = tabs[to[event.key] ?? -1];
    if (!next) return;
    event.preventDefault();
    onSelect(next.key);
    list.current?.querySelector<HTMLElement>(`[id="${tabId(next)}"]`)?.focus();
  };

  return (
    <div className={`tabs${className ? ` ${className}` : ''}`}>
      <div ref={list} role="tablist" aria-label={label} className="tab-list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const active = tab.key === current?.key;
          const button = (
            <button
              key={tab.key}
              type="button"
              role="tab"
              id={tabId(tab)}
              aria-selected={active}
              aria-controls={active ? panelId : undefined}
              tabIndex={active ? 0 : -1}
              className={`tab${active ? ' is-active' : ''}`}
              data-testid={tab.testId}
              onClick={() => onSelect(tab.key)}
              onFocus={() => {
                if (!active) onSelect(tab.key);
              }}
            >
              {tab.label}
              {tab.badge}
            </button>
          );
          return tab.aliasId ? (
            <span key={tab.key} id={tab.aliasId} className="tab-alias">
              {button}
            </span>
          ) : (
            button
          );
        })}
      </div>
      {current && (
        <div
          role="tabpanel"
          id={panelId}
          aria-labelledby={tabId(current)}
          className="tab-panel"
          tabIndex={-1}
        >
          {children}
        </div>
      )}
    </div>
  );
}
