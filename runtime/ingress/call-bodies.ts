// Whole bodies of accepted calls that are longer than the call log's cap. The log keeps the
// first bytes for reading; a run that must be started after a crash, or a replay, needs
// every byte, so those bodies are written here (durably, before the 2xx) as
// `<dataDir>/call-bodies/<callId>.bin` and deleted once their call leaves the log.
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/atomic-file';
import { isNotFound } from '../store/json-document';

const NAME = /^(c_[A-Za-z0-9_-]{6,64})\.bin$/;
const PRUNE_GRACE_MS = 10 * 60 * 1000;

export class CallBodies {
  #saved = 0;

  private constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<CallBodies> {
    const bodies = new CallBodies(join(dataDir, 'call-bodies'));
    await mkdir(bodies.dir, { recursive: true, mode: 0o700 });
    return bodies;
  }

  async save(callId: string, bytes: Buffer): Promise<void> {
    await writeFileAtomic(this.#path(callId), bytes);
    this.#saved += 1;
  }

  async read(callId: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.#path(callId));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** How many bodies were saved since open (the call log prunes every so often). */
  get saved(): number {
    return this.#saved;
  }

  /**
   * Deletes the bodies of calls the log no longer has. A body is written just before its
   * call record, so recent files are left alone: their record may still be on its way.
   */
  async prune(isKept: (callId: string) => boolean, now = Date.now()): Promise<void> {
    for (const name of await readdir(this.dir)) {
      const callId = NAME.exec(name)?.[1];
      if (!callId || isKept(callId)) continue;
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && now - info.mtimeMs > PRUNE_GRACE_MS) await rm(path, { force: true });
    }
  }

  #path(callId: string): string {
    if (!NAME.test(`${callId}.bin`)) throw new Error(`Not a call id: ${callId}`);
    return join(this.dir, `${callId}.bin`);
  }
}
