// What an HTTP Request step did, in the run view (issue 12): method and URL as sent
// (secrets redacted by the runtime), status, time, retries and redirects, the values the
// response mapping stored, the rows that found nothing, and why it took Failed. Read from
// the step's output (RunStep.output.http, runtime/shared/http-exchange.ts).
import type { HttpExchange } from '../../../runtime/shared/http-exchange';
import { previewValue } from '../calls/payload-paths';
import { StatusBadge } from '../calls/CallView';
import { formatMs } from './run-format';

export function HttpStepDetails({ http }: { http: HttpExchange }) {
  const mapped = Object.entries(http.mapped ?? {});
  const missing = http.missing ?? [];
  return (
    <div className="http-step" data-testid="http-step">
      <p className="http-step-line">
        <span className="call-method">{http.method}</span>{' '}
        <code className="http-step-url" data-testid="http-step-url">
          {http.url}
        </code>
      </p>
      {http.background === 'queued' ? (
        <p className="http-step-facts">
          <span className="call-marker" data-testid="http-step-background">
            sent in the background
          </span>
          <span className="muted">the run went on at once; its outcome is a later step</span>
        </p>
      ) : (
        <p className="http-step-facts">
          {http.status !== undefined ? (
            <span data-testid="http-step-status">
              <StatusBadge status={http.status} />
            </span>
          ) : (
            <span className="muted">no response</span>
          )}
          <span>{formatMs(http.ms)}</span>
          {http.retries > 0 && (
            <span data-testid="http-step-retries">
              {http.retries} {http.retries === 1 ? 'retry' : 'retries'}
            </span>
          )}
          {http.redirects > 0 && (
            <span>
              {http.redirects} {http.redirects === 1 ? 'redirect' : 'redirects'}
            </span>
          )}
          {http.background === 'finished' && (
            <span className="call-marker" data-testid="http-step-background">
              finished in the background
            </span>
          )}
        </p>
      )}
      {http.failure && (
        <p className="error http-step-failure" data-testid="http-step-failure">
          Failed ({http.failure.kind}
          {http.failure.status !== undefined ? `, ${http.failure.status}` : ''}):{' '}
          {http.failure.message}
        </p>
      )}
      {(mapped.length > 0 || missing.length > 0) && (
        <ul className="test-mapped http-step-mapped" aria-label="Response mapping">
          {mapped.map(([variable, value]) => (
            <li key={variable} data-testid="http-step-mapped">
              <code>{variable}</code> = <code>{previewValue(value)}</code>
            </li>
          ))}
          {missing.map((row) => (
            <li
              key={`${row.variable}-${row.path}`}
              className={`is-missing${row.required ? ' is-required' : ''}`}
              data-testid="http-step-missing"
            >
              <code>{row.variable}</code> ← <code>{row.path}</code>: missing ({row.reason})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
