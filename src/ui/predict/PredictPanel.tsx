import { useEffect, useState } from 'react';
import { selectedGrasp, useDatasetStore } from '../../state/datasetStore';
import { addPredictionsToDataset, cancelPrediction, previewPrediction, runPrediction, usePredictStore, type ModelChoice } from '../../state/predictStore';
import { listModels, saveModel } from '../../storage/modelStore';
import { readModelFolder } from './modelFolder';
import { FolderPicker } from '../open/FolderPicker';

const cm = (m: number | null | undefined) => (m === null || m === undefined || !Number.isFinite(m) ? '—' : m.toFixed(2));

/** Predict grasps of an object with a DRO model, look at them, keep them. */
export function PredictPanel() {
  const dataset = useDatasetStore((s) => s.dataset);
  const grasp = useDatasetStore(selectedGrasp);
  const st = usePredictStore();
  const [objectId, setObjectId] = useState('');
  const [handId, setHandId] = useState('');
  const [count, setCount] = useState(4);
  const [seed, setSeed] = useState(0);
  const [modelKind, setModelKind] = useState<'shipped' | 'url' | 'kept'>('shipped');
  const [modelUrl, setModelUrl] = useState('');
  const [kept, setKept] = useState<string[]>([]);
  const [keptName, setKeptName] = useState('');
  const [backend, setBackend] = useState<'auto' | 'wasm' | 'webgpu'>('auto');
  const [followSelection, setFollowSelection] = useState(true);
  const [refine, setRefine] = useState(true);

  useEffect(() => {
    listModels().then(setKept, () => setKept([]));
  }, []);
  // Follow the selected grasp until the user picks something else.
  useEffect(() => {
    if (!dataset) return;
    if (followSelection || !objectId || !dataset.objects[objectId]) setObjectId(grasp?.object ?? Object.keys(dataset.objects)[0] ?? '');
    if (followSelection || !handId || !dataset.hands[handId]) setHandId(grasp?.hand ?? Object.keys(dataset.hands)[0] ?? '');
  }, [dataset, grasp, objectId, handId, followSelection]);

  if (!dataset) return null;
  const handSpec = dataset.hands[handId]?.spec;
  const builtin = handSpec && 'builtin' in handSpec ? handSpec.builtin : null;
  const model: ModelChoice = modelKind === 'url' ? { kind: 'url', url: modelUrl } : modelKind === 'kept' ? { kind: 'kept', name: keptName } : { kind: 'shipped' };
  const canRun = !!objectId && !!handId && count >= 1 && (modelKind !== 'url' || modelUrl.trim() !== '') && (modelKind !== 'kept' || keptName !== '');
  const running = st.status === 'running';

  return (
    <details className="predict-panel" data-testid="predict-panel">
      <summary>Predict (DRO)</summary>
      <div className="predict-form">
        <label>
          Object{' '}
          <select aria-label="Predict object" value={objectId} onChange={(e) => (setFollowSelection(false), setObjectId(e.target.value))}>
            {Object.keys(dataset.objects).map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        </label>
        <label>
          Hand{' '}
          <select aria-label="Predict hand" value={handId} onChange={(e) => (setFollowSelection(false), setHandId(e.target.value))}>
            {Object.keys(dataset.hands).map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        </label>
        <label>
          Count <input aria-label="Predict count" type="number" min={1} max={256} value={count} onChange={(e) => setCount(Math.max(1, Math.floor(Number(e.target.value) || 1)))} />
        </label>
        <label>
          Seed <input aria-label="Predict seed" type="number" min={0} value={seed} onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />
        </label>
        <label>
          Model{' '}
          <select aria-label="Predict model" value={modelKind} onChange={(e) => setModelKind(e.target.value as typeof modelKind)}>
            <option value="shipped">{builtin ? `shipped (${builtin})` : 'shipped (built-in hands only)'}</option>
            <option value="url">URL…</option>
            <option value="kept" disabled={kept.length === 0}>
              kept folder
            </option>
          </select>
        </label>
        {modelKind === 'url' && <input aria-label="Model URL" placeholder="https://…/dro.json" value={modelUrl} onChange={(e) => setModelUrl(e.target.value)} />}
        {modelKind === 'kept' && (
          <select aria-label="Kept model" value={keptName} onChange={(e) => setKeptName(e.target.value)}>
            <option value="">choose…</option>
            {kept.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        )}
        <FolderPicker
          inputLabel="Model folder"
          title="A folder with dro.json, embed.onnx and kernel.onnx; kept in this browser"
          keep={async (files) => {
            const m = await readModelFolder(files);
            await saveModel(m);
            return m.name;
          }}
          onKept={async (name) => {
            setKept(await listModels());
            setKeptName(name);
            setModelKind('kept');
          }}
        />
        <label>
          Backend{' '}
          <select aria-label="Predict backend" value={backend} onChange={(e) => setBackend(e.target.value as typeof backend)}>
            <option value="auto">auto (WebGPU if available)</option>
            <option value="wasm">WASM</option>
            <option value="webgpu">WebGPU</option>
          </select>
        </label>
        <label title="After DRO's IK: push links out of the object and pull fingertips within 3 cm onto it (docs/predict.md)">
          <input type="checkbox" aria-label="Refine contacts" checked={refine} onChange={(e) => setRefine(e.target.checked)} /> Refine contacts
        </label>
        <div className="predict-actions">
          <button disabled={!canRun || running} onClick={() => void runPrediction({ objectId, handId, count, seed, model, backend, refine })}>
            Predict
          </button>
          {running && <button onClick={cancelPrediction}>Cancel</button>}
        </div>
      </div>
      <div
        className="predict-status"
        data-testid="predict-status"
        data-status={st.status}
        data-backend={st.backend ?? ''}
        data-count={st.items.length}
        data-metrics={st.metricsStatus}
      >
        {running && (
          <>
            <progress max={st.progress.total} value={st.progress.done} aria-label="Prediction progress" /> {st.progress.done} / {st.progress.total}
          </>
        )}
        {st.status === 'done' && (
          <span>
            {st.items.length} predictions on <strong data-testid="predict-backend">{st.backend === 'webgpu' ? 'WebGPU' : 'WASM'}</strong>
            {st.adapter ? ` (${st.adapter})` : ''}
          </span>
        )}
        {st.status === 'cancelled' && <span>Prediction cancelled</span>}
        {st.error && (
          <p className="error" role="alert">
            {st.error}
          </p>
        )}
      </div>
      {st.items.length > 0 && (
        <>
          <div className="predict-toggles">
            <label>
              <input type="checkbox" checked={st.showPoints} onChange={(e) => usePredictStore.setState({ showPoints: e.target.checked })} /> predicted robot points
            </label>
            <label>
              <input type="checkbox" checked={st.showInitial} onChange={(e) => usePredictStore.setState({ showInitial: e.target.checked })} /> initial configuration
            </label>
            {st.items.some((it) => it.refined) && (
              <label>
                <input type="checkbox" checked={st.showUnrefined} onChange={(e) => usePredictStore.setState({ showUnrefined: e.target.checked })} /> before refinement
              </label>
            )}
          </div>
          <table className="predict-list" data-testid="predict-list">
            <thead>
              <tr>
                <th>#</th>
                <th title="penetration depth, cm">pen. cm</th>
                <th title="fingertip (disjoint) distance, cm">tip cm</th>
                <th title="contact ratio, %">contact %</th>
                <th title="contact refinement: deepest hand point inside the object before -> after, cm (refinement's own check on its points)">refined cm</th>
              </tr>
            </thead>
            <tbody>
              {st.items.map((it, i) => (
                <tr
                  key={it.grasp.id}
                  className={st.preview === i ? 'selected' : ''}
                  data-testid="prediction-row"
                  data-measured={it.metrics ? '1' : '0'}
                  onClick={() => previewPrediction(i)}
                >
                  <td>{i}</td>
                  <td>{cm(it.metrics?.penetration_depth_cm)}</td>
                  <td>{cm(it.metrics?.disjoint_distance_cm)}</td>
                  <td>{cm(it.metrics?.contact_ratio_pct)}</td>
                  <td
                    title={it.refined ? `${it.refined.rounds} rounds; fingertip gap ${cm(100 * it.refined.tipGapBefore)} -> ${cm(100 * it.refined.tipGapAfter)} cm` : 'not refined'}
                  >
                    {it.refined ? `${cm(100 * it.refined.depthBefore)}→${cm(100 * it.refined.depthAfter)}` : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button disabled={st.added} onClick={addPredictionsToDataset} title="Append them to the grasp list; they are reviewed and exported like any grasp (meta.prediction)">
            {st.added ? 'Added to dataset' : 'Add to dataset'}
          </button>
        </>
      )}
    </details>
  );
}
