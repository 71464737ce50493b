import { useEffect, useRef, useState } from 'react';
import { selectedGrasp, useDatasetStore } from '../../state/datasetStore';
import { BUILTIN_MODELS, cancelAffordance, runAffordance, saveAffordanceRegion, useAffordanceStore } from '../../state/affordanceStore';
import type { NaaReply } from '../../core/affordance/affordanceService';

/** One NAA view: the render with the chosen mask tinted. Pixels only; the worker computed everything. */
function ViewCanvas({ view }: { view: NaaReply['views'][number] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(view.width, view.height);
    for (let i = 0; i < view.width * view.height; i++) {
      const m = view.chosenMask?.[i] ? 1 : 0;
      img.data[4 * i] = m ? 255 : view.rgb[3 * i];
      img.data[4 * i + 1] = m ? Math.round(view.rgb[3 * i + 1] * 0.4) : view.rgb[3 * i + 1];
      img.data[4 * i + 2] = m ? 240 : view.rgb[3 * i + 2];
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [view]);
  return (
    <figure className="naa-view" data-view={view.name}>
      <canvas ref={ref} width={view.width} height={view.height} style={{ width: 96, height: 96 }} />
      <figcaption>
        {view.name}: {view.proposals} proposals{view.bestScore !== null ? `, best ${view.bestScore.toFixed(3)}` : ', none chosen'}
      </figcaption>
    </figure>
  );
}

/** Run NAA on the selected grasp's object, look at the views and the lifted region, save it as the object's avoid region. */
export function AffordancePanel() {
  const dataset = useDatasetStore((s) => s.dataset);
  const grasp = useDatasetStore(selectedGrasp);
  const st = useAffordanceStore();
  const [query, setQuery] = useState('');
  const [backend, setBackend] = useState<'auto' | 'wasm' | 'webgpu'>('auto');
  const [modelsUrl, setModelsUrl] = useState(BUILTIN_MODELS);
  // Cost knobs: runs scale with views × grid² prompts (docs/affordance.md).
  const [size, setSize] = useState(256);
  const [grid, setGrid] = useState(32);
  if (!dataset || !grasp) return null;
  const objectId = grasp.object;
  const running = st.status === 'running';
  const reply = st.objectId === objectId ? st.reply : null;
  return (
    <details className="affordance-panel" data-testid="affordance-panel" data-status={st.status}>
      <summary>Affordance (NAA)</summary>
      <p>
        Object <strong>{objectId}</strong>
        {dataset.objects[objectId]?.spec.avoid ? ' has an avoid region' : ''}
      </p>
      <label>
        Query <input aria-label="NAA query" value={query} placeholder="from the object's part labels, else generic" onChange={(e) => setQuery(e.target.value)} />
      </label>
      <label>
        Models <input value={modelsUrl} onChange={(e) => setModelsUrl(e.target.value)} aria-label="NAA models folder URL" />
      </label>
      <label>
        Backend{' '}
        <select aria-label="NAA backend" value={backend} onChange={(e) => setBackend(e.target.value as typeof backend)}>
          <option value="auto">auto (WebGPU, else WASM)</option>
          <option value="wasm">WASM</option>
          <option value="webgpu">WebGPU</option>
        </select>
      </label>
      <label>
        View size <input aria-label="NAA view size" type="number" min={32} max={1024} value={size} onChange={(e) => setSize(Number(e.target.value))} />
      </label>
      <label>
        Grid <input aria-label="NAA grid" type="number" min={2} max={64} value={grid} onChange={(e) => setGrid(Number(e.target.value))} />
      </label>
      <div>
        <button disabled={running} onClick={() => void runAffordance({ objectId, query: query.trim() || null, backend, modelsUrl, size, grid })}>
          Run NAA
        </button>
        {running && <button onClick={cancelAffordance}>Cancel</button>}
      </div>
      {running && (
        <p role="status">
          {st.progress.done}/{st.progress.total} {st.progress.what}
        </p>
      )}
      {st.status === 'cancelled' && <p>Cancelled.</p>}
      {st.error && (
        <p className="error" role="alert">
          {st.error}
        </p>
      )}
      {reply && (
        <div data-testid="naa-result" data-backend={reply.backend} data-points={reply.points.length}>
          <p>
            Backend: {reply.backend}
            {reply.adapter ? ` (${reply.adapter})` : ''}. Query “{reply.query}”. SAM: {reply.samRuns.encoder} encoder, {reply.samRuns.decoder} decoder runs ({reply.prompts}{' '}
            prompts); CLIP: {reply.clipRuns.image} image runs. Region: {reply.triangles.reduce((a, b) => a + b, 0)} triangles, {reply.points.length} points
            {reply.iou !== null ? `; IoU with the true part ${(reply.iou * 100).toFixed(1)} %` : ''}.
          </p>
          {reply.prompts === 0 && <p className="warning">No grid prompt landed on the object: raise the grid or the view size.</p>}
          {reply.prompts > 0 && reply.points.length === 0 && <p className="warning">No proposal was chosen in any view: nothing to save.</p>}
          <div className="naa-views">
            {reply.views.map((v) => (
              <ViewCanvas key={v.name} view={v} />
            ))}
          </div>
          <label>
            <input type="checkbox" checked={st.showRegion} onChange={(e) => useAffordanceStore.setState({ showRegion: e.target.checked })} /> Show region
          </label>
          <button disabled={reply.points.length === 0 || st.saved} onClick={() => void saveAffordanceRegion()}>
            {st.saved ? 'Saved' : 'Save region'}
          </button>
        </div>
      )}
    </details>
  );
}
