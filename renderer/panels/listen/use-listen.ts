// Listen mode (seed 001): opens the trigger's listen stream and keeps the calls it
// delivers, newest first. The stream closes on Stop and when the component using it goes
// (the inspector closes, another node is selected), so nothing listens unseen.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListenedCall } from '../../../runtime/shared/calls';
import { readSse } from '../../api/sse';
import { openListenStream } from '../../api/webhooks';
import { useEditor } from '../../store/editor-store';
import { errorText } from '../../store/notices-store';

export type ListenStatus = 'idle' | 'connecting' | 'listening' | 'ended' | 'error';

export interface ListenState {
  status: ListenStatus;
  /** What went wrong, or why the stream ended. */
  message?: string;
  /** Newest first, at most MAX_CALLS. */
  calls: ListenedCall[];
}

export interface Listen extends ListenState {
  start: () => void;
  stop: () => void;
}

const MAX_CALLS = 20;

export function useListen(flowId: string | undefined, nodeId: string): Listen {
  const [state, setState] = useState<ListenState>({ status: 'idle', calls: [] });
  const controller = useRef<AbortController | undefined>(undefined);

  const stop = useCallback(() => {
    controller.current?.abort();
    controller.current = undefined;
    setState((current) => ({ ...current, status: 'idle', message: undefined }));
  }, []);

  const start = useCallback(() => {
    if (!flowId) return;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const mine = () => controller.current === abort && !abort.signal.aborted;
    setState((current) => ({ ...current, status: 'connecting', message: undefined }));
    void (async () => {
      try {
        // The runtime listens on what is saved: a node added a moment ago must be saved first.
        await useEditor.getState().saveNow();
        const saveError = useEditor.getState().saveError;
        if (saveError) throw new Error(`${saveError}. Save the flow, then listen again`);
        const response = await openListenStream(flowId, nodeId, abort.signal);
        let ended: string | undefined;
        await readSse(response, (event) => {
          if (!mine()) return;
          if (event.event === 'ready') {
            setState((current) => ({ ...current, status: 'listening' }));
          } else if (event.event === 'call') {
            const call: ListenedCall = JSON.parse(event.data);
            setState((current) => ({
              ...current,
              calls: [call, ...current.calls].slice(0, MAX_CALLS),
            }));
          } else if (event.event === 'closed') {
            ended = 'Hookflow is stopping, so listening ended.';
          }
        });
        if (mine()) {
          setState((current) => ({
            ...current,
            status: 'ended',
            message: ended ?? 'The connection to Hookflow closed. Listen again to go on.',
          }));
        }
      } catch (error) {
        if (!mine()) return;
        setState((current) => ({
          ...current,
          status: 'error',
          message: `Could not listen: ${errorText(error)}`,
        }));
      }
    })();
  }, [flowId, nodeId]);

  useEffect(() => () => controller.current?.abort(), []);

  return { ...state, start, stop };
}
