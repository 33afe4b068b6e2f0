// "Connect an output" (C, or the toolbar's button): opens the connect dialog for the
// selected node, or the focused one, and says what to do when there is none to connect.
import { useEditor } from '../store/editor-store';
import { nodeTitle, outputChoices } from '../store/connect-choices';
import { inspectedNode } from '../store/inspector-store';
import { useNotices } from '../store/notices-store';
import { useUi } from '../store/ui-store';
import { focusedNodeId } from './focus-node';

export function startConnect(): void {
  const { nodes, edges } = useEditor.getState();
  const notify = (text: string) => useNotices.getState().notify('info', text);
  const focused = focusedNodeId();
  const source =
    inspectedNode(nodes) ?? (focused ? nodes.find((node) => node.id === focused) : undefined);
  if (!source) {
    notify(
      nodes.some((node) => node.selected)
        ? 'Select just one node to connect one of its outputs.'
        : 'Select a node first (click it, or Tab to it), then press C to connect one of its outputs.',
    );
    return;
  }
  if (outputChoices(source, nodes, edges).length === 0) {
    notify(`“${nodeTitle(source)}” has no outputs to connect.`);
    return;
  }
  useUi.getState().setConnectSource(source.id);
}
