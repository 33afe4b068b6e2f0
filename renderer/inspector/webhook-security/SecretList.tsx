// The signing secrets of an HMAC or provider check, with rotation: a call signed with any
// of them is accepted, so a new secret can be added, the sender switched, and the old one
// removed — at most 5 at a time.
import { useState } from 'react';
import { CrossIcon, PlusIcon } from '../../ui/icons';
import { removeItem, replaceItem, resizeKeys } from '../list-ops';
import { SecretSlot } from './SecretSlot';

const MAX_SECRETS = 5;

interface Props {
  id: string;
  secretIds: readonly string[];
  /** Changes apply to the list as it is when they land (secrets are stored asynchronously). */
  onChange: (change: (current: string[]) => string[]) => void;
  canGenerate: boolean;
  hint?: string | undefined;
  error?: string | undefined;
  /** Whether the secret at `index` is missing from this data folder (the runtime's check). */
  missingAt: (index: number) => boolean;
}

let keyCounter = 0;
const makeKey = () => `secret${(keyCounter += 1)}`;

export function SecretList({
  id,
  secretIds,
  onChange,
  canGenerate,
  hint,
  error,
  missingAt,
}: Props) {
  // An empty list still shows one slot to fill in.
  const slots = secretIds.length === 0 ? [''] : secretIds;
  const [keys, setKeys] = useState<string[]>(() => slots.map(makeKey));
  if (keys.length !== slots.length) setKeys(resizeKeys(keys, slots.length, makeKey));
  const rotating = slots.length > 1;
  return (
    <fieldset className="field field-group secret-list" id={id}>
      <legend>{rotating ? 'Secrets (any one is accepted)' : 'Secret'}</legend>
      {slots.map((secretId, index) => (
        <div key={keys[index] ?? index} className="secret-list-row">
          <SecretSlot
            id={`${id}-${index}`}
            label={rotating ? `Secret ${index + 1}` : 'Shared secret'}
            noun="secret"
            purpose="hmac-secret"
            secretId={secretId}
            missing={secretId !== '' && missingAt(index)}
            canGenerate={canGenerate}
            hint={index === 0 ? hint : undefined}
            error={
              index === 0 && !secretId
                ? error && 'Add the shared secret before publishing.'
                : undefined
            }
            testId={`security-secret-${index}`}
            onChange={(stored) =>
              onChange((current) =>
                index < current.length ? replaceItem(current, index, stored) : [...current, stored],
              )
            }
          />
          {rotating && (
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove secret ${index + 1}`}
              title="Remove (senders still signing with it are refused after publishing)"
              onClick={() => {
                setKeys(removeItem(keys, index));
                onChange((current) => removeItem(current, index));
              }}
            >
              <CrossIcon />
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="list-add"
        disabled={slots.length >= MAX_SECRETS || slots.some((secretId) => secretId === '')}
        title={slots.length >= MAX_SECRETS ? 'At most 5 secrets' : undefined}
        onClick={() => onChange((current) => [...(current.length === 0 ? [''] : current), ''])}
      >
        <PlusIcon /> Add a secret (rotation)
      </button>
      {error && secretIds.length > 0 && secretIds.every(Boolean) && (
        <p className="field-error">{error}</p>
      )}
    </fieldset>
  );
}
