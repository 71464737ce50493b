import type { KinematicTree } from '../hands/kinematicTree';
import type { HandConfig } from './handConfig';
import { solveIk, type IkOptions, type IkResult } from './ik';
import { linkTargets } from './linkTargets';
import { multilaterate } from './multilateration';
import type { RobotPointSet } from './robotPoints';

export interface PostprocessResult extends IkResult {
  /** the robot points placed by multilateration (object frame, N x 3) */
  points: Float64Array;
}

/** DRO's post-processing: D -> robot points (multilateration) -> link poses (Kabsch) -> configuration (IK). */
export function graspFromDistances(
  tree: KinematicTree,
  set: RobotPointSet,
  dist: ArrayLike<number>,
  objectPoints: ArrayLike<number>,
  initial: HandConfig,
  opts?: IkOptions,
): PostprocessResult {
  const points = multilaterate(dist, set.count, objectPoints);
  const ik = solveIk(tree, linkTargets(set, points), initial, opts);
  return { ...ik, points };
}

/** The exact distance matrix between robot points (N x 3) and object points (M x 3), row-major N x M. */
export function distanceMatrix(robot: ArrayLike<number>, object: ArrayLike<number>): Float32Array {
  const n = robot.length / 3,
    m = object.length / 3;
  const out = new Float32Array(n * m);
  for (let i = 0; i < n; i++) {
    const x = robot[3 * i],
      y = robot[3 * i + 1],
      z = robot[3 * i + 2];
    for (let j = 0; j < m; j++) out[i * m + j] = Math.hypot(x - object[3 * j], y - object[3 * j + 1], z - object[3 * j + 2]);
  }
  return out;
}
