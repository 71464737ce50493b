import type { DatasetIO, LoadedDataset } from '../dataset/loadDataset';
import type { Grasp } from '../dataset/schema';
import { loadBuiltinHand } from '../hands/builtin/builtinHands';
import { loadHandModel, type HandModel } from '../hands/handModel';
import { parseMeshAsync } from '../mesh/parseMesh';
import type { TriMesh } from '../mesh/triMesh';
import { fileLabel } from '../dataset/resolveUrl';
import { limitFor, type ReadLimits } from '../dataset/readLimits';
import { modelHandMismatch } from './handCheck';
import type { DroModelFiles } from './loadModel';
import { objectPointsOf } from './objectPoints';
import { createDroRunner, type DroRunner, type OrtLike } from './onnxRunner';
import { objectSurfaceOf } from './objectSurface';
import { objectSeed, predictGrasps, predictionToGrasp, type Prediction, type RefineRequest } from './predict';
import { fingertipPointLinks } from './refineContacts';
import { refinePointsFor } from './refinePoints';
import { bindRobotPoints } from './robotPoints';

export type PredictDataset = Pick<LoadedDataset, 'hands' | 'objects' | 'manifestUrl'>;

export interface PredictJobInput {
  dataset: PredictDataset;
  objectId: string;
  handId: string;
  count: number;
  seed: number;
  /** recorded in meta.prediction.model */
  modelLabel: string;
  backend: string;
  /** contact refinement after DRO's IK (refineContacts); default true */
  refine?: boolean;
  /** read caps for the object mesh, the URDF and its meshes (the page's ?maxMeshMB… apply) */
  limits?: Partial<ReadLimits>;
}

export interface PredictJobResult {
  grasps: Grasp[];
  predictions: Prediction[];
  /** the object points the model saw (M x 3, object frame) */
  objectPoints: Float32Array;
}

/**
 * Loads the dataset hand: kinematics for DRO, collision geometry for contact refinement (a URDF
 * hand whose meshes cannot be read still predicts; refinement then uses the model's points).
 */
export async function loadPredictHand(dataset: PredictDataset, handId: string, io: DatasetIO, limits: Partial<ReadLimits> = {}): Promise<HandModel> {
  const entry = dataset.hands[handId];
  if (!entry) throw new Error(`unknown hand "${handId}" (the dataset has ${Object.keys(dataset.hands).join(', ') || 'none'})`);
  const spec = entry.spec;
  if ('builtin' in spec) return loadBuiltinHand(spec.builtin, { geometry: 'visual', fingertips: spec.fingertips });
  const text = await io.fetchText(entry.urdfUrl!, limitFor('urdf', limits)).catch((e: unknown) => {
    throw new Error(`${spec.urdf}: cannot read URDF (${e instanceof Error ? e.message : String(e)})`);
  });
  return loadHandModel(text, { urdfUrl: entry.urdfUrl!, fetchBytes: (url) => io.fetchBytes(url, limitFor('mesh', limits)), fingertips: spec.fingertips, geometry: 'collision' });
}

export async function loadPredictObject(dataset: PredictDataset, objectId: string, io: DatasetIO, limits: Partial<ReadLimits> = {}) {
  const entry = dataset.objects[objectId];
  if (!entry) throw new Error(`unknown object "${objectId}" (the dataset has ${Object.keys(dataset.objects).join(', ') || 'none'})`);
  const label = fileLabel(entry.meshUrl, dataset.manifestUrl);
  const bytes = await io.fetchBytes(entry.meshUrl, limitFor('mesh', limits)).catch((e: unknown) => {
    throw new Error(`${label}: cannot read (${e instanceof Error ? e.message : String(e)})`);
  });
  return parseMeshAsync(bytes, label);
}

/** A runner for model files; the caller keeps it for later runs of the same model. */
export function runnerFor(ort: OrtLike, files: DroModelFiles, blockRows?: number): Promise<DroRunner> {
  return createDroRunner(ort, { embed: files.embed, kernel: files.kernel, embedName: files.spec.embedUrl, kernelName: files.spec.kernelUrl }, { blockRows });
}

/** Everything between "predict N grasps of this object with this model" and the grasps. */
export async function runPredictJob(
  job: PredictJobInput,
  files: DroModelFiles,
  runner: DroRunner,
  io: DatasetIO,
  opts: {
    signal?: AbortSignal;
    onPrediction?: (p: Prediction, done: number, total: number) => void;
    /** the job's hand and object already loaded (a caller that keeps them between jobs) */
    hand?: HandModel;
    object?: TriMesh;
  } = {},
): Promise<PredictJobResult> {
  const handEntry = job.dataset.hands[job.handId];
  if (!handEntry) throw new Error(`unknown hand "${job.handId}" (the dataset has ${Object.keys(job.dataset.hands).join(', ') || 'none'})`);
  const mismatch = modelHandMismatch(files.spec, job.handId, handEntry.spec);
  if (mismatch) throw new Error(mismatch);
  const [hand, mesh] = await Promise.all([
    opts.hand ?? loadPredictHand(job.dataset, job.handId, io, job.limits),
    opts.object ?? loadPredictObject(job.dataset, job.objectId, io, job.limits),
  ]);
  const tree = hand.kinematics;
  const set = bindRobotPoints(tree, files.spec, files.spec.url);
  const objectPoints = objectPointsOf(mesh, files.spec.objectPoints, objectSeed(job.seed));
  let refine: RefineRequest | undefined;
  if (job.refine ?? true) {
    const points = refinePointsFor(hand, set);
    let surface;
    try {
      surface = objectSurfaceOf(mesh);
    } catch (e) {
      const label = fileLabel(job.dataset.objects[job.objectId].meshUrl, job.dataset.manifestUrl);
      throw new Error(`${label}: contact refinement cannot use this mesh (${e instanceof Error ? e.message : String(e)}); predict with refinement off`, { cause: e });
    }
    refine = { surface, points, tipLinks: fingertipPointLinks(tree, points, hand.fingertips) };
  }
  const predictions = await predictGrasps({
    tree,
    model: files.spec,
    set,
    objectPoints,
    runner,
    count: job.count,
    seed: job.seed,
    refine,
    signal: opts.signal,
    onPrediction: opts.onPrediction,
  });
  const ctx = { objectId: job.objectId, handId: job.handId, model: job.modelLabel, seed: job.seed, backend: job.backend };
  return { grasps: predictions.map((p) => predictionToGrasp(p, ctx)), predictions, objectPoints: Float32Array.from(objectPoints) };
}
