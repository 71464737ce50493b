import type { PosedHand } from '../hands/types';
import type { TriMesh } from '../mesh/triMesh';
import { prepareMesh } from './bvhCache';
import { contactRatio } from './contactRatio';
import { avoidDistances, type AvoidPoints } from './avoidRegion';
import { d2Distances, wasserstein1Sorted } from './d2Shape';
import { disjointDistance } from './disjointDistance';
import { MetricsMeshError } from './meshChecks';
import { objectExtents } from './objectExtents';
import { resolveParams, type MetricsParams } from './params';
import { penetrationDepth } from './penetrationDepth';
import { penetrationVolume } from './penetrationVolume';
import { makeMetricsRng, subSeed } from './rng';
import { prepareSceneHand, prepareSceneObject, type SceneHand, type SceneObject } from './scene';
import { sampleAcross } from './surfaceSampling';
import { emptyMetrics, errorColumn, type GraspMetricsResult, type MetricsOverlay } from './types';

export interface GraspMetricsInput {
  /** the hand posed in the object frame (meters) */
  /** null for a grasp without a robot pose: only the object metrics are computed */
  hand: PosedHand | null;
  /** the reference object mesh, unscaled; keep passing the same TriMesh object so its BVH is reused */
  object: TriMesh;
  /** uniform scale applied to the object (grasp.objectScale), default 1 */
  objectScale?: number;
  /** reconstructed object mesh in the object frame, already at scale */
  reconstruction?: TriMesh | null;
  /** the object's negative-affordance region (mesh frame, unscaled); null/absent = none, its metrics stay empty */
  avoid?: AvoidPoints | null;
  params?: Partial<MetricsParams>;
  /** also return the data the viewport overlays draw */
  overlay?: boolean;
}

const STREAM_HAND = 1,
  STREAM_OBJECT = 2,
  STREAM_D2_REF = 3,
  STREAM_D2_RECON = 4;

/** Small bounded caches of seeded samples; keys include the prepared mesh's identity. */
class Lru<V> {
  private map = new Map<string, V>();
  constructor(private readonly capacity: number) {}
  get(key: string, make: () => V): V {
    let v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
    } else {
      v = make();
      if (this.map.size >= this.capacity) this.map.delete(this.map.keys().next().value as string);
    }
    this.map.set(key, v);
    return v;
  }
}
const handSamples = new Lru<Float64Array[]>(16);
const objectSamples = new Lru<Float64Array>(64);
const d2Reference = new Lru<Float64Array>(64);

/**
 * All metrics of one grasp. Never throws for bad data: each metric is computed on its own, and a
 * failure empties that metric and explains itself in `error`, so one broken mesh or NaN pose
 * costs only what it must.
 */
export function computeGraspMetrics(input: GraspMetricsInput): GraspMetricsResult {
  const t0 = performance.now();
  const errors: string[] = [];
  const warnings: string[] = [];
  const done = (m: ReturnType<typeof emptyMetrics>, overlay?: MetricsOverlay): GraspMetricsResult => ({
    ...m,
    error: errorColumn(errors, warnings),
    errors,
    warnings,
    overlay,
    ms: performance.now() - t0,
  });

  let params: MetricsParams;
  try {
    params = resolveParams(input.params);
  } catch (e) {
    errors.push(message(e));
    return done(emptyMetrics(''));
  }
  const result = emptyMetrics('');

  let obj: SceneObject | null = null;
  try {
    obj = prepareSceneObject(input.object, input.objectScale ?? 1, params.maxTriangles);
    for (const w of obj.prepared.warnings) warnings.push(`object mesh: ${w}`);
    const ext = objectExtents(obj);
    result.object_extents_cm = ext.extents.map((v) => v * 100) as [number, number, number];
    result.object_diagonal_cm = ext.diagonal * 100;
  } catch (e) {
    errors.push(message(e));
  }

  let hand: SceneHand | null = null;
  if (!input.hand) warnings.push('no robot pose (the grasp has no "root"): hand metrics left empty');
  else
    try {
      hand = prepareSceneHand(input.hand, params.maxTriangles);
      warnings.push(...hand.warnings);
    } catch (e) {
      errors.push(message(e));
    }

  const overlay: MetricsOverlay | undefined = input.overlay
    ? {
        penetration: { points: new Float32Array(0), depths: new Float32Array(0) },
        contact: { points: new Float32Array(0), inContact: new Uint8Array(0) },
        fingertips: [],
        avoid: [],
      }
    : undefined;
  const attempt = (name: string, f: () => void) => {
    try {
      f();
    } catch (e) {
      errors.push(`${name}: ${message(e)}`);
    }
  };

  if (obj && hand) {
    const o = obj,
      h = hand;
    let penetratingParts: Set<number> | undefined;
    attempt('penetration_depth', () => {
      const perPart = handSamples.get(`${h.signature}|${params.seed}|${params.samples}|${params.insideRays}`, () =>
        sampleAcross(
          h.parts.map((p) => p.prepared.surface(params.insideRays).sampler),
          params.samples,
          makeMetricsRng(subSeed(params.seed, STREAM_HAND)),
        ),
      );
      const r = penetrationDepth(h, o, perPart, params.insideRays, !!overlay);
      penetratingParts = r.penetratingParts;
      result.penetration_depth_cm = r.depth * 100;
      if (overlay) overlay.penetration = { points: Float32Array.from(r.insidePoints), depths: Float32Array.from(r.depths) };
    });
    attempt('penetration_volume', () => {
      result.penetration_volume_cm3 = penetrationVolume(h, o, params.voxelMm / 1000, params.insideRays).volume * 1e6;
    });
    attempt('disjoint_distance', () => {
      const r = disjointDistance(h, o, params.insideRays, penetratingParts);
      warnings.push(...r.warnings);
      result.disjoint_distance_cm = r.mean === null ? null : r.mean * 100;
      if (overlay) overlay.fingertips = r.fingertips;
    });
    attempt('contact_ratio', () => {
      const samples = objectSamples.get(`${o.prepared.id}|${params.seed}|${params.samples}|${params.insideRays}`, () =>
        o.prepared.surface(params.insideRays).sampler.sample(params.samples, makeMetricsRng(subSeed(params.seed, STREAM_OBJECT))),
      );
      const r = contactRatio(h, o, samples, params.contactMm / 1000, params.insideRays);
      result.contact_ratio_pct = r.ratio * 100;
      if (overlay) overlay.contact = { points: Float32Array.from(r.points), inContact: r.inContact };
    });
  }

  if (obj && hand && input.avoid && input.avoid.length) {
    const o = obj,
      h = hand,
      pts = input.avoid;
    attempt('affordance_score', () => {
      const r = avoidDistances(h, pts, o.scale, params.avoidMm / 1000, params.insideRays);
      warnings.push(...r.warnings);
      result.affordance_score = r.score;
      result.avoid_distance_cm = r.minDistance === null ? null : r.minDistance * 100;
      if (overlay) overlay.avoid = r.fingertips;
    });
  }

  if (obj && input.reconstruction) {
    const o = obj,
      recon = input.reconstruction;
    attempt('d2_wasserstein', () => {
      let prepared;
      try {
        prepared = prepareMesh(recon, params.maxTriangles);
      } catch (e) {
        if (e instanceof MetricsMeshError) throw new Error(`reconstruction mesh ${e.message}`, { cause: e });
        throw e;
      }
      for (const w of prepared.warnings) warnings.push(`reconstruction mesh: ${w}`);
      const ref = d2Reference.get(`${o.prepared.id}|${params.seed}|${params.d2Pairs}|${params.insideRays}`, () =>
        d2Distances(o.prepared.surface(params.insideRays).sampler, params.d2Pairs, makeMetricsRng(subSeed(params.seed, STREAM_D2_REF))),
      );
      const rec = d2Distances(prepared.surface(params.insideRays).sampler, params.d2Pairs, makeMetricsRng(subSeed(params.seed, STREAM_D2_RECON)));
      // The reference distribution is cached unscaled; D2 distances scale linearly with the object.
      const scaled = ref.map((d) => d * o.scale);
      result.d2_wasserstein_cm = wasserstein1Sorted(scaled, rec) * 100;
    });
  }

  for (const k of Object.keys(result) as (keyof typeof result)[]) {
    const v = result[k];
    if (typeof v === 'number' && !Number.isFinite(v)) {
      errors.push(`${k}: computed a non-finite value`);
      (result as Record<string, unknown>)[k] = null;
    }
  }
  return done(result, overlay);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
