import type { DatasetIO } from '../dataset/loadDataset';
import type { ReadLimits } from '../dataset/readLimits';
import { loadDroModel, type DroModelFiles } from './loadModel';
import { parseDroModel } from './modelFile';
import type { DroRunner, OrtLike } from './onnxRunner';
import { runnerFor, runPredictJob, type PredictDataset, type PredictJobResult } from './predictJob';

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
      const label = req.model.kind === 'url' ? req.model.url : req.model.label;
      const result = await runPredictJob(
        { dataset: req.dataset, objectId: req.objectId, handId: req.handId, count: req.count, seed: req.seed, modelLabel: label, backend, refine: req.refine, limits: req.limits },
        files,
        runner,
        this.io,
        { signal: ctrl.signal, onPrediction: (_p, done, total) => onProgress?.(done, total) },
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
