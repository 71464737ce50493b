import type { HandModel } from '../hands';
import { LEAPHAND_FINGERTIPS, SHADOWHAND_FINGERTIPS } from '../hands/fingertips';
import { FINGERS, tipIndex } from './handKeypoints';

/**
 * Which robot link frame stands for each of the 21 human keypoints (null: none). ShadowHand: the
 * palm frame (at the wrist joint) for the wrist, each joint's child frame for the finger joints,
 * the tip frames for the tips. LEAP Hand: no little finger, and no link at a human wrist's place.
 */
export const SHADOWHAND_KEYPOINT_LINKS: (string | null)[] = [
  'palm',
  'thbase',
  'thhub',
  'thdistal',
  'thtip',
  'ffproximal',
  'ffmiddle',
  'ffdistal',
  'fftip',
  'mfproximal',
  'mfmiddle',
  'mfdistal',
  'mftip',
  'rfproximal',
  'rfmiddle',
  'rfdistal',
  'rftip',
  'lfproximal',
  'lfmiddle',
  'lfdistal',
  'lftip',
];

export const LEAPHAND_KEYPOINT_LINKS: (string | null)[] = [
  null,
  'thumb_pip',
  'thumb_dip',
  'thumb_fingertip',
  'thumb_tip_head',
  'pip',
  'dip',
  'fingertip',
  'index_tip_head',
  'pip_2',
  'dip_2',
  'fingertip_2',
  'middle_tip_head',
  'pip_3',
  'dip_3',
  'fingertip_3',
  'ring_tip_head',
  null,
  null,
  null,
  null,
];

const FINGER_NAME_PATTERNS: Record<(typeof FINGERS)[number], RegExp> = {
  thumb: /thumb|^th/i,
  index: /index|^ff|first/i,
  middle: /middle|^mf/i,
  ring: /ring|^rf/i,
  little: /little|pinky|^lf/i,
};

/**
 * The keypoint links of a loaded hand: the ShadowHand or LEAP table when the hand has those
 * links (built-in or the real URDFs), else its fingertips matched to fingers by name (thumb /
 * th..., index / ff..., ...), tips only.
 */
export function keypointLinks(model: HandModel): (string | null)[] {
  const has = (l: string | null) => l === null || model.kinematics.linkIndex.has(l);
  for (const [tips, table] of [
    [SHADOWHAND_FINGERTIPS, SHADOWHAND_KEYPOINT_LINKS],
    [LEAPHAND_FINGERTIPS, LEAPHAND_KEYPOINT_LINKS],
  ] as const) {
    if (tips.every((t) => model.fingertips.includes(t)) && table.every(has)) return [...table];
  }
  const out: (string | null)[] = new Array(21).fill(null);
  for (const f of FINGERS) {
    const tip = model.fingertips.find((t) => FINGER_NAME_PATTERNS[f].test(t));
    if (tip) out[tipIndex(f)] = tip;
  }
  return out;
}
