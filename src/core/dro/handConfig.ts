import type { KinematicTree } from '../hands/kinematicTree';
import { resolveJointValues } from '../hands/jointValues';
import { fromPositionQuaternion, type M4 } from '../math/mat4';
import type { RootPose } from '../hands/types';

/** A hand configuration as a grasp stores it: root pose in the object frame and movable joint values. */
export interface HandConfig {
  root: RootPose;
  joints: Record<string, number>;
}

export function jointRecord(tree: KinematicTree, movableValues: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  tree.movable.forEach((ji, k) => (out[tree.joints[ji].name] = movableValues[k]));
  return out;
}

/** One value per tree joint (mimics follow their drivers), as linkTransforms wants. */
export function treeValues(tree: KinematicTree, joints: Record<string, number>): Float64Array {
  return resolveJointValues(tree, joints);
}

export function rootMatrixOf(root: RootPose): M4 {
  return fromPositionQuaternion(root.position, root.quaternion);
}

/**
 * treeValues for movable values given as an array, without building a record: the IK's hot path
 * (about 30 forward kinematics per iteration). Mimic joints follow their drivers, clamped.
 */
export function movableToTreeValues(tree: KinematicTree): (movable: ArrayLike<number>, out?: Float64Array) => Float64Array {
  const mimics = tree.order
    .map((i) => ({ i, j: tree.joints[i] }))
    .filter(({ j }) => j.mimic)
    .map(({ i, j }) => ({ i, driver: tree.joints.findIndex((d) => d.name === j.mimic!.joint), m: j.mimic!, lower: j.lower, upper: j.upper }));
  return (movable, out = new Float64Array(tree.joints.length)) => {
    tree.movable.forEach((ji, k) => {
      const j = tree.joints[ji];
      out[ji] = Math.min(j.upper, Math.max(j.lower, movable[k]));
    });
    for (const { i, driver, m, lower, upper } of mimics) out[i] = Math.min(upper, Math.max(lower, m.multiplier * (driver >= 0 ? out[driver] : 0) + m.offset));
    return out;
  };
}
