import { mergeMeshes } from '../../mesh/mergeMeshes';
import type { TriMesh } from '../../mesh/triMesh';
import { makeRng, type Rng } from '../../rng';
import { makeObject, type SampleCategory, type SampleObject } from './index';
import { place } from './transform';
import { vertexNormals } from './vertexNormals';

export type ReconstructionKind = 'noise' | 'scale' | 'missing_part';

export interface ReconstructionVariant {
  kind: ReconstructionKind;
  mesh: TriMesh;
  /** human-readable account of what was done, with the numbers */
  detail: string;
  /** noise: RMS displacement along normals (meters) */
  noiseRms?: number;
  /** scale: uniform factor applied about the object origin */
  scaleFactor?: number;
  /** missing_part: names of the parts left out */
  missingParts?: string[];
}

/** RMS displacement range of the noise variant, meters (typical of photogrammetry / image-to-3D). */
export const NOISE_RMS_RANGE: [number, number] = [0.002, 0.004];
/** Scale-error range; factors within 5% of 1 are skipped so the error is always noticeable. */
export const SCALE_RANGE: [number, number] = [0.8, 1.25];

/**
 * Thin parts a reconstruction tends to lose, per category. Each entry is one failure: the
 * listed parts vanish together (a syringe plunger goes with its thumb rest).
 */
export const THIN_PARTS: Record<SampleCategory, string[][]> = {
  power_drill: [['trigger']],
  pen: [['clip']],
  microphone: [['switch']],
  phone: [['buttons'], ['camera_bump']],
  spray_bottle: [['trigger'], ['nozzle']],
  wine_glass: [['stem']],
  tongs: [['tip_left'], ['tip_right']],
  syringe: [['needle'], ['plunger', 'thumb_rest']],
  mug: [['handle']],
  sword: [['guard']],
};

/**
 * Jitter along vertex normals. The amount at each vertex is the normal component of a smooth
 * random vector field (random Fourier features, wavelengths 3-8 cm): the error is blotchy like a
 * real reconstruction, independent of the triangulation, and the two sides of a thin wall (mug,
 * phone, blade) move the same way in space instead of crossing through each other. A little
 * per-vertex grain is added, and the total is rescaled so its RMS is exactly the drawn value.
 */
function noiseVariant(obj: SampleObject, rng: Rng): ReconstructionVariant {
  const mesh = obj.mesh;
  const p = mesh.positions;
  const nv = p.length / 3;
  const unit = () => {
    const d = [rng.gaussian(), rng.gaussian(), rng.gaussian()];
    const len = Math.hypot(d[0], d[1], d[2]) || 1;
    return d.map((x) => x / len);
  };
  const waves = Array.from({ length: 24 }, () => {
    const k = (2 * Math.PI) / rng.range(0.03, 0.08);
    return { w: unit().map((x) => x * k), amp: unit(), phase: rng.range(0, 2 * Math.PI) };
  });
  const normals = vertexNormals(mesh);
  const field = new Float64Array(nv);
  let smoothSS = 0;
  for (let v = 0; v < nv; v++) {
    const x = p[3 * v],
      y = p[3 * v + 1],
      z = p[3 * v + 2];
    const n0 = normals[3 * v],
      n1 = normals[3 * v + 1],
      n2 = normals[3 * v + 2];
    let f = 0;
    for (const { w, amp, phase } of waves) {
      f += (amp[0] * n0 + amp[1] * n1 + amp[2] * n2) * Math.cos(w[0] * x + w[1] * y + w[2] * z + phase);
    }
    field[v] = f;
    smoothSS += f * f;
  }
  const smoothRms = Math.sqrt(smoothSS / nv) || 1;
  // 97% smooth field, 3% grain, by variance
  for (let v = 0; v < nv; v++) field[v] = (Math.sqrt(0.97) * field[v]) / smoothRms + Math.sqrt(0.03) * rng.gaussian();
  const target = rng.range(NOISE_RMS_RANGE[0], NOISE_RMS_RANGE[1]);
  let ss = 0;
  for (let v = 0; v < nv; v++) ss += field[v] * field[v];
  const k = target / Math.sqrt(ss / nv);
  const positions = new Float32Array(p);
  for (let v = 0; v < nv; v++) {
    const d = field[v] * k;
    positions[3 * v] += normals[3 * v] * d;
    positions[3 * v + 1] += normals[3 * v + 1] * d;
    positions[3 * v + 2] += normals[3 * v + 2] * d;
  }
  return {
    kind: 'noise',
    mesh: { positions, indices: mesh.indices.slice() },
    detail: `surface noise along normals, RMS ${(target * 1000).toFixed(2)} mm (smooth 3-8 cm undulation plus grain)`,
    noiseRms: target,
  };
}

function scaleVariant(obj: SampleObject, rng: Rng): ReconstructionVariant {
  let f = 1;
  while (Math.abs(f - 1) < 0.05) f = rng.range(SCALE_RANGE[0], SCALE_RANGE[1]);
  return {
    kind: 'scale',
    mesh: place(obj.mesh, { scale: [f, f, f] }),
    detail: `uniform scale error x${f.toFixed(3)} about the object origin`,
    scaleFactor: f,
  };
}

function missingPartVariant(category: SampleCategory, obj: SampleObject, rng: Rng): ReconstructionVariant {
  const drop = rng.pick(THIN_PARTS[category]);
  const kept = obj.parts.filter((p) => !drop.includes(p.name));
  return {
    kind: 'missing_part',
    mesh: mergeMeshes(kept.map((p) => p.mesh)),
    detail: `thin part missing: ${drop.join(' + ')}`,
    missingParts: drop,
  };
}

/**
 * The failure modes of web-sourced reconstructions, each applied alone to the reference object
 * so a metric's sensitivity to each can be seen separately. Deterministic in (category, seed).
 */
export function reconstructionVariants(category: SampleCategory, seed: number): ReconstructionVariant[] {
  const obj = makeObject(category);
  const rng = makeRng(seed);
  return [noiseVariant(obj, rng), scaleVariant(obj, rng), missingPartVariant(category, obj, rng)];
}
