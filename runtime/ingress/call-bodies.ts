// Whole bodies of accepted calls longer than 64 KiB, as earlier versions kept them: beside
// the log, as `<dataDir>/call-bodies/<callId>.bin` (the log kept only their start). Bodies
// are now kept whole inside the call log (stored-call.ts); these are still read for replay
// and recovery of those older calls, and deleted once their call leaves the log.
import { readdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isNotFound } from '../store/json-document';

const NAME = /^(c_[A-Za-z0-9_-]{6,64})\.bin$/;
const PRUNE_GRACE_MS = 10 * 60 * 1000;

export class CallBodies {
  private constructor(private readonly dir: string) {}

  /** Never creates the folder: a data folder that never had one gets none. */
  static open(dataDir: string): CallBodies {
    return new CallBodies(join(dataDir, 'call-bodies'));
  }

  async read(callId: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.#path(callId));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Deletes the bodies of calls the log no longer has. Recent files are left alone (a
   * version that wrote them may have been running a moment ago).
   */
  async prune(isKept: (callId: string) => boolean, now = Date.now()): Promise<void> {
    const names = await readdir(this.dir).catch((error: unknown) => {
      if (isNotFound(error)) return [];
      throw error;
    });
    for (const name of names) {
      const callId = NAME.exec(name)?.[1];
      if (!callId || isKept(callId)) continue;
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && now - info.mtimeMs > PRUNE_GRACE_MS) await rm(path, { force: true });
    }
    // The last one gone, the folder goes too: nothing writes there any more.
    if (names.length > 0 && (await readdir(this.dir)).length === 0) {
      await rmdir(this.dir).catch(() => undefined);
    }
  }

  #path(callId: string): string {
    if (!NAME.test(`${callId}.bin`)) throw new Error(`Not a call id: ${callId}`);
    return join(this.dir, `${callId}.bin`);
  }
}
