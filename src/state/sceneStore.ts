import { create } from 'zustand';
import type { TriMesh } from '../core/mesh/triMesh';
import type { HandParts, HandPose, HandRef } from '../core/scene/sceneService';
import type { LoadedDataset, ResolvedGrasp } from '../core/dataset/loadDataset';
import { errorText } from '../core/dataset/loadDataset';
import { fileLabel } from '../core/dataset/resolveUrl';
import { ownEntry } from '../core/dataset/ownEntry';
import { sceneWorker } from './sceneWorkerClient';

export type SceneStatus = 'idle' | 'loading' | 'ready';

interface SceneState {
  graspId: string | null;
  /** the manifest the shown grasp came from (grasp ids repeat across datasets) */
  manifestUrl: string | null;
  status: SceneStatus;
  object: TriMesh | null;
  objectError: string | null;
  reconstruction: TriMesh | null;
  reconstructionError: string | null;
  /** the reconstructed human (MANO) hand mesh, when the grasp has one */
  mano: TriMesh | null;
  manoError: string | null;
  hand: HandParts | null;
  pose: HandPose | null;
  handError: string | null;
}

const empty = {
  object: null,
  objectError: null,
  reconstruction: null,
  reconstructionError: null,
  mano: null,
  manoError: null,
  hand: null,
  pose: null,
  handError: null,
};

export const useSceneStore = create<SceneState>(() => ({ graspId: null, manifestUrl: null, status: 'idle', ...empty }));

// Page-side caches of what the worker sent, so revisiting a grasp costs nothing.
const meshCache = new Map<string, Promise<TriMesh>>();
const handCache = new Map<string, Promise<HandParts>>();
const MESH_CACHE_LIMIT = 48;

function cached<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = cache.get(key);
  if (p) {
    cache.delete(key); // re-insert: most recently used last
    cache.set(key, p);
    return p;
  }
  p = make();
  p.catch(() => cache.delete(key));
  cache.set(key, p);
  if (cache.size > MESH_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return p;
}

function mesh(url: string, manifestUrl: string) {
  return cached(meshCache, url, () => sceneWorker().loadMesh(url, fileLabel(url, manifestUrl)));
}

function handRef(dataset: LoadedDataset, grasp: ResolvedGrasp): HandRef {
  const h = ownEntry(dataset.hands, grasp.hand);
  if (!h) throw new Error(`unknown hand "${grasp.hand}"`);
  return { key: `${dataset.manifestUrl}#${grasp.hand}`, spec: h.spec, urdfUrl: h.urdfUrl };
}

let request = 0;
let lastShown: ResolvedGrasp | null = null;

/** Nothing selected (no grasp passes the filters): the viewport is emptied, late answers dropped. */
export function clearScene(): void {
  if (!lastShown && useSceneStore.getState().graspId === null) return;
  lastShown = null;
  request++;
  useSceneStore.setState({ graspId: null, status: 'idle', ...empty });
}

/** Loads everything the viewport needs for one grasp; stale answers (user moved on) are dropped. */
export async function showGrasp(dataset: LoadedDataset, grasp: ResolvedGrasp): Promise<void> {
  // A streaming dataset is republished per shard with the same grasp objects: nothing to redo.
  if (grasp === lastShown) return;
  lastShown = grasp;
  const token = ++request;
  const current = () => token === request;
  useSceneStore.setState({ graspId: grasp.id, manifestUrl: dataset.manifestUrl, status: 'loading', ...empty });
  const object = ownEntry(dataset.objects, grasp.object);
  const ref = handRef(dataset, grasp);

  const tasks = [
    (object ? mesh(object.meshUrl, dataset.manifestUrl) : Promise.reject(new Error(`unknown object "${grasp.object}"`))).then(
      (m) => current() && useSceneStore.setState({ object: m }),
      (e) => current() && useSceneStore.setState({ objectError: errorText(e) }),
    ),
    grasp.reconstructionUrl
      ? mesh(grasp.reconstructionUrl, dataset.manifestUrl).then(
          (m) => current() && useSceneStore.setState({ reconstruction: m }),
          (e) => current() && useSceneStore.setState({ reconstructionError: errorText(e) }),
        )
      : Promise.resolve(),
    // A grasp without a robot pose shows only its object and human hand.
    grasp.root
      ? Promise.all([cached(handCache, ref.key, () => sceneWorker().handParts(ref)), sceneWorker().pose(ref, grasp.root, grasp.joints)]).then(
          ([hand, pose]) => current() && useSceneStore.setState({ hand, pose }),
          (e) => current() && useSceneStore.setState({ handError: `hand "${grasp.hand}": ${errorText(e)}` }),
        )
      : Promise.resolve(),
    grasp.manoMeshUrl
      ? mesh(grasp.manoMeshUrl, dataset.manifestUrl).then(
          (m) => current() && useSceneStore.setState({ mano: m }),
          (e) => current() && useSceneStore.setState({ manoError: errorText(e) }),
        )
      : Promise.resolve(),
  ];
  await Promise.all(tasks);
  if (current()) useSceneStore.setState({ status: 'ready' });
}

/** Warms the caches for a grasp the user is likely to open next. */
export function prefetchGrasp(dataset: LoadedDataset, grasp: ResolvedGrasp): void {
  const object = ownEntry(dataset.objects, grasp.object);
  if (object) mesh(object.meshUrl, dataset.manifestUrl).catch(() => {});
  if (!ownEntry(dataset.hands, grasp.hand)) return;
  const ref = handRef(dataset, grasp);
  cached(handCache, ref.key, () => sceneWorker().handParts(ref)).catch(() => {});
}
