// Test Request (seed 002: "clicking on Test Request on the top right of the node
// settings"): sends the request now, through the runtime (the engine's own code and safety
// rules, via the admin API), with sample values for what it reads — typed here, or taken
// from the latest run or the last call a trigger of the flow got. Shows progress while it
// is out, then the result (TestResultView); Map on a response field adds a mapping row.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { httpRequestConfigSchema } from '../../../runtime/nodes/http-request/definition';
import type { PathSegment } from '../../../runtime/paths/path-syntax';
import { ApiRequestError } from '../../api/client';
import { sendTestRequest } from '../../api/http-test';
import type { MapAction } from '../../panels/calls/PayloadTree';
import { suggestVariableName } from '../../panels/calls/payload-paths';
import { webhookTriggerConfigSchema } from '../../../runtime/nodes/webhook-trigger/definition';
import { useEditor, type CanvasNode } from '../../store/editor-store';
import { errorText, useNotices } from '../../store/notices-store';
import { CrossIcon, SendIcon, Spinner } from '../../ui/icons';
import { useLatest } from '../../inspector/use-latest';
import type { InspectorProps } from '../inspector-props';
import { addResponseMapping } from './response-mapping-edit';
import { latestCallSource, latestRunSource, type SampleTrigger } from './sample-sources';
import { requestReads, sampleScope, samplesFrom } from './sample-values';
import type { MappingCheck, TestOutcome } from './test-request-view';
import { TestResultView } from './TestResultView';
import { SampleInput, SourceButtons, type Sources } from './TestSamples';

type Props = InspectorProps<typeof httpRequestConfigSchema>;

type Sending = { state: 'idle' } | { state: 'sending' } | { state: 'error'; message: string };

export function TestRequest({
  props,
  outcome,
  checks,
  onOutcome,
}: {
  props: Props;
  outcome: TestOutcome | undefined;
  checks: ReadonlyMap<number, MappingCheck> | undefined;
  onOutcome: (outcome: TestOutcome | undefined) => void;
}) {
  const { nodeId, config } = props;
  const latest = useLatest(props);
  const flowId = useEditor((state) => state.flow?.id);
  const nodes = useEditor((state) => state.nodes);
  const [open, setOpen] = useState(false);
  const [samples, setSamples] = useState<Record<string, string>>({});
  const [sending, setSending] = useState<Sending>({ state: 'idle' });
  const [sources, setSources] = useState<Sources>({});
  const abort = useRef<AbortController | undefined>(undefined);
  const panel = useRef<HTMLElement>(null);
  const reads = useMemo(() => requestReads(config), [config]);
  const triggers = useMemo(() => sampleTriggers(nodes), [nodes]);

  // Keyboard users land in the panel: on the first sample value, else on Send.
  useEffect(() => {
    if (open)
      panel.current
        ?.querySelector<HTMLElement>('input, [data-testid="test-request-send"]')
        ?.focus();
  }, [open]);

  // Stop a request still out when the inspector closes.
  useEffect(() => () => abort.current?.abort(), []);

  // Where samples can come from, looked up once the panel opens.
  useEffect(() => {
    if (!open || !flowId) return;
    let current = true;
    void Promise.all([
      latestRunSource(flowId).catch(() => undefined),
      latestCallSource(flowId, triggers).catch(() => undefined),
    ]).then(([run, call]) => {
      if (!current) return;
      setSources({ run, call });
      // First opening: fill what is still empty from the newest source there is.
      const source = run ?? call;
      if (source) {
        setSamples((typed) => ({ ...samplesFrom(reads, source.scope), ...nonEmpty(typed) }));
      }
    });
    return () => {
      current = false;
    };
    // Looked up again only when the panel is opened again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, flowId]);

  const send = async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setOpen(true);
    setSending({ state: 'sending' });
    try {
      if (!flowId) throw new Error('Open a flow first');
      // The runtime tests the node of the saved draft: save pending edits first.
      await useEditor.getState().saveNow();
      const result = await sendTestRequest(
        flowId,
        nodeId,
        { config: latest.current.config, sample: sampleScope(pick(samples, reads)) },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      onOutcome(result);
      setSending({ state: 'idle' });
    } catch (caught) {
      if (controller.signal.aborted) return;
      setSending({ state: 'error', message: testErrorText(caught) });
    }
  };
  const cancel = () => {
    abort.current?.abort();
    setSending({ state: 'idle' });
  };

  const map: MapAction = {
    mapped: new Map(config.response.mappings.map((row) => [row.path.trim(), row.variable])),
    suggest: (segments: readonly PathSegment[]) =>
      segments.length === 0
        ? 'response'
        : suggestVariableName(
            // The body's fields are the roots here: `data.userId` suggests `user_id`.
            [{ type: 'key', key: 'response' }, ...segments],
            new Set(config.response.mappings.map((row) => row.variable)),
          ),
    add: (path, variable) => {
      const current = latest.current.config;
      const result = addResponseMapping(current.response.mappings, path, variable);
      if ('problem' in result) return result.problem;
      latest.current.onChange({
        ...current,
        response: { ...current.response, mappings: result.mappings },
      });
      useNotices.getState().notify('info', `Mapped ${path} → ${variable}`);
      return undefined;
    },
  };

  const busy = sending.state === 'sending';
  return (
    <>
      <div className="test-request-bar">
        <span className="test-request-state" role="status" data-testid="test-request-state">
          {busy ? (
            <>
              <Spinner /> Sending the request…
            </>
          ) : outcome && !open ? (
            `Last test: ${outcome.exchange.status ?? 'no response'} → ${outcome.exchange.output === 'success' ? 'Success' : 'Failed'}`
          ) : (
            ''
          )}
        </span>
        {busy ? (
          <button type="button" data-testid="test-request-cancel" onClick={cancel}>
            <CrossIcon /> Cancel
          </button>
        ) : (
          <button
            type="button"
            className="test-request-button"
            data-testid="test-request-button"
            aria-expanded={open}
            aria-controls={`${nodeId}-test-request`}
            title="Send this request now with sample values, and see the answer"
            onClick={() => (open || reads.length === 0 ? void send() : setOpen(true))}
          >
            <SendIcon /> Test Request
          </button>
        )}
      </div>
      {open && (
        <section
          ref={panel}
          id={`${nodeId}-test-request`}
          className="test-request-panel"
          aria-label="Test Request"
          data-testid="test-request-panel"
        >
          <h4>Sample values</h4>
          {reads.length === 0 ? (
            <p className="muted">This request reads no variables.</p>
          ) : (
            <>
              <SourceButtons
                sources={sources}
                onUse={(source) =>
                  setSamples((typed) => ({ ...typed, ...samplesFrom(reads, source.scope) }))
                }
              />
              <div className="test-samples" data-testid="test-samples">
                {reads.map((path) => (
                  <SampleInput
                    key={path}
                    id={`${nodeId}-sample-${path}`}
                    path={path}
                    value={samples[path] ?? ''}
                    onChange={(text) => setSamples((typed) => ({ ...typed, [path]: text }))}
                    onEnter={() => void send()}
                  />
                ))}
              </div>
              <p className="field-hint">
                42, true or {'{"a": 1}'} are sent as JSON values, anything else as text. Empty: not
                set, as in a run where nothing set it.
              </p>
            </>
          )}
          <div className="test-actions">
            <button
              type="button"
              className="primary"
              data-testid="test-request-send"
              disabled={busy}
              onClick={() => void send()}
            >
              {busy ? <Spinner /> : <SendIcon />} {outcome ? 'Send again' : 'Send request'}
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                cancel();
                setOpen(false);
              }}
            >
              Close
            </button>
          </div>
          {sending.state === 'error' && (
            <p className="error" role="alert" data-testid="test-request-error">
              {sending.message}
            </p>
          )}
          {outcome && (
            <TestResultView
              outcome={outcome}
              rows={config.response.mappings}
              checks={checks}
              map={map}
            />
          )}
        </section>
      )}
    </>
  );
}

/** The flow's Webhook Triggers with their mappings (a config that does not parse maps nothing). */
function sampleTriggers(nodes: readonly CanvasNode[]): SampleTrigger[] {
  return nodes.flatMap((node) => {
    if (node.type !== 'webhook-trigger') return [];
    const parsed = webhookTriggerConfigSchema.safeParse(node.data.config);
    return [
      {
        nodeId: node.id,
        title: node.data.label || 'Webhook Trigger',
        mappings: parsed.success ? parsed.data.mappings : [],
        saveFullBodyAs: parsed.success ? parsed.data.saveFullBodyAs : undefined,
      },
    ];
  });
}

function nonEmpty(samples: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(samples).filter(([, text]) => text !== ''));
}

function pick(samples: Record<string, string>, paths: readonly string[]): Record<string, string> {
  return Object.fromEntries(paths.map((path) => [path, samples[path] ?? '']));
}

function testErrorText(caught: unknown): string {
  if (caught instanceof ApiRequestError && caught.code === 'invalid_input') {
    return `Fix this first, then test again: ${caught.message}`;
  }
  const saveError = useEditor.getState().saveError;
  if (saveError) return `The flow could not be saved, so it cannot be tested: ${saveError}`;
  return `Test Request could not be sent: ${errorText(caught)}`;
}
