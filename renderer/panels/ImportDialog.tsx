// Importing a flow file: choose it (or drop it on the flows list), see what it holds, then
// Import (as a draft) or Import and publish. The runtime's objections are listed as it
// states them, with what to do.
import { useEffect, useRef, useState } from 'react';
import type { GraphProblem } from '../../runtime/shared/publishing';
import {
  importFlowDocument,
  readFlowFile,
  type ImportOutcome,
  type ReadFlowFile,
} from '../store/flow-files';
import { useNotices } from '../store/notices-store';
import { countProblems } from '../store/problems';
import { usePublish } from '../store/publish-store';
import { Spinner, UploadIcon } from '../ui/icons';
import { Modal } from '../ui/Modal';
import { ImportPreview } from './ImportPreview';

interface Props {
  open: boolean;
  onClose: () => void;
  /** A file dropped on the flows list: shown at once. */
  initialFile: File | undefined;
  onImported: (flowId: string) => void;
}

export function ImportDialog({ open, onClose, initialFile, onImported }: Props) {
  return (
    <Modal open={open} onClose={onClose} title="Import a flow file" testId="import-dialog">
      <ImportBody initialFile={initialFile} onClose={onClose} onImported={onImported} />
    </Modal>
  );
}

type Chosen = { file: File; read: ReadFlowFile | undefined };

function ImportBody({ initialFile, onClose, onImported }: Omit<Props, 'open'>) {
  const [chosen, setChosen] = useState<Chosen | undefined>(
    initialFile && { file: initialFile, read: undefined },
  );
  const [importing, setImporting] = useState<'draft' | 'publish'>();
  const [failure, setFailure] = useState<{ message: string; details: string[] }>();
  const picker = useRef<HTMLInputElement>(null);

  // A newly chosen file is read (and parsed) once.
  const pending = chosen && !chosen.read ? chosen.file : undefined;
  useEffect(() => {
    if (!pending) return;
    let current = true;
    void readFlowFile(pending).then((read) => {
      if (current) setChosen({ file: pending, read });
    });
    return () => {
      current = false;
    };
  }, [pending]);

  const choose = (file: File) => {
    setFailure(undefined);
    setChosen({ file, read: undefined });
  };

  const run = async (publish: boolean) => {
    if (!chosen?.read?.ok) return;
    setImporting(publish ? 'publish' : 'draft');
    setFailure(undefined);
    const outcome = await importFlowDocument(chosen.read.document, publish);
    setImporting(undefined);
    finish(outcome);
  };

  const finish = (outcome: ImportOutcome) => {
    const notify = useNotices.getState().notify;
    if (outcome.kind === 'failed') {
      setFailure({ message: outcome.message, details: outcome.details });
      return;
    }
    if (outcome.kind === 'draft') {
      // Imported, not live: open it with its problems listed under the canvas.
      notify('error', `${outcome.message}. They are listed under the canvas.`);
      usePublish.getState().openPanelFor(outcome.flowId);
      onImported(outcome.flowId);
      onClose();
      return;
    }
    notify('info', importedText(outcome.name, outcome.version, outcome.problems));
    if (countProblems(outcome.problems).errors > 0) {
      usePublish.getState().openPanelFor(outcome.flowId);
    }
    onImported(outcome.flowId);
    onClose();
  };

  const read = chosen?.read;
  return (
    <div
      className="import-body"
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={(event) => {
        event.preventDefault();
        const file = event.dataTransfer.files[0];
        if (file) choose(file);
      }}
    >
      <p className="muted">
        A <code>.flow.json</code> file exported from Hookflow. Importing always makes a new flow;
        nothing is overwritten.
      </p>
      <div className="import-pick">
        <input
          ref={picker}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          data-testid="import-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) choose(file);
          }}
        />
        <button
          type="button"
          autoFocus
          onClick={() => picker.current?.click()}
          data-testid="import-choose"
        >
          <UploadIcon /> {chosen ? 'Choose another file…' : 'Choose a file…'}
        </button>
        <span className="muted">or drop it here</span>
      </div>
      {chosen && (
        <div className="import-file" data-testid="import-file">
          <strong>{chosen.file.name}</strong>
          {!read ? (
            <span className="muted">
              <Spinner /> Reading…
            </span>
          ) : read.ok ? (
            <span className="muted">
              {read.name ? `“${read.name}”` : 'A flow'}
              {read.nodeCount !== undefined &&
                ` · ${read.nodeCount} node${read.nodeCount === 1 ? '' : 's'}`}
            </span>
          ) : null}
        </div>
      )}
      {read?.ok && <ImportPreview document={read.document} />}
      {read && !read.ok && (
        <p className="error" role="alert" data-testid="import-error">
          {read.message}
        </p>
      )}
      {failure && (
        <div className="error" role="alert" data-testid="import-error">
          <p>{failure.message}</p>
          {failure.details.length > 0 && (
            <ul className="import-problems">
              {failure.details.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="modal-actions">
        <button
          type="button"
          className="primary"
          data-testid="import-confirm"
          disabled={!read?.ok || importing !== undefined}
          onClick={() => void run(false)}
        >
          {importing === 'draft' ? (
            <>
              <Spinner /> Importing…
            </>
          ) : (
            'Import'
          )}
        </button>
        <button
          type="button"
          data-testid="import-publish"
          disabled={!read?.ok || importing !== undefined}
          onClick={() => void run(true)}
        >
          {importing === 'publish' ? (
            <>
              <Spinner /> Importing and publishing…
            </>
          ) : (
            'Import and publish'
          )}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function importedText(name: string, version: number | undefined, problems: GraphProblem[]): string {
  const { errors, warnings } = countProblems(problems);
  const live = version !== undefined ? ` and published it (version ${version})` : '';
  const note =
    errors > 0
      ? ` It has ${errors} problem${errors === 1 ? '' : 's'} to fix before publishing.`
      : warnings > 0
        ? ` ${warnings} warning${warnings === 1 ? '' : 's'}.`
        : '';
  return `Imported “${name}”${live}.${note}`;
}
