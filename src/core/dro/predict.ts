import type { KinematicTree } from '../hands/kinematicTree';
import type { Grasp } from '../dataset/schema';
import { subSeed } from '../metrics/rng';
import { makeRng } from '../rng';
import type { HandConfig } from './handConfig';
import { initialConfiguration } from './initialConfig';
import type { DroModelJson } from './modelFile';
import type { DroRunner } from './onnxRunner';
import { graspFromDistances } from './postprocess';
import type { ObjectSurface } from './objectSurface';
import { refineContacts, type RefineOptions, type RefineResult } from './refineContacts';
import { robotPointsAt, type RobotPointSet } from './robotPoints';

export interface Prediction {
  /** 0-based index within the run */
  index: number;
  initial: HandConfig;
  config: HandConfig;
  /** the robot points placed by multilateration (object frame, N x 3) */
  points: Float32Array;
  iterations: number;
  /** IK anchor error left, metres */
  rms: number;
  /** what contact refinement did; `config` is then the refined one */
  refined?: Omit<RefineResult, 'config'> & { unrefined: HandConfig };
}

/** Contact refinement after DRO's IK (see refineContacts); without it predictions are DRO's own. */
export interface RefineRequest {
  surface: ObjectSurface;
  points: RobotPointSet;
  tipLinks: readonly number[];
  options?: RefineOptions;
}

export interface PredictRequest {
  tree: KinematicTree;
  model: Pick<DroModelJson, 'latent' | 'centerRobot'>;
  set: RobotPointSet;
  /** M x 3 object points (object frame); see objectPointsFor */
  objectPoints: Float64Array;
  runner: DroRunner;
  count: number;
  seed: number;
  refine?: RefineRequest;
  signal?: AbortSignal;
  onPrediction?: (p: Prediction, done: number, total: number) => void;
}

/** The object point stream's seed, separate from the per-prediction streams. */
export const objectSeed = (seed: number) => subSeed(seed, 1_000_003);

/**
 * `count` DRO predictions: each from its own seeded stream (initial configuration, then z), so
 * prediction k is the same whatever the count, and the same in the browser and in Node.
 */
export async function predictGrasps(req: PredictRequest): Promise<Prediction[]> {
  const { tree, model, set, objectPoints, runner } = req;
  const object32 = Float32Array.from(objectPoints);
  const out: Prediction[] = [];
  for (let k = 0; k < req.count; k++) {
    req.signal?.throwIfAborted();
    const rng = makeRng(subSeed(req.seed, k));
    const initial = initialConfiguration(tree, rng);
    const z = Float32Array.from({ length: model.latent }, () => rng.gaussian());
    const robot = Float32Array.from(robotPointsAt(tree, set, initial));
    if (model.centerRobot) center(robot);
    const d = await runner.run(robot, object32, z, { signal: req.signal });
    const r = graspFromDistances(tree, set, d.dist, objectPoints, initial);
    const p: Prediction = { index: k, initial, config: r.config, points: Float32Array.from(r.points), iterations: r.iterations, rms: r.rms };
    if (req.refine) {
      const { surface, points, tipLinks, options } = req.refine;
      const { config, ...refined } = refineContacts(tree, points, r.config, surface, tipLinks, { ...options, signal: req.signal });
      p.config = config;
      p.refined = { ...refined, unrefined: r.config };
    }
    out.push(p);
    req.onPrediction?.(p, k + 1, req.count);
  }
  return out;
}

function center(pts: Float32Array): void {
  const n = pts.length / 3;
  for (let d = 0; d < 3; d++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += pts[3 * i + d];
    for (let i = 0; i < n; i++) pts[3 * i + d] -= s / n;
  }
}

export interface PredictionMeta {
  model: string;
  seed: number;
  index: number;
  backend: string;
  initial: HandConfig;
  /** present when contact refinement ran: its effect, and DRO's own configuration before it */
  refine?: {
    rounds: number;
    depthBefore_m: number;
    depthAfter_m: number;
    tipGapBefore_m: number;
    tipGapAfter_m: number;
    unrefined: HandConfig;
  };
}

/** A prediction as a dataset grasp; meta.prediction says where it came from and how to redo it. */
export function predictionToGrasp(p: Prediction, ctx: { objectId: string; handId: string; model: string; seed: number; backend: string }): Grasp {
  const prediction: PredictionMeta = { model: ctx.model, seed: ctx.seed, index: p.index, backend: ctx.backend, initial: p.initial };
  if (p.refined) {
    const r = p.refined;
    const m = (v: number) => Number(v.toPrecision(4));
    prediction.refine = {
      rounds: r.rounds,
      depthBefore_m: m(r.depthBefore),
      depthAfter_m: m(r.depthAfter),
      tipGapBefore_m: m(r.tipGapBefore),
      tipGapAfter_m: m(r.tipGapAfter),
      unrefined: r.unrefined,
    };
  }
  return {
    id: `${ctx.objectId}-${ctx.handId}-pred-s${ctx.seed}-${String(p.index).padStart(3, '0')}`,
    object: ctx.objectId,
    hand: ctx.handId,
    root: p.config.root,
    joints: p.config.joints,
    meta: { prediction, ik: { iterations: p.iterations, rms_m: Number(p.rms.toPrecision(4)) } },
  };
}
