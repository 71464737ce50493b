import type { GeometryKind } from '../hands/types';

/** Every knob of the metric computation; the CLI exposes each as a flag. */
export interface MetricsParams {
  /** area-weighted surface samples on the hand (penetration) and on the object (contact) */
  samples: number;
  /** voxel pitch for penetration volume, millimetres */
  voxelMm: number;
  /** contact distance threshold, millimetres */
  contactMm: number;
  /** a fingertip closer than this to the object's negative-affordance region violates it, millimetres */
  avoidMm: number;
  /** seed of every random choice (surface samples, D2 pairs) */
  seed: number;
  /** hand geometry: the URDF's visual or collision meshes */
  geometry: GeometryKind;
  /** random point pairs per D2 shape distribution */
  d2Pairs: number;
  /** rays cast per ambiguous inside test (odd; majority wins) */
  insideRays: number;
  /** meshes with more triangles are rejected with a per-grasp error instead of exhausting memory */
  maxTriangles: number;
}

export const DEFAULT_METRICS_PARAMS: Readonly<MetricsParams> = Object.freeze({
  samples: 2048,
  voxelMm: 5,
  contactMm: 5,
  avoidMm: 20,
  seed: 0,
  geometry: 'visual',
  d2Pairs: 8192,
  insideRays: 5,
  maxTriangles: 5_000_000,
});

/** Fills defaults and rejects values that would make a metric meaningless or unbounded. */
export function resolveParams(p: Partial<MetricsParams> = {}): MetricsParams {
  const r: MetricsParams = { ...DEFAULT_METRICS_PARAMS, ...stripUndefined(p) };
  const problems: string[] = [];
  const int = (k: keyof MetricsParams, min: number, max: number) => {
    const v = r[k] as number;
    if (!Number.isInteger(v) || v < min || v > max) problems.push(`${k} must be an integer in [${min}, ${max}] (got ${v})`);
  };
  const pos = (k: keyof MetricsParams, min: number, max: number) => {
    const v = r[k] as number;
    if (!Number.isFinite(v) || v < min || v > max) problems.push(`${k} must be a number in [${min}, ${max}] (got ${v})`);
  };
  int('samples', 0, 10_000_000);
  pos('voxelMm', 0.05, 1000);
  pos('contactMm', 0, 1000);
  pos('avoidMm', 0, 1000);
  int('seed', 0, 0xffffffff);
  int('d2Pairs', 16, 10_000_000);
  int('insideRays', 1, 15);
  int('maxTriangles', 1, 1_000_000_000);
  if (r.insideRays % 2 === 0) problems.push(`insideRays must be odd so the majority is defined (got ${r.insideRays})`);
  if (r.geometry !== 'visual' && r.geometry !== 'collision') problems.push(`geometry must be "visual" or "collision" (got ${String(r.geometry)})`);
  if (problems.length) throw new RangeError(`invalid metric parameters: ${problems.join('; ')}`);
  return r;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
