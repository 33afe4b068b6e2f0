import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import type { RuntimeStatus } from '../runtime/shared/runtime-status';
import { api, ApiRequestError } from './api/client';
import { FlowCanvas } from './canvas/FlowCanvas';
import { ShortcutsHelp } from './canvas/ShortcutsHelp';
import { InspectorPanel } from './inspector/InspectorPanel';
import { FlowsList } from './panels/FlowsList';
import { Notices } from './panels/Notices';
import { SaveIndicator } from './panels/SaveIndicator';
import { useEditor } from './store/editor-store';
import { errorText } from './store/notices-store';
import { useTheme } from './use-theme';
import { useHashFlowId } from './use-hash-route';

export function App() {
  const [status, setStatus] = useState<RuntimeStatus>();
  const [fatal, setFatal] = useState<{ signIn: boolean; text: string }>();
  const [flowId, selectFlow] = useHashFlowId();
  const [theme, toggleTheme] = useTheme();

  useEffect(() => {
    api.status().then(setStatus, (error: unknown) => {
      const signIn = error instanceof ApiRequestError && error.status === 401;
      setFatal({ signIn, text: errorText(error) });
    });
  }, []);

  if (fatal) {
    return (
      <main className="fatal">
        <h1>{fatal.signIn ? 'Sign in to Hookflow' : 'Hookflow is not reachable'}</h1>
        {fatal.signIn ? (
          <p>
            Open the designer from the Hookflow tray icon, or run <code>hookflow open</code> (
            <code>npm run open</code> in a checkout) to get a sign-in link for this browser.
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
        <span className="brand">Hookflow</span>
        <FlowTitle />
        <SaveIndicator />
        <span className="spacer" />
        {status && (
          <span className="muted" title={`Data folder: ${status.dataDir}`}>
            Webhooks at {status.urls.public}
          </span>
        )}
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
      <div className="workspace">
        <FlowsList selectedId={flowId} onSelect={selectFlow} />
        <ReactFlowProvider>
          <Editor flowId={flowId} colorMode={theme} />
        </ReactFlowProvider>
      </div>
      <Notices />
      <ShortcutsHelp />
    </div>
  );
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
  return (
    <section className="editor">
      <FlowCanvas colorMode={colorMode} />
      <InspectorPanel />
    </section>
  );
}
