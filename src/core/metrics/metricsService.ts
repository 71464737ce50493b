import type { DatasetIO, LoadedDataset, ResolvedGrasp } from '../dataset/loadDataset';
import { fileLabel } from '../dataset/resolveUrl';
import { BUILTIN_HAND_URDF, loadBuiltinHand } from '../hands/builtin/builtinHands';
import { loadHandModel, type HandModel } from '../hands/handModel';
import { poseHand } from '../hands/poseHand';
import { parseMeshAsync } from '../mesh/parseMesh';
import type { TriMesh } from '../mesh/triMesh';
import { avoidPointsFrom, parseAvoidFile, type AvoidPoints } from './avoidRegion';
import { computeGraspMetrics } from './computeGraspMetrics';
import { Hasher } from './hash';
import { resolveParams, type MetricsParams } from './params';
import { emptyMetrics, errorColumn, type GraspMetricsRow, type MetricsOverlay } from './types';
import { ownEntry } from '../dataset/ownEntry';
import { limitFor, type ReadLimits } from '../dataset/readLimits';
import { METRICS_VERSION } from './version';

/** The part of a loaded dataset a metrics worker needs (plain data, sent once per worker). */
export type MetricsDatasetContext = Pick<LoadedDataset, 'hands' | 'objects' | 'manifestUrl'>;

export interface ServiceRow extends GraspMetricsRow {
  /** what the result depends on (mesh contents, pose, parameters); the browser's IndexedDB key */
  cacheKey: string;
  ms: number;
  overlay?: MetricsOverlay;
}

export { METRICS_VERSION } from './version';

interface LoadedHand {
  model: HandModel;
  contentHash: string;
}

/**
 * Dataset-level metric computation for one worker: loads each object mesh and hand model once
 * (so their BVHs, built on first use, are reused by every grasp of that object or hand), poses
 * hands and turns every failure into a per-grasp error row. Shared by the browser's Web Workers
 * and the CLI's worker threads.
 */
export class MetricsService {
  private ctx: MetricsDatasetContext | null = null;
  private params: MetricsParams = resolveParams();
  private meshes = new Map<string, Promise<{ mesh: TriMesh; hash: string }>>();
  private hands = new Map<string, Promise<LoadedHand>>();
  private avoids = new Map<string, Promise<{ points: AvoidPoints | null; hash: string }>>();
  /** the page's read limits (?maxMeshMB=…), so a mesh the viewer was allowed to open is measured too */
  private limits: Partial<ReadLimits> = {};

  constructor(private readonly io: DatasetIO) {}

  configure(ctx: MetricsDatasetContext, params: Partial<MetricsParams> = {}, limits: Partial<ReadLimits> = {}): void {
    if (JSON.stringify(limits) !== JSON.stringify(this.limits)) {
      // Loads that failed on the old limits must be retried.
      this.meshes.clear();
      this.hands.clear();
      this.avoids.clear();
      this.limits = { ...limits };
    }
    const next = resolveParams(params);
    if (next.geometry !== this.params.geometry) this.hands.clear();
    this.params = next;
    // Regions are per dataset (and edited in the studio), so a new context re-reads them.
    if (ctx !== this.ctx) this.avoids.clear();
    this.ctx = ctx;
  }

  /** Cache keys only (loads meshes, computes nothing), so callers can skip grasps already cached. */
  async keys(grasps: ResolvedGrasp[]): Promise<string[]> {
    const out: string[] = [];
    for (const g of grasps) {
      try {
        out.push(await this.cacheKey(g));
      } catch (e) {
        out.push(`unavailable:${message(e)}`);
      }
    }
    return out;
  }

  async compute(grasps: ResolvedGrasp[], opts: { overlay?: boolean } = {}): Promise<ServiceRow[]> {
    const rows: ServiceRow[] = [];
    for (const g of grasps) rows.push(await this.computeOne(g, opts));
    return rows;
  }

  async computeOne(grasp: ResolvedGrasp, opts: { overlay?: boolean } = {}): Promise<ServiceRow> {
    const t0 = performance.now();
    const fail = (msg: string, cacheKey = ''): ServiceRow => ({ id: grasp.id, ...emptyMetrics(msg), cacheKey, ms: performance.now() - t0 });
    const ctx = this.ctx;
    if (!ctx) return fail('metrics worker was not configured with a dataset');
    const objectEntry = ownEntry(ctx.objects, grasp.object);
    const handEntry = ownEntry(ctx.hands, grasp.hand);
    if (!objectEntry) return fail(`unknown object "${grasp.object}"`);
    if (!handEntry) return fail(`unknown hand "${grasp.hand}"`);

    let object: { mesh: TriMesh; hash: string };
    let hand: LoadedHand;
    let recon: { mesh: TriMesh; hash: string } | null = null;
    const loadErrors: string[] = [];
    try {
      object = await this.mesh(objectEntry.meshUrl, ctx.manifestUrl);
    } catch (e) {
      return fail(`object mesh: ${message(e)}`);
    }
    try {
      hand = await this.hand(grasp.hand);
    } catch (e) {
      return fail(`hand "${grasp.hand}": ${message(e)}`);
    }
    if (grasp.reconstructionUrl) {
      try {
        recon = await this.mesh(grasp.reconstructionUrl, ctx.manifestUrl);
      } catch (e) {
        loadErrors.push(`d2_wasserstein: reconstruction mesh: ${message(e)}`);
      }
    }
    let avoid: { points: AvoidPoints | null; hash: string };
    try {
      avoid = await this.avoid(grasp.object);
    } catch (e) {
      avoid = { points: null, hash: 'unreadable' };
      loadErrors.push(`affordance_score: ${message(e)}`);
    }
    const cacheKey = this.keyFor(grasp, object.hash, hand.contentHash, recon?.hash ?? (grasp.reconstructionUrl ? 'unreadable' : ''), avoid.hash);
    let posed = null;
    try {
      if (grasp.root) posed = poseHand(hand.model, grasp.root, grasp.joints, this.params.geometry);
    } catch (e) {
      return fail(`posing hand "${grasp.hand}": ${message(e)}`, cacheKey);
    }
    const r = computeGraspMetrics({
      hand: posed,
      object: object.mesh,
      objectScale: grasp.objectScale ?? 1,
      reconstruction: recon?.mesh ?? null,
      avoid: avoid.points,
      params: this.params,
      overlay: opts.overlay,
    });
    const errors = [...loadErrors, ...r.errors];
    const warnings = [...hand.model.errors.map((e) => `hand "${grasp.hand}": ${e}`), ...r.warnings];
    const { errors: _e, warnings: _w, overlay, ms: _ms, ...metrics } = r;
    return { id: grasp.id, ...metrics, error: errorColumn(errors, warnings), cacheKey, ms: performance.now() - t0, overlay };
  }

  private async cacheKey(grasp: ResolvedGrasp): Promise<string> {
    const ctx = this.ctx;
    if (!ctx) throw new Error('not configured');
    const object = await this.mesh(ctx.objects[grasp.object].meshUrl, ctx.manifestUrl);
    const hand = await this.hand(grasp.hand);
    const recon = grasp.reconstructionUrl ? await this.mesh(grasp.reconstructionUrl, ctx.manifestUrl).catch(() => null) : null;
    const avoid = await this.avoid(grasp.object).catch(() => ({ hash: 'unreadable' }));
    return this.keyFor(grasp, object.hash, hand.contentHash, recon?.hash ?? (grasp.reconstructionUrl ? 'unreadable' : ''), avoid.hash);
  }

  private keyFor(grasp: ResolvedGrasp, objectHash: string, handHash: string, reconHash: string, avoidHash: string): string {
    return new Hasher()
      .number(METRICS_VERSION)
      .value(this.params)
      .string(objectHash)
      .string(handHash)
      .string(reconHash)
      .string(avoidHash)
      .value({ root: grasp.root, joints: grasp.joints, scale: grasp.objectScale ?? 1 })
      .hex();
  }

  /** The object's negative-affordance region, read once; hash '' when it has none. */
  private avoid(objectId: string): Promise<{ points: AvoidPoints | null; hash: string }> {
    let p = this.avoids.get(objectId);
    if (!p) {
      const ctx = this.ctx!;
      const entry = ctx.objects[objectId];
      const spec = entry.spec.avoid;
      p = (async () => {
        if (!spec) return { points: null, hash: '' };
        let points: AvoidPoints;
        if ('points' in spec) points = avoidPointsFrom(spec.points);
        else {
          const label = fileLabel(entry.avoidUrl!, ctx.manifestUrl);
          let text: string;
          try {
            text = await this.io.fetchText(entry.avoidUrl!, limitFor('manifest', this.limits));
          } catch (e) {
            throw new Error(`${label}: cannot read (${message(e)})`, { cause: e });
          }
          points = parseAvoidFile(text, label);
        }
        return { points, hash: new Hasher().bytes(points).hex() };
      })();
      this.avoids.set(objectId, p);
    }
    return p;
  }

  private mesh(url: string, manifestUrl: string): Promise<{ mesh: TriMesh; hash: string }> {
    let p = this.meshes.get(url);
    if (!p) {
      const label = fileLabel(url, manifestUrl);
      p = this.io
        .fetchBytes(url, limitFor('mesh', this.limits))
        .catch((e: unknown) => {
          throw new Error(`${label}: cannot read (${message(e)})`, { cause: e });
        })
        .then((bytes) => parseMeshAsync(bytes, label))
        .then((mesh) => ({ mesh, hash: new Hasher().bytes(mesh.positions).bytes(mesh.indices).hex() }));
      this.meshes.set(url, p);
    }
    return p;
  }

  private hand(id: string): Promise<LoadedHand> {
    let p = this.hands.get(id);
    if (!p) {
      const entry = this.ctx!.hands[id];
      const spec = entry.spec;
      const geometry = this.params.geometry;
      const fetchBytes = (u: string) => this.io.fetchBytes(u, limitFor('mesh', this.limits));
      p = (async () => {
        let urdfText: string;
        let model: HandModel;
        if ('builtin' in spec) {
          urdfText = BUILTIN_HAND_URDF(spec.builtin);
          model = await loadBuiltinHand(spec.builtin, { geometry, fingertips: spec.fingertips });
        } else {
          try {
            urdfText = await this.io.fetchText(entry.urdfUrl!, limitFor('urdf', this.limits));
          } catch (e) {
            throw new Error(`${spec.urdf}: cannot read URDF (${message(e)})`, { cause: e });
          }
          model = await loadHandModel(urdfText, { urdfUrl: entry.urdfUrl!, fetchBytes, fingertips: spec.fingertips, geometry });
        }
        const h = new Hasher()
          .string(urdfText)
          .value(spec.fingertips ?? null)
          .string(geometry);
        for (const part of model.parts[geometry] ?? []) h.string(part.link).bytes(part.mesh.positions).bytes(part.mesh.indices).value(Array.from(part.offset));
        return { model, contentHash: h.hex() };
      })();
      this.hands.set(id, p);
    }
    return p;
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
