// The dock under the editor: Runs · Test chat · Variables · Problems. Collapsed it is just
// its tab strip; open it has a height the user drags (or sets from the keyboard) and that
// the browser remembers. The tabs are a WAI-ARIA tablist: ←/→/Home/End move between them.
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { ProblemsPanel } from '../../canvas/ProblemsPanel';
import { isMacLike } from '../../canvas/keyboard';
import { clampDockHeight, DOCK_TABS, tabForKey, type DockTab } from '../../store/dock-prefs';
import { useDock } from '../../store/dock-store';
import { countProblems } from '../../store/problems';
import { usePublish } from '../../store/publish-store';
import { useTestChat } from '../../store/test-chat-store';
import { ChevronDownIcon, ChevronUpIcon } from '../../ui/icons';
import { RunsPanel } from '../runs/RunsPanel';
import { TestChatPanel } from '../test-chat/TestChatPanel';
import { VariablesPanel } from '../variables/VariablesPanel';
import { DockResizer } from './DockResizer';

const tabId = (tab: DockTab) => `dock-tab-${tab}`;
const panelId = (tab: DockTab) => `dock-panel-${tab}`;

export function Dock() {
  const open = useDock((state) => state.open);
  const tab = useDock((state) => state.tab);
  const height = useDock((state) => state.height);
  const show = useDock((state) => state.show);
  const select = useDock((state) => state.select);
  const toggle = useDock((state) => state.toggle);
  const dock = useRef<HTMLElement>(null);
  const tabs = useRef<HTMLDivElement>(null);
  const available = useAvailableHeight(dock);
  const shown = clampDockHeight(height, available);
  const mod = isMacLike() ? '⌘' : 'Ctrl';

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = tabForKey(tab, event.key);
    if (!next) return;
    event.preventDefault();
    select(next);
    tabs.current?.querySelector<HTMLElement>(`#${tabId(next)}`)?.focus();
  };

  return (
    <section
      ref={dock}
      className={`dock${open ? ' is-open' : ''}`}
      style={open ? { height: shown } : undefined}
      aria-label="Panels"
      data-testid="dock"
      data-open={open}
    >
      {open && <DockResizer height={shown} max={clampDockHeight(Infinity, available)} />}
      <div className="dock-bar">
        <div
          ref={tabs}
          role="tablist"
          aria-label="Panels"
          className="dock-tabs"
          onKeyDown={onTabKey}
        >
          {DOCK_TABS.map((item) => (
            <button
              key={item.id}
              id={tabId(item.id)}
              type="button"
              role="tab"
              className="dock-tab"
              aria-selected={item.id === tab}
              aria-controls={open && item.id === tab ? panelId(item.id) : undefined}
              tabIndex={item.id === tab ? 0 : -1}
              data-testid={`dock-tab-${item.id}`}
              onClick={() => show(item.id)}
            >
              {item.label}
              <TabBadge tab={item.id} />
            </button>
          ))}
        </div>
        <span className="spacer" />
        <button
          type="button"
          className="icon-button dock-toggle"
          aria-expanded={open}
          aria-label={open ? 'Hide the panels' : 'Show the panels'}
          title={`${open ? 'Hide' : 'Show'} the panels (${mod}+J)`}
          aria-keyshortcuts="Control+J Meta+J"
          data-testid="dock-toggle"
          onClick={toggle}
        >
          {open ? <ChevronDownIcon /> : <ChevronUpIcon />}
        </button>
      </div>
      {open && (
        <div
          role="tabpanel"
          id={panelId(tab)}
          aria-labelledby={tabId(tab)}
          className="dock-panel"
          data-testid={`dock-panel-${tab}`}
        >
          {tab === 'runs' && <RunsPanel />}
          {tab === 'test-chat' && <TestChatPanel />}
          {tab === 'variables' && <VariablesPanel />}
          {tab === 'problems' && <ProblemsPanel />}
        </div>
      )}
    </section>
  );
}

/** What a tab says without being opened: problem counts, a conversation waiting. */
function TabBadge({ tab }: { tab: DockTab }) {
  const problems = usePublish((state) => (tab === 'problems' ? state.problems : undefined));
  const chatWaiting = useTestChat((state) => tab === 'test-chat' && state.runStatus === 'waiting');
  if (problems) {
    const { errors, warnings } = countProblems(problems);
    if (errors + warnings === 0) return null;
    return (
      <span className={`dock-badge ${errors > 0 ? 'is-error' : 'is-warning'}`}>
        <span className="visually-hidden">: </span>
        {errors + warnings}
      </span>
    );
  }
  if (chatWaiting) {
    return (
      <span className="dock-dot" title="Waiting for your reply">
        <span className="visually-hidden">(waiting for your reply)</span>
      </span>
    );
  }
  return null;
}

/** The height of the column the dock sits in, followed as the window resizes. */
function useAvailableHeight(dock: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const parent = dock.current?.parentElement;
    if (!parent) return;
    const observer = new ResizeObserver(() => setHeight(parent.clientHeight));
    // It reports the size once at once, then on every change.
    observer.observe(parent);
    return () => observer.disconnect();
  }, [dock]);
  return height;
}
