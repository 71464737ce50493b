import { kabsch, transformPoints } from './kabsch';
import type { RobotPointSet } from './robotPoints';

/**
 * What IK has to match: link-frame anchor points and where each should end up (object frame).
 * A link with at least 3 predicted points is fitted rigidly (Kabsch), and its anchors are its
 * points' centroid plus 1 cm along each link axis, so the fitted pose, not the noise of single
 * points, drives IK; a link with fewer points uses those points as they are.
 */
export interface IkTargets {
  link: Int32Array;
  local: Float64Array;
  target: Float64Array;
  /** per target, default 1: its squared error counts this many times */
  weight?: Float64Array;
}

const AXIS = 0.01;

export function linkTargets(set: RobotPointSet, predicted: ArrayLike<number>): IkTargets {
  const link: number[] = [];
  const local: number[] = [];
  const target: number[] = [];
  for (const [li, idx] of set.byLink) {
    const from = new Float64Array(3 * idx.length);
    const to = new Float64Array(3 * idx.length);
    idx.forEach((p, k) => {
      for (let d = 0; d < 3; d++) {
        from[3 * k + d] = set.local[3 * p + d];
        to[3 * k + d] = predicted[3 * p + d];
      }
    });
    if (idx.length < 3) {
      for (let k = 0; k < idx.length; k++) link.push(li);
      local.push(...from);
      target.push(...to);
      continue;
    }
    const fit = kabsch(from, to);
    const c = [0, 0, 0];
    for (let k = 0; k < idx.length; k++) for (let d = 0; d < 3; d++) c[d] += from[3 * k + d] / idx.length;
    const anchors = [c[0], c[1], c[2], c[0] + AXIS, c[1], c[2], c[0], c[1] + AXIS, c[2], c[0], c[1], c[2] + AXIS];
    for (let k = 0; k < 4; k++) link.push(li);
    local.push(...anchors);
    target.push(...transformPoints(fit, anchors));
  }
  return { link: Int32Array.from(link), local: Float64Array.from(local), target: Float64Array.from(target) };
}
