// How the HTTP Request behaves (seed 002 and issue 12): the timeout (5 s by default),
// asynchronous mode, retries (off by default; POST and PATCH only when ticked), the
// private-network switch and at-least-once after a crash. Each says what it risks.
import {
  MAX_HTTP_RETRIES,
  MAX_TIMEOUT_SECONDS,
  MIN_TIMEOUT_SECONDS,
  type httpRequestConfigSchema,
} from '../../../runtime/nodes/http-request/definition';
import { DurationField, NumberField, Toggle } from '../../inspector/fields';
import { bindField, type InspectorProps } from '../inspector-props';
import { bindNested } from './bind-nested';
import { usePrivateNetworkForbidden } from './use-private-network-forbidden';

type Props = InspectorProps<typeof httpRequestConfigSchema>;

const NON_IDEMPOTENT = new Set(['POST', 'PATCH']);

export function OptionsSection({ props }: { props: Props }) {
  const { nodeId, config } = props;
  const timeout = bindField(props, 'timeoutSeconds');
  const count = bindNested(props, 'retries', 'count');
  const repeatsRisky = NON_IDEMPOTENT.has(config.method);
  const privateForbidden = usePrivateNetworkForbidden();
  return (
    <section className="http-section" aria-labelledby={`${nodeId}-options-heading`}>
      <h3 id={`${nodeId}-options-heading`}>Options</h3>
      <DurationField
        label="Timeout"
        hint="Per attempt, 5 seconds by default. Past it the node takes Failed."
        min={MIN_TIMEOUT_SECONDS}
        max={MAX_TIMEOUT_SECONDS}
        units={['seconds', 'minutes']}
        {...timeout}
        onChange={(seconds) => timeout.onChange(seconds ?? 0)}
      />
      <Toggle
        label="Asynchronous"
        hint="The run goes on at once on Success; the request finishes in the background and its outcome goes to the run’s log. Its response is not stored in variables."
        {...bindField(props, 'asynchronous')}
      />
      <NumberField
        label="Retries"
        hint={`0 to ${MAX_HTTP_RETRIES}, on network errors, timeouts, 429 and 5xx, waiting longer each time (Retry-After is honoured).`}
        min={0}
        max={MAX_HTTP_RETRIES}
        step={1}
        {...count}
        onChange={(value) => count.onChange(value ?? 0)}
      />
      {config.retries.count > 0 && (
        <Toggle
          label="Retry POST and PATCH too"
          hint={
            repeatsRisky
              ? `${config.method} is retried only with this on: tick it only if the API ignores a repeat (an idempotency key), or a retry may create or charge twice.`
              : 'GET, PUT and DELETE are retried anyway; this matters once the method is POST or PATCH.'
          }
          {...bindNested(props, 'retries', 'nonIdempotent')}
        />
      )}
      <Toggle
        label="Allow private network"
        hint="Off: addresses on this computer (localhost), your LAN and cloud metadata are refused, also after a redirect. Turn on to call your own local services; the runtime’s settings can forbid it."
        {...bindField(props, 'allowPrivateNetwork')}
      />
      {privateForbidden && (
        <p className="field-warning" data-testid="private-network-forbidden">
          This Hookflow’s settings forbid private network destinations
          (outbound.forbidPrivateNetwork): they are refused whatever this switch says.
        </p>
      )}
      <Toggle
        label="Send again after a crash (at-least-once)"
        hint="Off: if Hookflow stops while the request is in flight, the run fails with the reason instead of sending it twice. Turn on only for calls that are safe to repeat."
        {...bindField(props, 'atLeastOnce')}
      />
    </section>
  );
}
