// Buttons for what the keyboard shortcuts do, so every command is also one click away.
import { useEditor } from '../store/editor-store';
import { useUi } from '../store/ui-store';
import { ConnectIcon, FitIcon, GridIcon, KeyboardIcon, RedoIcon, UndoIcon } from '../ui/icons';
import { startConnect } from './connect-command';
import { isMacLike } from './keyboard';

interface Props {
  snap: boolean;
  onToggleSnap: () => void;
  onFitView: () => void;
}

export function CanvasToolbar({ snap, onToggleSnap, onFitView }: Props) {
  const canUndo = useEditor((state) => state.history.past.length > 0);
  const canRedo = useEditor((state) => state.history.future.length > 0);
  const undo = useEditor((state) => state.undo);
  const redo = useEditor((state) => state.redo);
  const setHelpOpen = useUi((state) => state.setHelpOpen);
  const mod = isMacLike() ? '⌘' : 'Ctrl';
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
      <button
        type="button"
        aria-label="Undo"
        title={`Undo (${mod}+Z)`}
        data-testid="undo"
        disabled={!canUndo}
        onClick={() => undo()}
      >
        <UndoIcon />
      </button>
      <button
        type="button"
        aria-label="Redo"
        title={`Redo (${mod}+Shift+Z)`}
        data-testid="redo"
        disabled={!canRedo}
        onClick={() => redo()}
      >
        <RedoIcon />
      </button>
      <span className="toolbar-divider" aria-hidden />
      <button
        type="button"
        aria-label="Zoom to fit"
        title="Zoom to fit (Shift+1)"
        data-testid="fit-view"
        onClick={onFitView}
      >
        <FitIcon />
      </button>
      <button
        type="button"
        aria-label="Connect an output"
        title="Connect an output of the selected node (C)"
        aria-keyshortcuts="C"
        data-testid="connect-button"
        onClick={startConnect}
      >
        <ConnectIcon />
      </button>
      <button
        type="button"
        aria-label="Snap to grid"
        aria-pressed={snap}
        title={`Snap to grid: ${snap ? 'on' : 'off'}`}
        data-testid="snap-toggle"
        className={snap ? 'is-on' : undefined}
        onClick={onToggleSnap}
      >
        <GridIcon />
      </button>
      <button
        type="button"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        data-testid="shortcuts-button"
        onClick={() => setHelpOpen(true)}
      >
        <KeyboardIcon />
      </button>
    </div>
  );
}
