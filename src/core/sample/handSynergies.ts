import type { BuiltinHandId } from '../dataset/schema';

/**
 * How each built-in hand closes: per finger, the joints that flex and how far a full curl goes.
 * Abduction joints stay put. Thumb targets are found numerically (see graspSynthesis) because
 * the thumb's opposition depends on several coupled joints.
 */
export interface FingerSynergy {
  name: string;
  /** the finger's tip frame (also its fingertip for metrics) */
  tip: string;
  /** joint -> value when fully curled; the open pose is all zeros */
  closed: Record<string, number>;
  /** joints searched for the thumb's opposition pose (empty for fingers) */
  search?: string[];
}

export const SYNERGIES: Record<BuiltinHandId, FingerSynergy[]> = {
  shadowhand: [
    { name: 'index', tip: 'fftip', closed: { FFJ3: 1.5, FFJ2: 1.45, FFJ1: 1.2 } },
    { name: 'middle', tip: 'mftip', closed: { MFJ3: 1.5, MFJ2: 1.45, MFJ1: 1.2 } },
    { name: 'ring', tip: 'rftip', closed: { RFJ3: 1.5, RFJ2: 1.45, RFJ1: 1.2 } },
    { name: 'little', tip: 'lftip', closed: { LFJ5: 0.3, LFJ3: 1.5, LFJ2: 1.45, LFJ1: 1.2 } },
    { name: 'thumb', tip: 'thtip', closed: {}, search: ['THJ5', 'THJ4', 'THJ3', 'THJ2', 'THJ1'] },
  ],
  leaphand: [
    { name: 'index', tip: 'index_tip_head', closed: { '1': 1.9, '2': 1.5, '3': 1.5 } },
    { name: 'middle', tip: 'middle_tip_head', closed: { '5': 1.9, '6': 1.5, '7': 1.5 } },
    { name: 'ring', tip: 'ring_tip_head', closed: { '9': 1.9, '10': 1.5, '11': 1.5 } },
    { name: 'thumb', tip: 'thumb_tip_head', closed: {}, search: ['12', '13', '14', '15'] },
  ],
};
