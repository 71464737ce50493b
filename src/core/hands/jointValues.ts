import type { KinematicTree } from './kinematicTree';
import type { PoseReport } from './types';

export function emptyReport(): PoseReport {
  return { clamped: [], unknown: [], missing: [], invalid: [] };
}

/**
 * Turns a grasp's joint record into one value per tree joint (fixed joints 0), clamping to the
 * URDF limits and reporting everything that was not taken as given.
 */
export function resolveJointValues(tree: KinematicTree, joints: Record<string, number>, report: PoseReport = emptyReport()): Float64Array {
  const values = new Float64Array(tree.joints.length);
  const byName = new Map<string, number>();
  for (const i of tree.movable) byName.set(tree.joints[i].name, i);
  for (const name of Object.keys(joints)) if (!byName.has(name)) report.unknown.push(name);

  for (const i of tree.movable) {
    const j = tree.joints[i];
    const given = Object.prototype.hasOwnProperty.call(joints, j.name);
    const raw = given ? joints[j.name] : 0;
    const usable = given && typeof raw === 'number' && Number.isFinite(raw);
    if (!given) report.missing.push(j.name);
    else if (!usable) report.invalid.push(j.name);
    const v = usable ? raw : 0;
    const c = Math.min(j.upper, Math.max(j.lower, v));
    // Defaults (missing/invalid -> 0) are reported as such, not again as clamped.
    if (usable && c !== v) report.clamped.push({ joint: j.name, value: v, clampedTo: c });
    values[i] = c;
  }
  for (const i of tree.order) {
    const j = tree.joints[i];
    if (!j.mimic) continue;
    const driver = tree.joints.findIndex((d) => d.name === j.mimic!.joint);
    const v = j.mimic.multiplier * (driver >= 0 ? values[driver] : 0) + j.mimic.offset;
    values[i] = Math.min(j.upper, Math.max(j.lower, v));
  }
  return values;
}
