import { create } from 'zustand';
import type { FolderReport } from '../core/importers/prepareLocalFolder';

interface OpenState {
  dialogOpen: boolean;
  /** what is being done ("Reading folder…"), null when idle */
  busy: string | null;
  error: string | null;
  /** what the last opened folder was and what an importer did with it */
  report: FolderReport | null;
  setDialog(open: boolean): void;
}

export const useOpenStore = create<OpenState>((set) => ({
  dialogOpen: false,
  busy: null,
  error: null,
  report: null,
  setDialog: (dialogOpen) => set({ dialogOpen, error: null }),
}));
