// One stored token or secret (seed 001 "Managing the token"): Generate new token, or enter
// your own value and Save; the eye reveals the stored value. The config keeps only the
// secret's id. A new value gets a new id, so the live version keeps the old one until the
// next publish. A revealed value lives in this component only and is hidden again when
// focus leaves it or after a minute.
import { useEffect, useRef, useState, type FocusEvent } from 'react';
import { webhooksApi } from '../../api/webhooks';
import { errorText } from '../../store/notices-store';
import { copyText } from '../../ui/copy-text';
import { CheckIcon, CopyIcon, EyeIcon, EyeOffIcon, Spinner } from '../../ui/icons';

export type SecretPurpose = 'webhook-token' | 'hmac-secret';

interface Props {
  /** Prefix of the controls' ids. */
  id: string;
  /** "Token", "Secret 2". */
  label: string;
  /** What the words say: "token" or "secret". */
  noun: 'token' | 'secret';
  secretId: string;
  /**
   * The id names no secret in this data folder (the runtime's check): a flow imported from
   * another folder carries only ids. Shown as missing, never as "Stored".
   */
  missing?: boolean;
  purpose: SecretPurpose;
  onChange: (secretId: string) => void;
  /** Senders that issue their own secret (Stripe, Shopify…) get no Generate button. */
  canGenerate?: boolean;
  hint?: string | undefined;
  error?: string | undefined;
  testId?: string;
}

const REVEAL_MS = 60_000;

type Busy = 'generating' | 'saving' | 'revealing';

export function SecretSlot({
  id,
  label,
  noun,
  secretId,
  missing = false,
  purpose,
  onChange,
  canGenerate = true,
  hint,
  error,
  testId,
}: Props) {
  const [own, setOwn] = useState('');
  const [busy, setBusy] = useState<Busy>();
  const [failure, setFailure] = useState<string>();
  const [revealed, setRevealed] = useState<string>();
  const [changed, setChanged] = useState(false);
  const [copied, setCopied] = useState(false);
  const hideTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const hide = () => {
    clearTimeout(hideTimer.current);
    setRevealed(undefined);
    setCopied(false);
  };
  useEffect(() => () => clearTimeout(hideTimer.current), []);

  const reveal = async (idToReveal: string) => {
    setBusy('revealing');
    setFailure(undefined);
    try {
      const { value } = await webhooksApi.revealSecret(idToReveal);
      setRevealed(value);
      clearTimeout(hideTimer.current);
      hideTimer.current = setTimeout(hide, REVEAL_MS);
    } catch (caught) {
      setFailure(
        `Could not show the ${noun}: ${errorText(caught)}. Generate a new one or save your own.`,
      );
    } finally {
      setBusy(undefined);
    }
  };

  const store = async (kind: 'generating' | 'saving') => {
    setBusy(kind);
    setFailure(undefined);
    hide();
    try {
      const created = await webhooksApi.createSecret(purpose, kind === 'saving' ? own : undefined);
      setOwn('');
      setChanged(secretId !== '');
      onChange(created.id);
      // A generated token is only useful once the sender has it: show it at once.
      if (kind === 'generating') await reveal(created.id);
    } catch (caught) {
      setFailure(`Could not store the ${noun}: ${errorText(caught)}`);
    } finally {
      setBusy(undefined);
    }
  };

  // Focus leaving the slot hides the value (the user went on elsewhere).
  const onBlur = (event: FocusEvent<HTMLFieldSetElement>) => {
    if (revealed !== undefined && !event.currentTarget.contains(event.relatedTarget)) hide();
  };

  const stored = secretId !== '' && !missing;
  const shownError =
    failure ??
    (missing
      ? `This data folder does not hold this ${noun} (the flow came from another one, which kept it). Generate a new ${noun} or save your own, give it to the sender, then publish.`
      : error);
  return (
    <fieldset className="secret-slot" data-testid={testId} onBlur={onBlur}>
      <legend>{label}</legend>
      <div className="secret-state">
        <span
          className={stored ? 'secret-stored' : missing ? 'secret-not-here' : 'secret-missing'}
          data-testid={testId && `${testId}-state`}
        >
          {stored
            ? `Stored, encrypted`
            : missing
              ? 'Missing from this data folder'
              : `No ${noun} yet`}
        </span>
        {stored && (
          <button
            type="button"
            className="icon-button secret-eye"
            aria-label={revealed === undefined ? `Show the ${noun}` : `Hide the ${noun}`}
            aria-pressed={revealed !== undefined}
            title={revealed === undefined ? `Show the ${noun}` : `Hide the ${noun}`}
            disabled={busy !== undefined}
            data-testid={testId && `${testId}-reveal`}
            onClick={() => (revealed === undefined ? void reveal(secretId) : hide())}
          >
            {busy === 'revealing' ? (
              <Spinner />
            ) : revealed === undefined ? (
              <EyeIcon />
            ) : (
              <EyeOffIcon />
            )}
          </button>
        )}
        {canGenerate && (
          <button
            type="button"
            disabled={busy !== undefined}
            data-testid={testId && `${testId}-generate`}
            onClick={() => void store('generating')}
          >
            {busy === 'generating' ? <Spinner /> : null} Generate new {noun}
          </button>
        )}
      </div>
      {revealed !== undefined && (
        <div className="secret-revealed">
          <input
            id={`${id}-value`}
            className="monospace"
            readOnly
            value={revealed}
            aria-label={`The ${noun}`}
            data-testid={testId && `${testId}-value`}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button
            type="button"
            className={`url-copy-button${copied ? ' is-done' : ''}`}
            onClick={() => void copyText(revealed).then(setCopied)}
          >
            {copied ? <CheckIcon /> : <CopyIcon />} {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      )}
      {changed && (
        <p className="field-hint" role="status">
          New {noun} stored. Give it to the sender; the live version keeps the old one until you
          publish.
        </p>
      )}
      <form
        className="secret-own"
        onSubmit={(event) => {
          event.preventDefault();
          if (own !== '') void store('saving');
        }}
      >
        <input
          id={`${id}-own`}
          type="password"
          className="monospace"
          value={own}
          autoComplete="off"
          spellCheck={false}
          maxLength={4096}
          placeholder={stored ? 'Replace with your own' : `Paste your own ${noun}`}
          aria-label={`Your own ${noun}`}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={
            [hint ? `${id}-hint` : '', shownError ? `${id}-error` : ''].filter(Boolean).join(' ') ||
            undefined
          }
          data-testid={testId && `${testId}-own`}
          onChange={(event) => setOwn(event.target.value)}
        />
        <button type="submit" disabled={own === '' || busy !== undefined}>
          {busy === 'saving' ? <Spinner /> : null} Save {noun}
        </button>
      </form>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {shownError && (
        <p className="field-error" id={`${id}-error`} role={failure ? 'alert' : undefined}>
          {shownError}
        </p>
      )}
    </fieldset>
  );
}
