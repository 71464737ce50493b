import { lazy, Suspense } from 'react';
import { useDatasetStore } from '../state/datasetStore';
import { GraspList } from './GraspList';
import { Viewport } from './viewport/Viewport';
import { IssuesPanel } from './IssuesPanel';
import { GraspInfo } from './GraspInfo';
import { useKeyboardActions } from './useKeyboardActions';
import { MetricsPanel } from './metrics/MetricsPanel';
import { ReviewOverlays, ReviewPanel } from './review/ReviewPanel';
import { OpenDialog } from './open/OpenDialog';
import { DropZone } from './open/DropZone';
import { ShareBar } from './share/ShareBar';

// Panels most sessions never use load after the first paint, in their own chunks.
const AlignRetargetPanel = lazy(() => import('./alignRetarget/AlignRetargetPanel').then((m) => ({ default: m.AlignRetargetPanel })));
const PredictPanel = lazy(() => import('./predict/PredictPanel').then((m) => ({ default: m.PredictPanel })));
const AffordancePanel = lazy(() => import('./affordance/AffordancePanel').then((m) => ({ default: m.AffordancePanel })));

export function App() {
  const { status, dataset, loadError, progress, manifestUrl } = useDatasetStore();
  useKeyboardActions();

  return (
    <div className="app">
      <header className="topbar">
        <h1>HOI Studio</h1>
        <span className="dataset-name" title={manifestUrl ?? ''}>
          {dataset?.name ?? ''}
        </span>
        <OpenDialog />
        <ShareBar />
      </header>
      <aside className="sidebar">
        {status === 'loading' && (
          <div className="loading" role="status">
            Loading dataset…{progress && progress.total > 0 ? ` ${progress.done}/${progress.total} shards` : ''}
            <button onClick={() => useDatasetStore.getState().cancel()}>Cancel</button>
          </div>
        )}
        {status === 'error' && (
          <div className="error-box" role="alert" data-testid="load-error">
            <strong>Could not open the dataset.</strong>
            <p>{loadError}</p>
          </div>
        )}
        <GraspList />
      </aside>
      <main className="main">
        <Viewport />
        <IssuesPanel />
      </main>
      <aside className="details">
        <GraspInfo />
        <MetricsPanel />
        <Suspense fallback={null}>
          <AlignRetargetPanel />
        </Suspense>
        <ReviewPanel />
        <Suspense fallback={null}>
          <PredictPanel />
        </Suspense>
        <Suspense fallback={null}>
          <AffordancePanel />
        </Suspense>
      </aside>
      <ReviewOverlays />
      <DropZone />
    </div>
  );
}
