// The response mapping rows (seed 002 "Response Mapping"): object path → variable, each
// required or not. A required row whose path finds nothing sends the node down Failed
// ("didn't receive the correct parameters"). After a Test Request each row says what it
// would store, or that it finds nothing.
import type { FieldProblem } from '../../../runtime/shared/api-error';
import { ListEditor } from '../../inspector/fields';
import { CheckIcon, WarningIcon } from '../../ui/icons';
import { previewValue } from '../../panels/calls/payload-paths';
import type { MappingCheck, MappingRowValue } from './test-request-view';

interface Props {
  id: string;
  value: readonly MappingRowValue[];
  onChange: (rows: MappingRowValue[]) => void;
  error: string | undefined;
  problems: FieldProblem[];
  path: string;
  checks: ReadonlyMap<number, MappingCheck> | undefined;
}

export function MappingRows({ checks, ...props }: Props) {
  return (
    <ListEditor<MappingRowValue>
      {...props}
      label="Response mapping"
      hint="Object path → variable: data.userId or data['userId'], $[0].userId for an array, note.to for XML. Test Request's Map buttons fill these in."
      itemName="mapping"
      addLabel="Add mapping"
      emptyText="No mappings: the response is not stored unless you save the whole body below."
      max={50}
      newRow={() => ({ path: '', variable: '', required: true })}
      renderRow={(row, { rowId, index, update, errorFor }) => {
        const pathError = errorFor('path');
        const variableError = errorFor('variable');
        const check = checks?.get(index);
        const number = index + 1;
        return (
          <div className="mapping-row" data-testid="response-mapping-row">
            <div className="key-value-row">
              <input
                id={`${rowId}-key`}
                aria-label={`Object path ${number}`}
                className="monospace"
                placeholder="data.userId"
                spellCheck={false}
                autoComplete="off"
                value={row.path}
                aria-invalid={pathError ? true : undefined}
                aria-describedby={pathError ? `${rowId}-path-error` : undefined}
                onChange={(event) => update({ ...row, path: event.target.value })}
              />
              <span className="key-value-arrow" aria-hidden>
                →
              </span>
              <input
                id={`${rowId}-value`}
                aria-label={`Variable ${number}`}
                className="monospace"
                placeholder="user_id"
                spellCheck={false}
                autoComplete="off"
                value={row.variable}
                aria-invalid={variableError ? true : undefined}
                aria-describedby={variableError ? `${rowId}-variable-error` : undefined}
                onChange={(event) => update({ ...row, variable: event.target.value })}
              />
            </div>
            <label className="method-check mapping-required">
              <input
                type="checkbox"
                checked={row.required}
                aria-label={`Mapping ${number} is required`}
                onChange={(event) => update({ ...row, required: event.target.checked })}
              />
              Required: take Failed when the path finds nothing
            </label>
            {pathError && (
              <p className="field-error" id={`${rowId}-path-error`}>
                Object path: {pathError}
              </p>
            )}
            {variableError && (
              <p className="field-error" id={`${rowId}-variable-error`}>
                Variable: {variableError}
              </p>
            )}
            {check && !pathError && <CheckNote check={check} required={row.required} />}
          </div>
        );
      }}
    />
  );
}

function CheckNote({ check, required }: { check: MappingCheck; required: boolean }) {
  if (check.found) {
    return (
      <p className="mapping-check is-found" data-testid="mapping-check">
        <CheckIcon /> Test Request: <code>{previewValue(check.value)}</code>
      </p>
    );
  }
  return (
    <p className="field-warning mapping-check" data-testid="mapping-check">
      <WarningIcon /> Test Request: missing — {check.reason}.
      {required ? ' The node would take Failed.' : ' The variable would stay unset.'}
    </p>
  );
}
