// Small pieces of designer UI state shared by distant components.
import { create } from 'zustand';

interface UiState {
  /** The "Keyboard shortcuts" dialog (opened by `?` or the toolbar). */
  helpOpen: boolean;
  setHelpOpen: (open: boolean) => void;
}

export const useUi = create<UiState>((set) => ({
  helpOpen: false,
  setHelpOpen: (helpOpen) => set({ helpOpen }),
}));
