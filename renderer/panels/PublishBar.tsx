// The top bar's publishing controls for the open flow: the problems count, the live
// version and whether the draft differs from it, Publish, and the flow menu (versions,
// export, duplicate, unpublish).
import { useState } from 'react';
import { isMacLike } from '../canvas/keyboard';
import { useEditor } from '../store/editor-store';
import { duplicateAndOpen } from '../store/flow-actions';
import { exportFlowFile } from '../store/flow-files';
import { useFlowsList } from '../store/flows-list-store';
import { errorText, useNotices } from '../store/notices-store';
import { countProblems, problemCountText } from '../store/problems';
import { usePublish } from '../store/publish-store';
import {
  CheckIcon,
  CopyIcon,
  DownloadIcon,
  ErrorIcon,
  HistoryIcon,
  MoreIcon,
  Spinner,
  StopIcon,
  WarningIcon,
} from '../ui/icons';
import { Menu } from '../ui/Menu';
import { Modal } from '../ui/Modal';
import { VersionsDialog } from './VersionsDialog';

export function ProblemsButton() {
  const flowId = useEditor((state) => state.flow?.id);
  const problems = usePublish((state) => state.problems);
  const checkedFlow = usePublish((state) => state.flowId);
  const checked = usePublish((state) => state.checked);
  const checking = usePublish((state) => state.checking);
  const checkError = usePublish((state) => state.checkError);
  const open = usePublish(
    (state) => state.panelFlowId !== undefined && state.panelFlowId === flowId,
  );
  const setPanelOpen = usePublish((state) => state.setPanelOpen);
  if (!flowId) return null;
  const counts = countProblems(problems);
  const kind = checkError
    ? 'error'
    : counts.errors > 0
      ? 'error'
      : counts.warnings > 0
        ? 'warning'
        : 'ok';
  const known = checked && checkedFlow === flowId;
  return (
    <button
      type="button"
      className={`problems-button kind-${kind}`}
      aria-expanded={open}
      data-testid="problems-button"
      // The last result stays in view while the next check runs; tests read data-state.
      data-state={checkError ? 'failed' : known && !checking ? 'checked' : 'checking'}
      data-errors={counts.errors}
      data-warnings={counts.warnings}
      title={checkError ? `Could not check the flow: ${checkError}` : 'Show the problems list'}
      onClick={() => setPanelOpen(!open)}
    >
      {checkError ? (
        <>
          <ErrorIcon /> Check failed
        </>
      ) : !known ? (
        <>
          <Spinner /> Checking…
        </>
      ) : (
        <>
          {kind === 'ok' ? <CheckIcon /> : kind === 'error' ? <ErrorIcon /> : <WarningIcon />}
          {problemCountText(counts)}
        </>
      )}
    </button>
  );
}

export function PublishBar({ onSelectFlow }: { onSelectFlow: (id: string) => void }) {
  const flow = useEditor((state) => state.flow);
  const saveStatus = useEditor((state) => state.saveStatus);
  const summary = useFlowsList((state) => state.flows.find((item) => item.id === flow?.id));
  const publish = usePublish((state) => state.publish);
  const publishing = usePublish((state) => state.publishing);
  const [dialog, setDialog] = useState<'versions' | 'unpublish'>();
  const [busy, setBusy] = useState<string>();
  if (!flow) return null;

  const version = flow.published?.version;
  const changed =
    version !== undefined && (saveStatus !== 'saved' || summary?.hasUnpublishedChanges === true);
  const mod = isMacLike() ? '⌘' : 'Ctrl';
  const notify = useNotices.getState().notify;

  const runBusy = async (what: string, task: () => Promise<void>) => {
    setBusy(what);
    try {
      await task();
    } finally {
      setBusy(undefined);
    }
  };
  const exportFile = () =>
    runBusy('Exporting…', async () => {
      await useEditor.getState().saveNow();
      try {
        const name = await exportFlowFile(flow.id, flow.name);
        notify('info', `Exported “${flow.name}” as ${name}`);
      } catch (error) {
        notify('error', `Could not export the flow: ${errorText(error)}`);
      }
    });
  const duplicate = () =>
    runBusy('Duplicating…', async () => {
      await duplicateAndOpen(flow.id, onSelectFlow);
    });

  return (
    <div className="publish-bar">
      {version === undefined ? (
        <span className="publish-state is-draft" data-testid="publish-state">
          Not published
        </span>
      ) : (
        <span
          className="publish-state is-live"
          data-testid="published-version"
          title={`Version ${version} is live since ${new Date(flow.published?.publishedAt ?? '').toLocaleString()}`}
        >
          <span className="live-dot" aria-hidden />
          Live: version {version}
        </span>
      )}
      {changed && (
        <span className="unpublished-changes" data-testid="unpublished-changes">
          Unpublished changes
        </span>
      )}
      <button
        type="button"
        className="primary publish-button"
        data-testid="publish"
        disabled={publishing}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        title={`Save and publish (${mod}+Enter)`}
        onClick={() => void publish()}
      >
        {publishing ? (
          <>
            <Spinner /> Publishing…
          </>
        ) : (
          'Publish'
        )}
      </button>
      <Menu
        label="Flow actions"
        testId="flow-menu"
        buttonClassName="icon-button flow-menu-button"
        button={busy ? <Spinner /> : <MoreIcon />}
        items={[
          {
            label: 'Versions…',
            icon: <HistoryIcon />,
            testId: 'menu-versions',
            onSelect: () => setDialog('versions'),
          },
          {
            label: 'Export file',
            icon: <DownloadIcon />,
            testId: 'menu-export',
            disabled: busy !== undefined,
            onSelect: () => void exportFile(),
          },
          {
            label: 'Duplicate',
            icon: <CopyIcon />,
            testId: 'menu-duplicate',
            disabled: busy !== undefined,
            onSelect: () => void duplicate(),
          },
          {
            label: 'Unpublish…',
            icon: <StopIcon />,
            testId: 'menu-unpublish',
            danger: true,
            disabled: version === undefined,
            onSelect: () => setDialog('unpublish'),
          },
        ]}
      />
      {busy && (
        <span className="visually-hidden" role="status">
          {busy}
        </span>
      )}
      <VersionsDialog open={dialog === 'versions'} onClose={() => setDialog(undefined)} />
      <UnpublishDialog open={dialog === 'unpublish'} onClose={() => setDialog(undefined)} />
    </div>
  );
}

function UnpublishDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const flow = useEditor((state) => state.flow);
  const unpublish = usePublish((state) => state.unpublish);
  const unpublishing = usePublish((state) => state.unpublishing);
  return (
    <Modal open={open} onClose={onClose} title="Unpublish this flow?" testId="unpublish-dialog">
      <p>
        “{flow?.name}” stops running: its webhook URLs answer 404 until you publish again. The draft
        and the published versions stay.
      </p>
      <div className="modal-actions">
        <button
          type="button"
          className="danger"
          data-testid="confirm-unpublish"
          disabled={unpublishing}
          onClick={async () => {
            if (await unpublish()) onClose();
          }}
        >
          {unpublishing ? (
            <>
              <Spinner /> Unpublishing…
            </>
          ) : (
            'Unpublish'
          )}
        </button>
        <button type="button" autoFocus onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
