// One Test Request's result (seed 002 "How to test the webhook node"): which output the
// node would take, status, time, retries; the request exactly as sent (secrets shown as
// [secret …]); the response's headers and body — JSON and XML as a tree with Map and
// copy-path like Listen's, text as it came — and what the response mapping would store,
// with the rows that find nothing marked.
import { useMemo } from 'react';
import { formatBytes } from '../../panels/calls/call-format';
import { StatusBadge } from '../../panels/calls/CallView';
import { PayloadTree, type MapAction } from '../../panels/calls/PayloadTree';
import { previewValue } from '../../panels/calls/payload-paths';
import { formatMs } from '../../panels/runs/run-format';
import type { MappingCheck, MappingRowValue, TestOutcome } from './test-request-view';

interface Props {
  outcome: TestOutcome;
  rows: readonly MappingRowValue[];
  checks: ReadonlyMap<number, MappingCheck> | undefined;
  map: MapAction;
}

export function TestResultView({ outcome, rows, checks, map }: Props) {
  const { exchange, requestBody, response } = outcome;
  // Status, header and whole-body variables, as the runtime filled them in.
  const others = Object.entries(outcome.values).filter(
    ([name]) => !rows.some((row) => row.variable === name),
  );
  const headers = useMemo(
    () => Object.entries(response?.headers ?? {}).sort(([a], [b]) => a.localeCompare(b)),
    [response],
  );
  return (
    <div className="test-result" data-testid="test-request-result" data-output={exchange.output}>
      <p className="test-summary" role="status">
        <span className={`test-outcome is-${exchange.output}`} data-testid="test-request-outcome">
          {exchange.output === 'success' ? '→ Success' : '→ Failed'}
        </span>
        {exchange.status !== undefined ? (
          <span data-testid="test-request-status">
            <StatusBadge status={exchange.status} />
          </span>
        ) : (
          <span className="muted">no response</span>
        )}
        <span data-testid="test-request-time">{formatMs(exchange.ms)}</span>
        {exchange.retries > 0 && (
          <span>
            {exchange.retries} {exchange.retries === 1 ? 'retry' : 'retries'}
          </span>
        )}
        {exchange.redirects > 0 && (
          <span>
            {exchange.redirects} {exchange.redirects === 1 ? 'redirect' : 'redirects'}
          </span>
        )}
      </p>
      {exchange.failure && (
        <p className="error" role="alert" data-testid="test-request-failure">
          {exchange.failure.message}
        </p>
      )}

      <h4>Request sent</h4>
      <pre className="test-sent" data-testid="test-request-sent">
        {`${exchange.method} ${exchange.url}\n`}
        {Object.entries(exchange.headers ?? {})
          .map(([name, value]) => `${name}: ${value}`)
          .join('\n')}
        {requestBody !== undefined && requestBody !== '' ? `\n\n${requestBody}` : ''}
      </pre>

      {response && (
        <>
          <h4>Response headers</h4>
          {headers.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <details className="test-response-headers">
              <summary>
                {headers.length} {headers.length === 1 ? 'header' : 'headers'}
                {response.headers['content-type'] ? ` · ${response.headers['content-type']}` : ''}
              </summary>
              <dl className="test-headers">
                {headers.map(([name, value]) => (
                  <div key={name} style={{ display: 'contents' }}>
                    <dt>{name}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            </details>
          )}
          <h4>
            Response body ({response.format.toUpperCase()}, {formatBytes(response.bytes)})
          </h4>
          {response.truncated && <p className="muted">Only the start of the body is shown.</p>}
          {response.parseError !== undefined && (
            <p className="error" data-testid="test-request-parse-error">
              {response.parseError}
            </p>
          )}
          {response.parseError === undefined &&
          (response.format === 'json' || response.format === 'xml') ? (
            <div data-testid="test-request-body">
              <PayloadTree
                roots={[{ name: 'body', value: response.value, bare: true }]}
                map={map}
                label="Response body"
              />
            </div>
          ) : response.text === '' ? (
            <p className="muted">Empty.</p>
          ) : (
            <pre className="test-sent test-text-body" data-testid="test-request-body">
              {response.text}
            </pre>
          )}
        </>
      )}

      {(rows.length > 0 || others.length > 0) && (
        <>
          <h4>Variables it would set</h4>
          <ul className="test-mapped" data-testid="test-request-mapped">
            {rows.map((row, index) => {
              const check = checks?.get(index);
              if (!check || row.variable === '') return null;
              return check.found ? (
                <li key={index} data-testid="test-mapped-value">
                  <code>{row.variable}</code> = <code>{previewValue(check.value)}</code>
                </li>
              ) : (
                <li
                  key={index}
                  className={`is-missing${row.required ? ' is-required' : ''}`}
                  data-testid="test-mapped-missing"
                >
                  <code>{row.variable}</code> ← <code>{row.path}</code>: missing
                  {row.required ? ' (required: the node takes Failed)' : ''}
                </li>
              );
            })}
            {others.map(([name, value]) => (
              <li key={name} data-testid="test-other-value">
                <code>{name}</code> = <code>{previewValue(value)}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
