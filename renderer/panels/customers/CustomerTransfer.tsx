// Import and export of customers (a small business moving from a spreadsheet): Import reads
// a CSV or JSON file, says what it holds, sends it, and shows what the runtime did with each
// row; Export downloads every customer as CSV or JSON.
import { useRef, useState } from 'react';
import type { CustomerImportResult } from '../../../runtime/shared/customers';
import { customersApi } from '../../api/customers';
import { errorText, useNotices } from '../../store/notices-store';
import { DownloadIcon, Spinner, UploadIcon } from '../../ui/icons';
import { Modal } from '../../ui/Modal';
import { saveFile } from '../../ui/save-file';
import { importSummary, readImportFile, type ImportFile } from './customer-format';

export function CustomerTransfer({ onImported }: { onImported: () => void }) {
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState<'csv' | 'json'>();
  const exportAs = async (format: 'csv' | 'json') => {
    setExporting(format);
    try {
      const { blob, fileName } = await customersApi.exportCustomers(format);
      saveFile(blob, fileName ?? `customers.${format}`);
      useNotices.getState().notify('info', `Exported the customers as ${format.toUpperCase()}.`);
    } catch (error) {
      useNotices.getState().notify('error', `Could not export: ${errorText(error)}`);
    } finally {
      setExporting(undefined);
    }
  };
  return (
    <div className="customer-transfer">
      <button type="button" data-testid="customers-import" onClick={() => setImporting(true)}>
        <UploadIcon /> Import…
      </button>
      {(['csv', 'json'] as const).map((format) => (
        <button
          key={format}
          type="button"
          data-testid={`customers-export-${format}`}
          disabled={exporting !== undefined}
          title={`Download every customer as ${format.toUpperCase()}`}
          onClick={() => void exportAs(format)}
        >
          {exporting === format ? <Spinner /> : <DownloadIcon />} {format.toUpperCase()}
        </button>
      ))}
      <Modal
        open={importing}
        onClose={() => setImporting(false)}
        title="Import customers"
        testId="customers-import-dialog"
      >
        <ImportBody onClose={() => setImporting(false)} onImported={onImported} />
      </Modal>
    </div>
  );
}

type Step =
  | { kind: 'choose' }
  | { kind: 'chosen'; fileName: string; read: ImportFile }
  | { kind: 'sending'; fileName: string }
  | { kind: 'done'; fileName: string; result: CustomerImportResult };

function ImportBody({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [failure, setFailure] = useState<string>();
  const picker = useRef<HTMLInputElement>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setFailure(undefined);
    setStep({
      kind: 'chosen',
      fileName: file.name,
      read: readImportFile(file.name, await file.text()),
    });
  };

  const send = async () => {
    if (step.kind !== 'chosen' || !step.read.ok) return;
    const { fileName, read } = step;
    setStep({ kind: 'sending', fileName });
    setFailure(undefined);
    try {
      const result = await customersApi.importCustomers(read.input);
      setStep({ kind: 'done', fileName, result });
      onImported();
    } catch (error) {
      setStep({ kind: 'chosen', fileName, read });
      setFailure(`The runtime refused the file: ${errorText(error)}. Fix it and choose it again.`);
    }
  };

  return (
    <div className="customers-import" data-testid="customers-import-body">
      <p className="muted">
        A CSV with a header row (columns <code>name</code>, <code>email</code>, <code>phone</code>,{' '}
        <code>document</code>, <code>whatsapp</code>, <code>instagram</code>, <code>telegram</code>,
        or <code>contacts</code> as <code>type:value; …</code>), or a JSON file as Export writes it.
        Each row finds or creates its customer like a webhook would, so importing the same file
        twice adds no one.
      </p>
      <input
        ref={picker}
        type="file"
        accept=".csv,.json,text/csv,application/json"
        aria-label="Customers file (.csv or .json)"
        data-testid="customers-import-file"
        data-autofocus
        disabled={step.kind === 'sending'}
        onChange={(event) => void choose(event.target.files?.[0])}
      />
      {step.kind === 'chosen' && (
        <p
          className={step.read.ok ? '' : 'error'}
          role={step.read.ok ? 'status' : 'alert'}
          data-testid="customers-import-preview"
        >
          <strong>{step.fileName}</strong>: {step.read.ok ? step.read.summary : step.read.message}
        </p>
      )}
      {step.kind === 'sending' && (
        <p className="muted" role="status">
          <Spinner /> Importing {step.fileName}…
        </p>
      )}
      {failure && (
        <p className="error" role="alert" data-testid="customers-import-error">
          {failure}
        </p>
      )}
      {step.kind === 'done' && <ImportReport result={step.result} />}
      <div className="modal-actions">
        {step.kind === 'done' ? (
          <button
            type="button"
            className="primary"
            onClick={onClose}
            data-testid="customers-import-done"
          >
            Done
          </button>
        ) : (
          <>
            <button type="button" onClick={onClose} disabled={step.kind === 'sending'}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              data-testid="customers-import-send"
              disabled={step.kind !== 'chosen' || !step.read.ok}
              onClick={() => void send()}
            >
              Import
            </button>
          </>
        )}
      </div>
    </div>
  );
}

function ImportReport({ result }: { result: CustomerImportResult }) {
  return (
    <div className="customers-import-report" role="status" data-testid="customers-import-result">
      <p>
        <strong>Imported:</strong> {importSummary(result)}.
      </p>
      {result.skipped.length > 0 && (
        <>
          <p>Skipped rows:</p>
          <ul>
            {result.skipped.map((problem) => (
              <li key={problem.row}>
                Row {problem.row}: {problem.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.flags.length > 0 && (
        <>
          <p>Kept as given (they did not normalise):</p>
          <ul>
            {result.flags.map((flag, index) => (
              <li key={index}>
                Row {flag.row}, {flag.field} “{flag.value}”: {flag.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
