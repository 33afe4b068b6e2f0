// Webhook secrets, decrypted once and kept until any secret changes: decrypting (AES-GCM)
// on every call showed in the HMAC benchmark. The values stay in this process's memory
// only, as they would while being checked anyway. Also every stored secret at once, for
// redaction by value (redact-values.ts), rebuilt only when a secret changes.
import { SecretValues } from './redact-values';

export interface RevealsSecrets {
  /** The plaintext of a secret id, or undefined; throws if it cannot be decrypted. */
  reveal(id: string): string | undefined;
  /** Every stored secret's id. */
  ids(): Iterable<string>;
  /** Changes whenever a secret is set or deleted. */
  readonly revision: number;
}

export class SecretCache {
  readonly #values = new Map<string, string>();
  #all: SecretValues | undefined;
  #revision = -1;

  constructor(private readonly secrets: RevealsSecrets) {}

  /** The plaintext, or '' when missing or unreadable (the auth check then fails closed). */
  get(id: string): string {
    this.#sync();
    let value = this.#values.get(id);
    if (value === undefined) {
      try {
        value = this.secrets.reveal(id) ?? '';
      } catch {
        value = ''; // sealed with another key: the Security tab asks for a new value
      }
      this.#values.set(id, value);
    }
    return value;
  }

  /** Every secret Hookflow holds, ready to be cut out of a call. */
  all(): SecretValues {
    this.#sync();
    this.#all ??= SecretValues.of([...this.secrets.ids()].map((id) => this.get(id)));
    return this.#all;
  }

  #sync(): void {
    if (this.#revision === this.secrets.revision) return;
    this.#values.clear();
    this.#all = undefined;
    this.#revision = this.secrets.revision;
  }
}
