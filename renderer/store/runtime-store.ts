// What the runtime says about itself (`GET /api/status`): version, data folder, the
// listeners' URLs and files it could not read. Loaded once when the designer opens.
import { create } from 'zustand';
import type { RuntimeStatus } from '../../runtime/shared/runtime-status';
import { api, ApiRequestError } from '../api/client';
import { errorText } from './notices-store';

interface RuntimeState {
  status: RuntimeStatus | undefined;
  /** Set when the designer cannot talk to the runtime at all. */
  fatal: { signIn: boolean; text: string } | undefined;
  load: () => Promise<void>;
}

export const useRuntime = create<RuntimeState>((set) => ({
  status: undefined,
  fatal: undefined,
  load: async () => {
    try {
      set({ status: await api.status(), fatal: undefined });
    } catch (error) {
      const signIn = error instanceof ApiRequestError && error.status === 401;
      set({ fatal: { signIn, text: errorText(error) } });
    }
  },
}));
