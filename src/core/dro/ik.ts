import { Matrix, solve } from 'ml-matrix';
import { Matrix4, Quaternion, Vector3 } from 'three';
import { linkTransforms } from '../hands/forwardKinematics';
import type { KinematicTree } from '../hands/kinematicTree';
import { multiply, type M4 } from '../math/mat4';
import type { Quat, Vec3 } from '../hands/types';
import { jointRecord, movableToTreeValues, rootMatrixOf, type HandConfig } from './handConfig';
import { kabsch } from './kabsch';
import type { IkTargets } from './linkTargets';

export interface IkOptions {
  /** default 64, as in DRO */
  maxIterations?: number;
  /** largest change of any variable per step (rad or m); default 0.5, DRO's trust region */
  maxStep?: number;
  /**
   * default true: rigidly fit the root to the targets at the starting joints before the first
   * step (undoes DRO's random initial rotation); false keeps the start's root, for small corrections
   */
  snapRoot?: boolean;
}

export interface IkResult {
  config: HandConfig;
  iterations: number;
  /** root mean square anchor error at the end (each target counted by its weight), metres */
  rms: number;
}

const FD_STEP = 1e-6;

/**
 * Root 6-DoF + joints that put the anchors where the targets are: Levenberg-Marquardt (damped
 * least squares) with the joints projected onto their limits; a joint held at a limit by the step
 * is taken out of that step (active set) so the others still move. The root is first snapped by a
 * rigid fit of all anchors at the starting joints, so the random initial rotation needs no
 * gradient steps to undo.
 */
export function solveIk(tree: KinematicTree, targets: IkTargets, start: HandConfig, opts: IkOptions = {}): IkResult {
  const maxIt = opts.maxIterations ?? 64;
  const maxStep = opts.maxStep ?? 0.5;
  const movable = tree.movable.map((ji) => tree.joints[ji]);
  const lower = movable.map((j) => j.lower),
    upper = movable.map((j) => j.upper);
  const nq = movable.length;
  const n = 6 + nq;
  const m = targets.target.length;
  // Per residual (x, y and z of one target share their target's weight).
  const sw = new Float64Array(m).fill(1);
  if (targets.weight) for (let i = 0; i < m; i++) sw[i] = Math.sqrt(targets.weight[Math.floor(i / 3)]);
  let root = rootMatrixOf(start.root);
  let q = Float64Array.from(movable, (j) => start.joints[j.name] ?? 0);

  const values = movableToTreeValues(tree);
  const anchors = (rootM: M4, qv: Float64Array, out = new Float64Array(m)) => {
    const links = linkTransforms(tree, rootM, values(qv));
    for (let i = 0; i < m / 3; i++) {
      const t = links[targets.link[i]];
      const x = targets.local[3 * i],
        y = targets.local[3 * i + 1],
        z = targets.local[3 * i + 2];
      out[3 * i] = t[0] * x + t[4] * y + t[8] * z + t[12];
      out[3 * i + 1] = t[1] * x + t[5] * y + t[9] * z + t[13];
      out[3 * i + 2] = t[2] * x + t[6] * y + t[10] * z + t[14];
    }
    return out;
  };
  const cost = (a: Float64Array) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += (sw[i] * (a[i] - targets.target[i])) ** 2;
    return s;
  };

  if (opts.snapRoot ?? true) root = multiply(kabsch(anchors(root, q), targets.target), root);
  let current = anchors(root, q);
  let f = cost(current);
  let lambda = 1e-3;
  let it = 0;
  for (; it < maxIt; it++) {
    // Jacobian by forward differences: root twist in the object frame (dx, dy, dz, wx, wy, wz), then
    // joints; column-major typed arrays, since J'J with thousands of residuals is the hot loop.
    const jac = new Float64Array(m * n);
    for (let v = 0; v < n; v++) {
      let a: Float64Array;
      let h = FD_STEP;
      if (v < 6) a = anchors(perturbRoot(root, v, FD_STEP), q);
      else {
        const qq = q.slice();
        const k = v - 6;
        // Step inward at the upper limit so the difference stays inside the limits.
        h = qq[k] + FD_STEP > upper[k] ? -FD_STEP : FD_STEP;
        qq[k] += h;
        a = anchors(root, qq);
      }
      const col = v * m;
      for (let i = 0; i < m; i++) jac[col + i] = (sw[i] * (a[i] - current[i])) / h;
    }
    const resid = new Float64Array(m);
    for (let i = 0; i < m; i++) resid[i] = sw[i] * (targets.target[i] - current[i]);
    const jtj = new Matrix(n, n);
    const g = new Matrix(n, 1);
    for (let a = 0; a < n; a++) {
      const ca = a * m;
      let gs = 0;
      for (let i = 0; i < m; i++) gs += jac[ca + i] * resid[i];
      g.set(a, 0, gs);
      for (let b = a; b < n; b++) {
        const cb = b * m;
        let s = 0;
        for (let i = 0; i < m; i++) s += jac[ca + i] * jac[cb + i];
        jtj.set(a, b, s);
        jtj.set(b, a, s);
      }
    }
    let improved = false;
    for (let tries = 0; tries < 8 && !improved; tries++) {
      const free = Array.from({ length: n }, () => true);
      let step = dampedStep(jtj, g, lambda, free);
      // Active set: joints at a limit that the step pushes further out are frozen for this step.
      let changed = false;
      for (let k = 0; k < nq; k++) {
        const s = step[6 + k];
        if ((q[k] <= lower[k] + 1e-12 && s < 0) || (q[k] >= upper[k] - 1e-12 && s > 0)) {
          free[6 + k] = false;
          changed = true;
        }
      }
      if (changed) step = dampedStep(jtj, g, lambda, free);
      const big = Math.max(...step.map(Math.abs));
      if (big > maxStep) step = step.map((s) => (s * maxStep) / big);
      const nextRoot = applyRootStep(root, step);
      const nextQ = q.map((v, k) => Math.min(upper[k], Math.max(lower[k], v + step[6 + k])));
      const nextA = anchors(nextRoot, nextQ);
      const nf = cost(nextA);
      if (nf < f) {
        improved = true;
        const small = Math.hypot(...step) < 1e-7 || f - nf < 1e-14;
        root = nextRoot;
        q = nextQ;
        current = nextA;
        f = nf;
        lambda = Math.max(lambda / 3, 1e-9);
        if (small) return finish(it + 1);
      } else lambda *= 10;
    }
    if (!improved) break;
  }
  return finish(it);

  function finish(iterations: number): IkResult {
    const rot = new Quaternion().setFromRotationMatrix(new Matrix4().fromArray(Array.from(root)));
    rot.normalize();
    return {
      config: {
        root: { position: [root[12], root[13], root[14]] as Vec3, quaternion: [rot.x, rot.y, rot.z, rot.w] as Quat },
        joints: jointRecord(tree, q),
      },
      iterations,
      rms: Math.sqrt(f / (m / 3)),
    };
  }
}

function dampedStep(jtj: Matrix, g: Matrix, lambda: number, free: boolean[]): number[] {
  const n = free.length;
  const a = jtj.clone();
  const b = g.clone();
  for (let i = 0; i < n; i++) {
    a.set(i, i, a.get(i, i) * (1 + lambda) + lambda * 1e-6);
    if (!free[i]) {
      for (let k = 0; k < n; k++) {
        a.set(i, k, 0);
        a.set(k, i, 0);
      }
      a.set(i, i, 1);
      b.set(i, 0, 0);
    }
  }
  return solve(a, b).to1DArray();
}

/** Rotation about an object-frame axis through the root's origin, or a translation, composed on the left. */
function twist(step: ArrayLike<number>): M4 {
  const w = [step[3], step[4], step[5]];
  const angle = Math.hypot(w[0], w[1], w[2]);
  const q = angle > 0 ? new Quaternion().setFromAxisAngle(new Vector3(w[0] / angle, w[1] / angle, w[2] / angle), angle) : new Quaternion();
  return new Float64Array(new Matrix4().makeRotationFromQuaternion(q).elements);
}

function applyRootStep(root: M4, step: ArrayLike<number>): M4 {
  // Rotate about the root origin (not the object origin) so rotation and translation stay decoupled.
  const r = twist(step);
  const out = new Float64Array(16);
  const rot = multiply(r, root);
  out.set(rot);
  out[12] = root[12] + step[0];
  out[13] = root[13] + step[1];
  out[14] = root[14] + step[2];
  return out;
}

function perturbRoot(root: M4, v: number, h: number): M4 {
  const step = [0, 0, 0, 0, 0, 0];
  step[v] = h;
  return applyRootStep(root, step);
}
