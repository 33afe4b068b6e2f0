// The General tab's variable mappings (seed 001): payload field → flow variable. Each row
// is checked against the newest accepted call: a path that finds nothing there (a typo
// such as body.custmer.phone) is said under its row, with the field it probably meant.
// Wait for webhook's response mapping (seed 003) is the same widget over its own config.
import type { FieldProblem } from '../../../runtime/shared/api-error';
import type { CallDetails } from '../../../runtime/shared/calls';
import { mappingMissesInCall } from '../../../runtime/shared/webhook-mappings';
import { KeyValueList } from '../../inspector/fields';
import { callTime } from '../../panels/calls/call-format';
import { WarningIcon } from '../../ui/icons';
import { problemExactlyAt } from '../inspector-props';
import type { Mapping } from './mapping-edit';

/** The rows of a node config's `mappings` field (a Webhook Trigger's, a Wait for webhook's). */
export interface MappingsProps {
  nodeId: string;
  mappings: Mapping[];
  problems: FieldProblem[];
  onChange: (mappings: Mapping[]) => void;
}

export function MappingsField({
  props,
  newestCall,
  label = 'Variable mappings',
  hint = "Payload field → flow variable. Dot notation and [0] for arrays: body.data[0].email. Listen's Map button fills these in.",
  max = 100,
}: {
  props: MappingsProps;
  newestCall: CallDetails | undefined;
  label?: string;
  hint?: string;
  max?: number;
}) {
  // What bindList(props, 'mappings') gives a list widget, over the rows alone.
  const mappings = {
    id: `${props.nodeId}-mappings`,
    value: props.mappings,
    error: problemExactlyAt(props.problems, 'mappings'),
    onChange: props.onChange,
    problems: props.problems,
    path: 'mappings',
  };
  // A body that was not kept in full (or did not parse) cannot say what a path finds.
  const checkable =
    newestCall !== undefined && (newestCall.parsedBody !== undefined || newestCall.size === 0);
  const misses = checkable
    ? mappingMissesInCall(props.mappings, { ...newestCall, body: newestCall.parsedBody })
    : [];
  const missAt = new Map(misses.map((miss) => [miss.index, miss]));
  const replacePath = (index: number, path: string) =>
    props.onChange(props.mappings.map((row, at) => (at === index ? { ...row, path } : row)));
  return (
    <>
      <KeyValueList
        label={label}
        hint={hint}
        keyName="path"
        valueName="variable"
        keyLabel="Field"
        valueLabel="Variable"
        keyPlaceholder="body.user.name"
        valuePlaceholder="customer_name"
        keyMonospace
        valueMonospace
        itemName="mapping"
        addLabel="Add mapping"
        emptyText="No mappings yet."
        max={max}
        {...mappings}
        rowWarning={(index) => {
          const miss = missAt.get(index);
          if (!miss || !newestCall) return undefined;
          return (
            <span data-testid="mapping-miss">
              <WarningIcon /> Finds nothing in the last call ({callTime(newestCall.at)}):{' '}
              {miss.variable} would be empty.
              {miss.suggestion && (
                <>
                  {' '}
                  Did you mean <code>{miss.suggestion}</code>?{' '}
                  <button
                    type="button"
                    className="link-button"
                    data-testid="mapping-miss-fix"
                    onClick={() => replacePath(miss.index, miss.suggestion ?? miss.path)}
                  >
                    Use it
                  </button>
                </>
              )}
            </span>
          );
        }}
      />
      {checkable && props.mappings.length > 0 && (
        <p className="field-hint" data-testid="mappings-checked">
          {misses.length === 0
            ? `Every mapping finds a value in the last call (${callTime(newestCall.at)}).`
            : `${misses.length} of ${props.mappings.length} mappings find nothing in the last call (${callTime(newestCall.at)}).`}
        </p>
      )}
    </>
  );
}
