import type { RootPose } from '../hands/types';
import { IDENTITY_POSE } from './poseMath';

/**
 * DexGraspNet (Wang et al. 2023) poses its ShadowHand from the MJCF
 * `grasp_generation/mjcf/shadow_hand_wrist_free.xml`, whose root body is `robot0:palm` (there is
 * no forearm and no wrist joint). Assumption: that root frame is our URDF's `palm` link frame
 * with WRJ2 = WRJ1 = 0, offset by `offset` (the DexGraspNet root's pose in our palm frame).
 * Evidence: the MJCF places the knuckles at (0.033, 0, 0.095), (0.011, 0, 0.099),
 * (-0.011, 0, 0.095) and the thumb base at (0.034, -0.009, 0.029) in its palm frame, and
 * shadow_hand_right.urdf's FFJ4/MFJ4/RFJ4/THJ5 origins in `palm` are the same (thumb within
 * 0.5 mm), so the offset is the identity. Change `offset` here if that turns out wrong.
 */
export const DEXGRASPNET_ROOT_FRAME: { link: string; offset: RootPose } = { link: 'palm', offset: IDENTITY_POSE };

export const DEXGRASPNET_TRANSLATION = ['WRJTx', 'WRJTy', 'WRJTz'] as const;
/** transforms3d euler2mat(rx, ry, rz) with the default axes 'sxyz' (static x, then y, then z). */
export const DEXGRASPNET_ROTATION = ['WRJRx', 'WRJRy', 'WRJRz'] as const;

/**
 * DexGraspNet's joints use OpenAI's MJCF numbering: one lower than the URDF (robot0:FFJ0 is the
 * distal joint FFJ1, robot0:FFJ3 the knuckle FFJ4) and some axes point the other way (the MJCF's
 * first/middle finger knuckles and thumb J1/J0 turn about +y where the URDF's turn about -y/-x).
 * `sign` converts: urdfValue = sign * mjcfValue. Checked against both files' joint axes.
 */
export const DEXGRASPNET_JOINT_MAP: Record<string, { joint: string; sign: 1 | -1 }> = (() => {
  const map: Record<string, { joint: string; sign: 1 | -1 }> = {};
  const add = (finger: string, mjcfIndex: number, sign: 1 | -1 = 1) => (map[`${finger}J${mjcfIndex}`] = { joint: `${finger}J${mjcfIndex + 1}`, sign });
  for (const f of ['FF', 'MF'])
    [
      [3, -1],
      [2, 1],
      [1, 1],
      [0, 1],
    ].forEach(([i, s]) => add(f, i, s as 1 | -1));
  for (const i of [3, 2, 1, 0]) add('RF', i);
  for (const i of [4, 3, 2, 1, 0]) add('LF', i);
  [
    [4, 1],
    [3, 1],
    [2, 1],
    [1, -1],
    [0, -1],
  ].forEach(([i, s]) => add('TH', i, s as 1 | -1));
  return map;
})();

/** DexGraspNet's hand has no wrist joints; ours are held at 0 so the palm is where it says. */
export const DEXGRASPNET_FIXED_JOINTS: Record<string, number> = { WRJ2: 0, WRJ1: 0 };

export type DexGraspNetJointNaming = 'mjcf' | 'urdf';

/**
 * Which numbering a qpos uses: 'robot0:' prefixes or any J0 joint mean DexGraspNet's MJCF
 * numbering; plain names without J0 are taken as our URDF's names.
 */
export function detectJointNaming(names: readonly string[]): DexGraspNetJointNaming {
  return names.some((n) => n.startsWith('robot0:') || /^(FF|MF|RF|LF|TH)J0$/.test(n)) ? 'mjcf' : 'urdf';
}
