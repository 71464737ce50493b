import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinHand } from '../hands/builtin/builtinHands';
import type { HandModel } from '../hands/handModel';
import { fingertipPositions, poseHand } from '../hands/poseHand';
import type { Vec3 } from '../hands/types';
import { computeGraspMetrics } from '../metrics/computeGraspMetrics';
import { uvSphere } from '../metrics/proceduralShapes';
import type { TriMesh } from '../mesh/triMesh';
import type { HandConfig } from './handConfig';
import { objectSurfaceOf } from './objectSurface';
import { fingertipPointLinks, refineContacts } from './refineContacts';
import { refinePointsFor } from './refinePoints';
import { bindRobotPoints } from './robotPoints';

const TIP: Record<string, { tip: string; distal: string }> = {
  shadowhand: { tip: 'fftip', distal: 'ffdistal' },
  leaphand: { tip: 'index_tip_head', distal: 'fingertip' },
};

/** The hand at a mid-range pose, root at the origin. */
function midPose(model: HandModel): HandConfig {
  const joints: Record<string, number> = {};
  for (const ji of model.kinematics.movable) {
    const j = model.kinematics.joints[ji];
    joints[j.name] = 0.7 * j.lower + 0.3 * j.upper;
  }
  return { root: { position: [0, 0, 0], quaternion: [0, 0, 0, 1] }, joints };
}

/** The metrics' own answer (the same code the studio shows), cm. */
function measure(model: HandModel, config: HandConfig, object: TriMesh) {
  const r = computeGraspMetrics({ hand: poseHand(model, config.root, config.joints), object, overlay: true });
  const tipCm = Object.fromEntries(r.overlay!.fingertips.map((f) => [f.name, f.distance * 100]));
  return { depth: r.penetration_depth_cm!, tipCm, errors: r.errors };
}

const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe.each(['shadowhand', 'leaphand'] as const)('contact refinement, %s', (id) => {
  let model: HandModel;
  let start: HandConfig;
  let tips: Record<string, Vec3>;
  beforeAll(async () => {
    model = await loadBuiltinHand(id, { geometry: 'visual' });
    start = midPose(model);
    tips = fingertipPositions(model, start.root, start.joints);
  });
  const points = () => refinePointsFor(model, bindRobotPoints(model.kinematics, { robotPoints: { links: [], local: [] } }));
  const tipLinks = () => fingertipPointLinks(model.kinematics, points(), model.fingertips);

  it('stands each fingertip for its geometry link', () => {
    const names = tipLinks().map((li) => model.kinematics.links[li]);
    expect(names).toContain(TIP[id].distal);
    expect(names).toHaveLength(model.fingertips.length);
  });

  it('pushes a fingertip buried 12 mm in a ball out of it and leaves the other fingers where they were', () => {
    // reach 0: this case is only about the push (fingertips near the ball would be pulled onto it)
    const tip = tips[TIP[id].tip];
    const ball = uvSphere(0.012, 48, 24, tip);
    const before = measure(model, start, ball);
    expect(before.depth).toBeGreaterThan(0.8);
    const r = refineContacts(model.kinematics, points(), start, objectSurfaceOf(ball), tipLinks(), { reach: 0 });
    const after = measure(model, r.config, ball);
    expect(after.errors).toEqual([]);
    expect(r.depthBefore).toBeGreaterThan(0.008);
    expect(r.depthAfter).toBeLessThan(0.0005);
    // The metric samples the surface more densely than refinement does: a sliver may remain.
    expect(after.depth).toBeLessThan(0.1);
    const moved = fingertipPositions(model, r.config.root, r.config.joints);
    for (const [name, p] of Object.entries(tips)) if (name !== TIP[id].tip) expect(dist(moved[name], p)).toBeLessThan(0.005);
  });

  it('pulls a fingertip 15 mm short of a ball onto it without pushing it in', () => {
    const tip = tips[TIP[id].tip];
    // Out along the line from the palm (root) to the fingertip, so no other link is nearer.
    const len = Math.hypot(...tip);
    const dir = tip.map((v) => v / len);
    const radius = 0.01;
    const center = tip.map((v, k) => v + (0.015 + radius) * dir[k]) as Vec3;
    const ball = uvSphere(radius, 48, 24, center);
    expect(dist(tip, center) - radius).toBeCloseTo(0.015, 6);
    const before = measure(model, start, ball);
    // The tip link's nearest surface point, not the tip frame itself, is what the metric measures.
    expect(before.tipCm[TIP[id].tip]).toBeGreaterThan(0.5);
    const r = refineContacts(model.kinematics, points(), start, objectSurfaceOf(ball), tipLinks(), {});
    const after = measure(model, r.config, ball);
    expect(after.tipCm[TIP[id].tip]).toBeLessThan(0.1);
    expect(after.depth).toBeLessThan(0.1);
    expect(r.tipGapAfter).toBeLessThan(r.tipGapBefore);
  });

  it('stops when its run is cancelled', () => {
    const ball = uvSphere(0.012, 48, 24, tips[TIP[id].tip]);
    const signal = AbortSignal.abort(new Error('cancelled'));
    expect(() => refineContacts(model.kinematics, points(), start, objectSurfaceOf(ball), tipLinks(), { signal })).toThrow('cancelled');
  });

  it('leaves a hand with nothing within reach alone', () => {
    const far = uvSphere(0.02, 24, 12, [1, 1, 1]);
    const r = refineContacts(model.kinematics, points(), start, objectSurfaceOf(far), tipLinks(), {});
    expect(r.rounds).toBe(0);
    expect(r.config).toBe(start);
  });
});
