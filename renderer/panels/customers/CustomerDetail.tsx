// One customer: the direct columns, customer_contacts, the chats linked to them (links into
// the Chats view) and their recent runs; Edit and Delete. Deleting keeps the runs: they
// keep the customer's id, which then opens no one.
import { useCallback, useEffect, useState } from 'react';
import type { Chat } from '../../../runtime/shared/chats';
import type { Customer } from '../../../runtime/shared/customers';
import type { RunSummary } from '../../../runtime/shared/run';
import { chatsApi } from '../../api/chats';
import { api, ApiRequestError } from '../../api/client';
import { customersApi } from '../../api/customers';
import { errorText } from '../../store/notices-store';
import { PencilIcon, Spinner, TrashIcon } from '../../ui/icons';
import { routeHref } from '../../use-hash-route';
import { chatTitle } from '../chats/chat-format';
import { formatStarted, triggerText } from '../runs/run-format';
import { RunStatusBadge } from '../runs/RunStatusBadge';
import { useNow } from '../runs/use-now';
import { CONTACT_TYPE_LABELS, customerLabel } from './customer-format';
import { CustomerEditForm } from './CustomerEditForm';
import { forgetCustomerName } from './use-customer-names';
import { DeleteCustomerDialog } from './DeleteCustomerDialog';

export const RECENT_RUNS = 10;

interface Props {
  customerId: string;
  /** The list reads again: a name changed, or the customer is gone. */
  onChanged: () => void;
}

type Load<T> =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; value: T };

export function CustomerDetail({ customerId, onChanged }: Props) {
  const [customer, setCustomer] = useState<Load<Customer>>({ state: 'loading' });
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [saved, setSaved] = useState<string>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    customersApi.get(customerId).then(
      (value) => current && setCustomer({ state: 'ok', value }),
      (error: unknown) =>
        current &&
        setCustomer({
          state: 'error',
          message:
            error instanceof ApiRequestError && error.status === 404
              ? 'There is no customer with this id (it may have been deleted).'
              : `Could not load the customer: ${errorText(error)}`,
        }),
    );
    return () => {
      current = false;
    };
  }, [customerId, attempt]);

  if (customer.state === 'loading') {
    return (
      <p className="muted" role="status">
        <Spinner /> Loading the customer…
      </p>
    );
  }
  if (customer.state === 'error') {
    return (
      <div className="customer-detail" data-testid="customer-detail">
        <p className="error" role="alert" data-testid="customer-error">
          {customer.message}{' '}
          <button type="button" className="link" onClick={() => setAttempt((n) => n + 1)}>
            Retry
          </button>
        </p>
      </div>
    );
  }
  const value = customer.value;
  return (
    <article
      className="customer-detail"
      aria-labelledby="customer-title"
      data-testid="customer-detail"
      data-customer-id={value.id}
    >
      <header className="customer-detail-head">
        <h3 id="customer-title" data-testid="customer-title">
          {customerLabel(value)}
        </h3>
        <code className="muted">{value.id}</code>
        <span className="spacer" />
        {saved && (
          <span className="customer-saved" role="status" data-testid="customer-saved">
            {saved}
          </span>
        )}
        {!editing && (
          <>
            <button
              type="button"
              data-testid="customer-edit"
              onClick={() => {
                setSaved(undefined);
                setEditing(true);
              }}
            >
              <PencilIcon /> Edit
            </button>
            <button
              type="button"
              className="customer-delete"
              data-testid="customer-delete"
              onClick={() => setDeleting(true)}
            >
              <TrashIcon /> Delete…
            </button>
          </>
        )}
      </header>
      {editing ? (
        <CustomerEditForm
          customer={value}
          onCancel={() => setEditing(false)}
          onSaved={(next, note) => {
            setCustomer({ state: 'ok', value: next });
            setEditing(false);
            setSaved(note);
            forgetCustomerName(next.id);
            onChanged();
          }}
        />
      ) : (
        <CustomerFacts customer={value} />
      )}
      <CustomerChats customerId={value.id} />
      <CustomerRuns customerId={value.id} />
      <DeleteCustomerDialog
        customer={deleting ? value : undefined}
        onClose={() => setDeleting(false)}
        onDeleted={() => {
          setDeleting(false);
          forgetCustomerName(value.id);
          onChanged();
          window.location.hash = routeHref({ view: 'customers' }).slice(1);
        }}
      />
    </article>
  );
}

function CustomerFacts({ customer }: { customer: Customer }) {
  const now = useNow(false);
  const columns: [string, string | undefined][] = [
    ['Name', customer.name],
    ['Email', customer.email],
    ['Phone', customer.phone],
    ['Document', customer.document],
  ];
  return (
    <>
      <dl className="customer-columns" data-testid="customer-columns">
        {columns.map(([label, text]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{text ?? <span className="muted">—</span>}</dd>
          </div>
        ))}
        <div>
          <dt>Created</dt>
          <dd>
            <time dateTime={customer.createdAt}>{formatStarted(customer.createdAt, now)}</time>
          </dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>
            <time dateTime={customer.updatedAt}>{formatStarted(customer.updatedAt, now)}</time>
          </dd>
        </div>
      </dl>
      <section aria-labelledby="customer-contacts-heading">
        <h4 id="customer-contacts-heading">
          Contacts <span className="muted">({customer.contacts.length})</span>
        </h4>
        {customer.contacts.length === 0 ? (
          <p className="muted">No other contacts.</p>
        ) : (
          <table className="customer-contacts" data-testid="customer-contacts">
            <tbody>
              {customer.contacts.map((contact) => (
                <tr key={`${contact.type}:${contact.value}`}>
                  <th scope="row">{CONTACT_TYPE_LABELS[contact.type]}</th>
                  <td>{contact.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

/** Loads a list once per customer; `reload` asks again (the Retry link). */
function useLoaded<T>(load: () => Promise<T>): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setState({ state: 'ok', value }),
      (error: unknown) => current && setState({ state: 'error', message: errorText(error) }),
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}

function CustomerChats({ customerId }: { customerId: string }) {
  const load = useCallback(
    () => chatsApi.list({ q: customerId, limit: 50 }).then((page) => page.chats),
    [customerId],
  );
  const [chats, retry] = useLoaded<Chat[]>(load);
  return (
    <section aria-labelledby="customer-chats-heading" data-testid="customer-chats">
      <h4 id="customer-chats-heading">Chats</h4>
      <Loaded what="chats" load={chats} retry={retry}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">No chats yet: a Webhook Trigger with chat binding opens one.</p>
          ) : (
            <ul className="customer-links">
              {list.map((chat) => (
                <li key={chat.id}>
                  <a
                    href={routeHref({ view: 'chats', chatId: chat.id })}
                    data-testid="customer-chat-link"
                  >
                    {chatTitle(chat)}
                  </a>{' '}
                  {!chat.connected && <span className="muted">(not connected)</span>}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function CustomerRuns({ customerId }: { customerId: string }) {
  const load = useCallback(
    () => api.listRuns({ customerId, limit: RECENT_RUNS }).then((page) => page.runs),
    [customerId],
  );
  const [runs, retry] = useLoaded<RunSummary[]>(load);
  const now = useNow(false);
  return (
    <section aria-labelledby="customer-runs-heading" data-testid="customer-runs">
      <h4 id="customer-runs-heading">Recent runs</h4>
      <Loaded what="runs" load={runs} retry={retry}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">No runs linked to this customer.</p>
          ) : (
            <ul className="customer-links">
              {list.map((run) => (
                <li key={run.id} className="customer-run">
                  <RunStatusBadge status={run.status} />
                  <a href={routeHref({ view: 'flows', flowId: run.flowId })} title="Open the flow">
                    {triggerText(run.trigger.type)} run <code>{run.id}</code>
                  </a>
                  <span className="muted">
                    <time dateTime={run.startedAt}>{formatStarted(run.startedAt, now)}</time>
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function Loaded<T>({
  what,
  load,
  retry,
  children,
}: {
  what: string;
  load: Load<T>;
  retry: () => void;
  children: (value: T) => React.ReactNode;
}) {
  if (load.state === 'loading') {
    return (
      <p className="muted" role="status">
        <Spinner /> Loading {what}…
      </p>
    );
  }
  if (load.state === 'error') {
    return (
      <p className="error" role="alert">
        Could not load the {what}: {load.message}{' '}
        <button type="button" className="link" onClick={retry}>
          Retry
        </button>
      </p>
    );
  }
  return <>{children(load.value)}</>;
}
