import * as Comlink from 'comlink';
import { create } from 'zustand';
import { errorText, type LoadedDataset, type ResolvedGrasp } from '../core/dataset/loadDataset';
import type { NaaModelSource, NaaReply } from '../core/affordance/affordanceService';
import { paintRegion, type RegionPoint } from '../core/affordance/paintRegion';
import { withRegion } from '../core/affordance/datasetRegions';
import { ownEntry } from '../core/dataset/ownEntry';
import { fileLabel } from '../core/dataset/resolveUrl';
import { limitFor, limitsFromSearch } from '../core/dataset/readLimits';
import { parseAvoidFile } from '../core/metrics/avoidRegion';
import { datasetKey } from '../storage/datasetKey';
import { saveRegion } from '../storage/regionStore';
import { getNaaModel } from '../storage/naaModelStore';
import type { AffordanceWorkerApi } from '../../workers/affordance.worker';
import { selectedGrasp, useDatasetStore } from './datasetStore';
import { useSceneStore } from './sceneStore';
import { pageIO } from './pageIO';
import { markRegionsApplied } from './savedRegions';
import { testHooksWanted } from './testHooks';

let api: Comlink.Remote<AffordanceWorkerApi> | null = null;
/** One affordance worker, started on first use (ORT loads only then). */
function worker(): Comlink.Remote<AffordanceWorkerApi> {
  if (!api) api = Comlink.wrap<AffordanceWorkerApi>(new Worker(new URL('../../workers/affordance.worker.ts', import.meta.url), { type: 'module', name: 'affordance' }));
  return api;
}

export type AffStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';
export type BrushMode = 'off' | 'add' | 'erase';

/** The region being looked at or edited for one object: NAA's result, a painted one, or the saved one being changed. */
export interface RegionEdit {
  /** the dataset it belongs to (a region never follows the user into another dataset) */
  manifestUrl: string;
  objectId: string;
  points: RegionPoint[];
  label: string;
  source: string;
  /** differs from what the dataset holds */
  dirty: boolean;
}

/** Where NAA's models come from: the built-in tiny ones, a folder URL, or a folder kept in IndexedDB. */
export type NaaModelChoice = { kind: 'builtin' } | { kind: 'url'; url: string } | { kind: 'kept'; name: string };

interface AffordanceState {
  status: AffStatus;
  objectId: string | null;
  progress: { done: number; total: number; what: string };
  error: string | null;
  reply: NaaReply | null;
  showRegion: boolean;
  /** regions being edited, per dataset and object (draftKey), kept until saved or discarded so switching grasps loses nothing */
  drafts: Map<string, RegionEdit>;
  brush: BrushMode;
  /** meters */
  brushRadius: number;
  /** a region in an `avoid.file`, read for display: keyed by the object entry it was read for */
  fileRegion: { entry: object; points: RegionPoint[] | null; error: string | null } | null;
  /** objects whose region came from (or was saved to) this browser, not the manifest */
  browserSaved: string[];
}

export const BRUSH_RADIUS = { min: 0.001, max: 0.1, default: 0.008 };

export const useAffordanceStore = create<AffordanceState>(() => ({
  status: 'idle',
  objectId: null,
  progress: { done: 0, total: 0, what: '' },
  error: null,
  reply: null,
  showRegion: true,
  drafts: new Map(),
  brush: 'off',
  brushRadius: BRUSH_RADIUS.default,
  fileRegion: null,
  browserSaved: [],
}));

/** The tiny built-in models, served by the app (public/models/naa-tiny). */
export const BUILTIN_MODELS = 'models/naa-tiny/';

let runId = 0;

async function modelSource(choice: NaaModelChoice): Promise<NaaModelSource> {
  if (choice.kind === 'kept') {
    const m = await getNaaModel(choice.name);
    if (!m) throw new Error(`NAA model folder "${choice.name}" is no longer kept in this browser; open it again`);
    const files: Record<string, Uint8Array> = {};
    for (const [k, v] of Object.entries(m.files)) files[k] = new Uint8Array(v);
    // The date keeps a re-opened folder of the same name from reusing the worker's old sessions.
    return { kind: 'files', label: `${m.name} (kept ${m.savedAt})`, files };
  }
  const url = choice.kind === 'url' ? choice.url.trim() : BUILTIN_MODELS;
  if (!url) throw new Error('no NAA model folder URL given');
  return { kind: 'url', base: new URL(url, document.baseURI).href };
}

export async function runAffordance(p: {
  objectId: string;
  query: string | null;
  backend: 'auto' | 'wasm' | 'webgpu';
  model: NaaModelChoice;
  size?: number;
  grid?: number;
  /** a subset of VIEW_NAMES; default all six */
  views?: readonly string[];
}): Promise<void> {
  const dataset = useDatasetStore.getState().dataset;
  const o = dataset ? ownEntry(dataset.objects, p.objectId) : undefined;
  if (!dataset || !o) return;
  const id = ++runId;
  useAffordanceStore.setState({ status: 'running', objectId: p.objectId, progress: { done: 0, total: 0, what: '' }, error: null, reply: null });
  try {
    const models = await modelSource(p.model);
    const reply = await worker().run(
      {
        runId: id,
        meshUrl: o.meshUrl,
        partsUrl: o.partsUrl,
        meshLabel: o.spec.mesh,
        query: p.query,
        models,
        backend: p.backend,
        limits: limitsFromSearch(globalThis.location?.search ?? ''),
        options: { size: clampInt(p.size, 32, 1024, 256), grid: clampInt(p.grid, 2, 64, 32), views: p.views ? [...p.views] : undefined },
      },
      Comlink.proxy((done: number, total: number, what: string) => id === runId && useAffordanceStore.setState({ progress: { done, total, what } })),
    );
    if (id !== runId) return;
    useAffordanceStore.setState({ status: 'done', reply });
    putDraft({
      manifestUrl: dataset.manifestUrl,
      objectId: p.objectId,
      points: reply.points,
      label: reply.query.replace(/^a photo of (the |a |an )?/, ''),
      source: 'naa',
      dirty: true,
    });
  } catch (e) {
    if (id !== runId) return;
    const cancelled = /cancelled/.test(errorText(e));
    useAffordanceStore.setState({ status: cancelled ? 'cancelled' : 'error', error: cancelled ? null : errorText(e) });
  }
}

function clampInt(v: number | undefined, lo: number, hi: number, dflt: number): number {
  return v === undefined || !Number.isFinite(v) ? dflt : Math.min(hi, Math.max(lo, Math.round(v)));
}

export function cancelAffordance(): void {
  void worker().cancel(runId);
}

/** The region shown for an object: the one being edited, else the dataset's (inline, or read from its file). */
export function regionPointsFor(s: AffordanceState, dataset: LoadedDataset | null, objectId: string | undefined): RegionPoint[] | null {
  if (!dataset || objectId === undefined) return null;
  const draft = s.drafts.get(draftKey(dataset.manifestUrl, objectId));
  if (draft) return draft.points;
  const entry = ownEntry(dataset.objects, objectId);
  const avoid = entry?.spec.avoid;
  if (!entry || !avoid) return null;
  if ('points' in avoid) return avoid.points;
  return s.fileRegion?.entry === entry ? s.fileRegion.points : null;
}

/** Reads the selected object's `avoid.file` for display (the metrics workers read it themselves). Called by the studio session on selection. */
export function followAffordanceSelection(dataset: LoadedDataset, grasp: ResolvedGrasp): void {
  const entry = ownEntry(dataset.objects, grasp.object);
  if (!entry?.avoidUrl || !entry.spec.avoid || 'points' in entry.spec.avoid) return;
  if (useAffordanceStore.getState().fileRegion?.entry === entry) return;
  const url = entry.avoidUrl;
  const label = fileLabel(url, dataset.manifestUrl);
  useAffordanceStore.setState({ fileRegion: { entry, points: null, error: null } });
  pageIO()
    .fetchText(url, limitFor('manifest', limitsFromSearch(globalThis.location?.search ?? '')))
    .then((text) => toPoints(parseAvoidFile(text, label)))
    .then(
      (points) => useAffordanceStore.getState().fileRegion?.entry === entry && useAffordanceStore.setState({ fileRegion: { entry, points, error: null } }),
      (e: unknown) =>
        useAffordanceStore.getState().fileRegion?.entry === entry && useAffordanceStore.setState({ fileRegion: { entry, points: null, error: `${label}: ${errorText(e)}` } }),
    );
}

function toPoints(flat: Float64Array): RegionPoint[] {
  const out: RegionPoint[] = [];
  for (let i = 0; i < flat.length; i += 3) out.push([flat[i], flat[i + 1], flat[i + 2]]);
  return out;
}

/** The region of the selected grasp's object, ready to change: the current edit, else a copy of what the dataset holds. */
function editableRegion(): RegionEdit | null {
  const ds = useDatasetStore.getState();
  const grasp = selectedGrasp(ds);
  if (!ds.dataset || !grasp) return null;
  const s = useAffordanceStore.getState();
  const draft = s.drafts.get(draftKey(ds.dataset.manifestUrl, grasp.object));
  if (draft) return draft;
  const avoid = ownEntry(ds.dataset.objects, grasp.object)?.spec.avoid;
  const points = regionPointsFor(s, ds.dataset, grasp.object) ?? [];
  return {
    manifestUrl: ds.dataset.manifestUrl,
    objectId: grasp.object,
    points,
    label: avoid?.label ?? 'part that must not be touched',
    source: avoid?.source ?? 'manual',
    dirty: false,
  };
}

export function setBrush(mode: BrushMode): void {
  useAffordanceStore.setState((s) => ({ brush: s.brush === mode ? 'off' : mode, showRegion: mode === 'off' ? s.showRegion : true }));
}

/** Scales the brush by a factor, within its bounds. */
export function scaleBrush(factor: number): void {
  useAffordanceStore.setState((s) => ({ brushRadius: Math.min(BRUSH_RADIUS.max, Math.max(BRUSH_RADIUS.min, s.brushRadius * factor)) }));
}

let dabSeed = 0;

/**
 * One brush dab at a point on the selected grasp's reference object (mesh frame, meters). The
 * mesh is the one the scene shows, so the dab lands where the user sees it.
 */
export function paintAt(center: RegionPoint): void {
  const s = useAffordanceStore.getState();
  if (s.brush === 'off') return;
  const grasp = selectedGrasp(useDatasetStore.getState());
  const scene = useSceneStore.getState();
  if (!grasp || scene.graspId !== grasp.id || !scene.object) return;
  const region = editableRegion();
  if (!region) return;
  const points = paintRegion(scene.object, region.points, { center, radius: s.brushRadius, mode: s.brush, seed: ++dabSeed });
  if (points.length === region.points.length && s.brush === 'erase') return;
  const source = region.source === 'naa' ? 'naa+manual' : region.source === 'naa+manual' ? region.source : 'manual';
  putDraft({ ...region, points, source, dirty: true });
}

/** Empties the region being edited (saving it then removes the object's region). */
export function clearRegion(): void {
  const region = editableRegion();
  if (region) putDraft({ ...region, points: [], dirty: true });
}

/** Drops the selected object's unsaved edits: it shows what the dataset holds again. */
export function discardRegionEdits(objectId: string): void {
  const dataset = useDatasetStore.getState().dataset;
  if (!dataset) return;
  useAffordanceStore.setState((s) => {
    const drafts = new Map(s.drafts);
    drafts.delete(draftKey(dataset.manifestUrl, objectId));
    return { drafts };
  });
}

export const draftKey = (manifestUrl: string, objectId: string) => `${manifestUrl}\n${objectId}`;

function putDraft(d: RegionEdit): void {
  useAffordanceStore.setState((s) => ({ drafts: new Map(s.drafts).set(draftKey(d.manifestUrl, d.objectId), d) }));
}

/** Unsaved drafts of the open dataset, so the panel can list them and the page can warn before closing. */
export function unsavedDrafts(s: AffordanceState, dataset: LoadedDataset | null): RegionEdit[] {
  return dataset ? [...s.drafts.values()].filter((d) => d.dirty && d.manifestUrl === dataset.manifestUrl) : [];
}

/**
 * Saves an object's draft region: into IndexedDB under the dataset's key first (so it is there
 * when the dataset is opened again), then into the open dataset (its manifest exports carry
 * `avoid`, and the metrics recompute for it since the dataset changed). No points removes it.
 */
export async function saveAffordanceRegion(objectId: string): Promise<void> {
  const dataset = useDatasetStore.getState().dataset;
  const region = dataset ? useAffordanceStore.getState().drafts.get(draftKey(dataset.manifestUrl, objectId)) : undefined;
  if (!region || !dataset || !ownEntry(dataset.objects, objectId)) return;
  try {
    await saveRegion({
      dataset: datasetKey(dataset.manifestUrl, dataset.name),
      object: objectId,
      points: region.points,
      label: region.label,
      source: region.source,
      savedAt: new Date().toISOString(),
    });
  } catch (e) {
    useAffordanceStore.setState({ error: errorText(e) });
    return;
  }
  // The dataset may have changed while saving (another object saved): lay the region over the current one.
  const current = useDatasetStore.getState().dataset;
  if (current && current.manifestUrl === dataset.manifestUrl) {
    const next = withRegion(current, objectId, { points: region.points, label: region.label, source: region.source });
    markRegionsApplied(next);
    useDatasetStore.setState({ dataset: next });
  }
  useAffordanceStore.setState((s) => {
    const drafts = new Map(s.drafts);
    const key = draftKey(dataset.manifestUrl, objectId);
    // Saved as it was when the save began; strokes made meanwhile stay a draft.
    if (drafts.get(key) === region) drafts.delete(key);
    return { drafts, browserSaved: s.browserSaved.includes(objectId) ? s.browserSaved : [...s.browserSaved, objectId], error: null };
  });
}

// Browser tests read the open dataset's region and the edit through the same gate as the other test hooks.
if (typeof window !== 'undefined' && testHooksWanted(import.meta.env.MODE, window.location.search)) {
  const w = window as unknown as { __hoiStudio?: Record<string, unknown> };
  w.__hoiStudio = Object.assign(w.__hoiStudio ?? {}, {
    avoidRegion: (objectId: string) => ownEntry(useDatasetStore.getState().dataset?.objects, objectId)?.spec.avoid ?? null,
    regionDrafts: () => [...useAffordanceStore.getState().drafts.values()],
  });
}
