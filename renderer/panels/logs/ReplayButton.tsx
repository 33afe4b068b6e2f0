// Replay of one logged call. An accepted call replays with one click; a call refused for
// who sent it (401/403) first asks, because the replay skips authentication and the
// allowlists — the very checks that refused it (issue 10, 5.13).
import { useState } from 'react';
import { refusedCaller, type CallDetails, type ReplayResult } from '../../../runtime/shared/calls';
import { webhooksApi } from '../../api/webhooks';
import { errorText } from '../../store/notices-store';
import { Spinner } from '../../ui/icons';
import { Modal } from '../../ui/Modal';
import { refusalText } from '../calls/call-format';

export type ReplayState = { busy: true } | { result: ReplayResult } | { error: string } | undefined;

interface Props {
  call: CallDetails;
  state: ReplayState;
  onState: (state: ReplayState) => void;
  onReplayed: () => void;
}

export function ReplayButton({ call, state, onState, onReplayed }: Props) {
  const [confirming, setConfirming] = useState(false);
  const refused = refusedCaller(call);

  const run = async () => {
    setConfirming(false);
    onState({ busy: true });
    try {
      const result = await webhooksApi.replayCall(
        call.id,
        refused ? { skipAuthentication: true } : {},
      );
      onState({ result });
      onReplayed();
    } catch (failure) {
      onState({ error: errorText(failure) });
    }
  };

  return (
    <>
      <button
        type="button"
        data-testid="replay"
        disabled={state !== undefined && 'busy' in state}
        title={
          refused
            ? 'This call was refused: replaying it asks first, because authentication is skipped'
            : 'Run this call again against the published version (authentication is not checked again)'
        }
        onClick={() => (refused ? setConfirming(true) : void run())}
      >
        {state && 'busy' in state ? <Spinner /> : null} Replay{refused ? '…' : ''}
      </button>
      <Modal
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Replay a refused call?"
        testId="replay-confirm"
      >
        <p>
          This call was refused ({refusalText(call)}). A replay{' '}
          <strong>skips authentication</strong> and the IP and origin allowlists: the published flow
          runs as if the sender were trusted.
        </p>
        <p>Replay it only if you know who sent it, for example your own test call.</p>
        <div className="modal-actions">
          <button
            type="button"
            className="danger"
            data-testid="confirm-replay"
            onClick={() => void run()}
          >
            Replay without authentication
          </button>
          <button type="button" data-autofocus onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      </Modal>
    </>
  );
}
