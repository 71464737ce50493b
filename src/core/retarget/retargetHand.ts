import type { HandModel } from '../hands';
import { linkTransforms } from '../hands/forwardKinematics';
import { fromPositionQuaternion, type M4 } from '../math/mat4';
import { cross } from '../math/vec3';
import type { RootPose, Vec3 } from '../hands/types';
import { fitSimilarity } from '../align/fitSimilarity';
import { axisAngleRotation, mul3, rotationToQuaternion } from '../align/similarity';
import { FINGERS, KEYPOINT_NAMES, isTip, tipIndex, type Keypoints } from './handKeypoints';
import { keypointLinks } from './robotKeypointLinks';
import { solveSpd } from '../math/solveSpd';

export interface RetargetOptions {
  /** uniform scale of object and human hand about the object origin (LEAP: 1.5 in Web2Grasp) */
  objectScale?: number;
  /** weight of the fingertip terms; default 1 */
  tipWeight?: number;
  /** weight of the intermediate finger joints; default 0.3 */
  jointWeight?: number;
  /** weight of the wrist; default 0.3 */
  wristWeight?: number;
  /** weight of the pull towards the natural (open) pose, per radian; default 0.004 (0.1 rad ~ 0.4 mm) */
  regularization?: number;
  maxIterations?: number;
}

export interface RetargetResult {
  root: RootPose;
  /** movable joints (mimic joints follow their drivers and are not listed) */
  joints: Record<string, number>;
  objectScale: number;
  /** per human fingertip the robot has: distance of the robot tip to it [mm] */
  fingertipErrorMm: Record<string, number>;
  meanFingertipErrorMm: number;
  maxFingertipErrorMm: number;
  /** joints that ended within 1e-3 rad of a limit */
  jointsAtLimits: string[];
  /** human fingertips the robot has no finger for (LEAP: little) */
  unmatchedFingertips: string[];
  iterations: number;
  starts: number;
}

interface Term {
  link: number;
  target: Vec3;
  weight: number;
}

/** Compiled hand: parameters are 3 root translations, 3 root rotations, then the movable joints. */
class Problem {
  readonly tree;
  readonly n: number;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly natural: Float64Array;
  /** per link: joint indices from the root down to it */
  private chains = new Map<number, number[]>();
  /** tree joint index -> parameter index (drivers for mimic joints) and multiplier */
  private param: { p: number; mult: number }[];

  constructor(
    model: HandModel,
    readonly terms: Term[],
    readonly reg: number,
  ) {
    const tree = (this.tree = model.kinematics);
    const m = tree.movable.length;
    this.n = 6 + m;
    this.lower = Float64Array.from(tree.movable, (j) => tree.joints[j].lower);
    this.upper = Float64Array.from(tree.movable, (j) => tree.joints[j].upper);
    this.natural = Float64Array.from(tree.movable, (j) => Math.min(tree.joints[j].upper, Math.max(tree.joints[j].lower, 0)));
    const byName = new Map(tree.movable.map((j, i) => [tree.joints[j].name, i]));
    this.param = tree.joints.map((j) => {
      if (j.mimic) {
        const d = byName.get(j.mimic.joint);
        return d === undefined ? { p: -1, mult: 0 } : { p: d, mult: j.mimic.multiplier };
      }
      const i = byName.get(j.name);
      return i === undefined ? { p: -1, mult: 0 } : { p: i, mult: 1 };
    });
    for (const t of terms) {
      const chain: number[] = [];
      let ji = tree.parentJoint[t.link];
      while (ji >= 0) {
        chain.push(ji);
        ji = tree.parentJoint[tree.joints[ji].parentIndex];
      }
      this.chains.set(t.link, chain);
    }
  }

  /** Joint value per tree joint: movable from q, mimics from their drivers, clamped, fixed 0. */
  values(q: Float64Array): Float64Array {
    const tree = this.tree;
    const v = new Float64Array(tree.joints.length);
    tree.movable.forEach((j, i) => (v[j] = q[i]));
    for (const ji of tree.order) {
      const j = tree.joints[ji];
      if (!j.mimic) continue;
      const d = this.param[ji].p;
      v[ji] = Math.min(j.upper, Math.max(j.lower, j.mimic.multiplier * (d >= 0 ? q[d] : 0) + j.mimic.offset));
    }
    return v;
  }

  links(R: number[], t: Vec3, q: Float64Array): M4[] {
    const root = new Float64Array([R[0], R[3], R[6], 0, R[1], R[4], R[7], 0, R[2], R[5], R[8], 0, t[0], t[1], t[2], 1]);
    return linkTransforms(this.tree, root, this.values(q));
  }

  /** Residual vector (and, when J is given, its Jacobian, rows x n row-major). */
  evaluate(R: number[], t: Vec3, q: Float64Array, J?: Float64Array): Float64Array {
    const L = this.links(R, t, q);
    const m = q.length;
    const rows = 3 * this.terms.length + m;
    const r = new Float64Array(rows);
    if (J) J.fill(0);
    this.terms.forEach((term, k) => {
      const X = L[term.link];
      const p = [X[12], X[13], X[14]];
      for (let a = 0; a < 3; a++) r[3 * k + a] = term.weight * (p[a] - term.target[a]);
      if (!J) return;
      const w = term.weight,
        n = this.n;
      for (let a = 0; a < 3; a++) J[(3 * k + a) * n + a] = w;
      // root rotation about the root origin: d p / d omega = -[p - t]x
      const d = [p[0] - t[0], p[1] - t[1], p[2] - t[2]];
      const rot = [
        [0, d[2], -d[1]],
        [-d[2], 0, d[0]],
        [d[1], -d[0], 0],
      ];
      for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) J[(3 * k + a) * n + 3 + b] = w * rot[a][b];
      for (const ji of this.chains.get(term.link)!) {
        const j = this.tree.joints[ji];
        const { p: pi, mult } = this.param[ji];
        if (pi < 0 || (j.type !== 'revolute' && j.type !== 'continuous' && j.type !== 'prismatic')) continue;
        const C = L[j.childIndex];
        const ax = [
          C[0] * j.axis[0] + C[4] * j.axis[1] + C[8] * j.axis[2],
          C[1] * j.axis[0] + C[5] * j.axis[1] + C[9] * j.axis[2],
          C[2] * j.axis[0] + C[6] * j.axis[1] + C[10] * j.axis[2],
        ];
        let col: number[];
        if (j.type === 'prismatic') col = ax;
        else {
          const e = [p[0] - C[12], p[1] - C[13], p[2] - C[14]];
          col = cross(ax, e);
        }
        for (let a = 0; a < 3; a++) J[(3 * k + a) * n + 6 + pi] += w * mult * col[a];
      }
    });
    const base = 3 * this.terms.length;
    for (let i = 0; i < m; i++) {
      r[base + i] = this.reg * (q[i] - this.natural[i]);
      if (J) J[(base + i) * this.n + 6 + i] = this.reg;
    }
    return r;
  }

  clamp(q: Float64Array): void {
    for (let i = 0; i < q.length; i++) q[i] = Math.min(this.upper[i], Math.max(this.lower[i], q[i]));
  }
}

const sumSq = (r: Float64Array) => r.reduce((s, x) => s + x * x, 0);

/** Levenberg-Marquardt over root and joints, joint limits kept by projection after each step. */
function solve(pb: Problem, R0: number[], t0: Vec3, q0: Float64Array, maxIterations: number) {
  let R = R0,
    t = t0,
    q = q0.slice();
  pb.clamp(q);
  const n = pb.n;
  const rows = 3 * pb.terms.length + q.length;
  const J = new Float64Array(rows * n);
  let r = pb.evaluate(R, t, q, J);
  let cost = sumSq(r);
  let mu = 1e-3;
  let it = 0;
  const A = new Float64Array(n * n),
    g = new Float64Array(n);
  for (; it < maxIterations; it++) {
    A.fill(0);
    g.fill(0);
    for (let row = 0; row < rows; row++) {
      const o = row * n;
      for (let a = 0; a < n; a++) {
        const ja = J[o + a];
        if (ja === 0) continue;
        g[a] += ja * r[row];
        for (let b = a; b < n; b++) A[a * n + b] += ja * J[o + b];
      }
    }
    for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) A[a * n + b] = A[b * n + a];
    let improved = false;
    for (let tries = 0; tries < 8 && !improved; tries++) {
      const M = A.slice();
      for (let a = 0; a < n; a++) M[a * n + a] += mu * (A[a * n + a] + 1e-9);
      const step = solveSpd(
        M,
        g.map((x) => -x),
        n,
      );
      if (!step) {
        mu *= 10;
        continue;
      }
      const tN: Vec3 = [t[0] + step[0], t[1] + step[1], t[2] + step[2]];
      const w = [step[3], step[4], step[5]];
      const angle = Math.hypot(...w);
      const RN = angle > 1e-15 ? mul3(axisAngleRotation(w.map((x) => x / angle) as Vec3, angle), R) : R;
      const qN = q.map((x, i) => x + step[6 + i]);
      pb.clamp(qN);
      const rN = pb.evaluate(RN, tN, qN);
      const cN = sumSq(rN);
      if (cN < cost) {
        improved = true;
        const gain = cost - cN;
        R = RN;
        t = tN;
        q = qN;
        r = pb.evaluate(R, t, q, J);
        cost = cN;
        mu = Math.max(1e-7, mu / 3);
        if (gain < 1e-14) it = maxIterations;
      } else mu *= 10;
    }
    if (!improved) break;
  }
  return { R, t, q, cost, iterations: it };
}

/**
 * A robot grasp from a human hand: the root pose and joints that put the robot's keypoint frames
 * on the human keypoints (fingertips weighted most, then the wrist and the finger joints), with
 * a small pull towards the open hand, limits and mimic joints respected. Several starts (open
 * and half-curled hand, root from a rigid fit of the keypoints); the best is kept.
 */
export function retargetHand(model: HandModel, human: Keypoints, opts: RetargetOptions = {}): RetargetResult {
  const s = opts.objectScale ?? 1;
  if (!(Number.isFinite(s) && s > 0)) throw new Error(`object scale must be a positive number (got ${s})`);
  if (human.length !== 21) throw new Error(`expected 21 human keypoints, got ${human.length}`);
  const links = keypointLinks(model);
  const tree = model.kinematics;
  const terms: (Term & { k: number })[] = [];
  human.forEach((h, k) => {
    const link = links[k];
    if (!h || !link) return;
    const weight = k === 0 ? (opts.wristWeight ?? 0.3) : isTip(k) ? (opts.tipWeight ?? 1) : (opts.jointWeight ?? 0.3);
    if (weight > 0) terms.push({ k, link: tree.linkIndex.get(link)!, target: [h[0] * s, h[1] * s, h[2] * s], weight });
  });
  const tipTerms = terms.filter((t) => isTip(t.k));
  if (tipTerms.length < 2) {
    throw new Error(`hand "${model.name}": fewer than two of its fingertips match a human fingertip (its tips: ${model.fingertips.join(', ') || 'none'})`);
  }
  const pb = new Problem(model, terms, opts.regularization ?? 0.004);
  const maxIterations = opts.maxIterations ?? 60;

  const poses = [pb.natural, pb.natural.map((v, i) => Math.min(pb.upper[i], Math.max(pb.lower[i], v + 0.35 * (pb.upper[i] - v))))];
  let best: ReturnType<typeof solve> | null = null;
  let iterations = 0,
    starts = 0;
  const I = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  for (const q0 of poses) {
    // Root from a rigid fit of the robot keypoints (root at the origin) onto the human ones.
    const L = pb.links(I, [0, 0, 0], q0);
    const x = new Float64Array(terms.flatMap((t) => [L[t.link][12], L[t.link][13], L[t.link][14]]));
    const y = new Float64Array(terms.flatMap((t) => t.target));
    const w = new Float64Array(terms.map((t) => t.weight));
    const fit = fitSimilarity(x, y, w, 1);
    const run = solve(pb, fit.rotation, fit.translation, q0, maxIterations);
    iterations += run.iterations;
    starts++;
    if (!best || run.cost < best.cost) best = run;
  }
  const { R, t, q } = best!;
  const L = pb.links(R, t, q);
  const fingertipErrorMm: Record<string, number> = {};
  for (const term of tipTerms) {
    const X = L[term.link];
    fingertipErrorMm[KEYPOINT_NAMES[term.k].replace('_tip', '')] = Math.hypot(X[12] - term.target[0], X[13] - term.target[1], X[14] - term.target[2]) * 1000;
  }
  const errs = Object.values(fingertipErrorMm);
  const joints: Record<string, number> = {};
  const jointsAtLimits: string[] = [];
  tree.movable.forEach((j, i) => {
    joints[tree.joints[j].name] = q[i];
    if (q[i] - pb.lower[i] < 1e-3 || pb.upper[i] - q[i] < 1e-3) jointsAtLimits.push(tree.joints[j].name);
  });
  return {
    root: { position: [...t] as Vec3, quaternion: rotationToQuaternion(R) },
    joints,
    objectScale: s,
    fingertipErrorMm,
    meanFingertipErrorMm: errs.reduce((a, b) => a + b, 0) / errs.length,
    maxFingertipErrorMm: Math.max(...errs),
    jointsAtLimits,
    unmatchedFingertips: FINGERS.filter((f) => human[tipIndex(f)] && !links[tipIndex(f)]),
    iterations,
    starts,
  };
}

/** Positions of a hand's keypoint frames at a pose (null where the hand has no such frame). */
export function robotKeypoints(model: HandModel, root: RootPose, joints: Record<string, number>): Keypoints {
  const tree = model.kinematics;
  const q = Float64Array.from(tree.movable, (j) => {
    const J = tree.joints[j];
    return Math.min(J.upper, Math.max(J.lower, joints[J.name] ?? 0));
  });
  const pb = new Problem(model, [], 0);
  const rootM = fromPositionQuaternion(root.position, root.quaternion);
  const R = [rootM[0], rootM[4], rootM[8], rootM[1], rootM[5], rootM[9], rootM[2], rootM[6], rootM[10]];
  const L = pb.links(R, root.position, q);
  return keypointLinks(model).map((l) => {
    if (!l) return null;
    const X = L[tree.linkIndex.get(l)!];
    return [X[12], X[13], X[14]] as Vec3;
  });
}
