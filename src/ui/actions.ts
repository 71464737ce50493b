import { useViewStore } from '../state/viewStore';
import { decide, stepSelection, undo } from '../state/reviewActions';
import { useReviewStore } from '../state/reviewStore';
import { useOpenStore } from '../state/openStore';
import { copyLink, savePng } from './share/ShareBar';

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
  { name: 'nextGrasp', label: 'Next grasp', keys: ['ArrowDown', 'ArrowRight'], perform: () => stepSelection(1) },
  { name: 'prevGrasp', label: 'Previous grasp', keys: ['ArrowUp', 'ArrowLeft'], perform: () => stepSelection(-1) },
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
  { name: 'toggleHand', label: 'Show the robot hand', keys: ['h'], perform: () => useViewStore.getState().toggle('showHand') },
  { name: 'toggleObject', label: 'Show object', keys: ['o'], perform: () => useViewStore.getState().toggle('showObject') },
  { name: 'toggleMano', label: 'Show the reconstructed human hand', keys: ['m'], perform: () => useViewStore.getState().toggle('showMano') },
  { name: 'togglePenetration', label: 'Overlay: hand points inside the object', keys: ['p'], perform: () => useViewStore.getState().toggle('overlayPenetration') },
  { name: 'toggleContact', label: 'Overlay: contact regions on the object', keys: ['c'], perform: () => useViewStore.getState().toggle('overlayContact') },
  { name: 'toggleFingertips', label: 'Overlay: fingertip-to-surface gaps', keys: ['f'], perform: () => useViewStore.getState().toggle('overlayFingertips') },
  { name: 'accept', label: 'Accept', keys: ['a'], perform: () => void decide('accept') },
  { name: 'reject', label: 'Reject', keys: ['x'], perform: () => void decide('reject') },
  { name: 'skip', label: 'Skip', keys: [' '], perform: () => void decide('skip') },
  { name: 'undo', label: 'Undo the last decision', keys: ['Backspace'], perform: () => void undo() },
  { name: 'help', label: 'Keyboard shortcuts', keys: ['?'], perform: () => useReviewStore.setState((s) => ({ helpOpen: !s.helpOpen })) },
  { name: 'openDataset', label: 'Open a dataset (URL or folder)', keys: ['O'], perform: () => useOpenStore.getState().setDialog(!useOpenStore.getState().dialogOpen) },
  { name: 'copyLink', label: 'Copy a link to this view', keys: ['L'], perform: () => void copyLink() },
  { name: 'savePng', label: 'Save the viewport as PNG', keys: ['P'], perform: () => void savePng() },
];

export function actionForKey(key: string): Action | undefined {
  return actions.find((a) => a.keys.includes(key));
}

const NON_TEXT_INPUTS = ['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color'];

/** Keys typed into a text field belong to the field, not to the studio. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  // Checkboxes and buttons take no typing: the review keys must keep working after a reason is ticked.
  if (el.tagName === 'INPUT' && NON_TEXT_INPUTS.includes((el as HTMLInputElement).type)) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}
