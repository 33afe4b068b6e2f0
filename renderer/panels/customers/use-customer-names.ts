// Names for customer ids shown outside the Customers view (a chat's linked customer, a
// run's customer): read once per id and remembered for the page's life. A deleted
// customer reads as its id with "(deleted)".
import { useEffect, useState } from 'react';
import { ApiRequestError } from '../../api/client';
import { customersApi } from '../../api/customers';
import { customerLabel } from './customer-format';

const known = new Map<string, string>();
const pending = new Map<string, Promise<string>>();

function nameOf(id: string): Promise<string> {
  const cached = known.get(id);
  if (cached !== undefined) return Promise.resolve(cached);
  let request = pending.get(id);
  if (!request) {
    request = customersApi
      .get(id)
      .then(customerLabel, (error: unknown) =>
        error instanceof ApiRequestError && error.status === 404 ? `${id} (deleted)` : id,
      )
      .then((name) => {
        known.set(id, name);
        pending.delete(id);
        return name;
      });
    pending.set(id, request);
  }
  return request;
}

/** Forgets a name (after an edit or a delete) so the next read asks again. */
export function forgetCustomerName(id: string): void {
  known.delete(id);
}

/** Each id's name once known; ids not read yet are absent. */
export function useCustomerNames(ids: readonly string[]): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(() => new Map());
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let current = true;
    const wanted = key === '' ? [] : key.split(',');
    void Promise.all(wanted.map(async (id) => [id, await nameOf(id)] as const)).then((pairs) => {
      if (current) setNames(new Map(pairs));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return names;
}
