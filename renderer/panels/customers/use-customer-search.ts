// The Customers view's list: the search box's text, sent once typing pauses; pages loaded
// with "Load more"; only the newest answer counts (an older search may answer last).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Customer } from '../../../runtime/shared/customers';
import { customersApi } from '../../api/customers';
import { errorText } from '../../store/notices-store';

export const CUSTOMERS_PAGE = 50;
/** How long typing pauses before the search goes out. */
export const SEARCH_DEBOUNCE_MS = 250;

export interface CustomerSearch {
  text: string;
  setText: (text: string) => void;
  /** The search the list shows (the text as it was sent). */
  query: string;
  items: Customer[];
  total: number;
  next: string | undefined;
  loading: boolean;
  loadingMore: boolean;
  error: string | undefined;
  loadMore: () => void;
  /** Reads the first page again (after an edit, a delete or an import). */
  reload: () => void;
}

export function useCustomerSearch(): CustomerSearch {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [reloads, setReloads] = useState(0);
  const [items, setItems] = useState<Customer[]>([]);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<string>();
  // The request whose answer the list shows: loading while it is not the current one.
  const [answered, setAnswered] = useState<string>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string>();
  const seq = useRef(0);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    const mine = ++seq.current;
    const controller = new AbortController();
    const key = `${reloads}:${query}`;
    customersApi
      .list({ q: query || undefined, limit: CUSTOMERS_PAGE }, controller.signal)
      .then((page) => {
        if (mine !== seq.current) return;
        setItems(page.items);
        setTotal(page.total);
        setNext(page.next);
        setError(undefined);
        setAnswered(key);
      })
      .catch((caught: unknown) => {
        if (mine !== seq.current || controller.signal.aborted) return;
        setError(errorText(caught));
        setAnswered(key);
      });
    return () => controller.abort();
  }, [query, reloads]);

  const loadMore = useCallback(() => {
    if (!next) return;
    const mine = seq.current;
    setLoadingMore(true);
    setError(undefined);
    customersApi
      .list({ q: query || undefined, limit: CUSTOMERS_PAGE, after: next })
      .then((page) => {
        if (mine !== seq.current) return;
        setItems((shown) => [...shown, ...page.items]);
        setTotal(page.total);
        setNext(page.next);
      })
      .catch((caught: unknown) => {
        if (mine === seq.current) setError(errorText(caught));
      })
      .finally(() => setLoadingMore(false));
  }, [next, query]);

  const loading = answered !== `${reloads}:${query}`;
  const reload = useCallback(() => setReloads((count) => count + 1), []);

  return {
    text,
    setText,
    query,
    items,
    total,
    next,
    loading,
    loadingMore,
    error,
    loadMore,
    reload,
  };
}
