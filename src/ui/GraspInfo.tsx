import { useDatasetStore, selectedGrasp } from '../state/datasetStore';
import { useSceneStore } from '../state/sceneStore';
import { ownEntry } from '../core/dataset/ownEntry';

/** The selected grasp's identity and what posing it reported (clamped or unknown joints). */
export function GraspInfo() {
  const dataset = useDatasetStore((s) => s.dataset);
  const grasp = useDatasetStore(selectedGrasp);
  const index = useDatasetStore((s) => s.selected);
  const report = useSceneStore((s) => s.pose?.report);
  if (!dataset || !grasp) return null;
  const object = ownEntry(dataset.objects, grasp.object);
  return (
    <section className="grasp-info" aria-label="Selected grasp" data-testid="grasp-info">
      <h2 title={grasp.id}>{grasp.id}</h2>
      <dl>
        <dt>Grasp</dt>
        <dd>
          {index + 1} of {dataset.grasps.length}
        </dd>
        <dt>Object</dt>
        <dd>
          {grasp.object} ({object?.spec.category})
        </dd>
        <dt>Hand</dt>
        <dd>{grasp.root ? grasp.hand : 'no robot pose (human hand only)'}</dd>
        <dt>Scale</dt>
        <dd>{(grasp.objectScale ?? 1).toFixed(3)}</dd>
        <dt>From</dt>
        <dd>{grasp.source}</dd>
      </dl>
      {grasp.meta && Object.keys(grasp.meta).length > 0 && (
        <details className="grasp-meta">
          <summary>Meta</summary>
          <dl>
            {Object.entries(grasp.meta).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {report && report.clamped.length > 0 && (
        <p className="warning">Clamped to limits: {report.clamped.map((c) => `${c.joint} ${c.value.toFixed(3)}→${c.clampedTo.toFixed(3)} rad`).join(', ')}</p>
      )}
      {report && report.unknown.length > 0 && <p className="error">Unknown joints: {report.unknown.join(', ')}</p>}
      {report && report.invalid.length > 0 && <p className="error">Invalid joint values (treated as 0): {report.invalid.join(', ')}</p>}
      {report && report.missing.length > 0 && <p className="muted">Joints not set (at 0): {report.missing.join(', ')}</p>}
    </section>
  );
}
