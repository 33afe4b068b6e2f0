import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import './styles/ui.css';
import './styles/publishing.css';
import './styles/tunnel.css';
import './styles/flow-files.css';
import './styles/webhooks.css';
import './styles/dock.css';
import './styles/editor-layout.css';
import './styles/canvas-connect.css';
import './styles/runs.css';
import './styles/run-list.css';
import './styles/test-chat.css';
import './styles/http-request.css';
import './styles/customer-chat.css';
import './styles/customers.css';
import './styles/channels.css';
import './styles/widget-setup.css';
import './styles/settings.css';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
