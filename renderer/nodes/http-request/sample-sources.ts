// Where Test Request's sample values can come from (issue 12: "the inspector offers the
// variables of the latest run or of a Listen capture"): the flow's newest run — its
// variables and the call that started it — or the newest call a Webhook Trigger of the
// flow accepted or captured, with the variables that trigger's mappings make of it. Each
// is read as a template scope (the same roots a run's templates read: variables, body,
// query, headers).
import type { CallDetails } from '../../../runtime/shared/calls';
import { readPath } from '../../../runtime/paths/read-path';
import { api } from '../../api/client';
import { webhooksApi } from '../../api/webhooks';
import { statusKind } from '../../panels/calls/call-format';

export interface SampleSource {
  /** What the button says: "the latest run (10:42:03)". */
  label: string;
  scope: Record<string, unknown>;
}

function callScope(call: CallDetails): Record<string, unknown> {
  return { body: call.parsedBody, query: call.query, headers: call.headers };
}

/** A trigger of the flow, with what its mappings make of a call (the run's first variables). */
export interface SampleTrigger {
  nodeId: string;
  title: string;
  mappings: readonly { path: string; variable: string }[];
  saveFullBodyAs?: string | undefined;
}

/** A call as its run would see it: the call, and the variables the trigger maps from it. */
function mappedScope(call: CallDetails, trigger: SampleTrigger): Record<string, unknown> {
  const scope = callScope(call);
  const variables: Record<string, unknown> = {};
  for (const mapping of trigger.mappings) {
    const value = readPath(scope, mapping.path.trim());
    if (value !== undefined && mapping.variable !== '') variables[mapping.variable] = value;
  }
  if (trigger.saveFullBodyAs) variables[trigger.saveFullBodyAs] = call.parsedBody;
  return { ...scope, ...variables };
}

function timeOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString();
}

/** The flow's newest run as a scope, or undefined when it has none. */
export async function latestRunSource(flowId: string): Promise<SampleSource | undefined> {
  const page = await api.listRuns({ flowId, limit: 1 });
  const newest = page.runs[0];
  if (!newest) return undefined;
  const run = await api.getRun(newest.id);
  let call: Record<string, unknown> = {};
  if (run.trigger.callId) {
    // The call may be gone from the log (retention): the run's variables still help.
    call = await webhooksApi.getCall(run.trigger.callId).then(callScope, () => ({}));
  }
  return {
    label: `the latest run (${timeOf(run.startedAt)})`,
    scope: { ...call, ...run.variables },
  };
}

/** How far back to look for an accepted call among refused ones (as the trigger does). */
const LOOK_BACK = 20;

/** The newest accepted or captured call to one of these triggers, as a scope. */
export async function latestCallSource(
  flowId: string,
  triggers: readonly SampleTrigger[],
): Promise<SampleSource | undefined> {
  let newest: { at: string; id: string; trigger: SampleTrigger } | undefined;
  for (const trigger of triggers) {
    const page = await webhooksApi
      .listCalls(flowId, trigger.nodeId, { limit: LOOK_BACK })
      .catch(() => undefined); // a trigger not saved yet has no log
    const call = page?.calls.find((summary) => statusKind(summary.status) === 'ok');
    if (call && (!newest || call.at > newest.at)) newest = { at: call.at, id: call.id, trigger };
  }
  if (!newest) return undefined;
  const details = await webhooksApi.getCall(newest.id);
  return {
    label: `the last call to “${newest.trigger.title}” (${timeOf(newest.at)})`,
    scope: mappedScope(details, newest.trigger),
  };
}
