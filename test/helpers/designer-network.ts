// The network between the designer's stores and a real runtime, for store tests in Node.
// The designer calls `fetch('/api/…')` relative to its page; Node has no page, so this
// resolves each path against the runtime's admin URL and adds its token (the page would
// send the session cookie). A test can hold chosen requests back, as a slow network
// would, and release them when it wants them to reach the runtime. Every request's outcome
// is recorded: the HTTP status the designer was given, or `aborted` when it gave up.
import { after } from 'node:test';

export interface RequestRecord {
  method: string;
  path: string;
  /** The status the designer received, `aborted`, or `pending`. */
  outcome: number | 'aborted' | 'error' | 'pending';
}

export interface DesignerNetwork {
  readonly requests: readonly RequestRecord[];
  /** Holds back requests matching `rule` until `releaseHeld()`; resolves when one is held. */
  hold(rule: (method: string, path: string) => boolean): Promise<RequestRecord>;
  releaseHeld(): void;
  /** Resolves once every request sent so far has been answered or given up. */
  settled(): Promise<void>;
}

export function installDesignerNetwork(admin: string, token: string): DesignerNetwork {
  const realFetch = globalThis.fetch;
  const requests: RequestRecord[] = [];
  const inFlight: Promise<unknown>[] = [];
  let rule: ((method: string, path: string) => boolean) | undefined;
  let onHeld: ((record: RequestRecord) => void) | undefined;
  let releases: (() => void)[] = [];

  const send = async (record: RequestRecord, url: URL, init: RequestInit): Promise<Response> => {
    const signal = init.signal ?? undefined;
    if (rule?.(record.method, record.path)) {
      await new Promise<void>((resolve) => {
        releases.push(resolve);
        signal?.addEventListener('abort', () => resolve());
        onHeld?.(record);
      });
    }
    if (signal?.aborted) {
      record.outcome = 'aborted';
      throw signal.reason;
    }
    try {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      const response = await realFetch(url, { ...init, headers });
      record.outcome = response.status;
      return response;
    } catch (error) {
      record.outcome = signal?.aborted ? 'aborted' : 'error';
      throw error;
    }
  };

  globalThis.fetch = (input, init = {}) => {
    const url = new URL(String(input), admin);
    const record: RequestRecord = {
      method: init.method ?? 'GET',
      path: url.pathname,
      outcome: 'pending',
    };
    requests.push(record);
    const response = send(record, url, init);
    inFlight.push(response.catch(() => undefined));
    return response;
  };
  after(() => {
    globalThis.fetch = realFetch;
  });

  return {
    requests,
    hold: (next) => {
      rule = next;
      return new Promise((resolve) => (onHeld = resolve));
    },
    releaseHeld: () => {
      rule = undefined;
      for (const release of releases) release();
      releases = [];
    },
    settled: async () => {
      // Answers may send more requests (a save refreshes the flows list): wait for those too.
      let seen = 0;
      while (seen < inFlight.length) {
        const batch = inFlight.slice(seen);
        seen = inFlight.length;
        await Promise.all(batch);
      }
    },
  };
}
