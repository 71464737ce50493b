import type { LoadedDataset } from '../core/dataset/loadDataset';
import { appMetrics } from './appMetrics';
import { selectedGrasp, useDatasetStore } from './datasetStore';
import { startReviewSession } from './reviewSession';
import { clearScene, showGrasp } from './sceneStore';
import { installTestHooks } from './testHooks';
import { startUrlSync } from './urlState';

/*
 * The studio's wiring, owned in one place and started once by main.tsx: what follows when the
 * dataset or the selected grasp changes (the scene, the selected grasp's metric overlay, the
 * background metrics), the review session and the URL. Components only read stores and call
 * actions; none of them starts or wires anything.
 */

type DatasetSnapshot = ReturnType<typeof useDatasetStore.getState>;

function showSelection(s: DatasetSnapshot): void {
  const grasp = selectedGrasp(s);
  if (s.dataset && grasp) {
    void showGrasp(s.dataset, grasp);
    void appMetrics.computeOverlay(s.dataset, grasp);
  } else clearScene();
}

let stop: (() => void) | null = null;

/** Starts the studio (idempotent); the returned function undoes it (tests, hot reload). */
export function startStudio(): () => void {
  if (stop) return stop;
  // Metrics start once a dataset's grasp list is complete (streaming datasets grow while loading).
  let measuring: LoadedDataset | null = null;
  const onDataset = (s: DatasetSnapshot, prev: DatasetSnapshot) => {
    if (s.dataset !== prev.dataset || s.selected !== prev.selected) showSelection(s);
    if (s.dataset === prev.dataset && s.status === prev.status) return;
    const want = s.status === 'ready' ? s.dataset : null;
    if (want === measuring) return;
    if (measuring) appMetrics.cancelMetrics('restart');
    measuring = want;
    if (want) void appMetrics.computeDatasetMetrics(want);
  };
  const stops = [useDatasetStore.subscribe(onDataset), startReviewSession()];
  installTestHooks();
  // After the subscription, so the dataset the URL names is followed from its first state.
  startUrlSync();
  stop = () => {
    stops.forEach((f) => f());
    if (measuring) appMetrics.cancelMetrics('restart');
    stop = null;
  };
  return stop;
}
