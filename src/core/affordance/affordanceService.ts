import { NAA_MODEL_FILES } from './modelFolder';
import type { DatasetIO } from '../dataset/loadDataset';
import { parsePartLabels } from '../dataset/partLabels';
import { limitFor, type ReadLimits } from '../dataset/readLimits';
import { parseMeshAsync } from '../mesh/parseMesh';
import { ClipTokenizer } from './clipTokenizer';
import type { ClipModel, SamModel } from './models';
import { runNaa, type NaaOptions } from './naa';
import { proposalOutlines } from './proposals';
import { OnnxClip, OnnxSam, type AffOrt } from './onnxModels';

export type AffBackend = 'webgpu' | 'wasm';

/** Where the four graphs live: a folder URL with sam/ and clip/ (docs/affordance.md), or files already in memory. */
export type NaaModelSource = { kind: 'url'; base: string } | { kind: 'files'; label: string; files: Record<string, Uint8Array | string> };

export interface NaaRequest {
  runId: number;
  meshUrl: string;
  /** the object's part labels, for the default query and the IoU */
  partsUrl?: string;
  /** label of the mesh for messages */
  meshLabel: string;
  /** null: the labels file's query, else a generic one */
  query: string | null;
  models: NaaModelSource;
  backend: 'auto' | AffBackend;
  options?: Omit<NaaOptions, 'truth' | 'onProgress' | 'signal'>;
  /** read caps (the page's ?maxMeshMB, ?maxModelMB…); defaults otherwise */
  limits?: Partial<ReadLimits>;
}

export interface NaaReply {
  backend: AffBackend;
  adapter: string | null;
  query: string;
  points: [number, number, number][];
  triangles: Uint8Array;
  iou: number | null;
  samRuns: { encoder: number; decoder: number };
  prompts: number;
  clipRuns: { image: number; text: number };
  views: {
    name: string;
    width: number;
    height: number;
    rgb: Uint8Array;
    chosenMask: Uint8Array | null;
    /** 1 on the border of any proposal */
    outlines: Uint8Array;
    proposals: number;
    /** CLIP score of each proposal, best first */
    scores: number[];
    bestScore: number | null;
  }[];
}

export const GENERIC_QUERY = 'a photo of the part that must not be touched';
const FILES = NAA_MODEL_FILES;

/**
 * NAA for one object in a worker: loads the mesh, its labels and the models (sessions kept per
 * model source and backend), runs the pipeline with progress and cancellation, and replies with
 * plain data. The worker entry only supplies ORT and the WebGPU probe.
 */
export class AffordanceService {
  private models = new Map<string, Promise<{ sam: SamModel; clip: ClipModel }>>();
  private runs = new Map<number, AbortController>();

  constructor(
    private readonly io: DatasetIO,
    private readonly ortFor: (b: AffBackend) => AffOrt,
    private readonly probe: () => Promise<string | null>,
  ) {}

  cancel(runId: number): void {
    this.runs.get(runId)?.abort();
  }

  async run(req: NaaRequest, onProgress?: (done: number, total: number, what: string) => void): Promise<NaaReply> {
    const ctl = new AbortController();
    this.runs.set(req.runId, ctl);
    try {
      const adapter = req.backend === 'wasm' ? null : await this.probe();
      const backend: AffBackend = req.backend === 'wasm' || adapter === null ? 'wasm' : 'webgpu';
      if (req.backend === 'webgpu' && backend !== 'webgpu') throw new Error('WebGPU was asked for but this browser offers no WebGPU adapter');
      let mesh;
      try {
        mesh = await parseMeshAsync(await this.io.fetchBytes(req.meshUrl, limitFor('mesh', req.limits)), req.meshLabel);
      } catch (e) {
        throw new Error(`${req.meshLabel}: ${msg(e)}`, { cause: e });
      }
      let truth: Uint8Array | undefined;
      let query = req.query;
      if (req.partsUrl) {
        const labels = parsePartLabels(await this.io.fetchText(req.partsUrl, limitFor('manifest', req.limits)), req.partsUrl.split('/').pop()!, mesh.indices.length / 3);
        const neg = new Set(labels.negative.map((n) => labels.names.indexOf(n)));
        if (neg.size) truth = Uint8Array.from(labels.triangle, (k) => (neg.has(k) ? 1 : 0));
        query ??= labels.query ?? null;
      }
      query ??= GENERIC_QUERY;
      const { sam, clip } = await this.load(req.models, backend, req.limits);
      const r = await runNaa(mesh, query, sam, clip, { ...req.options, truth, onProgress, signal: ctl.signal });
      return {
        backend,
        adapter,
        query,
        points: r.points,
        triangles: r.triangles,
        iou: r.iou,
        samRuns: r.samRuns,
        prompts: r.prompts,
        clipRuns: r.clipRuns,
        views: r.views.map((v) => ({
          name: v.name,
          width: v.render.width,
          height: v.render.height,
          rgb: v.render.rgb,
          chosenMask: v.chosen >= 0 ? v.proposals[v.chosen].mask : null,
          outlines: proposalOutlines(
            v.proposals.map((p) => p.mask),
            v.render.width,
            v.render.height,
          ),
          proposals: v.proposals.length,
          scores: v.scores.slice().sort((a, b) => b - a),
          bestScore: v.chosen >= 0 ? v.scores[v.chosen] : null,
        })),
      };
    } finally {
      this.runs.delete(req.runId);
    }
  }

  private load(src: NaaModelSource, backend: AffBackend, limits?: Partial<ReadLimits>) {
    const key = `${backend}|${src.kind === 'url' ? src.base : src.label}`;
    let p = this.models.get(key);
    if (!p) {
      p = (async () => {
        const get = async (f: string): Promise<Uint8Array | string> => {
          if (src.kind === 'files') {
            const v = src.files[f];
            if (v === undefined) throw new Error(`${src.label}: the model folder has no ${f} (docs/affordance.md lists the files)`);
            return v;
          }
          const url = new URL(f, src.base.endsWith('/') ? src.base : src.base + '/').href;
          try {
            return f.endsWith('.json') ? await this.io.fetchText(url, limitFor('manifest', limits)) : new Uint8Array(await this.io.fetchBytes(url, limitFor('model', limits)));
          } catch (e) {
            throw new Error(`${f}: cannot read the model file (${msg(e)})`, { cause: e });
          }
        };
        const [enc, dec, vis, txt, tok] = await Promise.all(FILES.map(get));
        const ort = this.ortFor(backend);
        const bytes = (v: Uint8Array | string, f: string) => {
          if (typeof v === 'string') throw new Error(`${f}: expected an ONNX file`);
          return v;
        };
        const sam = await OnnxSam.create(ort, { visionEncoder: bytes(enc, FILES[0]), decoder: bytes(dec, FILES[1]) });
        const tokenizer = new ClipTokenizer(typeof tok === 'string' ? tok : new TextDecoder().decode(tok), FILES[4]);
        const clip = await OnnxClip.create(ort, { visionModel: bytes(vis, FILES[2]), textModel: bytes(txt, FILES[3]) }, tokenizer);
        return { sam, clip };
      })();
      p.catch(() => this.models.delete(key));
      this.models.set(key, p);
    }
    return p;
  }
}

function msg(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
