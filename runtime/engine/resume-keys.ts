// The keys a run's resume endpoints are called with (seed 003's `conversation_key`): one per
// run, node and wait, issued by the engine so the flow can send it out before it waits. A
// key is `{runId}.{pass}.{mac}`: `pass` counts the node's earlier steps in the run (a loop
// back to the node waits on a fresh key, so a late repeat of the first callback cannot
// resume the second wait), and `mac` is an HMAC of flow, node, run and pass under a key
// derived from the secrets key, so keys cannot be guessed or moved to another node, and
// they stay valid across restarts. No key is stored: the run log already says what
// became of each wait (Engine.missedWait reads it), so an ended key can be told from a
// made-up one without a table of issued keys.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 128 bits of the HMAC-SHA256, base64url. */
const MAC_BYTES = 16;
const KEY_PATTERN = /^(r_[A-Za-z0-9_-]{6,64})\.(0|[1-9][0-9]{0,8})\.([A-Za-z0-9_-]{22})$/;

export interface ResumeKeyPlace {
  flowId: string;
  nodeId: string;
  runId: string;
  /** How many steps the node has taken in the run before this wait. */
  pass: number;
}

export class ResumeKeys {
  /** `secret`: 32 bytes, derived from the secrets key (SecretsStore.derivedKey). */
  constructor(private readonly secret: Buffer) {}

  /**
   * Keys that live as long as the process: for an engine opened without the secrets store
   * (unit tests). The runtime always passes a derived one, so keys survive restarts.
   */
  static ephemeral(): ResumeKeys {
    return new ResumeKeys(randomBytes(32));
  }

  issue(place: ResumeKeyPlace): string {
    return `${place.runId}.${place.pass}.${this.#mac(place).toString('base64url')}`;
  }

  /** The run and pass a key names at this node, or undefined when it was not issued for it. */
  read(flowId: string, nodeId: string, key: string): { runId: string; pass: number } | undefined {
    const match = KEY_PATTERN.exec(key);
    if (!match) return undefined;
    const [, runId = '', passText = '', macText = ''] = match;
    const pass = Number(passText);
    const given = Buffer.from(macText, 'base64url');
    const expected = this.#mac({ flowId, nodeId, runId, pass });
    // Equal lengths by the pattern; compared in constant time all the same.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return { runId, pass };
  }

  #mac(place: ResumeKeyPlace): Buffer {
    return createHmac('sha256', this.secret)
      .update(`${place.flowId}\n${place.nodeId}\n${place.runId}\n${place.pass}`)
      .digest()
      .subarray(0, MAC_BYTES);
  }
}
