// The top bar's views: Flows (the editor), Customers, Chats, Channels, Settings. Plain links, so Tab reaches
// them and Enter follows them; the current one is marked for screen readers too. Going back
// to Flows reopens the flow that was open.
import { useEditor } from '../store/editor-store';
import { routeHref, type Route, type View } from '../use-hash-route';

const VIEWS: { view: View; label: string }[] = [
  { view: 'flows', label: 'Flows' },
  { view: 'customers', label: 'Customers' },
  { view: 'chats', label: 'Chats' },
  { view: 'channels', label: 'Channels' },
  { view: 'settings', label: 'Settings' },
];

export function ViewNav({ route }: { route: Route }) {
  // The editor keeps the flow it last opened while another view is shown.
  const lastFlowId = useEditor((state) => state.flowId);
  const href = (view: View) =>
    view === 'flows'
      ? routeHref({ view, ...(lastFlowId ? { flowId: lastFlowId } : {}) })
      : routeHref({ view });
  return (
    <nav className="view-nav" aria-label="Views" data-testid="view-nav">
      {VIEWS.map(({ view, label }) => (
        <a
          key={view}
          href={href(view)}
          className={`view-link${route.view === view ? ' is-current' : ''}`}
          aria-current={route.view === view ? 'page' : undefined}
          data-testid={`view-${view}`}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}
