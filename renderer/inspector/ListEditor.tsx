// ListEditor — value: an array of rows of any shape (event cases, buttons, condition
// rules). Rows are drawn by `renderRow`; the editor adds, removes and moves them (buttons,
// keyboard operable) and keeps focus on the row being moved. With `problems` and `path`
// (see bindList) each row gets its inline errors at `path[index].field`.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { FieldProblem } from '../../runtime/shared/api-error';
import { problemAt, problemExactlyAt } from '../nodes/inspector-props';
import { ArrowDownIcon, ArrowUpIcon, CrossIcon, PlusIcon } from '../ui/icons';
import { FieldGroup, type FieldBaseProps } from './Field';
import { moveItem, removeItem, replaceItem, resizeKeys } from './list-ops';

export interface ListRowContext<Row> {
  index: number;
  /** A stable id prefix for this row's controls (`${rowId}-name`). */
  rowId: string;
  update: (row: Row) => void;
  /** The inline error for a field of this row (`path[index].field`). */
  errorFor: (field: string) => string | undefined;
}

export interface ListEditorProps<Row> extends FieldBaseProps {
  value: readonly Row[];
  onChange: (rows: Row[]) => void;
  newRow: () => Row;
  renderRow: (row: Row, context: ListRowContext<Row>) => ReactNode;
  /** What one row is called, for button labels ("Remove case 2"). */
  itemName?: string;
  addLabel?: string;
  emptyText?: string;
  min?: number;
  max?: number;
  problems?: FieldProblem[];
  path?: string;
}

let keyCounter = 0;
const makeKey = () => `row${(keyCounter += 1)}`;

type FocusTarget = { key: string; order: string[] } | { add: true };

export function ListEditor<Row>({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  newRow,
  renderRow,
  itemName = 'row',
  addLabel = `Add ${itemName}`,
  emptyText = 'Nothing here yet.',
  min = 0,
  max = Number.POSITIVE_INFINITY,
  problems = [],
  path,
}: ListEditorProps<Row>) {
  const [keys, setKeys] = useState<string[]>(() => value.map(makeKey));
  if (keys.length !== value.length) setKeys(resizeKeys(keys, value.length, makeKey));
  const container = useRef<HTMLDivElement>(null);
  const focusNext = useRef<FocusTarget | undefined>(undefined);

  useLayoutEffect(() => {
    const target = focusNext.current;
    if (!target || !container.current) return;
    focusNext.current = undefined;
    if ('add' in target) {
      container.current.querySelector<HTMLElement>('[data-list-add]')?.focus();
      return;
    }
    const row = container.current.querySelector(`[data-row-key="${target.key}"]`);
    for (const selector of target.order) {
      const element = row?.querySelector<HTMLElement>(selector);
      if (element && !element.hasAttribute('disabled')) {
        element.focus();
        return;
      }
    }
  });

  const change = (rows: Row[], nextKeys: string[], focus?: FocusTarget) => {
    setKeys(nextKeys);
    focusNext.current = focus;
    onChange(rows);
  };
  const move = (index: number, by: -1 | 1) => {
    const key = keys[index] ?? '';
    const order =
      by < 0 ? ['[data-move=up]', '[data-move=down]'] : ['[data-move=down]', '[data-move=up]'];
    change(moveItem(value, index, index + by), moveItem(keys, index, index + by), { key, order });
  };
  const remove = (index: number) => {
    const neighbour = keys[index + 1] ?? keys[index - 1];
    change(
      removeItem(value, index),
      removeItem(keys, index),
      neighbour ? { key: neighbour, order: ['[data-remove]'] } : { add: true },
    );
  };
  const add = () => {
    const key = makeKey();
    change([...value, newRow()], [...keys, key], {
      key,
      order: ['input, select, textarea', '[data-remove]'],
    });
  };

  const rowsError = path ? (error ?? problemExactlyAt(problems, path)) : error;
  return (
    <FieldGroup id={id} label={label} hint={hint} error={rowsError}>
      <div ref={container}>
        <ol className="list-rows" aria-label={label}>
          {value.map((row, index) => {
            const key = keys[index] ?? `${index}`;
            const rowId = `${id}-${key}`;
            const name = `${itemName} ${index + 1}`;
            const rowPath = path ? `${path}[${index}]` : undefined;
            const rowError = rowPath ? problemExactlyAt(problems, rowPath) : undefined;
            return (
              <li key={key} className="list-row" data-row-key={key} aria-label={name}>
                <div className="list-row-body">
                  {renderRow(row, {
                    index,
                    rowId,
                    update: (next) => onChange(replaceItem(value, index, next)),
                    errorFor: (field) =>
                      rowPath ? problemAt(problems, `${rowPath}.${field}`) : undefined,
                  })}
                  {rowError && <p className="field-error">{rowError}</p>}
                </div>
                <div className="list-row-actions">
                  <button
                    type="button"
                    className="icon-button"
                    data-move="up"
                    aria-label={`Move ${name} up`}
                    title="Move up"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    <ArrowUpIcon />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    data-move="down"
                    aria-label={`Move ${name} down`}
                    title="Move down"
                    disabled={index === value.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <ArrowDownIcon />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    data-remove
                    aria-label={`Remove ${name}`}
                    title="Remove"
                    disabled={value.length <= min}
                    onClick={() => remove(index)}
                  >
                    <CrossIcon />
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
        {value.length === 0 && <p className="muted list-empty">{emptyText}</p>}
        <button
          type="button"
          className="list-add"
          data-list-add
          disabled={value.length >= max}
          onClick={add}
        >
          <PlusIcon /> {addLabel}
        </button>
      </div>
    </FieldGroup>
  );
}
