import type { TriMesh } from '../mesh/triMesh';
import type { Rng } from '../rng';
import { axisAngleRotation, applySimilarity, type Similarity } from './similarity';
import type { Vec3 } from '../hands/types';

/** A random similarity: any rotation, scale in [0.8, 1.25], translation up to half a metre (camera-like). */
export function randomSimilarity(rng: Rng): Similarity {
  const axis = [rng.gaussian(), rng.gaussian(), rng.gaussian()];
  const len = Math.hypot(...axis);
  return {
    scale: 0.8 + rng.next() * 0.45,
    rotation: axisAngleRotation(axis.map((a) => a / len) as Vec3, rng.range(-Math.PI, Math.PI)),
    translation: [rng.range(-0.2, 0.2), rng.range(-0.2, 0.2), rng.range(0.3, 0.6)],
  };
}

/**
 * What a reconstruction looks like: the mesh with a tenth of its faces missing (the ones nearest
 * a random vertex: one hole, like a lost part), Gaussian noise of `noise` metres per vertex, a few
 * outlier triangles floating nearby, all moved by `t`.
 */
export function corruptedCopy(mesh: TriMesh, t: Similarity, rng: Rng, noise = 0.001): TriMesh {
  const p = mesh.positions,
    ix = mesh.indices;
  const nt = ix.length / 3;
  const c = 3 * rng.int(p.length / 3);
  const d = new Float64Array(nt);
  for (let f = 0; f < nt; f++) {
    const a = 3 * ix[3 * f];
    d[f] = Math.hypot(p[a] - p[c], p[a + 1] - p[c + 1], p[a + 2] - p[c + 2]);
  }
  const cut = Float64Array.from(d).sort()[Math.floor(nt / 10)];
  const kept: number[] = [];
  for (let f = 0; f < nt; f++) if (d[f] > cut) kept.push(ix[3 * f], ix[3 * f + 1], ix[3 * f + 2]);
  const nv = p.length / 3;
  const out: number[] = [];
  const q: Vec3 = [0, 0, 0];
  for (let v = 0; v < nv; v++) {
    applySimilarity(t, [p[3 * v] + noise * rng.gaussian(), p[3 * v + 1] + noise * rng.gaussian(), p[3 * v + 2] + noise * rng.gaussian()], q);
    out.push(...q);
  }
  // Outliers: small triangles 5-10 cm from the object, about 3% of the remaining area's points.
  const extra = Math.max(3, Math.floor(kept.length / 3 / 100));
  for (let k = 0; k < extra; k++) {
    const base: Vec3 = [p[c] + rng.range(-0.1, 0.1), p[c + 1] + rng.range(-0.1, 0.1), p[c + 2] + rng.range(0.05, 0.1)];
    const first = out.length / 3;
    for (let j = 0; j < 3; j++) out.push(...applySimilarity(t, [base[0] + rng.range(0, 0.01), base[1] + rng.range(0, 0.01), base[2] + rng.range(0, 0.01)]));
    kept.push(first, first + 1, first + 2);
  }
  return { positions: Float32Array.from(out), indices: Uint32Array.from(kept) };
}
