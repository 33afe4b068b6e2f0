// The open flow's published versions (newest first; the runtime keeps the last 10), and a
// read-only view of one of them on a small canvas.
import {
  MarkerType,
  ReactFlow,
  ReactFlowProvider,
  type Edge,
  type EdgeTypes,
  type NodeTypes,
} from '@xyflow/react';
import { useEffect, useState } from 'react';
import { nodeDefinitions } from '../../runtime/nodes/definitions';
import type { FlowDocument } from '../../runtime/shared/flow-document';
import type { VersionSummary } from '../../runtime/shared/publishing';
import { api } from '../api/client';
import { FlowEdge } from '../canvas/FlowEdge';
import { NodeCard } from '../canvas/NodeCard';
import { NodeCardReadOnly } from '../canvas/node-card-mode';
import type { CanvasNode } from '../store/canvas-types';
import { useEditor } from '../store/editor-store';
import { errorText } from '../store/notices-store';
import { usePublish } from '../store/publish-store';
import { ArrowLeftIcon, Spinner } from '../ui/icons';
import { Modal } from '../ui/Modal';

type Snapshot = NonNullable<FlowDocument['published']>;

const nodeTypes: NodeTypes = Object.fromEntries(nodeDefinitions.map((d) => [d.type, NodeCard]));
const edgeTypes: EdgeTypes = { flow: FlowEdge };
const marker = { type: MarkerType.ArrowClosed, width: 16, height: 16 };

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function VersionsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal
      open={open}
      onClose={onClose}
      title="Versions"
      testId="versions-dialog"
      className="versions-dialog"
    >
      <VersionsBody />
    </Modal>
  );
}

function VersionsBody() {
  const flowId = useEditor((state) => state.flow?.id);
  const stamp = usePublish((state) => state.versionsStamp);
  const [versions, setVersions] = useState<VersionSummary[]>();
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [viewing, setViewing] = useState<{
    version: number;
    snapshot?: Snapshot;
    error?: string;
  }>();

  useEffect(() => {
    if (!flowId) return;
    let current = true;
    api.listVersions(flowId).then(
      (list) => {
        if (!current) return;
        setVersions(list);
        setError(undefined);
      },
      (failure: unknown) => current && setError(errorText(failure)),
    );
    return () => {
      current = false;
    };
  }, [flowId, stamp, attempt]);

  const view = (version: number) => {
    if (!flowId) return;
    setViewing({ version });
    api.getVersion(flowId, version).then(
      (snapshot) =>
        setViewing((shown) => (shown?.version === version ? { version, snapshot } : shown)),
      (failure: unknown) =>
        setViewing((shown) =>
          shown?.version === version ? { version, error: errorText(failure) } : shown,
        ),
    );
  };

  if (viewing) {
    return (
      <div className="version-view" data-testid="version-view">
        <div className="version-view-head">
          <button type="button" autoFocus onClick={() => setViewing(undefined)}>
            <ArrowLeftIcon /> All versions
          </button>
          <strong>Version {viewing.version}</strong>
          {viewing.snapshot && (
            <span className="muted">
              published {when(viewing.snapshot.publishedAt)} · read-only
            </span>
          )}
        </div>
        {viewing.error ? (
          <p className="error" role="alert">
            Could not load version {viewing.version}: {viewing.error}
          </p>
        ) : viewing.snapshot ? (
          <SnapshotCanvas snapshot={viewing.snapshot} />
        ) : (
          <p className="muted" role="status">
            <Spinner /> Loading version {viewing.version}…
          </p>
        )}
      </div>
    );
  }

  if (error) {
    return (
      <p className="error" role="alert">
        Could not load the versions: {error}{' '}
        <button
          type="button"
          className="link"
          onClick={() => {
            setError(undefined);
            setAttempt(attempt + 1);
          }}
        >
          Retry
        </button>
      </p>
    );
  }
  if (!versions) {
    return (
      <p className="muted" role="status">
        <Spinner /> Loading versions…
      </p>
    );
  }
  if (versions.length === 0) {
    return <p className="muted">No versions yet. Publish the flow to make version 1.</p>;
  }
  return (
    <>
      <table className="versions-table" data-testid="versions-table">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Published</th>
            <th scope="col">Nodes</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.version} data-testid="version-row" data-version={version.version}>
              <td>
                {version.version}
                {version.live && <span className="live-tag">live</span>}
              </td>
              <td>{when(version.publishedAt)}</td>
              <td>{version.nodeCount}</td>
              <td>
                <button
                  type="button"
                  aria-label={`View version ${version.version}`}
                  onClick={() => view(version.version)}
                >
                  View
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">The last 10 versions are kept.</p>
    </>
  );
}

function SnapshotCanvas({ snapshot }: { snapshot: Snapshot }) {
  const nodes: CanvasNode[] = snapshot.graph.nodes.map((node) => ({
    id: node.id,
    type: node.type,
    position: node.position,
    data: { ...(node.data.label ? { label: node.data.label } : {}), config: node.data.config },
  }));
  const edges: Edge[] = snapshot.graph.edges.map((edge) => ({
    ...edge,
    type: 'flow',
    markerEnd: marker,
  }));
  return (
    <div className="version-canvas">
      <NodeCardReadOnly.Provider value={true}>
        <ReactFlowProvider>
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            fitView
            fitViewOptions={{ maxZoom: 1, padding: 0.2 }}
            // The dialog is modal: the theme cannot change while it is open.
            colorMode={document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'}
            proOptions={{ hideAttribution: true }}
          />
        </ReactFlowProvider>
      </NodeCardReadOnly.Provider>
    </div>
  );
}
