import { useRef } from 'react';
import { useDatasetStore, selectedGrasp } from '../../state/datasetStore';
import { useMetricsStore } from '../../state/metricsStore';
import { appMetrics, metricsAreManual } from '../../state/appMetrics';
import { METRIC_COLUMNS, type GraspMetricsRow } from '../../core/metrics/types';
import { METRIC_INFO } from '../../core/review/metricNames';
import { formatMetric } from '../../core/review/formatMetric';
import { toCsv, toJson } from '../../core/metrics/resultsFile';
import { downloadText } from '../download';

function MetricsProgress() {
  const { status, progress, source, error, checking } = useMetricsStore();
  const dataset = useDatasetStore((s) => s.dataset);
  const fileInput = useRef<HTMLInputElement>(null);
  const pct = progress.total ? (100 * progress.done) / progress.total : 0;
  const rowsForExport = (): GraspMetricsRow[] => {
    const rows = useMetricsStore.getState().rows;
    return (dataset?.grasps ?? []).map((g) => rows.get(g.id)).filter((r): r is GraspMetricsRow => !!r);
  };
  return (
    <div
      className="metrics-status"
      data-testid="metrics-status"
      data-status={status}
      data-done={progress.done}
      data-computed={progress.computed}
      data-checking={checking ? 'yes' : 'no'}
    >
      {status === 'computing' && (
        <>
          <progress max={progress.total} value={progress.done} aria-label="Metrics progress" />
          <span>
            Metrics {progress.done} / {progress.total}
            {progress.fromCache ? ` (${progress.fromCache} cached)` : ''} · {pct.toFixed(0)}%
          </span>
          <button onClick={() => appMetrics.cancelMetrics()}>Cancel</button>
        </>
      )}
      {status === 'reading' && <span>Reading cached metrics…</span>}
      {status === 'done' && (
        <span>
          Metrics for {progress.done} grasps {source === 'file' ? 'from file' : progress.fromCache ? `(${progress.fromCache} cached)` : ''}
          {checking ? ' · checking files…' : ''}
        </span>
      )}
      {status === 'idle' && dataset && metricsAreManual() && <span>Metrics wait for Compute (?metrics=manual)</span>}
      {status === 'cancelled' && (
        <span>
          Metrics cancelled at {progress.done} / {progress.total}
        </span>
      )}
      {status !== 'computing' && status !== 'reading' && dataset && (
        <button onClick={() => void appMetrics.computeDatasetMetrics(dataset)}>{status === 'idle' ? 'Compute' : 'Recompute'}</button>
      )}
      <button onClick={() => fileInput.current?.click()} title="Load a CSV/JSON file written by `hoi-studio metrics`">
        Load results…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".csv,.json,text/csv,application/json"
        hidden
        aria-label="Metrics results file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void appMetrics.loadMetricsFile(f);
          e.target.value = '';
        }}
      />
      {progress.done > 0 && (
        <>
          <button onClick={() => downloadText('metrics.csv', toCsv(rowsForExport()), 'text/csv')}>Export CSV</button>
          <button onClick={() => downloadText('metrics.json', toJson(rowsForExport(), { dataset: dataset?.name }))}>Export JSON</button>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The selected grasp's metrics in display units, and the overlay's fingertip gaps. */
export function MetricsPanel() {
  const grasp = useDatasetStore(selectedGrasp);
  useMetricsStore((s) => s.version);
  const overlay = useMetricsStore((s) => s.overlay);
  const fromPool = grasp ? useMetricsStore.getState().rows.get(grasp.id) : undefined;
  const row = fromPool ?? (overlay?.graspId === grasp?.id ? overlay?.row : null) ?? null;
  const tips = overlay?.graspId === grasp?.id ? overlay?.data?.fingertips : undefined;
  return (
    <section className="metrics-panel" aria-label="Metrics" data-testid="metrics-panel">
      <h3>Metrics</h3>
      <MetricsProgress />
      {grasp && (
        <table className="metrics-table" data-grasp-id={grasp.id} data-ready={row ? 'yes' : 'no'}>
          <tbody>
            {METRIC_COLUMNS.map((m) => (
              <tr key={m} data-metric={m}>
                <th scope="row">{METRIC_INFO[m].label}</th>
                <td>{row ? formatMetric(row[m], m) : '…'}</td>
                <td className="unit">{METRIC_INFO[m].unit}</td>
              </tr>
            ))}
            {/* Always a row, so the panels below do not jump when the numbers arrive. */}
            <tr>
              <th scope="row">Object extents</th>
              <td colSpan={2}>{!row ? '…' : row.object_extents_cm ? `${row.object_extents_cm.map((v) => v.toFixed(1)).join(' × ')} cm` : '—'}</td>
            </tr>
          </tbody>
        </table>
      )}
      {row?.error && <p className={row.error.startsWith('warning') ? 'warning' : 'error'}>{row.error}</p>}
      {overlay?.graspId === grasp?.id && overlay?.status === 'error' && <p className="error">Overlay: {overlay.error}</p>}
      {overlay?.graspId === grasp?.id && overlay?.data?.avoid?.some((f) => f.violates) && (
        <p className="warning" data-testid="avoid-violations">
          Fingertips in the avoid region:{' '}
          {overlay.data.avoid
            .filter((f) => f.violates)
            .map((f) => `${f.name} (${(f.distance * 100).toFixed(1)} cm)`)
            .join(', ')}
        </p>
      )}
      {tips && tips.length > 0 && (
        <details>
          <summary>Fingertip gaps</summary>
          <ul className="fingertip-list">
            {tips.map((t) => (
              <li key={t.name}>
                {t.name}: {(t.distance * 100).toFixed(2)} cm
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
