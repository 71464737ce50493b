import type { LoadedDataset } from '../core/dataset/loadDataset';
import { appMetrics, metricsAreManual } from './appMetrics';
import { selectedGrasp, useDatasetStore } from './datasetStore';
import { useMetricsStore } from './metricsStore';
import { startReviewSession } from './reviewSession';
import { clearScene, showGrasp } from './sceneStore';
import { installTestHooks } from './testHooks';
import { startUrlSync } from './urlState';
import { followAffordanceSelection, unsavedDrafts, useAffordanceStore } from './affordanceStore';
import { applySavedRegions, markRegionsApplied, regionsApplied } from './savedRegions';
import { errorText } from '../core/dataset/loadDataset';

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
    followAffordanceSelection(s.dataset, grasp);
  } else clearScene();
}

let stop: (() => void) | null = null;

/** Starts the studio (idempotent); the returned function undoes it (tests, hot reload). */
export function startStudio(): () => void {
  if (stop) return stop;
  // Metrics start once a dataset's grasp list is complete (streaming datasets grow while loading)
  // and the regions saved in this browser are laid over it (they change affordance_score).
  let measuring: LoadedDataset | null = null;
  const manual = metricsAreManual();
  let lastManifest: string | null = null;
  const measure = (want: LoadedDataset | null) => {
    if (want === measuring) return;
    if (measuring) appMetrics.cancelMetrics('restart');
    measuring = want;
    if (!want) return;
    // Manual until asked: once Compute was pressed, a new version of the same dataset (a saved
    // region) is measured again; another dataset waits for Compute once more.
    const asked = want.manifestUrl === lastManifest && ['reading', 'computing', 'done'].includes(useMetricsStore.getState().status);
    lastManifest = want.manifestUrl;
    if (manual && !asked) appMetrics.resetMetrics(want.grasps.length);
    else void appMetrics.computeDatasetMetrics(want);
  };
  const onDataset = (s: DatasetSnapshot, prev: DatasetSnapshot) => {
    if (s.dataset !== prev.dataset || s.selected !== prev.selected) showSelection(s);
    if (s.dataset === prev.dataset && s.status === prev.status) return;
    const want = s.status === 'ready' ? s.dataset : null;
    if (want && !regionsApplied(want)) {
      measure(null);
      markRegionsApplied(want);
      applySavedRegions(want).then(
        (r) => {
          if (useDatasetStore.getState().dataset !== want) return;
          useAffordanceStore.setState({ browserSaved: r.applied, error: r.problems.length ? r.problems.join('; ') : null });
          // A new dataset comes back through this subscription and is measured then.
          if (r.dataset !== want) useDatasetStore.setState({ dataset: r.dataset });
          else measure(want);
        },
        (e: unknown) => {
          if (useDatasetStore.getState().dataset !== want) return;
          useAffordanceStore.setState({ error: `Saved regions could not be read, showing the manifest's: ${errorText(e)}` });
          measure(want);
        },
      );
      return;
    }
    measure(want);
  };
  // Painted regions are drafts until saved: closing the tab with some asks first.
  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (unsavedDrafts(useAffordanceStore.getState(), useDatasetStore.getState().dataset).length) e.preventDefault();
  };
  if (typeof window !== 'undefined') window.addEventListener('beforeunload', beforeUnload);
  const stops = [useDatasetStore.subscribe(onDataset), startReviewSession()];
  installTestHooks();
  // After the subscription, so the dataset the URL names is followed from its first state.
  startUrlSync();
  stop = () => {
    stops.forEach((f) => f());
    if (typeof window !== 'undefined') window.removeEventListener('beforeunload', beforeUnload);
    measure(null);
    stop = null;
  };
  return stop;
}
