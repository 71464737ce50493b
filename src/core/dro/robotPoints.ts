import { linkTransforms } from '../hands/forwardKinematics';
import type { KinematicTree } from '../hands/kinematicTree';
import type { M4 } from '../math/mat4';
import type { DroModelJson } from './modelFile';
import { rootMatrixOf, treeValues, type HandConfig } from './handConfig';

/** The model's robot points bound to a hand's kinematic tree: per point its link and link-frame position. */
export interface RobotPointSet {
  count: number;
  /** tree link index per point */
  link: Int32Array;
  /** xyz per point in its link's frame, metres */
  local: Float64Array;
  /** the tree link indices that carry points, each with the indices of its points */
  byLink: Map<number, number[]>;
}

export function bindRobotPoints(tree: KinematicTree, model: Pick<DroModelJson, 'robotPoints'>, file = 'dro.json'): RobotPointSet {
  const { links, local } = model.robotPoints;
  const missing = [...new Set(links)].filter((l) => !tree.linkIndex.has(l));
  if (missing.length) throw new Error(`${file}: robotPoints name links the hand does not have: ${missing.join(', ')}`);
  const n = links.length;
  const link = new Int32Array(n);
  const pts = new Float64Array(3 * n);
  const byLink = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const li = tree.linkIndex.get(links[i])!;
    link[i] = li;
    pts.set(local[i], 3 * i);
    byLink.set(li, [...(byLink.get(li) ?? []), i]);
  }
  return { count: n, link, local: pts, byLink };
}

/** Robot points in the object frame for link transforms from linkTransforms. */
export function pointsFromLinks(set: RobotPointSet, links: M4[], out = new Float64Array(3 * set.count)): Float64Array {
  for (let i = 0; i < set.count; i++) {
    const m = links[set.link[i]];
    const x = set.local[3 * i],
      y = set.local[3 * i + 1],
      z = set.local[3 * i + 2];
    out[3 * i] = m[0] * x + m[4] * y + m[8] * z + m[12];
    out[3 * i + 1] = m[1] * x + m[5] * y + m[9] * z + m[13];
    out[3 * i + 2] = m[2] * x + m[6] * y + m[10] * z + m[14];
  }
  return out;
}

/** Robot points in the object frame with the hand at `config` (the project's forward kinematics). */
export function robotPointsAt(tree: KinematicTree, set: RobotPointSet, config: HandConfig): Float64Array {
  return pointsFromLinks(set, linkTransforms(tree, rootMatrixOf(config.root), treeValues(tree, config.joints)));
}
