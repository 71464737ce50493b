import { Euler, Quaternion } from 'three';
import type { KinematicTree } from '../hands/kinematicTree';
import type { Rng } from '../rng';
import type { Quat } from '../hands/types';
import { jointRecord, type HandConfig } from './handConfig';

/**
 * DRO's initial configuration: the root at the object origin with a random rotation (roll and
 * pitch in (-pi, pi), yaw in (-pi/2, pi/2)) and every joint at p*lower + (1-p)*upper with one
 * p ~ U(0.65, 0.85), i.e. a fairly open hand. Unlimited joints start at 0.
 */
export function initialConfiguration(tree: KinematicTree, rng: Rng): HandConfig {
  const roll = rng.range(-Math.PI, Math.PI);
  const pitch = rng.range(-Math.PI, Math.PI);
  const yaw = rng.range(-Math.PI / 2, Math.PI / 2);
  const p = rng.range(0.65, 0.85);
  // Extrinsic x (roll), y (pitch), z (yaw): R = Rz * Ry * Rx, as in transforms3d's 'sxyz'.
  const q = new Quaternion().setFromEuler(new Euler(roll, pitch, yaw, 'ZYX'));
  const values = tree.movable.map((ji) => {
    const j = tree.joints[ji];
    return Number.isFinite(j.lower) && Number.isFinite(j.upper) ? p * j.lower + (1 - p) * j.upper : 0;
  });
  return {
    root: { position: [0, 0, 0], quaternion: [q.x, q.y, q.z, q.w] as Quat },
    joints: jointRecord(tree, values),
  };
}
