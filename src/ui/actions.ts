import { useDatasetStore } from '../state/datasetStore';
import { useViewStore } from '../state/viewStore';

/**
 * Every user action in one place: its name, label, key bindings and what it does.
 * Buttons, the help overlay and the keyboard handler all read this list.
 */
export interface Action {
  name: string;
  label: string;
  keys: string[];
  perform(): void;
}

export const actions: Action[] = [
  { name: 'nextGrasp', label: 'Next grasp', keys: ['ArrowDown', 'ArrowRight'], perform: () => useDatasetStore.getState().step(1) },
  { name: 'prevGrasp', label: 'Previous grasp', keys: ['ArrowUp', 'ArrowLeft'], perform: () => useDatasetStore.getState().step(-1) },
  {
    name: 'toggleReconstruction',
    label: 'Reference / reconstructed mesh',
    keys: ['r'],
    perform: () => {
      const v = useViewStore.getState();
      v.setObjectSource(v.objectSource === 'reference' ? 'reconstruction' : 'reference');
    },
  },
  { name: 'toggleWireframe', label: 'Wireframe', keys: ['w'], perform: () => useViewStore.getState().toggle('wireframe') },
  { name: 'toggleHand', label: 'Show hand', keys: ['h'], perform: () => useViewStore.getState().toggle('showHand') },
  { name: 'toggleObject', label: 'Show object', keys: ['o'], perform: () => useViewStore.getState().toggle('showObject') },
];

export function actionForKey(key: string): Action | undefined {
  return actions.find((a) => a.keys.includes(key));
}

/** Keys typed into a text field belong to the field, not to the studio. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}
