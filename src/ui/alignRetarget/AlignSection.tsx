import { useMemo } from 'react';
import type { ResolvedGrasp } from '../../core/dataset/loadDataset';
import { nudged, NO_NUDGE, type Nudge } from '../../core/align/nudge';
import { fromPose, IDENTITY_SIMILARITY, similarityMatrix } from '../../core/align/similarity';
import { acceptAlign, runAlign, setNudge, useAlignRetargetStore } from '../../state/alignRetargetStore';
import { useSceneStore } from '../../state/sceneStore';
import { OBJECT_COLOR, RECONSTRUCTION_COLOR } from '../viewport/ObjectView';
import { NudgeHandles } from './NudgeHandles';
import { PosedMesh } from './PosedMesh';
import { PreviewCanvas } from './PreviewCanvas';

const DEG = Math.PI / 180;
const STEPS = { rotate: 2 * DEG, translate: 0.001, scale: 0.005 };

function NudgeControls({ nudge }: { nudge: Nudge }) {
  const set = (f: (n: Nudge) => Nudge) => setNudge(f({ ...nudge, rotate: [...nudge.rotate], translate: [...nudge.translate] }));
  const axis = (kind: 'rotate' | 'translate', k: number, sign: number) => () =>
    set((n) => {
      n[kind][k] += sign * STEPS[kind];
      return n;
    });
  return (
    <div className="ar-nudge" role="group" aria-label="Nudge the alignment">
      {(['rotate', 'translate'] as const).map((kind) => (
        <div key={kind}>
          <span>{kind === 'rotate' ? 'Rotate 2°' : 'Move 1 mm'}</span>
          {['x', 'y', 'z'].map((a, k) => (
            <span key={a} className="ar-axis">
              <button aria-label={`${kind} ${a} minus`} onClick={axis(kind, k, -1)}>
                −
              </button>
              {a}
              <button aria-label={`${kind} ${a} plus`} onClick={axis(kind, k, 1)}>
                +
              </button>
            </span>
          ))}
        </div>
      ))}
      <div>
        <span>Scale 0.5%</span>
        <button aria-label="scale minus" onClick={() => set((n) => ({ ...n, scale: n.scale * (1 - STEPS.scale) }))}>
          −
        </button>
        <button aria-label="scale plus" onClick={() => set((n) => ({ ...n, scale: n.scale * (1 + STEPS.scale) }))}>
          +
        </button>
        <button onClick={() => setNudge(NO_NUDGE)}>Reset</button>
      </div>
      <p className="hint" data-testid="nudge-readout">
        Nudge (handles in the preview or buttons): rotate {nudge.rotate.map((a) => (a / DEG).toFixed(1)).join(' / ')}°, move{' '}
        {nudge.translate.map((t) => (t * 1000).toFixed(1)).join(' / ')} mm, scale {((nudge.scale - 1) * 100).toFixed(1)}%
      </p>
    </div>
  );
}

/** Reference and reconstruction overlaid before and after alignment, the fit numbers, nudges and accept. */
export function AlignSection({ grasp }: { grasp: ResolvedGrasp }) {
  const st = useAlignRetargetStore();
  const scene = useSceneStore();
  const current = grasp.reconstruction?.pose ? fromPose(grasp.reconstruction.pose) : IDENTITY_SIMILARITY;
  const after = st.align && st.showAfter ? nudged(st.align.transform, st.nudge) : null;
  const reconMatrix = useMemo(() => similarityMatrix(after ?? current), [after, current]);
  // Before: the grasp as stored (reference at its objectScale). After: the reference frame.
  const refScale = after ? 1 : (grasp.objectScale ?? 1);
  const refMatrix = useMemo(() => similarityMatrix({ ...IDENTITY_SIMILARITY, scale: refScale }), [refScale]);
  const ready = scene.graspId === grasp.id && scene.object && scene.reconstruction;
  return (
    <section className="ar-section" aria-label="Align to reference" data-testid="align-section" data-status={st.alignStatus}>
      <h3>Align the reference to the reconstruction</h3>
      {grasp.reconstruction?.frame === 'own' && <p className="hint">In the reconstruction's own frame: align it before retargeting.</p>}
      <button data-testid="align-run" disabled={st.alignStatus === 'running' || !ready} onClick={() => void runAlign()}>
        {st.alignStatus === 'running' ? 'Aligning…' : 'Align'}
      </button>
      {st.alignError && (
        <p className="error-text" role="alert">
          {st.alignError}
        </p>
      )}
      {ready && (
        <PreviewCanvas fit={scene.object} scale={2} testId="align-preview" label="Reference (blue) and reconstruction (purple)">
          <PosedMesh mesh={scene.object!} matrix={refMatrix} color={OBJECT_COLOR} name="reference" />
          <PosedMesh mesh={scene.reconstruction!} matrix={reconMatrix} color={RECONSTRUCTION_COLOR} opacity={0.6} name="reconstruction" />
          {after && <NudgeHandles nudge={st.nudge} />}
        </PreviewCanvas>
      )}
      {st.align && (
        <>
          <dl className="ar-numbers" data-testid="align-result">
            <dt>Scale</dt>
            <dd>{st.align.transform.scale.toFixed(3)}</dd>
            <dt>RMS</dt>
            <dd data-testid="align-rms">{st.align.rmsMm.toFixed(2)} mm</dd>
            <dt>Inliers</dt>
            <dd>{(st.align.inliers * 100).toFixed(1)}% (within 5 mm)</dd>
          </dl>
          <label className="ar-toggle">
            <input type="checkbox" checked={st.showAfter} onChange={(e) => useAlignRetargetStore.setState({ showAfter: e.target.checked })} /> Show after alignment
          </label>
          <NudgeControls nudge={st.nudge} />
          <button data-testid="align-accept" className="btn-accept" onClick={acceptAlign}>
            Accept alignment
          </button>
        </>
      )}
    </section>
  );
}
