import { create } from 'zustand';

export type ObjectSource = 'reference' | 'reconstruction';

/** The on/off switches of the view (each is also a URL parameter and a keyboard action). */
export const VIEW_TOGGLES = ['wireframe', 'showHand', 'showObject', 'showMano', 'overlayPenetration', 'overlayContact', 'overlayFingertips'] as const;
export type ViewToggle = (typeof VIEW_TOGGLES)[number];

interface ViewState extends Record<ViewToggle, boolean> {
  objectSource: ObjectSource;
  setObjectSource(s: ObjectSource): void;
  toggle(key: ViewToggle): void;
}

export const useViewStore = create<ViewState>((set) => ({
  objectSource: 'reference',
  wireframe: false,
  showHand: true,
  showObject: true,
  showMano: true,
  overlayPenetration: true,
  overlayContact: false,
  overlayFingertips: true,
  setObjectSource: (objectSource) => set({ objectSource }),
  toggle: (key) => set((s) => ({ [key]: !s[key] }) as Partial<ViewState>),
}));
