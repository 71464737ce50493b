import type { TriMesh } from '../mesh/triMesh';
import { blurImage, sharpInside } from './blurOutside';
import { liftMasks } from './liftToMesh';
import type { ClipModel, SamModel } from './models';
import { gridPrompts, selectProposals, type Proposal } from './proposals';
import { rasterize, type RenderedView } from './rasterize';
import { regionIoU, sampleRegion } from './regionPoints';
import { cardinalViews, VIEW_NAMES, type View } from './views';

export interface NaaOptions {
  /** rendered view size, pixels (square) */
  size?: number;
  /** which of the six views to use (VIEW_NAMES); default all. Each costs one SAM encoder run, its prompts and its proposals' CLIP runs */
  views?: readonly string[];
  /** prompts per side of the grid (AffordDex: 32) */
  grid?: number;
  /** prompts per decoder run */
  promptBatch?: number;
  /** proposals smaller than this share of the view's object pixels are dropped */
  minAreaFraction?: number;
  iouThreshold?: number;
  /**
   * A view whose best CLIP score is below this contributes no mask (the part may not be visible
   * from that side). Default: none, every view contributes its best proposal (AffordDex).
   */
  minScore?: number;
  /** share of a triangle's visible pixels a mask must cover to select it (liftMasks); default 0 = any */
  minCoverage?: number;
  /** box blur radius outside the proposal, pixels */
  blurRadius?: number;
  /** object-frame points sampled on the region (AffordDex: 100) */
  points?: number;
  seed?: number;
  /** ground truth per triangle (1 = negative part), for the IoU */
  truth?: Uint8Array;
  onProgress?: (done: number, total: number, what: string) => void;
  signal?: AbortSignal;
}

export interface NaaView {
  name: string;
  render: RenderedView;
  proposals: Proposal[];
  /** CLIP similarity of each proposal with the query */
  scores: number[];
  /** index into proposals of the best one; -1 when the view has none */
  chosen: number;
}

export interface NaaResult {
  views: NaaView[];
  /** 1 per triangle of the negative region */
  triangles: Uint8Array;
  /** sampled region points, mesh frame, meters */
  points: [number, number, number][];
  /** against `truth` when given */
  iou: number | null;
  samRuns: { encoder: number; decoder: number };
  /** point prompts sent to the decoder (grid points on the object, all views) */
  prompts: number;
  clipRuns: { image: number; text: number };
}

/**
 * AffordDex's Negative Affordance-aware Segmentation: six cardinal views; a grid of point prompts
 * per view through SAM (best candidate each), small masks dropped, NMS; each proposal scored by
 * CLIP with everything outside it blurred; the best proposal of each view lifted onto the mesh;
 * points sampled on the lifted region.
 */
export async function runNaa(mesh: TriMesh, query: string, sam: SamModel, clip: ClipModel, opts: NaaOptions = {}): Promise<NaaResult> {
  const size = opts.size ?? 256;
  const grid = opts.grid ?? 32;
  const batch = opts.promptBatch ?? 64;
  const minFrac = opts.minAreaFraction ?? 0.01;
  const views = cardinalViews(mesh).filter((v) => !opts.views || opts.views.includes(v.name));
  if (views.length === 0) throw new Error(`no views chosen (of ${VIEW_NAMES.join(', ')})`);
  const runs = { encoder: 0, decoder: 0 },
    clipRuns = { image: 0, text: 0 };
  const abort = () => {
    if (opts.signal?.aborted) throw new DOMException('NAA cancelled', 'AbortError');
  };
  const total = views.length * 2 + 1;
  let done = 0;
  let promptCount = 0;
  const step = (what: string) => opts.onProgress?.(++done, total, what);

  const text = normalize(await clip.embedText(query));
  clipRuns.text++;
  step('text');
  const out: NaaView[] = [];
  for (const view of views) {
    abort();
    const render = rasterize(mesh, view, size, size);
    const image = { width: size, height: size, rgb: render.rgb };
    const prompts = gridPrompts(size, size, render.id, grid);
    promptCount += prompts.length;
    const masks: { mask: Uint8Array; score: number; point: [number, number] }[] = [];
    if (prompts.length) {
      const emb = await sam.embed(image);
      runs.encoder++;
      for (let i = 0; i < prompts.length; i += batch) {
        abort();
        const pts = prompts.slice(i, i + batch);
        const answers = await sam.segment(emb, image, pts);
        runs.decoder++;
        answers.forEach((a, k) => masks.push({ ...a, point: pts[k] }));
      }
    }
    step(`${view.name}: SAM`);
    let objectPixels = 0;
    for (let i = 0; i < render.id.length; i++) if (render.id[i] >= 0) objectPixels++;
    const proposals = selectProposals(masks, render.id, { minArea: Math.max(1, Math.ceil(minFrac * objectPixels)), iouThreshold: opts.iouThreshold });
    let scores: number[] = [];
    if (proposals.length) {
      abort();
      const background = blurImage(image, opts.blurRadius ?? Math.max(1, Math.round(size / 32)));
      const blurred = proposals.map((p) => sharpInside(image, background, p.mask));
      const embeds = await clip.embedImages(blurred);
      clipRuns.image += blurred.length;
      scores = embeds.map((e) => dot(normalize(e), text));
    }
    step(`${view.name}: CLIP`);
    const best = argmax(scores);
    out.push({ name: view.name, render, proposals, scores, chosen: best >= 0 && scores[best] >= (opts.minScore ?? -Infinity) ? best : -1 });
  }
  abort();
  const triangles = liftViews(mesh, views, out, opts.minCoverage);
  return {
    views: out,
    triangles,
    points: sampleRegion(mesh, triangles, opts.points ?? 100, opts.seed ?? 0),
    iou: opts.truth ? regionIoU(mesh, triangles, opts.truth) : null,
    samRuns: runs,
    prompts: promptCount,
    clipRuns,
  };
}

/** The lift step on its own, so a user's change of a view's chosen mask re-lifts without re-running the models. */
export function liftViews(mesh: TriMesh, views: View[], results: NaaView[], minCoverage = 0): Uint8Array {
  const p = mesh.positions;
  const min = [Infinity, Infinity, Infinity],
    max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < p.length; i += 3)
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k], p[i + k]);
      max[k] = Math.max(max[k], p[i + k]);
    }
  const diag = Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]);
  return liftMasks(
    mesh,
    results.map((r, i) => ({ view: views[i], render: r.render, mask: r.chosen >= 0 ? r.proposals[r.chosen].mask : null })),
    // Float32 depth over the object's extent: a few parts per million of its size.
    Math.max(1e-9, diag * 1e-5),
    minCoverage,
  );
}

function normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (const x of v) s += x * x;
  const n = Math.sqrt(s) || 1;
  return v.map((x) => x / n);
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) s += a[i] * b[i];
  return s;
}

function argmax(xs: number[]): number {
  let best = -1;
  for (let i = 0; i < xs.length; i++) if (best < 0 || xs[i] > xs[best]) best = i;
  return best;
}
