// Telegram's setup in the Channels view: paste the bot token from @BotFather (checked with
// Telegram before it is saved; stored encrypted, never shown again), pick the flow a new
// conversation starts, connect; later change the flow or disconnect.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { FlowSummary } from '../../../runtime/shared/flow-document';
import type { TelegramInfo } from '../../../runtime/shared/telegram';
import { api } from '../../api/client';
import { telegramApi } from '../../api/channels';
import { describedBy, Field } from '../../inspector/fields';
import { errorText } from '../../store/notices-store';
import { CheckIcon, ExternalIcon, Spinner } from '../../ui/icons';
import type { ChannelSetupProps } from './channel-setup-props';

const BOTFATHER = 'https://t.me/BotFather';

export function TelegramSetup({ onChanged }: ChannelSetupProps) {
  const [info, setInfo] = useState<TelegramInfo>();
  const [flows, setFlows] = useState<FlowSummary[]>();
  const [loadError, setLoadError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    Promise.all([telegramApi.get(), api.listFlows()]).then(
      ([telegram, list]) => {
        if (!current) return;
        setInfo(telegram);
        setFlows(list);
        setLoadError(undefined);
      },
      (caught: unknown) => {
        if (current) setLoadError(errorText(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);
  const load = () => setAttempt((n) => n + 1);

  if (loadError) {
    return (
      <p className="error" role="alert">
        Could not read the Telegram settings: {loadError}{' '}
        <button type="button" className="link" onClick={load}>
          Retry
        </button>
      </p>
    );
  }
  if (!info || !flows) {
    return (
      <p className="muted" role="status">
        <Spinner /> Loading…
      </p>
    );
  }
  const changed = (next: TelegramInfo) => {
    setInfo(next);
    onChanged();
  };
  return info.configured ? (
    <ConnectedBot info={info} flows={flows} onChange={changed} />
  ) : (
    <ConnectForm flows={flows} onConnected={changed} />
  );
}

function ConnectForm({
  flows,
  onConnected,
}: {
  flows: FlowSummary[];
  onConnected: (info: TelegramInfo) => void;
}) {
  const [token, setToken] = useState('');
  const [flowId, setFlowId] = useState(() => flows.find(isPublished)?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() === '') {
      setError('Paste the bot token from @BotFather first.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const info = await telegramApi.connect({
        token: token.trim(),
        ...(flowId ? { flowId } : {}),
      });
      setToken('');
      onConnected(info);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };
  const tokenHint =
    'In Telegram, open @BotFather, send /newbot (or /mybots → API Token) and copy the token. ' +
    'Hookflow checks it with Telegram, stores it encrypted and never shows it again.';
  return (
    <form className="telegram-setup" onSubmit={(event) => void submit(event)}>
      <Field id="telegram-token" label="Bot token" hint={tokenHint} error={error}>
        <input
          id="telegram-token"
          type="password"
          className="monospace"
          autoComplete="off"
          spellCheck={false}
          placeholder="123456789:AA…"
          value={token}
          disabled={busy}
          data-testid="telegram-token"
          {...describedBy('telegram-token', error, tokenHint)}
          onChange={(event) => setToken(event.target.value)}
        />
      </Field>
      <FlowPicker id="telegram-flow" flows={flows} value={flowId} onChange={setFlowId} />
      <div className="telegram-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="telegram-connect">
          {busy ? (
            <>
              <Spinner /> Checking the token with Telegram…
            </>
          ) : (
            'Connect'
          )}
        </button>
        <a href={BOTFATHER} target="_blank" rel="noopener noreferrer">
          Open @BotFather <ExternalIcon />
        </a>
      </div>
      {busy && (
        <p className="visually-hidden" role="status">
          Connecting to Telegram
        </p>
      )}
    </form>
  );
}

function ConnectedBot({
  info,
  flows,
  onChange,
}: {
  info: TelegramInfo;
  flows: FlowSummary[];
  onChange: (info: TelegramInfo) => void;
}) {
  const [busy, setBusy] = useState<'flow' | 'disconnect'>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const act = async (kind: 'flow' | 'disconnect', call: () => Promise<TelegramInfo>) => {
    setBusy(kind);
    setError(undefined);
    setSaved(false);
    try {
      onChange(await call());
      if (kind === 'flow') setSaved(true);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(undefined);
      setConfirming(false);
    }
  };
  const bot = info.bot ? `@${info.bot.username}` : 'the bot';
  return (
    <div className="telegram-setup" data-testid="telegram-connected">
      {info.bot && (
        <p className="telegram-bot">
          Bot:{' '}
          <a href={`https://t.me/${info.bot.username}`} target="_blank" rel="noopener noreferrer">
            {bot} <ExternalIcon />
          </a>{' '}
          <span className="muted">({info.bot.name})</span>
        </p>
      )}
      <FlowPicker
        id="telegram-flow"
        flows={flows}
        value={info.flowId ?? ''}
        disabled={busy !== undefined}
        onChange={(flowId) => void act('flow', () => telegramApi.setFlow(flowId || null))}
      />
      {saved && (
        <p className="telegram-saved" role="status" data-testid="telegram-saved">
          <CheckIcon /> Saved
        </p>
      )}
      {error && (
        <p className="error" role="alert" data-testid="telegram-error">
          {error}
        </p>
      )}
      <div className="telegram-actions">
        {confirming ? (
          <>
            <span>Disconnect {bot}? People’s messages will no longer reach your flows.</span>
            <button
              type="button"
              className="danger"
              ref={confirmRef}
              disabled={busy !== undefined}
              data-testid="telegram-disconnect-confirm"
              onClick={() => void act('disconnect', () => telegramApi.disconnect())}
            >
              {busy === 'disconnect' ? (
                <>
                  <Spinner /> Disconnecting…
                </>
              ) : (
                'Disconnect'
              )}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            disabled={busy !== undefined}
            data-testid="telegram-disconnect"
            onClick={() => setConfirming(true)}
          >
            Disconnect…
          </button>
        )}
      </div>
    </div>
  );
}

function FlowPicker({
  id,
  flows,
  value,
  disabled = false,
  onChange,
}: {
  id: string;
  flows: FlowSummary[];
  value: string;
  disabled?: boolean;
  onChange: (flowId: string) => void;
}) {
  const chosen = flows.find((flow) => flow.id === value);
  const hint =
    chosen && !isPublished(chosen)
      ? 'This flow is not published yet: publish it, or people’s messages start nothing.'
      : 'Opened for a new conversation and by every /start.';
  return (
    <Field id={id} label="Flow new conversations start" hint={hint}>
      <select
        id={id}
        value={value}
        disabled={disabled}
        data-testid="telegram-flow"
        {...describedBy(id, undefined, hint)}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">None (messages start nothing)</option>
        {flows.map((flow) => (
          <option key={flow.id} value={flow.id}>
            {flow.name}
            {isPublished(flow) ? '' : ' (not published)'}
          </option>
        ))}
      </select>
    </Field>
  );
}

const isPublished = (flow: FlowSummary) => flow.publishedVersion !== null;
