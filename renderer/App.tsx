import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, type CSSProperties, type ReactNode } from 'react';
import { ConnectDialog } from './canvas/ConnectDialog';
import { FlowCanvas } from './canvas/FlowCanvas';
import { ShortcutsHelp } from './canvas/ShortcutsHelp';
import { InspectorPanel } from './inspector/InspectorPanel';
import { Dock } from './panels/dock/Dock';
import { FlowsList } from './panels/FlowsList';
import { Notices } from './panels/Notices';
import { ProblemsButton, PublishBar } from './panels/PublishBar';
import { SaveIndicator } from './panels/SaveIndicator';
import { TunnelPill } from './panels/TunnelPill';
import { useEditor } from './store/editor-store';
import { useInspectorOverlap } from './store/inspector-store';
import { useRuntime } from './store/runtime-store';
import { useTheme } from './use-theme';
import { ChannelsView } from './panels/channels/ChannelsView';
import { ChatsView } from './panels/chats/ChatsView';
import { CustomersView } from './panels/customers/CustomersView';
import { SettingsView } from './panels/settings/SettingsView';
import { ViewNav } from './panels/ViewNav';
import { useHashRoute, type Route } from './use-hash-route';

export function App() {
  const status = useRuntime((state) => state.status);
  const fatal = useRuntime((state) => state.fatal);
  const loadStatus = useRuntime((state) => state.load);
  const [route, go] = useHashRoute();
  const flowId = route.view === 'flows' ? route.flowId : undefined;
  const selectFlow = useCallback(
    (id: string | undefined) => go({ view: 'flows', ...(id ? { flowId: id } : {}) }),
    [go],
  );
  const [theme, toggleTheme] = useTheme();

  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  if (fatal) {
    return (
      <main className="fatal">
        <h1>{fatal.signIn ? 'Sign in to Hookflow' : 'Hookflow is not reachable'}</h1>
        {fatal.signIn ? (
          <p>
            Run <code>hookflow open</code> (<code>npm run open</code> in a checkout) on this
            computer to get a sign-in link for this browser
            {inDesktopApp() && (
              <>
                , or choose <b>Open Hookflow</b> in the Hookflow tray menu
              </>
            )}
            .
          </p>
        ) : (
          <p>{fatal.text}</p>
        )}
      </main>
    );
  }

  return (
    <div className="app">
      <header className="topbar">
        <span
          className="brand"
          title={status ? `Hookflow ${status.version} · data folder: ${status.dataDir}` : undefined}
        >
          Hookflow
        </span>
        <ViewNav route={route} />
        {route.view === 'flows' && (
          <>
            <FlowTitle />
            <SaveIndicator />
            <ProblemsButton />
          </>
        )}
        <span className="spacer" />
        {status && <TunnelPill />}
        {route.view === 'flows' && <PublishBar onSelectFlow={selectFlow} />}
        <button
          type="button"
          onClick={toggleTheme}
          aria-label="Switch theme"
          data-testid="theme-toggle"
        >
          {theme === 'dark' ? '☀ Light' : '☾ Dark'}
        </button>
      </header>
      {status && status.problems.length > 0 && (
        <div className="banner" role="alert">
          {status.problems.map((problem) => (
            <p key={problem.keptAt}>
              {problem.reason}. Hookflow kept it as <code>{problem.keptAt}</code> and started
              without it.
            </p>
          ))}
        </div>
      )}
      <Workspace route={route} flowId={flowId} selectFlow={selectFlow} theme={theme} />
      <Notices />
      <ShortcutsHelp />
      <ConnectDialog />
    </div>
  );
}

/** The view the route names: the flows and their editor, Customers, Chats or Channels. */
function Workspace({
  route,
  flowId,
  selectFlow,
  theme,
}: {
  route: Route;
  flowId: string | undefined;
  selectFlow: (id: string | undefined) => void;
  theme: 'light' | 'dark';
}) {
  if (route.view === 'customers') return <CustomersView customerId={route.customerId} />;
  if (route.view === 'chats') return <ChatsView chatId={route.chatId} channel={route.channel} />;
  if (route.view === 'channels') return <ChannelsView />;
  if (route.view === 'settings') return <SettingsView />;
  return (
    <div className="workspace">
      <FlowsList selectedId={flowId} onSelect={selectFlow} />
      <ReactFlowProvider>
        <Editor flowId={flowId} colorMode={theme} />
      </ReactFlowProvider>
    </div>
  );
}

/** The desktop app's window has its preload (the tray exists); a browser tab has not. */
function inDesktopApp(): boolean {
  return 'hookflowDesktop' in window;
}

function FlowTitle() {
  const flow = useEditor((state) => state.flow);
  return flow ? (
    <span className="flow-title" data-testid="flow-title">
      {flow.name}
    </span>
  ) : null;
}

function Editor({
  flowId,
  colorMode,
}: {
  flowId: string | undefined;
  colorMode: 'light' | 'dark';
}) {
  const open = useEditor((state) => state.open);
  const loading = useEditor((state) => state.loading);
  const loadError = useEditor((state) => state.loadError);
  const flow = useEditor((state) => state.flow);

  useEffect(() => {
    void open(flowId);
  }, [flowId, open]);

  if (!flowId) {
    return <section className="editor empty-state">Create a flow or pick one on the left.</section>;
  }
  if (loadError) {
    return (
      <section className="editor empty-state" role="alert">
        Could not open this flow: {loadError}
      </section>
    );
  }
  if (loading || !flow) return <section className="editor empty-state">Loading flow…</section>;
  // The dock spans canvas and inspector: it sits under the canvas, so nodes it goes to
  // (a problem, a run's step, a variable's use) stay in view above it.
  return (
    <section className="editor">
      <EditorMain>
        <FlowCanvas colorMode={colorMode} />
        <InspectorPanel />
      </EditorMain>
      <Dock />
    </section>
  );
}

/** Canvas and inspector; says how much of the canvas the inspector covers (its CSS). */
function EditorMain({ children }: { children: ReactNode }) {
  const overlap = useInspectorOverlap();
  const style: CSSProperties & Record<'--inspector-overlap', string> = {
    '--inspector-overlap': `${overlap}px`,
  };
  return (
    <div className="editor-main" style={style}>
      {children}
    </div>
  );
}
