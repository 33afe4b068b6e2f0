// Webhook secrets, decrypted once and kept until any secret changes: decrypting (AES-GCM)
// on every call showed in the HMAC benchmark. The values stay in this process's memory
// only, as they would while being checked anyway.

export interface RevealsSecrets {
  /** The plaintext of a secret id, or undefined; throws if it cannot be decrypted. */
  reveal(id: string): string | undefined;
  /** Changes whenever a secret is set or deleted. */
  readonly revision: number;
}

export class SecretCache {
  readonly #values = new Map<string, string>();
  #revision = -1;

  constructor(private readonly secrets: RevealsSecrets) {}

  /** The plaintext, or '' when missing or unreadable (the auth check then fails closed). */
  get(id: string): string {
    if (this.#revision !== this.secrets.revision) {
      this.#values.clear();
      this.#revision = this.secrets.revision;
    }
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
}
