import { create } from 'zustand';

export type ObjectSource = 'reference' | 'reconstruction';

interface ViewState {
  objectSource: ObjectSource;
  wireframe: boolean;
  showHand: boolean;
  showObject: boolean;
  setObjectSource(s: ObjectSource): void;
  toggle(key: 'wireframe' | 'showHand' | 'showObject'): void;
}

export const useViewStore = create<ViewState>((set) => ({
  objectSource: 'reference',
  wireframe: false,
  showHand: true,
  showObject: true,
  setObjectSource: (objectSource) => set({ objectSource }),
  toggle: (key) => set((s) => ({ [key]: !s[key] }) as Partial<ViewState>),
}));
