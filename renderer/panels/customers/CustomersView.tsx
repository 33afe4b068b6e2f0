// The Customers view (issue 13): search by any contact value, the list newest first in
// pages, and the selected customer's detail beside it. Import and export sit on top of the
// list. The selected customer is in the URL (#/customers/<id>), so a link opens it.
import type { Customer } from '../../../runtime/shared/customers';
import { Spinner } from '../../ui/icons';
import { routeHref } from '../../use-hash-route';
import { CustomerDetail } from './CustomerDetail';
import { customerLabel, customerSubtitle, plural } from './customer-format';
import { CustomerTransfer } from './CustomerTransfer';
import { useCustomerSearch } from './use-customer-search';

export function CustomersView({ customerId }: { customerId: string | undefined }) {
  const search = useCustomerSearch();
  return (
    <div className="customers-view" data-testid="customers-view">
      <section className="customers-list-column" aria-labelledby="customers-heading">
        <header className="customers-head">
          <h2 id="customers-heading">Customers</h2>
          {!search.loading && (
            <span className="muted" data-testid="customers-total">
              {search.query ? `${plural(search.total, 'match')}` : plural(search.total, 'customer')}
            </span>
          )}
          <span className="spacer" />
          <CustomerTransfer onImported={search.reload} />
        </header>
        <input
          type="search"
          className="customers-search"
          aria-label="Search customers by name, email, phone, document or handle"
          placeholder="Name, email, phone, @handle"
          data-testid="customers-search"
          value={search.text}
          onChange={(event) => search.setText(event.target.value)}
        />
        <CustomerList search={search} selectedId={customerId} />
      </section>
      <section className="customer-detail-column" aria-label="Customer">
        {customerId ? (
          <CustomerDetail key={customerId} customerId={customerId} onChanged={search.reload} />
        ) : (
          <p className="muted customer-detail-empty">
            Select a customer to see their contacts, chats and runs, and to edit them.
          </p>
        )}
      </section>
    </div>
  );
}

function CustomerList({
  search,
  selectedId,
}: {
  search: ReturnType<typeof useCustomerSearch>;
  selectedId: string | undefined;
}) {
  const { items, loading, error, query, next, loadingMore, total } = search;
  const searching = search.text.trim() !== query;
  return (
    <div className="customer-list-wrap" aria-busy={loading || searching}>
      {error && (
        <p className="error" role="alert">
          Could not load customers: {error}{' '}
          <button type="button" className="link" onClick={search.reload}>
            Retry
          </button>
        </p>
      )}
      {(loading || searching) && (
        <p className="muted" role="status" data-testid="customers-loading">
          <Spinner /> {query || searching ? 'Searching…' : 'Loading customers…'}
        </p>
      )}
      {!loading && !searching && !error && items.length === 0 && (
        <p className="muted" data-testid="customers-empty">
          {query
            ? `No customer matches “${query}”. Try another spelling of the value, or part of the name.`
            : 'No customers yet. Import a CSV or JSON file, or publish a Webhook Trigger with customer binding: each call finds or creates its customer.'}
        </p>
      )}
      {items.length > 0 && (
        <ul
          className="customer-list"
          aria-label="Customers, newest first"
          data-testid="customer-list"
        >
          {items.map((customer) => (
            <li key={customer.id}>
              <CustomerRow customer={customer} selected={customer.id === selectedId} />
            </li>
          ))}
        </ul>
      )}
      {next && (
        <button
          type="button"
          className="customers-more"
          data-testid="customers-more"
          disabled={loadingMore}
          onClick={search.loadMore}
        >
          {loadingMore ? <Spinner /> : null} Load more ({items.length} of {total} shown)
        </button>
      )}
    </div>
  );
}

function CustomerRow({ customer, selected }: { customer: Customer; selected: boolean }) {
  const subtitle = customerSubtitle(customer);
  return (
    <a
      href={routeHref({ view: 'customers', customerId: customer.id })}
      className={`customer-row${selected ? ' is-selected' : ''}`}
      aria-current={selected ? 'true' : undefined}
      data-testid="customer-row"
      data-customer-id={customer.id}
    >
      <span className="customer-row-name">{customerLabel(customer)}</span>
      {subtitle && <span className="muted customer-row-values">{subtitle}</span>}
    </a>
  );
}
