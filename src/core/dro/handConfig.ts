import type { KinematicTree } from '../hands/kinematicTree';
import { resolveJointValues } from '../hands/jointValues';
import { fromPositionQuaternion, type M4 } from '../hands/mat4';
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
