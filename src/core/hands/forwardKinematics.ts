import type { KinematicTree } from './kinematicTree';
import { axisAngle, multiply, translation, type M4 } from '../math/mat4';

/** Link frame -> object frame for every link, given the root link's pose and one value per joint. */
export function linkTransforms(tree: KinematicTree, rootMatrix: M4, values: Float64Array): M4[] {
  const out: M4[] = new Array(tree.links.length);
  out[tree.linkIndex.get(tree.rootLink)!] = rootMatrix;
  const motion = new Float64Array(16);
  const tmp = new Float64Array(16);
  for (const ji of tree.order) {
    const j = tree.joints[ji];
    const parent = out[j.parentIndex];
    multiply(parent, j.origin, tmp);
    if (j.type === 'revolute' || j.type === 'continuous') axisAngle(j.axis, values[ji], motion);
    else if (j.type === 'prismatic') {
      const v = values[ji];
      translation([j.axis[0] * v, j.axis[1] * v, j.axis[2] * v], motion);
    } else {
      out[j.childIndex] = tmp.slice();
      continue;
    }
    out[j.childIndex] = multiply(tmp, motion);
  }
  return out;
}
