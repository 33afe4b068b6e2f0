// Short messages shown in the corner: what just happened, or what went wrong and what to do.
import { create } from 'zustand';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

interface NoticesState {
  notices: Notice[];
  notify: (kind: Notice['kind'], text: string) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useNotices = create<NoticesState>((set, get) => ({
  notices: [],
  notify: (kind, text) => {
    const id = nextId++;
    set({ notices: [...get().notices.slice(-4), { id, kind, text }] });
    setTimeout(() => get().dismiss(id), kind === 'error' ? 10_000 : 4_000);
  },
  dismiss: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
}));

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
