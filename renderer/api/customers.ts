// The admin API behind the Customers view: search and page, read, edit, delete, import and
// export (runtime/api/customers.ts holds what each one does).
import type {
  Customer,
  CustomerEdit,
  CustomerEditResult,
  CustomerImportResult,
  CustomerPage,
} from '../../runtime/shared/customers';
import { download, request } from './client';

const customerPath = (id: string) => `/api/customers/${encodeURIComponent(id)}`;

export interface CustomerQuery {
  /** Any contact value in any spelling, or part of a name or value. */
  q?: string;
  limit: number;
  /** The `next` of the previous page. */
  after?: string;
}

export type CustomerImportInput =
  { format: 'csv'; csv: string } | { format: 'json'; customers: unknown[] };

export const customersApi = {
  list: (query: CustomerQuery, signal?: AbortSignal) => {
    const params = new URLSearchParams({ limit: String(query.limit) });
    if (query.q) params.set('q', query.q);
    if (query.after) params.set('after', query.after);
    return request<CustomerPage>('GET', `/api/customers?${params.toString()}`, undefined, signal);
  },
  get: (id: string) => request<Customer>('GET', customerPath(id)),
  /** 400 `invalid_input` with `details: [{ path, message }]` for a value it refuses. */
  edit: (id: string, edit: CustomerEdit) =>
    request<CustomerEditResult>('PUT', customerPath(id), edit),
  /** The customer's runs stay; they keep its id, which no longer opens anyone. */
  remove: (id: string) => request<void>('DELETE', customerPath(id)),
  importCustomers: (input: CustomerImportInput) =>
    request<CustomerImportResult>('POST', '/api/customers/import', input),
  exportCustomers: (format: 'csv' | 'json') => download(`/api/customers/export?format=${format}`),
};
