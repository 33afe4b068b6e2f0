// The newest call this trigger accepted or captured (the Logs tab's list, newest first):
// what its mapping paths are checked against before a run ever reads them. Refused calls
// are passed over: a 400 or 413 body is not what the sender usually sends.
import { useEffect, useState } from 'react';
import type { CallDetails } from '../../../runtime/shared/calls';
import { webhooksApi } from '../../api/webhooks';
import { statusKind } from '../../panels/calls/call-format';

/** How far back to look for an accepted call among refused ones. */
const LOOK_BACK = 20;

/**
 * `saved`: the node is in the saved flow (the runtime answers 404 for one it has not seen
 * yet). `refreshKey` changes when a call arrived meanwhile (Listen saw one).
 */
export function useNewestCall(
  flowId: string | undefined,
  nodeId: string,
  saved: boolean,
  refreshKey: number,
): CallDetails | undefined {
  const [call, setCall] = useState<CallDetails>();
  useEffect(() => {
    if (!flowId || !saved) return;
    let current = true;
    void (async () => {
      try {
        const page = await webhooksApi.listCalls(flowId, nodeId, { limit: LOOK_BACK });
        const newest = page.calls.find((summary) => statusKind(summary.status) === 'ok');
        const details = newest ? await webhooksApi.getCall(newest.id) : undefined;
        if (current) setCall(details);
      } catch {
        // Only a hint: without the log (runtime away, flow gone) there is nothing to check.
        if (current) setCall(undefined);
      }
    })();
    return () => {
      current = false;
    };
  }, [flowId, nodeId, saved, refreshKey]);
  return call;
}
