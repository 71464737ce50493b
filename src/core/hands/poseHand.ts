import { geometryLinkFor } from './fingertips';
import { linkTransforms } from './forwardKinematics';
import type { HandModel } from './handModel';
import { emptyReport, resolveJointValues } from './jointValues';
import { asMat4, fromPositionQuaternion, multiply, origin, type M4 } from '../math/mat4';
import type { GeometryKind, PosedHand, PoseReport, Quat, RootPose, Vec3 } from './types';

/** Root pose as a matrix; a non-finite position or unusable quaternion is reported and replaced. */
function rootMatrix(root: RootPose, report: PoseReport): M4 {
  let p = root?.position;
  if (!p || p.length !== 3 || !p.every(Number.isFinite)) {
    report.invalid.push('root.position');
    p = [0, 0, 0];
  }
  let q: Quat | undefined = root?.quaternion;
  const n = q && q.length === 4 && q.every(Number.isFinite) ? Math.hypot(...q) : 0;
  if (!(n > 1e-12)) {
    report.invalid.push('root.quaternion');
    q = [0, 0, 0, 1];
  } else q = q!.map((c) => c / n) as Quat;
  return fromPositionQuaternion(p, q);
}

function pose(model: HandModel, root: RootPose, joints: Record<string, number>) {
  const report = emptyReport();
  const rootM = rootMatrix(root, report);
  const values = resolveJointValues(model.kinematics, joints, report);
  return { report, links: linkTransforms(model.kinematics, rootM, values) };
}

/**
 * Poses the hand in the object frame: `root` places the URDF root link, `joints` are clamped to
 * their limits. Anything not taken as given (clamped, unknown, missing, non-finite) is in `report`.
 */
export function poseHand(model: HandModel, root: RootPose, joints: Record<string, number>, kind: GeometryKind = 'visual'): PosedHand {
  const source = model.parts[kind];
  if (!source) {
    throw new Error(`poseHand: ${kind} geometry was not loaded (load the model with geometry '${kind}' or 'both')`);
  }
  const { report, links } = pose(model, root, joints);
  const tree = model.kinematics;
  const linkMatrices: PosedHand['linkMatrices'] = {};
  tree.links.forEach((name, i) => (linkMatrices[name] = asMat4(links[i])));
  const parts = source.map((p) => ({
    link: p.link,
    mesh: p.mesh,
    matrix: asMat4(multiply(links[tree.linkIndex.get(p.link)!], p.offset)),
  }));
  const withGeometry = new Set(source.map((p) => p.link));
  const fingertips = model.fingertips.map((name) => ({
    name,
    geometryLink: geometryLinkFor(tree, name, withGeometry),
    position: origin(links[tree.linkIndex.get(name)!]),
  }));
  return { parts, linkMatrices, fingertips, report };
}

/** Only the fingertip frame origins in the object frame (no geometry), keyed by tip link name. */
export function fingertipPositions(model: HandModel, root: RootPose, joints: Record<string, number>): Record<string, Vec3> {
  const { links } = pose(model, root, joints);
  const out: Record<string, Vec3> = {};
  for (const name of model.fingertips) out[name] = origin(links[model.kinematics.linkIndex.get(name)!]);
  return out;
}
