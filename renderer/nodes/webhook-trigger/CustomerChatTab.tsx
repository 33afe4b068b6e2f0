// The Customer & Chat tab (seed 001): which fields of the call find or create the customer
// (rows of customer field ← body path, the search icon on the fields that find them, the
// update rule of each), and which contact opens the chat. Says which mode runs will get:
// full (they can talk to the person) only when both bindings are on.
import type { webhookTriggerConfigSchema } from '../../../runtime/nodes/webhook-trigger/definition';
import type { CallDetails } from '../../../runtime/shared/calls';
import {
  customerUpdateRuleHints,
  type ChatBindingConfig,
  type CustomerBindingConfig,
} from '../../../runtime/shared/customer-chat-binding';
import { mappingMissesInCall, type MappingMiss } from '../../../runtime/shared/webhook-mappings';
import { ListEditor, PathField, SelectField, Toggle } from '../../inspector/fields';
import { callTime } from '../../panels/calls/call-format';
import { leafPaths } from '../../panels/calls/payload-paths';
import { newId } from '../../store/editor-store';
import { ListenIcon, SearchIcon, WarningIcon } from '../../ui/icons';
import { problemAt, problemExactlyAt, type InspectorProps } from '../inspector-props';
import {
  channelConnected,
  CHANNEL_OPTIONS,
  CONTACT_TYPE_OPTIONS,
  contactTypeForChannel,
  CUSTOMER_FIELD_OPTIONS,
  customerFieldLabel,
  MAX_CUSTOMER_ROWS,
  newCustomerRow,
  runMode,
} from './binding-edit';

type Props = InspectorProps<typeof webhookTriggerConfigSchema>;

interface TabProps {
  props: Props;
  /** The newest accepted call: paths are checked against it and offered from it. */
  newestCall: CallDetails | undefined;
  onListen: () => void;
}

export function CustomerChatTab({ props, newestCall, onListen }: TabProps) {
  const { config, nodeId, problems } = props;
  const { customer, chat } = config;
  const setCustomer = (next: Partial<CustomerBindingConfig>) =>
    props.onChange({ ...config, customer: { ...customer, ...next } });
  const setChat = (next: Partial<ChatBindingConfig>) =>
    props.onChange({ ...config, chat: { ...chat, ...next } });

  // A body that was not kept in full (or did not parse) cannot say what a path finds.
  const checkable =
    newestCall !== undefined && (newestCall.parsedBody !== undefined || newestCall.size === 0);
  const callParts = checkable ? { ...newestCall, body: newestCall.parsedBody } : undefined;
  const missOf = (path: string, what: string): MappingMiss | undefined =>
    callParts && path.trim() !== ''
      ? mappingMissesInCall([{ path, variable: what }], callParts)[0]
      : undefined;
  const suggestions = checkable
    ? [
        ...leafPaths([{ type: 'key', key: 'body' }], newestCall.parsedBody),
        ...leafPaths([{ type: 'key', key: 'query' }], newestCall.query, 50),
      ]
    : undefined;

  const mode = runMode(config);
  // The list's own problem (no field searches) is said beside the search logic, not on the
  // list: on the list it would mark every row's controls invalid, and they are not.
  const rowsProblem = problemExactlyAt(problems, 'customer.rows');
  const rowProblems = problems.filter((problem) => problem.path !== 'customer.rows');
  return (
    <div className="customer-chat-tab" data-testid="customer-chat-tab">
      <p className="muted tab-intro">
        Configure automatic creation/update of customers and chats based on webhook data.
      </p>

      <section className="binding-section" aria-labelledby={`${nodeId}-customer-heading`}>
        <h3 id={`${nodeId}-customer-heading`}>Customer binding</h3>
        <Toggle
          id={`${nodeId}-customer.enabled`}
          label="Find or create the customer"
          hint={
            customer.enabled
              ? undefined
              : 'Turn on to find the customer from fields of the call, or create one.'
          }
          value={customer.enabled}
          onChange={(enabled) => setCustomer({ enabled })}
        />
        {customer.enabled && (
          <>
            <ListEditor
              id={`${nodeId}-customer.rows`}
              label="Customer fields"
              hint="Customer field ← where it is in the body. Listen's Map can fill the path."
              itemName="customer field"
              addLabel="Add"
              max={MAX_CUSTOMER_ROWS}
              emptyText="No fields yet: click Add, then choose a field and its body path."
              value={customer.rows}
              problems={rowProblems}
              path="customer.rows"
              newRow={() => newCustomerRow(customer.rows, newId('row'))}
              onChange={(rows) => setCustomer({ rows })}
              renderRow={(item, row) => {
                const label = customerFieldLabel(item.field);
                const number = row.index + 1;
                const miss = missOf(item.path, label);
                return (
                  <div className="binding-row" data-testid="customer-row">
                    <div className="binding-row-fields">
                      <SelectField
                        id={`${row.rowId}-field`}
                        label={`Customer field ${number}`}
                        value={item.field}
                        options={CUSTOMER_FIELD_OPTIONS}
                        error={row.errorFor('field') ?? row.errorFor('id')}
                        onChange={(field) => row.update({ ...item, field })}
                      />
                      <PathField
                        id={`${row.rowId}-path`}
                        label={`Body path ${number}`}
                        placeholder={`body.customer.${item.field}`}
                        maxLength={300}
                        value={item.path}
                        error={row.errorFor('path')}
                        suggestions={suggestions}
                        onChange={(path) => row.update({ ...item, path })}
                      />
                      <button
                        type="button"
                        className={`search-toggle${item.search ? ' is-on' : ''}`}
                        aria-pressed={item.search}
                        aria-label={`Search by field ${number} (${label})`}
                        title={
                          item.search
                            ? `${label} is used to find the customer: click to stop`
                            : `Use ${label} to find the customer`
                        }
                        onClick={() => row.update({ ...item, search: !item.search })}
                      >
                        <SearchIcon /> Search
                      </button>
                    </div>
                    <p className="binding-rule">
                      {item.search && <strong>Finds the customer. </strong>}
                      When found: {customerUpdateRuleHints[item.field]}.
                    </p>
                    {miss && newestCall && (
                      <PathMiss
                        miss={miss}
                        at={newestCall.at}
                        onUse={(path) => row.update({ ...item, path })}
                      />
                    )}
                  </div>
                );
              }}
            />
            {rowsProblem && (
              <p
                className="field-error binding-rows-problem"
                id={`${nodeId}-customer.rows-error`}
                data-testid="customer-rows-problem"
              >
                <WarningIcon /> {rowsProblem}
              </p>
            )}
            <p className="binding-note" data-testid="search-logic">
              <strong>Search logic (OR):</strong> the system looks for any customer matching at
              least one of the fields with the search icon active. Enable the search icon on at
              least one field.
            </p>
            <p className="binding-note">
              If no customer is found, a new one is created automatically with the mapped data.
            </p>
          </>
        )}
      </section>

      <section className="binding-section" aria-labelledby={`${nodeId}-chat-heading`}>
        <h3 id={`${nodeId}-chat-heading`}>Chat binding</h3>
        <Toggle
          id={`${nodeId}-chat.enabled`}
          label="Find or create the chat"
          hint={
            chat.enabled
              ? 'The chat will be found or created automatically. The contact is also registered in customer_contacts if it does not exist yet.'
              : 'Turn on to open a chat with the contact, so the flow can send messages and wait for replies.'
          }
          value={chat.enabled}
          onChange={(enabled) => setChat({ enabled })}
        />
        {chat.enabled && (
          <>
            <SelectField
              id={`${nodeId}-chat.channel`}
              label="Channel"
              hint={
                channelConnected(chat.channel)
                  ? 'Reply as the contact in the Test chat panel: the contact value names its session.'
                  : chat.channel === 'telegram'
                    ? 'The contact value is the Telegram chat id. The bot can only message people who have written to it (connect the bot in Channels).'
                    : 'Not connected yet: the chat is still created and the run is full, but each message is recorded as "not delivered" until the channel is connected.'
              }
              value={chat.channel}
              options={CHANNEL_OPTIONS}
              error={problemAt(problems, 'chat.channel')}
              onChange={(channel) =>
                setChat({ channel, contactType: contactTypeForChannel(channel, chat.contactType) })
              }
            />
            <PathField
              id={`${nodeId}-chat.contactPath`}
              label="Contact path"
              placeholder="body.customer.phone"
              hint="Where the number/email is in the body."
              maxLength={300}
              value={chat.contactPath}
              error={problemAt(problems, 'chat.contactPath')}
              suggestions={suggestions}
              onChange={(contactPath) => setChat({ contactPath })}
            />
            {newestCall &&
              (() => {
                const miss = missOf(chat.contactPath, 'the contact');
                return miss ? (
                  <PathMiss
                    miss={miss}
                    at={newestCall.at}
                    onUse={(contactPath) => setChat({ contactPath })}
                  />
                ) : null;
              })()}
            <SelectField
              id={`${nodeId}-chat.contactType`}
              label="Contact type"
              value={chat.contactType}
              options={CONTACT_TYPE_OPTIONS}
              error={problemAt(problems, 'chat.contactType')}
              onChange={(contactType) => setChat({ contactType })}
            />
          </>
        )}
      </section>

      <aside className="binding-tip" aria-label="Tip">
        <p>
          <strong>Tip:</strong> With Customer + Chat binding configured, the flow runs in full mode
          — able to send messages, wait for responses, etc. Without binding (or incomplete binding),
          the flow runs in headless mode (only nodes that don&apos;t depend on a chat are executed).
        </p>
        <p
          className={`binding-mode is-${mode.mode}`}
          data-testid="binding-mode"
          data-mode={mode.mode}
          role="status"
        >
          {mode.mode === 'full'
            ? 'This trigger’s runs get full mode once the customer and the chat are found or created from the call (a call without them runs headless).'
            : `This trigger’s runs are headless: chat nodes are skipped. Turn on ${mode.missing.join(' and ')} for full mode.`}
        </p>
      </aside>
      {!checkable && (customer.enabled || chat.enabled) && (
        <p className="field-hint">
          Not sure where the fields are?{' '}
          <button type="button" className="link-button" onClick={onListen}>
            <ListenIcon /> Listen to a real call
          </button>{' '}
          and use Map on a field.
        </p>
      )}
    </div>
  );
}

function PathMiss({
  miss,
  at,
  onUse,
}: {
  miss: MappingMiss;
  at: string;
  onUse: (path: string) => void;
}) {
  return (
    <p className="binding-miss" data-testid="binding-miss">
      <WarningIcon /> Finds nothing in the last call ({callTime(at)}).
      {miss.suggestion && (
        <>
          {' '}
          Did you mean <code>{miss.suggestion}</code>?{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => onUse(miss.suggestion ?? miss.path)}
          >
            Use it
          </button>
        </>
      )}
    </p>
  );
}
