import type { DatasetIO } from '../dataset/loadDataset';
import type { ReadLimits } from '../dataset/readLimits';
import { loadDroModel, type DroModelFiles } from './loadModel';
import { parseDroModel } from './modelFile';
import type { DroRunner, OrtLike } from './onnxRunner';
import type { HandModel } from '../hands/handModel';
import type { TriMesh } from '../mesh/triMesh';
import { loadPredictHand, loadPredictObject, runnerFor, runPredictJob, type PredictDataset, type PredictJobResult } from './predictJob';

export type Backend = 'webgpu' | 'wasm';

export type ModelSource =
  | { kind: 'url'; url: string }
  /** a local folder the page kept (IndexedDB): the three files' contents */
  | { kind: 'files'; label: string; droJson: string; embed: Uint8Array; kernel: Uint8Array };

export interface PredictServiceRequest {
  runId: number;
  dataset: PredictDataset;
  objectId: string;
  handId: string;
  count: number;
  seed: number;
  backend: 'auto' | Backend;
  model: ModelSource;
  /** contact refinement after DRO's IK; default true */
  refine?: boolean;
  /** read caps (the page's ?maxModelMB, ?maxMeshMB…); defaults otherwise */
  limits?: Partial<ReadLimits>;
}

export interface PredictServiceResult extends PredictJobResult {
  backend: Backend;
  /** the WebGPU adapter the probe found, when WebGPU ran */
  adapter: string | null;
}

export class PredictCancelledError extends Error {
  constructor() {
    super('prediction cancelled');
    this.name = 'PredictCancelledError';
  }
}

/**
 * The inference worker's logic, runtime-free: which backend (a real WebGPU adapter, else WASM),
 * model files and sessions kept per model and backend, cancel by run id.
 */
export class PredictService {
  private runners = new Map<string, Promise<{ files: DroModelFiles; runner: DroRunner }>>();
  // The last few hands and objects, so running again (another seed, another count) skips the
  // parsing, the BVHs and inside fields, and refinement's 4,096 hand samples, all kept per object.
  private hands = new Map<string, Promise<HandModel>>();
  private objects = new Map<string, Promise<TriMesh>>();
  private controllers = new Map<number, AbortController>();
  private adapter: Promise<string | null> | null = null;

  constructor(
    private readonly io: DatasetIO,
    private readonly ortFor: (backend: Backend) => OrtLike,
    private readonly probeWebGpu: () => Promise<string | null>,
  ) {}

  probe(): Promise<string | null> {
    this.adapter ??= this.probeWebGpu();
    return this.adapter;
  }

  cancel(runId: number): void {
    this.controllers.get(runId)?.abort(new PredictCancelledError());
  }

  async predict(req: PredictServiceRequest, onProgress?: (done: number, total: number) => void): Promise<PredictServiceResult> {
    const ctrl = new AbortController();
    this.controllers.set(req.runId, ctrl);
    try {
      const adapter = req.backend === 'wasm' ? null : await this.probe();
      if (req.backend === 'webgpu' && !adapter) throw new Error('WebGPU was asked for, but this browser offers no WebGPU adapter');
      const backend: Backend = adapter ? 'webgpu' : 'wasm';
      const { files, runner } = await this.runner(req.model, backend, req.limits);
      ctrl.signal.throwIfAborted();
      const handEntry = req.dataset.hands[req.handId];
      const objectEntry = req.dataset.objects[req.objectId];
      // Unknown ids are left to the job, which names them.
      const [hand, object] = await Promise.all([
        handEntry && recent(this.hands, JSON.stringify([handEntry.spec, handEntry.urdfUrl ?? null]), () => loadPredictHand(req.dataset, req.handId, this.io, req.limits)),
        objectEntry && recent(this.objects, objectEntry.meshUrl, () => loadPredictObject(req.dataset, req.objectId, this.io, req.limits)),
      ]);
      ctrl.signal.throwIfAborted();
      const label = req.model.kind === 'url' ? req.model.url : req.model.label;
      const result = await runPredictJob(
        { dataset: req.dataset, objectId: req.objectId, handId: req.handId, count: req.count, seed: req.seed, modelLabel: label, backend, refine: req.refine, limits: req.limits },
        files,
        runner,
        this.io,
        { signal: ctrl.signal, onPrediction: (_p, done, total) => onProgress?.(done, total), hand, object },
      );
      return { ...result, backend, adapter };
    } catch (e) {
      if (ctrl.signal.aborted) throw new PredictCancelledError();
      throw e;
    } finally {
      this.controllers.delete(req.runId);
    }
  }

  private runner(source: ModelSource, backend: Backend, limits?: Partial<ReadLimits>) {
    const key = `${backend}|${source.kind === 'url' ? source.url : `files:${source.label}:${source.droJson.length}:${source.embed.byteLength}:${source.kernel.byteLength}`}`;
    let p = this.runners.get(key);
    if (!p) {
      p = (async () => {
        const files =
          source.kind === 'url'
            ? await loadDroModel(source.url, this.io, limits)
            : { spec: parseDroModel(source.droJson, source.label), embed: source.embed, kernel: source.kernel };
        return { files, runner: await runnerFor(this.ortFor(backend), files) };
      })();
      p.catch(() => this.runners.delete(key));
      this.runners.set(key, p);
    }
    return p;
  }
}

const KEEP = 4;

/** `load()` kept under `key` among the KEEP most recently used; a failed load is forgotten. */
function recent<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (p) map.delete(key);
  else {
    p = load();
    const mine = p;
    p.catch(() => map.get(key) === mine && map.delete(key));
  }
  map.set(key, p);
  while (map.size > KEEP) map.delete(map.keys().next().value!);
  return p;
}
