// The General tab's variable mappings (seed 001): payload field → flow variable. Each row
// is checked against the newest accepted call: a path that finds nothing there (a typo
// such as body.custmer.phone) is said under its row, with the field it probably meant.
import type { webhookTriggerConfigSchema } from '../../../runtime/nodes/webhook-trigger/definition';
import type { CallDetails } from '../../../runtime/shared/calls';
import { mappingMissesInCall } from '../../../runtime/shared/webhook-mappings';
import { KeyValueList } from '../../inspector/fields';
import { callTime } from '../../panels/calls/call-format';
import { WarningIcon } from '../../ui/icons';
import { bindList, type InspectorProps } from '../inspector-props';

type Props = InspectorProps<typeof webhookTriggerConfigSchema>;

export function MappingsField({
  props,
  newestCall,
}: {
  props: Props;
  newestCall: CallDetails | undefined;
}) {
  const mappings = bindList(props, 'mappings');
  // A body that was not kept in full (or did not parse) cannot say what a path finds.
  const checkable =
    newestCall !== undefined && (newestCall.parsedBody !== undefined || newestCall.size === 0);
  const misses = checkable
    ? mappingMissesInCall(props.config.mappings, { ...newestCall, body: newestCall.parsedBody })
    : [];
  const missAt = new Map(misses.map((miss) => [miss.index, miss]));
  const replacePath = (index: number, path: string) =>
    mappings.onChange(
      props.config.mappings.map((row, at) => (at === index ? { ...row, path } : row)),
    );
  return (
    <>
      <KeyValueList
        label="Variable mappings"
        hint="Payload field → flow variable. Dot notation and [0] for arrays: body.data[0].email. Listen's Map button fills these in."
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
        max={100}
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
      {checkable && props.config.mappings.length > 0 && (
        <p className="field-hint" data-testid="mappings-checked">
          {misses.length === 0
            ? `Every mapping finds a value in the last call (${callTime(newestCall.at)}).`
            : `${misses.length} of ${props.config.mappings.length} mappings find nothing in the last call (${callTime(newestCall.at)}).`}
        </p>
      )}
    </>
  );
}
