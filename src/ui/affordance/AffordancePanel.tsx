import { useEffect, useRef, useState } from 'react';
import { ownEntry } from '../../core/dataset/ownEntry';
import { selectedGrasp, useDatasetStore } from '../../state/datasetStore';
import {
  BRUSH_RADIUS,
  cancelAffordance,
  clearRegion,
  discardRegionEdits,
  draftKey,
  regionPointsFor,
  runAffordance,
  saveAffordanceRegion,
  scaleBrush,
  setBrush,
  unsavedDrafts,
  useAffordanceStore,
  type NaaModelChoice,
} from '../../state/affordanceStore';
import { listNaaModels, saveNaaModel } from '../../storage/naaModelStore';
import { actionNamed } from '../actions';
import { readNaaModelFolder } from './naaModelFolder';
import { FolderPicker } from '../open/FolderPicker';
import { VIEW_NAMES } from '../../core/affordance/views';
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
      // proposals' borders in yellow, the chosen mask tinted magenta
      const edge = view.outlines[i] === 1;
      img.data[4 * i] = edge ? 255 : m ? 255 : view.rgb[3 * i];
      img.data[4 * i + 1] = edge ? 220 : m ? Math.round(view.rgb[3 * i + 1] * 0.4) : view.rgb[3 * i + 1];
      img.data[4 * i + 2] = edge ? 0 : m ? 240 : view.rgb[3 * i + 2];
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [view]);
  return (
    <figure className="naa-view" data-view={view.name}>
      <canvas ref={ref} width={view.width} height={view.height} style={{ width: 96, height: 96 }} />
      <figcaption>
        {view.name}: {view.proposals} proposals{view.bestScore !== null ? `, best ${view.bestScore.toFixed(3)}` : ', none chosen'}
        {view.scores.length > 1 && (
          <span title="CLIP scores of the proposals, best first">{` (next ${view.scores
            .slice(1, 3)
            .map((x) => x.toFixed(3))
            .join(', ')})`}</span>
        )}
      </figcaption>
    </figure>
  );
}

/** Run NAA on the selected grasp's object, look at the views, paint the region, save it as the object's avoid region. */
export function AffordancePanel() {
  const dataset = useDatasetStore((s) => s.dataset);
  const grasp = useDatasetStore(selectedGrasp);
  const st = useAffordanceStore();
  const [query, setQuery] = useState('');
  const [backend, setBackend] = useState<'auto' | 'wasm' | 'webgpu'>('auto');
  const [modelKind, setModelKind] = useState<NaaModelChoice['kind']>('builtin');
  const [modelUrl, setModelUrl] = useState('');
  const [kept, setKept] = useState<string[]>([]);
  const [keptName, setKeptName] = useState('');
  // Cost knobs: runs scale with views × grid² prompts (docs/affordance.md).
  const [size, setSize] = useState(256);
  const [grid, setGrid] = useState(32);
  const [views, setViews] = useState<readonly string[]>(VIEW_NAMES);
  useEffect(() => {
    listNaaModels().then(setKept, () => setKept([]));
  }, []);
  if (!dataset || !grasp) return null;
  const objectId = grasp.object;
  const running = st.status === 'running';
  const reply = st.objectId === objectId ? st.reply : null;
  const draft = st.drafts.get(draftKey(dataset.manifestUrl, objectId));
  const shown = regionPointsFor(st, dataset, objectId);
  const avoid = ownEntry(dataset.objects, objectId)?.spec.avoid;
  const otherDrafts = unsavedDrafts(st, dataset).filter((d) => d.objectId !== objectId);
  const model: NaaModelChoice = modelKind === 'url' ? { kind: 'url', url: modelUrl } : modelKind === 'kept' ? { kind: 'kept', name: keptName } : { kind: 'builtin' };
  const canRun = !running && views.length > 0 && (modelKind !== 'url' || modelUrl.trim() !== '') && (modelKind !== 'kept' || keptName !== '');
  const key = (name: string) => actionNamed(name).keys[0];

  return (
    <details className="affordance-panel" data-testid="affordance-panel" data-status={st.status}>
      <summary>Affordance (NAA)</summary>
      <p data-testid="region-status" data-points={shown?.length ?? 0} data-dirty={draft?.dirty ? 'true' : 'false'}>
        Object <strong>{objectId}</strong>:{' '}
        {draft?.dirty
          ? `unsaved region, ${draft.points.length} points (${draft.source})`
          : avoid
            ? `avoid region${avoid.label ? ` “${avoid.label}”` : ''}${shown ? `, ${shown.length} points` : ''}${avoid.source ? ` (${avoid.source})` : ''}${st.browserSaved.includes(objectId) ? ', saved in this browser' : ', from the manifest'}`
            : 'no avoid region'}
        {st.fileRegion?.error && <span className="error"> {st.fileRegion.error}</span>}
      </p>
      <fieldset className="naa-run">
        <legend>Find it with NAA</legend>
        <label>
          Query <input aria-label="NAA query" value={query} placeholder="from the object's part labels, else generic" onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label>
          Models{' '}
          <select aria-label="NAA models" value={modelKind} onChange={(e) => setModelKind(e.target.value as typeof modelKind)}>
            <option value="builtin">built-in tiny test models</option>
            <option value="url">folder URL…</option>
            <option value="kept" disabled={kept.length === 0}>
              kept folder
            </option>
          </select>
        </label>
        {modelKind === 'url' && (
          <input aria-label="NAA models folder URL" placeholder="https://…/naa/ (sam/ and clip/ inside)" value={modelUrl} onChange={(e) => setModelUrl(e.target.value)} />
        )}
        {modelKind === 'kept' && (
          <select aria-label="Kept NAA model" value={keptName} onChange={(e) => setKeptName(e.target.value)}>
            <option value="">choose…</option>
            {kept.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        )}
        <FolderPicker
          inputLabel="NAA model folder"
          title="A folder with sam/ and clip/ (docs/affordance.md); kept in this browser"
          keep={async (files) => {
            const m = await readNaaModelFolder(files);
            await saveNaaModel(m);
            return m.name;
          }}
          onKept={async (name) => {
            setKept(await listNaaModels());
            setKeptName(name);
            setModelKind('kept');
          }}
        />
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
        <div role="group" aria-label="NAA views" title="Each view costs one SAM encoder run, its prompts and its proposals' CLIP runs">
          Views{' '}
          {VIEW_NAMES.map((v) => (
            <label key={v}>
              <input
                type="checkbox"
                aria-label={`NAA view ${v}`}
                checked={views.includes(v)}
                onChange={(e) => setViews(VIEW_NAMES.filter((x) => (x === v ? e.target.checked : views.includes(x))))}
              />
              {v}
            </label>
          ))}
        </div>
        <div>
          <button disabled={!canRun} onClick={() => void runAffordance({ objectId, query: query.trim() || null, backend, model, size, grid, views })}>
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
          </div>
        )}
      </fieldset>
      <fieldset className="region-edit">
        <legend>Region</legend>
        <label>
          <input type="checkbox" checked={st.showRegion} onChange={() => actionNamed('toggleRegion').perform()} /> Show region ({key('toggleRegion')})
        </label>
        <div role="group" aria-label="Brush">
          <label>
            <input type="checkbox" checked={st.brush === 'add'} onChange={() => setBrush('add')} /> Paint ({key('brushAdd')})
          </label>
          <label>
            <input type="checkbox" checked={st.brush === 'erase'} onChange={() => setBrush('erase')} /> Erase ({key('brushErase')})
          </label>
          <label>
            Brush{' '}
            <input
              aria-label="Brush radius (mm)"
              type="number"
              min={BRUSH_RADIUS.min * 1000}
              max={BRUSH_RADIUS.max * 1000}
              step={1}
              value={Math.round(st.brushRadius * 1000)}
              onChange={(e) => {
                const mm = Number(e.target.value);
                if (Number.isFinite(mm) && mm > 0) scaleBrush(mm / 1000 / st.brushRadius);
              }}
            />{' '}
            mm ({key('brushSmaller')} / {key('brushLarger')})
          </label>
        </div>
        {st.brush !== 'off' && <p className="hint">Drag on the object to {st.brush === 'add' ? 'paint' : 'erase'}; the camera turns again with the brush off.</p>}
        <div>
          <button disabled={!draft?.dirty} onClick={() => void saveAffordanceRegion(objectId)}>
            {draft?.dirty ? 'Save region' : 'Saved'}
          </button>
          <button disabled={!draft?.dirty} onClick={() => discardRegionEdits(objectId)}>
            Discard changes
          </button>
          <button disabled={!shown?.length} onClick={clearRegion} title="Empties the region; saving then removes it from the object">
            Clear
          </button>
        </div>
        {otherDrafts.length > 0 && (
          <p className="warning" data-testid="other-drafts">
            Unsaved regions on {otherDrafts.map((d) => d.objectId).join(', ')}.{' '}
            <button onClick={() => otherDrafts.forEach((d) => void saveAffordanceRegion(d.objectId))}>Save them</button>
          </p>
        )}
      </fieldset>
      {st.error && (
        <p className="error" role="alert">
          {st.error}
        </p>
      )}
    </details>
  );
}
