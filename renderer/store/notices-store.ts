// Short messages shown in the corner: what just happened, or what went wrong and what to do.
import { create } from 'zustand';

export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface Notice {
  id: number;
  /** A warning: done, but something about it needs the user's eye (a publish warning). */
  kind: 'info' | 'warning' | 'error';
  text: string;
  /** One button offered with the message, e.g. "Undo". */
  action?: NoticeAction;
}

interface NoticesState {
  notices: Notice[];
  notify: (kind: Notice['kind'], text: string, action?: NoticeAction) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useNotices = create<NoticesState>((set, get) => ({
  notices: [],
  notify: (kind, text, action) => {
    const id = nextId++;
    set({
      notices: [...get().notices.slice(-4), { id, kind, text, ...(action ? { action } : {}) }],
    });
    // Errors and notices with an action stay longer: there is something to read or do.
    setTimeout(() => get().dismiss(id), kind !== 'info' || action ? 10_000 : 4_000);
  },
  dismiss: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
}));

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
