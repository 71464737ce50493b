import { create } from 'zustand';
import type { AlignResult } from '../core/align/alignMesh';
import { alignedGrasp } from '../core/align/alignGrasp';
import { isNudged, nudged, nudgeFromMatrix, NO_NUDGE, type Nudge } from '../core/align/nudge';
import { errorText, type LoadedDataset, type ResolvedGrasp } from '../core/dataset/loadDataset';
import type { BuiltinHandId, HandSpec } from '../core/dataset/schema';
import { fileLabel } from '../core/dataset/resolveUrl';
import type { RetargetResult } from '../core/retarget/retargetHand';
import type { HandParts, HandPose } from '../core/scene/sceneService';
import { alignRetargetWorker } from './alignRetargetWorkerClient';
import { useDatasetStore, selectedGrasp } from './datasetStore';
import { sceneWorker } from './sceneWorkerClient';

export const RETARGET_HANDS: BuiltinHandId[] = ['shadowhand', 'leaphand'];
/** Web2Grasp scales the object by 1.5 for LEAP, which is larger than a human hand. */
export const DEFAULT_OBJECT_SCALE: Record<BuiltinHandId, number> = { shadowhand: 1, leaphand: 1.5 };

export interface RetargetPreview {
  grasp: ResolvedGrasp;
  result: RetargetResult;
  parts: HandParts;
  pose: HandPose;
}

type Status = 'idle' | 'running' | 'done' | 'error';

interface AlignRetargetState {
  graspId: string | null;
  alignStatus: Status;
  align: AlignResult | null;
  alignError: string | null;
  nudge: Nudge;
  showAfter: boolean;
  retargetStatus: Status;
  retargetError: string | null;
  objectScale: Record<BuiltinHandId, number>;
  previews: Partial<Record<BuiltinHandId, RetargetPreview>>;
  /** ids of the grasps last added to the dataset */
  added: string[];
}

const fresh = (graspId: string | null) => ({
  graspId,
  alignStatus: 'idle' as Status,
  align: null,
  alignError: null,
  nudge: NO_NUDGE,
  showAfter: true,
  retargetStatus: 'idle' as Status,
  retargetError: null,
  previews: {},
});

export const useAlignRetargetStore = create<AlignRetargetState>(() => ({ ...fresh(null), objectScale: { ...DEFAULT_OBJECT_SCALE }, added: [] }));

/** The panel's state belongs to one grasp; selecting another starts over. */
export function currentGrasp(): { dataset: LoadedDataset; grasp: ResolvedGrasp } | null {
  const s = useDatasetStore.getState();
  const grasp = selectedGrasp(s);
  if (!s.dataset || !grasp) return null;
  if (useAlignRetargetStore.getState().graspId !== grasp.id) useAlignRetargetStore.setState(fresh(grasp.id));
  return { dataset: s.dataset, grasp };
}

export async function runAlign(): Promise<void> {
  const cur = currentGrasp();
  if (!cur?.grasp.reconstructionUrl) return;
  const { dataset, grasp } = cur;
  useAlignRetargetStore.setState({ alignStatus: 'running', alignError: null, align: null, nudge: NO_NUDGE });
  try {
    const ref = dataset.objects[grasp.object].meshUrl;
    const res = await alignRetargetWorker().align(ref, grasp.reconstructionUrl!, {
      reference: fileLabel(ref, dataset.manifestUrl),
      reconstruction: fileLabel(grasp.reconstructionUrl!, dataset.manifestUrl),
    });
    if (useAlignRetargetStore.getState().graspId === grasp.id) useAlignRetargetStore.setState({ alignStatus: 'done', align: res, showAfter: true });
  } catch (e) {
    if (useAlignRetargetStore.getState().graspId === grasp.id) useAlignRetargetStore.setState({ alignStatus: 'error', alignError: errorText(e) });
  }
}

export function setNudge(n: Nudge): void {
  useAlignRetargetStore.setState({ nudge: n });
}

/** The viewport's handles were dragged to this column-major 4x4 (the nudge's matrix, see nudgeMatrix). */
export function setNudgeFromHandles(matrix: ArrayLike<number>): void {
  setNudge(nudgeFromMatrix(matrix));
}

function replaceGrasp(dataset: LoadedDataset, index: number, grasp: ResolvedGrasp): void {
  const grasps = dataset.grasps.slice();
  grasps[index] = grasp;
  useDatasetStore.setState({ dataset: { ...dataset, grasps } });
}

/** Puts the aligned (and nudged) grasp in place of the selected one, in memory. */
export function acceptAlign(): void {
  const cur = currentGrasp();
  const { align, nudge } = useAlignRetargetStore.getState();
  if (!cur || !align) return;
  const index = useDatasetStore.getState().selected;
  const out = alignedGrasp(cur.grasp, { ...align, transform: nudged(align.transform, nudge), nudged: isNudged(nudge) });
  replaceGrasp(cur.dataset, index, out);
  useAlignRetargetStore.setState({ ...fresh(out.id), alignStatus: 'idle' });
}

function handFor(dataset: LoadedDataset, builtin: BuiltinHandId): { id: string; spec: HandSpec } {
  const same = Object.entries(dataset.hands).find(([, h]) => 'builtin' in h.spec && h.spec.builtin === builtin);
  return same ? { id: same[0], spec: same[1].spec } : { id: builtin, spec: { builtin } };
}

/** Retargets the selected grasp's human hand to ShadowHand and LEAP, for the side-by-side preview. */
export async function runRetarget(): Promise<void> {
  const cur = currentGrasp();
  if (!cur?.grasp.mano) return;
  const { dataset, grasp } = cur;
  const scales = useAlignRetargetStore.getState().objectScale;
  useAlignRetargetStore.setState({ retargetStatus: 'running', retargetError: null, previews: {} });
  try {
    const previews: AlignRetargetState['previews'] = {};
    const { source: _s, reconstructionUrl, manoMeshUrl, ...plain } = grasp;
    for (const builtin of RETARGET_HANDS) {
      const hand = handFor(dataset, builtin);
      const key = `builtin:${builtin}`;
      const { grasp: g, result } = await alignRetargetWorker().retarget({
        grasp: plain,
        manoMeshUrl,
        handId: hand.id,
        handKey: key,
        spec: hand.spec,
        objectScale: scales[builtin],
      });
      const ref = { key, spec: { builtin } as HandSpec };
      const [parts, pose] = await Promise.all([sceneWorker().handParts(ref), sceneWorker().pose(ref, g.root!, g.joints)]);
      previews[builtin] = { grasp: { ...g, source: 'retargeted in the studio', reconstructionUrl, manoMeshUrl }, result, parts, pose };
    }
    if (useAlignRetargetStore.getState().graspId === grasp.id) useAlignRetargetStore.setState({ retargetStatus: 'done', previews });
  } catch (e) {
    if (useAlignRetargetStore.getState().graspId === grasp.id) useAlignRetargetStore.setState({ retargetStatus: 'error', retargetError: errorText(e) });
  }
}

/** Appends the previewed robot grasps to the dataset (in memory), after their source, for review. */
export function addRetargeted(): void {
  const cur = currentGrasp();
  const { previews } = useAlignRetargetStore.getState();
  if (!cur) return;
  const { dataset } = cur;
  const hands = { ...dataset.hands };
  const news: ResolvedGrasp[] = [];
  for (const builtin of RETARGET_HANDS) {
    const p = previews[builtin];
    if (!p) continue;
    const hand = handFor(dataset, builtin);
    hands[hand.id] ??= { spec: hand.spec };
    news.push(p.grasp);
  }
  const ids = new Set(news.map((g) => g.id));
  const kept = dataset.grasps.filter((g) => !ids.has(g.id));
  const at = kept.findIndex((g) => g.id === cur.grasp.id) + 1;
  const grasps = [...kept.slice(0, at), ...news, ...kept.slice(at)];
  useDatasetStore.setState({ dataset: { ...dataset, hands, grasps } });
  useAlignRetargetStore.setState({ added: news.map((g) => g.id) });
}
