// KeyValueList — value: an array of rows with two string fields named by `keyName` and
// `valueName`, e.g. `[{ path: 'body.user.id', variable: 'user_id' }]` for "path →
// variable" mappings or `[{ name, value }]` for headers. Other fields on a row are kept.
// Rows can be added, removed and reordered; each cell gets its inline error.
import type { ReactNode } from 'react';
import type { FieldProblem } from '../../runtime/shared/api-error';
import type { FieldBaseProps } from './Field';
import { ListEditor } from './ListEditor';

export type KeyValueRow<K extends string, V extends string> = { [P in K | V]: string };

export interface KeyValueListProps<K extends string, V extends string> extends FieldBaseProps {
  value: readonly KeyValueRow<K, V>[];
  onChange: (rows: KeyValueRow<K, V>[]) => void;
  keyName: K;
  valueName: V;
  keyLabel: string;
  valueLabel: string;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
  /** Monospace cells for paths, header names, variable names. */
  keyMonospace?: boolean;
  valueMonospace?: boolean;
  itemName?: string;
  addLabel?: string;
  emptyText?: string;
  max?: number;
  problems?: FieldProblem[];
  path?: string;
  /** A note under a row that is no error (e.g. a mapping that found nothing in the last call). */
  rowWarning?: (index: number) => ReactNode;
}

function emptyRow<K extends string, V extends string>(keyName: K, valueName: V): KeyValueRow<K, V> {
  // Built from our own two names, not from outside data: the cast only names the shape.
  return Object.fromEntries([
    [keyName, ''],
    [valueName, ''],
  ]) as KeyValueRow<K, V>;
}

export function KeyValueList<K extends string, V extends string>({
  keyName,
  valueName,
  keyLabel,
  valueLabel,
  keyPlaceholder,
  valuePlaceholder,
  keyMonospace = false,
  valueMonospace = false,
  itemName = 'pair',
  rowWarning,
  ...props
}: KeyValueListProps<K, V>) {
  return (
    <ListEditor
      {...props}
      itemName={itemName}
      newRow={() => emptyRow(keyName, valueName)}
      renderRow={(row, { rowId, update, errorFor, index }) => {
        const keyError = errorFor(keyName);
        const valueError = errorFor(valueName);
        const warning = keyError ? undefined : rowWarning?.(index);
        return (
          <div className="key-value-row">
            <input
              id={`${rowId}-key`}
              aria-label={`${keyLabel} ${index + 1}`}
              className={keyMonospace ? 'monospace' : undefined}
              placeholder={keyPlaceholder ?? keyLabel}
              spellCheck={keyMonospace ? false : undefined}
              autoComplete="off"
              value={row[keyName]}
              aria-invalid={keyError ? true : undefined}
              aria-describedby={
                keyError ? `${rowId}-key-error` : warning ? `${rowId}-key-warning` : undefined
              }
              onChange={(event) => update({ ...row, [keyName]: event.target.value })}
            />
            <span className="key-value-arrow" aria-hidden>
              →
            </span>
            <input
              id={`${rowId}-value`}
              aria-label={`${valueLabel} ${index + 1}`}
              className={valueMonospace ? 'monospace' : undefined}
              placeholder={valuePlaceholder ?? valueLabel}
              spellCheck={valueMonospace ? false : undefined}
              autoComplete="off"
              value={row[valueName]}
              aria-invalid={valueError ? true : undefined}
              aria-describedby={valueError ? `${rowId}-value-error` : undefined}
              onChange={(event) => update({ ...row, [valueName]: event.target.value })}
            />
            {keyError && (
              <p className="field-error key-value-error" id={`${rowId}-key-error`}>
                {keyLabel}: {keyError}
              </p>
            )}
            {valueError && (
              <p className="field-error key-value-error" id={`${rowId}-value-error`}>
                {valueLabel}: {valueError}
              </p>
            )}
            {warning && (
              <div className="field-warning key-value-error" id={`${rowId}-key-warning`}>
                {warning}
              </div>
            )}
          </div>
        );
      }}
    />
  );
}
