// The "Connect an output" dialog (C on the canvas): first which output (skipped when the
// node has one), then which node, from a list searched like the palette's: ↑/↓ walk,
// Enter chooses, Escape cancels. The edge goes through the editor's `connect`, the same
// rules as dragging; it ends selected, a notice says what changed, and focus returns to
// the node so its next output is one more C away.
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import {
  connectedNotice,
  nodeTitle,
  outputChoices,
  targetChoices,
  type OutputChoice,
} from '../store/connect-choices';
import { useEditor, type CanvasNode } from '../store/editor-store';
import { useNotices } from '../store/notices-store';
import { useUi } from '../store/ui-store';
import { Modal } from '../ui/Modal';
import { focusNode } from './focus-node';

const outputOptionId = (handle: string) => `connect-output-option-${handle}`;
const targetOptionId = (nodeId: string) => `connect-target-option-${nodeId}`;

/** ↑/↓/Home/End over `count` options (wrapping); Enter picks the active one. */
function listKeys(
  event: KeyboardEvent,
  active: number,
  count: number,
  setActive: (index: number) => void,
  pick: () => void,
): void {
  const to: Record<string, number> = {
    ArrowDown: (active + 1) % count,
    ArrowUp: (active - 1 + count) % count,
    Home: 0,
    End: count - 1,
  };
  if (event.key === 'Enter') {
    event.preventDefault();
    if (count > 0) pick();
    return;
  }
  const next = to[event.key];
  if (next === undefined || count === 0) return;
  event.preventDefault();
  setActive(next);
}

/** Keeps the active option in sight in a long list. */
function useScrolledIntoView(optionId: string | undefined): void {
  useEffect(() => {
    if (optionId) document.getElementById(optionId)?.scrollIntoView({ block: 'nearest' });
  }, [optionId]);
}

export function ConnectDialog() {
  const sourceId = useUi((state) => state.connectSource);
  const setSource = useUi((state) => state.setConnectSource);
  const source = useEditor((state) =>
    sourceId === undefined ? undefined : state.nodes.find((node) => node.id === sourceId),
  );
  const close = () => setSource(undefined);
  return (
    <Modal
      open={source !== undefined}
      onClose={close}
      title={`Connect an output of “${nodeTitle(source)}”`}
      testId="connect-dialog"
      className="connect-dialog"
    >
      {source && <ConnectSteps source={source} onClose={close} />}
    </Modal>
  );
}

function ConnectSteps({ source, onClose }: { source: CanvasNode; onClose: () => void }) {
  const nodes = useEditor((state) => state.nodes);
  const edges = useEditor((state) => state.edges);
  const outputs = useMemo(() => outputChoices(source, nodes, edges), [source, nodes, edges]);
  const single = outputs.length === 1 ? outputs[0] : undefined;
  const [chosen, setChosen] = useState<OutputChoice | undefined>(single);

  const connectTo = (target: string) => {
    if (!chosen) return;
    const ends = { source: source.id, sourceHandle: chosen.handle.id, target };
    const editor = useEditor.getState();
    const result = editor.connect({ ...ends, targetHandle: null }, { select: true });
    // A moved edge has its own notice (with Undo) from the editor.
    if (result && !result.replaced) {
      useNotices.getState().notify('info', connectedNotice(editor.nodes, ends));
    }
    onClose();
    focusNode(source.id);
  };

  if (!chosen) return <OutputStep outputs={outputs} onPick={setChosen} />;
  return (
    <TargetStep
      source={source}
      output={chosen}
      onBack={single ? undefined : () => setChosen(undefined)}
      onPick={connectTo}
    />
  );
}

function OutputStep({
  outputs,
  onPick,
}: {
  outputs: OutputChoice[];
  onPick: (output: OutputChoice) => void;
}) {
  // Start on the first output that leads nowhere yet: usually the one to connect.
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      outputs.findIndex((output) => !output.target),
    ),
  );
  const current = outputs[active];
  useScrolledIntoView(current && outputOptionId(current.handle.id));
  return (
    <>
      <p className="muted connect-step" id="connect-output-label">
        Which output? ↑↓ choose · Enter next · Esc cancels
      </p>
      <ul
        role="listbox"
        aria-labelledby="connect-output-label"
        aria-activedescendant={current ? outputOptionId(current.handle.id) : undefined}
        tabIndex={0}
        // Focused when the dialog opens on this step, and coming back from the next one.
        autoFocus
        data-autofocus
        className="connect-list"
        data-testid="connect-outputs"
        onKeyDown={(event) =>
          listKeys(event, active, outputs.length, setActive, () => current && onPick(current))
        }
      >
        {outputs.map((output, index) => (
          <li
            key={output.handle.id}
            id={outputOptionId(output.handle.id)}
            role="option"
            aria-selected={index === active}
            className={`connect-option kind-${output.handle.kind}${index === active ? ' is-active' : ''}`}
            data-testid={`connect-output-${output.handle.id}`}
            onMouseMove={() => setActive(index)}
            onClick={() => onPick(output)}
          >
            <span className="connect-option-title">{output.handle.label}</span>
            <span className="connect-option-detail">
              {output.target ? `→ ${nodeTitle(output.target)}` : 'not connected'}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function TargetStep({
  source,
  output,
  onBack,
  onPick,
}: {
  source: CanvasNode;
  output: OutputChoice;
  onBack: (() => void) | undefined;
  onPick: (target: string) => void;
}) {
  const nodes = useEditor((state) => state.nodes);
  const edges = useEditor((state) => state.edges);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const targets = useMemo(
    () => targetChoices(source, output.handle.id, nodes, edges, query),
    [source, output, nodes, edges, query],
  );
  const current = targets[Math.min(active, targets.length - 1)];
  useScrolledIntoView(current && targetOptionId(current.node.id));
  return (
    <>
      <p className="connect-step" id="connect-target-label">
        “{output.handle.label}” leads to… <span className="muted">↑↓ choose · Enter connects</span>
      </p>
      {output.target && (
        <p className="field-hint" data-testid="connect-replaces">
          It leads to “{nodeTitle(output.target)}” now; another node takes its place (an output
          leads to one node).
        </p>
      )}
      <input
        className="connect-search"
        type="text"
        role="combobox"
        aria-label="Search nodes to connect to"
        aria-expanded="true"
        aria-controls="connect-targets"
        aria-autocomplete="list"
        aria-activedescendant={current ? targetOptionId(current.node.id) : undefined}
        placeholder="Search nodes by name or type"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        data-autofocus
        data-testid="connect-search"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) =>
          listKeys(
            event,
            Math.min(active, targets.length - 1),
            targets.length,
            setActive,
            () => current && onPick(current.node.id),
          )
        }
      />
      <ul
        id="connect-targets"
        role="listbox"
        aria-labelledby="connect-target-label"
        className="connect-list"
        data-testid="connect-targets"
      >
        {targets.map((target, index) => (
          <li
            key={target.node.id}
            id={targetOptionId(target.node.id)}
            role="option"
            aria-selected={target === current}
            className={`connect-option${target === current ? ' is-active' : ''}`}
            data-testid={`connect-target-${target.node.id}`}
            onMouseMove={() => setActive(index)}
            onClick={() => onPick(target.node.id)}
          >
            <span className="connect-option-title">
              {target.title}
              {target.isSource && <span className="muted"> (this node: a loop)</span>}
            </span>
            <span className="connect-option-detail">{target.detail}</span>
          </li>
        ))}
      </ul>
      {targets.length === 0 && (
        <p className="muted" role="status">
          {query ? `No node matches “${query}”.` : 'There is no node this output can lead to.'}
        </p>
      )}
      {onBack && (
        <div className="modal-actions">
          <button type="button" onClick={onBack}>
            Back to the outputs
          </button>
        </div>
      )}
    </>
  );
}
