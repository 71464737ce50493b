import { useDatasetStore } from '../state/datasetStore';
import { useViewStore } from '../state/viewStore';
import { decide, stepSelection, toggleReason, undo } from '../state/reviewActions';
import { frameCamera } from '../state/cameraActions';
import type { ViewToggle } from '../state/viewStore';
import { useReviewStore } from '../state/reviewStore';
import { useOpenStore } from '../state/openStore';
import { copyLink, savePng } from './share/ShareBar';
import { scaleBrush, setBrush, useAffordanceStore } from '../state/affordanceStore';

/**
 * Every user action in one place: its name, label, key bindings and what it does.
 * Buttons, the help overlay and the keyboard handler all read this list.
 */
export interface Action {
  name: string;
  label: string;
  keys: string[];
  perform(): void;
  /** for toggles: whether it is on (toolbar checkboxes render from it) */
  checked?: () => boolean;
  /** whether it can act now; a disabled action ignores its keys and is dimmed in the help */
  enabled?: () => boolean;
}

const view = () => useViewStore.getState();
const toggle = (name: string, label: string, key: string, flag: ViewToggle): Action => ({
  name,
  label,
  keys: [key],
  perform: () => view().toggle(flag),
  checked: () => view()[flag],
});

function viewportAspect(): number {
  const el = typeof document !== 'undefined' ? document.querySelector('[data-testid="viewport"]') : null;
  const r = el?.getBoundingClientRect();
  return r && r.height > 0 ? r.width / r.height : 1.5;
}

const hasGrasp = () => {
  const s = useDatasetStore.getState();
  return !!s.dataset && s.selected >= 0 && s.selected < s.dataset.grasps.length;
};
const brushAction = (name: string, label: string, key: string, mode: 'add' | 'erase'): Action => ({
  name,
  label,
  keys: [key],
  perform: () => setBrush(mode),
  checked: () => useAffordanceStore.getState().brush === mode,
  enabled: hasGrasp,
});

const hasReview = () => !!useReviewStore.getState().table && useDatasetStore.getState().selected >= 0;

/** Number keys 1-9 toggle the reasons in the order they are listed. */
const reasonActions: Action[] = Array.from({ length: 9 }, (_, k) => ({
  name: `toggleReason${k + 1}`,
  label: `Tick / untick reason ${k + 1}`,
  keys: [String(k + 1)],
  perform: () => {
    const r = useReviewStore.getState().reasons[k];
    if (r) toggleReason(r);
  },
  checked: () => {
    const s = useReviewStore.getState();
    return !!s.reasons[k] && s.draft.reasons.includes(s.reasons[k]);
  },
  enabled: () => hasReview() && k < useReviewStore.getState().reasons.length,
}));

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
  toggle('toggleWireframe', 'Wireframe', 'w', 'wireframe'),
  toggle('toggleHand', 'Show the robot hand', 'h', 'showHand'),
  toggle('toggleObject', 'Show object', 'o', 'showObject'),
  toggle('toggleMano', 'Show the reconstructed human hand', 'm', 'showMano'),
  toggle('togglePenetration', 'Overlay: hand points inside the object', 'p', 'overlayPenetration'),
  toggle('toggleContact', 'Overlay: contact regions on the object', 'c', 'overlayContact'),
  toggle('toggleFingertips', 'Overlay: fingertip-to-surface gaps', 'f', 'overlayFingertips'),
  { name: 'fitCamera', label: 'Camera: fit hand and object', keys: ['z'], perform: () => void frameCamera('fit', viewportAspect()) },
  { name: 'viewFront', label: 'Camera: front view', keys: ['F'], perform: () => void frameCamera('front', viewportAspect()) },
  { name: 'viewSide', label: 'Camera: side view', keys: ['S'], perform: () => void frameCamera('side', viewportAspect()) },
  { name: 'viewTop', label: 'Camera: top view', keys: ['T'], perform: () => void frameCamera('top', viewportAspect()) },
  { name: 'accept', label: 'Accept', keys: ['a'], perform: () => void decide('accept') },
  { name: 'reject', label: 'Reject', keys: ['x'], perform: () => void decide('reject') },
  { name: 'skip', label: 'Skip', keys: [' '], perform: () => void decide('skip') },
  { name: 'undo', label: 'Undo the last decision (or batch)', keys: ['Backspace'], perform: () => void undo() },
  ...reasonActions,
  {
    name: 'focusNote',
    label: 'Write a note (Esc leaves it)',
    keys: ['n'],
    perform: () => (document.getElementById('review-note') as HTMLTextAreaElement | null)?.focus(),
    enabled: () => hasReview() && !!document.getElementById('review-note'),
  },
  brushAction('brushAdd', 'Region brush: paint on the object (again: off)', 'b', 'add'),
  brushAction('brushErase', 'Region brush: erase (again: off)', 'e', 'erase'),
  { name: 'brushSmaller', label: 'Region brush: smaller', keys: ['['], perform: () => scaleBrush(1 / 1.25), enabled: hasGrasp },
  { name: 'brushLarger', label: 'Region brush: larger', keys: [']'], perform: () => scaleBrush(1.25), enabled: hasGrasp },
  {
    name: 'toggleRegion',
    label: 'Show the avoid region',
    keys: ['v'],
    perform: () => useAffordanceStore.setState((s) => ({ showRegion: !s.showRegion })),
    checked: () => useAffordanceStore.getState().showRegion,
  },
  { name: 'help', label: 'Keyboard shortcuts', keys: ['?'], perform: () => useReviewStore.setState((s) => ({ helpOpen: !s.helpOpen })) },
  { name: 'openDataset', label: 'Open a dataset (URL or folder)', keys: ['O'], perform: () => useOpenStore.getState().setDialog(!useOpenStore.getState().dialogOpen) },
  { name: 'copyLink', label: 'Copy a link to this view', keys: ['L'], perform: () => void copyLink() },
  { name: 'savePng', label: 'Save the viewport as PNG', keys: ['P'], perform: () => void savePng() },
];

/** The enabled action bound to a key. */
export function actionForKey(key: string): Action | undefined {
  const a = actions.find((x) => x.keys.includes(key));
  return a && (a.enabled?.() ?? true) ? a : undefined;
}

export function actionNamed(name: string): Action {
  const a = actions.find((x) => x.name === name);
  if (!a) throw new Error(`no action "${name}"`);
  return a;
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
