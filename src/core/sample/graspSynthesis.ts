import { Matrix4, Quaternion, Vector3 } from 'three';
import type { HandModel } from '../hands';
import { poseHand } from '../hands';
import type { Mat4, RootPose, Vec3 } from '../hands/types';
import type { Rng } from '../rng';
import type { FingerSynergy } from './handSynergies';
import { ContactProbe, probePart, type ProbePart } from './contactProbe';

const IDENTITY: RootPose = { position: [0, 0, 0], quaternion: [0, 0, 0, 1] };
/** Distance at which a hand part counts as touching the object when closing onto it. */
export const CONTACT_GAP = 0.003;

const origin = (m: Mat4) => new Vector3(m[12], m[13], m[14]);

/** The hand's grasp frame at the open pose, in its root frame. */
export interface HandFrame {
  /** along the fingers */
  f: Vector3;
  /** out of the palm, the way the fingers curl */
  n: Vector3;
  /** across the knuckles (f x n) */
  k: Vector3;
  /** where an object sits in a power grasp, in front of the proximal phalanges */
  center: Vector3;
}

/** One joint of a finger with the hand parts it moves (its child link and everything below). */
export interface ChainJoint {
  joint: string;
  target: number;
  partIndices: number[];
}

export interface SynthesisContext {
  model: HandModel;
  fingers: (FingerSynergy & { chain: ChainJoint[] })[];
  frame: HandFrame;
  parts: ProbePart[];
}

function clampJoint(model: HandModel, name: string, value: number): number {
  const j = model.joints.find((x) => x.name === name);
  return j ? Math.min(j.upper, Math.max(j.lower, value)) : value;
}

function scaled(model: HandModel, closed: Record<string, number>, t: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(closed)) out[k] = clampJoint(model, k, v * t);
  return out;
}

/** Links moved by a joint: its child and everything below it. */
function linksBelow(model: HandModel, jointName: string): Set<string> {
  const links = new Set<string>();
  for (const j of model.joints) if (j.name === jointName) links.add(j.child);
  let grew = true;
  while (grew) {
    grew = false;
    for (const j of model.kinematics.joints) {
      if (links.has(j.parent) && !links.has(j.child)) {
        links.add(j.child);
        grew = true;
      }
    }
  }
  return links;
}

export function prepareSynthesis(model: HandModel, synergies: FingerSynergy[], rng: Rng): SynthesisContext {
  const open = poseHand(model, IDENTITY, {});
  const fingers = synergies.filter((s) => !s.search);
  const halfClosed = Object.assign({}, ...fingers.map((s) => scaled(model, s.closed, 0.5)));
  const half = poseHand(model, IDENTITY, halfClosed);

  const mean = (vs: Vector3[]) => vs.reduce((a, b) => a.add(b), new Vector3()).multiplyScalar(1 / vs.length);
  const tips0 = fingers.map((s) => origin(open.linkMatrices[s.tip]));
  const tips1 = fingers.map((s) => origin(half.linkMatrices[s.tip]));
  const bases = fingers.map((s) => {
    const firstFlex = model.joints.find((j) => j.name === Object.keys(s.closed).find((k) => s.closed[k] > 0.5));
    return origin(open.linkMatrices[firstFlex!.child]);
  });
  const knuckles = mean(bases);
  const f = mean(tips0).sub(knuckles).normalize();
  const d = mean(tips1.map((t, i) => t.clone().sub(tips0[i])));
  const n = d.sub(f.clone().multiplyScalar(d.dot(f))).normalize();
  const k = new Vector3().crossVectors(f, n);
  const center = knuckles.clone().addScaledVector(f, 0.035).addScaledVector(n, 0.03);
  const frame = { f, n, k, center };

  const parts = open.parts.map((p) => probePart(p.link, p.mesh));
  const withParts = synergies.map((s) => {
    const closed = s.search ? thumbOpposition(model, s, frame, rng) : s.closed;
    const chain = Object.keys(closed).map((joint) => {
      const links = linksBelow(model, joint);
      const partIndices = open.parts.map((p, i) => (links.has(p.link) ? i : -1)).filter((i) => i >= 0);
      return { joint, target: clampJoint(model, joint, closed[joint]), partIndices };
    });
    return { ...s, closed, chain };
  });
  return { model, fingers: withParts, frame, parts };
}

/** Thumb joints that bring the thumb tip in front of the palm, opposite the fingers (random search). */
function thumbOpposition(model: HandModel, s: FingerSynergy, frame: HandFrame, rng: Rng): Record<string, number> {
  const goal = frame.center.clone().addScaledVector(frame.n, 0.01).addScaledVector(frame.f, -0.01);
  let best: Record<string, number> = {};
  let bestCost = Infinity;
  for (let i = 0; i < 1500; i++) {
    const q: Record<string, number> = {};
    for (const name of s.search!) {
      const j = model.joints.find((x) => x.name === name)!;
      q[name] = j.lower + (j.upper - j.lower) * rng.next();
    }
    const tip = origin(poseHand(model, IDENTITY, q).linkMatrices[s.tip]);
    const cost = tip.distanceTo(goal);
    if (cost < bestCost) {
      bestCost = cost;
      best = q;
    }
  }
  return best;
}

export interface GraspTarget {
  /** point on/in the object the grasp centres on */
  point: Vec3;
  /** unit direction the hand approaches along (towards the object) */
  approach: Vec3;
  /** unit direction the knuckle line should follow (the part's long axis) */
  axis: Vec3;
  /** rotation of the hand about the approach direction, radians */
  roll: number;
}

export interface SynthesizedGrasp {
  root: RootPose;
  joints: Record<string, number>;
  /** fingers that stopped on contact (the rest closed fully without touching) */
  touching: string[];
  /** whether the palm came within contact distance on approach */
  palmContact: boolean;
}

function rootFor(ctx: SynthesisContext, target: GraspTarget, offset: number): { R: Matrix4; root: RootPose } {
  const a = new Vector3(...target.approach).normalize();
  const u = new Vector3(...target.axis);
  const kw = u
    .sub(a.clone().multiplyScalar(u.dot(a)))
    .normalize()
    .applyAxisAngle(a, target.roll);
  const fw = new Vector3().crossVectors(a, kw);
  const world = new Matrix4().makeBasis(fw, a, kw);
  const hand = new Matrix4().makeBasis(ctx.frame.f, ctx.frame.n, ctx.frame.k);
  const R = world.multiply(hand.transpose());
  const c = ctx.frame.center.clone().applyMatrix4(R);
  const t = new Vector3(...target.point).sub(c).addScaledVector(a, offset);
  const q = new Quaternion().setFromRotationMatrix(R);
  return { R, root: { position: [t.x, t.y, t.z], quaternion: [q.x, q.y, q.z, q.w] } };
}

function anyTouch(ctx: SynthesisContext, probe: ContactProbe, matrices: Mat4[], indices: number[], gap: number) {
  return indices.some((i) => probe.touches(ctx.parts[i], matrices[i], gap));
}

/**
 * A grasp made the way a hand closes on an object: approach along `target.approach` with open
 * fingers until the hand is about to touch, then curl each finger until it touches.
 */
/**
 * First step index in 1..n at which `touches(step, gap)` holds, checking every `coarse`-th step
 * with a widened gap first (a step moves no vertex further than `travel`), then the steps in
 * between: the same answer as checking every step, at a fraction of the cost. n+1 when none.
 */
function firstContact(n: number, coarse: number, travel: number, touches: (step: number, gap: number) => boolean): number {
  let from = 0;
  for (let c = coarse; from < n; c += coarse) {
    const at = Math.min(c, n);
    if (touches(at, CONTACT_GAP + travel * (at - from))) {
      for (let s = from + 1; s <= at; s++) if (touches(s, CONTACT_GAP)) return s;
    }
    from = at;
  }
  return n + 1;
}

export function synthesizeGrasp(ctx: SynthesisContext, probe: ContactProbe, target: GraspTarget): SynthesizedGrasp {
  const all = ctx.parts.map((_, i) => i);
  const step = CONTACT_GAP * 0.8;
  const start = -0.2;
  const n = Math.ceil(0.3 / step);
  const rootAt = (s: number) => rootFor(ctx, target, start + s * step).root;
  const hit = firstContact(n, 6, step, (s, gap) => {
    const matrices = poseHand(ctx.model, rootAt(s), {}).parts.map((p) => p.matrix);
    return anyTouch(ctx, probe, matrices, all, gap);
  });
  const root = rootAt(hit - 1);
  const palmContact = hit <= n;

  // Each finger wraps joint by joint, proximal first: a joint stops when anything it moves
  // touches, and the next joint keeps curling, so fingers close around the object.
  const joints: Record<string, number> = {};
  const touching: string[] = [];
  const STEPS = 40;
  const REACH = 0.12; // no hand part lies further than this from a finger joint's axis
  for (const finger of ctx.fingers) {
    let touched = false;
    for (const link of finger.chain) {
      const valueAt = (s: number) => (link.target * Math.min(s, STEPS)) / STEPS;
      const travel = (Math.abs(link.target) / STEPS) * REACH;
      const s = firstContact(STEPS, 5, travel, (k, gap) => {
        const matrices = poseHand(ctx.model, root, { ...joints, [link.joint]: valueAt(k) }).parts.map((p) => p.matrix);
        return anyTouch(ctx, probe, matrices, link.partIndices, gap);
      });
      joints[link.joint] = valueAt(s);
      if (s <= STEPS) touched = true;
    }
    if (touched) touching.push(finger.name);
  }
  return { root, joints, touching, palmContact };
}
