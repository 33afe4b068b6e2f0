// The HTTP Request's header rows (seed 002: "add HTTP headers … for authorization"): name
// and value, each value a template, and per row an optional stored secret. A secret is
// typed once into the secrets store (encrypted at rest) and the row keeps only its id, so
// a flow file never holds a credential; the value then says where the secret goes
// (`Bearer {{secret}}`), or is left empty for the secret alone. A row that looks like a
// credential typed in plain text says so and offers to move it into a secret.
import { useMemo, useState } from 'react';
import type { FieldProblem } from '../../../runtime/shared/api-error';
import { ListEditor } from '../../inspector/fields';
import { useEditor } from '../../store/editor-store';
import { LockIcon, WarningIcon } from '../../ui/icons';
import {
  looksLikeTypedCredential,
  SECRET_PLACEHOLDER,
  secretsInFlow,
  typedSecretValue,
  withStoredSecret,
  type HeaderRowValue,
  type KnownSecret,
} from './header-secrets';
import { SecretForm } from './HeaderSecretForm';

interface Props {
  id: string;
  value: readonly HeaderRowValue[];
  onChange: (rows: HeaderRowValue[]) => void;
  error: string | undefined;
  problems: FieldProblem[];
  path: string;
  /** Secret ids this data folder does not hold (the runtime's check). */
  missingSecrets: ReadonlySet<string>;
}

export function HeaderRows({ missingSecrets, ...props }: Props) {
  const nodes = useEditor((state) => state.nodes);
  const known = useMemo(
    () => secretsInFlow(nodes).filter((secret) => !missingSecrets.has(secret.secretId)),
    [nodes, missingSecrets],
  );
  return (
    <ListEditor<HeaderRowValue>
      {...props}
      label="Headers"
      hint="Values can hold {{variable}} and $NAME. Credentials go in a stored secret: the flow keeps only its id, and logs and Test Request show [secret] instead."
      itemName="header"
      addLabel="Add header"
      emptyText="No headers. Content-Type is set from the body kind unless you add one."
      max={50}
      newRow={() => ({ name: '', value: '' })}
      renderRow={(row, { rowId, index, update, errorFor }) => (
        <HeaderRow
          row={row}
          rowId={rowId}
          index={index}
          update={update}
          nameError={errorFor('name')}
          valueError={errorFor('value') ?? errorFor('secretId')}
          missing={row.secretId !== undefined && missingSecrets.has(row.secretId)}
          known={known}
        />
      )}
    />
  );
}

interface RowProps {
  row: HeaderRowValue;
  rowId: string;
  index: number;
  update: (row: HeaderRowValue) => void;
  nameError: string | undefined;
  valueError: string | undefined;
  missing: boolean;
  /** Secrets other headers of the flow use, offered instead of storing a new one. */
  known: readonly KnownSecret[];
}

function HeaderRow({ row, rowId, index, update, nameError, valueError, missing, known }: RowProps) {
  const [storing, setStoring] = useState(false);
  const number = index + 1;
  const hasSecret = row.secretId !== undefined && row.secretId !== '';
  const typedCredential = looksLikeTypedCredential(row);
  const notes = [
    nameError && `${rowId}-name-error`,
    valueError && `${rowId}-value-error`,
    typedCredential && `${rowId}-credential`,
  ].filter(Boolean);
  return (
    <div className="header-row" data-testid="header-row">
      <div className="key-value-row">
        <input
          id={`${rowId}-key`}
          aria-label={`Header name ${number}`}
          className="monospace"
          placeholder="Authorization"
          spellCheck={false}
          autoComplete="off"
          value={row.name}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${rowId}-name-error` : undefined}
          onChange={(event) => update({ ...row, name: event.target.value })}
        />
        <span className="key-value-arrow" aria-hidden>
          :
        </span>
        <input
          id={`${rowId}-value`}
          aria-label={`Header value ${number}`}
          className="monospace"
          placeholder={hasSecret ? 'empty: the secret alone' : 'Value'}
          spellCheck={false}
          autoComplete="off"
          value={row.value}
          aria-invalid={valueError ? true : undefined}
          aria-describedby={notes.length > 0 ? notes.join(' ') : undefined}
          onChange={(event) => update({ ...row, value: event.target.value })}
        />
      </div>
      <div className="header-secret">
        {hasSecret ? (
          <>
            <span
              className={missing ? 'secret-not-here' : 'secret-stored'}
              data-testid="header-secret-state"
            >
              {missing ? (
                'Secret not in this Hookflow: store it again'
              ) : (
                <>
                  <LockIcon /> Uses a stored secret
                </>
              )}
            </span>
            {!row.value.includes(SECRET_PLACEHOLDER) && row.value !== '' && (
              <span className="muted">
                {' '}
                (write {SECRET_PLACEHOLDER} in the value where it goes)
              </span>
            )}
            <button
              type="button"
              className="link-button"
              aria-label={`Replace the secret of header ${number}`}
              onClick={() => setStoring(true)}
            >
              Replace
            </button>
            <button
              type="button"
              className="link-button"
              aria-label={`Stop using a secret in header ${number}`}
              onClick={() => update({ name: row.name, value: row.value })}
            >
              Remove secret
            </button>
          </>
        ) : (
          !storing && (
            <button
              type="button"
              className="link-button"
              data-testid="header-use-secret"
              aria-label={`Use a stored secret in header ${number}`}
              onClick={() => setStoring(true)}
            >
              <LockIcon /> Use a secret
            </button>
          )
        )}
      </div>
      {storing && (
        <SecretForm
          rowId={rowId}
          number={number}
          // A credential already typed in the value moves into the secret.
          initial={typedSecretValue(row)}
          label={row.name.trim() || `Header ${number}`}
          known={known}
          current={row.secretId}
          onStored={(secretId) => {
            setStoring(false);
            update(withStoredSecret(row, secretId));
          }}
          onCancel={() => setStoring(false)}
        />
      )}
      {nameError && (
        <p className="field-error" id={`${rowId}-name-error`}>
          Header name: {nameError}
        </p>
      )}
      {valueError && (
        <p className="field-error" id={`${rowId}-value-error`}>
          Header value: {valueError}
        </p>
      )}
      {typedCredential && !storing && (
        <p className="field-warning" id={`${rowId}-credential`} data-testid="header-credential">
          <WarningIcon /> This looks like a credential typed into the flow, where exports and copies
          carry it.{' '}
          <button type="button" className="link-button" onClick={() => setStoring(true)}>
            Move it into a secret
          </button>
        </p>
      )}
    </div>
  );
}
