// Small pieces of designer UI state shared by distant components.
import { create } from 'zustand';

interface UiState {
  /** The "Keyboard shortcuts" dialog (opened by `?` or the toolbar). */
  helpOpen: boolean;
  setHelpOpen: (open: boolean) => void;
  /**
   * Where notices show: the open canvas (over its lower middle, clear of the dock's
   * buttons and the inspector), or the window's corner while no flow is open.
   */
  noticeAnchor: HTMLElement | null;
  setNoticeAnchor: (anchor: HTMLElement | null) => void;
  /** The node whose output "Connect an output" (C) is connecting, while its dialog is open. */
  connectSource: string | undefined;
  setConnectSource: (nodeId: string | undefined) => void;
}

export const useUi = create<UiState>((set) => ({
  helpOpen: false,
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  noticeAnchor: null,
  setNoticeAnchor: (noticeAnchor) => set({ noticeAnchor }),
  connectSource: undefined,
  setConnectSource: (connectSource) => set({ connectSource }),
}));
