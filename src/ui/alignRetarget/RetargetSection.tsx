import type { ResolvedGrasp } from '../../core/dataset/loadDataset';
import type { BuiltinHandId } from '../../core/dataset/schema';
import { addRetargeted, RETARGET_HANDS, runRetarget, useAlignRetargetStore, type RetargetPreview } from '../../state/alignRetargetStore';
import { useSceneStore } from '../../state/sceneStore';
import { HandView } from '../viewport/HandView';
import { ManoKeypoints } from '../viewport/ManoView';
import { ObjectView, OBJECT_COLOR } from '../viewport/ObjectView';
import { PreviewCanvas } from './PreviewCanvas';

const LABEL: Record<BuiltinHandId, string> = { shadowhand: 'ShadowHand', leaphand: 'LEAP Hand' };

function HandPreview({ hand, preview }: { hand: BuiltinHandId; preview: RetargetPreview }) {
  const object = useSceneStore((s) => s.object);
  const g = preview.grasp;
  const r = preview.result;
  const kp = g.mano && 'keypoints' in g.mano ? g.mano.keypoints : null;
  return (
    <div className="ar-hand" data-testid={`retarget-${hand}`} data-mean-error-mm={r.meanFingertipErrorMm.toFixed(2)}>
      <strong>{LABEL[hand]}</strong>
      <PreviewCanvas fit={object} scale={g.objectScale ?? 1} testId={`retarget-preview-${hand}`} label={`${LABEL[hand]} retargeted`}>
        {object && <ObjectView mesh={object} scale={g.objectScale ?? 1} color={OBJECT_COLOR} wireframe={false} />}
        <HandView parts={preview.parts} pose={preview.pose} wireframe={false} />
        {kp && <ManoKeypoints keypoints={kp} />}
      </PreviewCanvas>
      <dl className="ar-numbers">
        <dt>Object scale</dt>
        <dd>{(g.objectScale ?? 1).toFixed(3)}</dd>
        <dt>Fingertips</dt>
        <dd>
          mean {r.meanFingertipErrorMm.toFixed(1)} mm, max {r.maxFingertipErrorMm.toFixed(1)} mm
        </dd>
        <dd className="ar-small">
          {Object.entries(r.fingertipErrorMm)
            .map(([f, e]) => `${f} ${e.toFixed(1)}`)
            .join(' · ')}
        </dd>
        {r.unmatchedFingertips.length > 0 && (
          <>
            <dt>No finger for</dt>
            <dd>{r.unmatchedFingertips.join(', ')}</dd>
          </>
        )}
        <dt>At limits</dt>
        <dd title={r.jointsAtLimits.join(', ')}>{r.jointsAtLimits.length} joints</dd>
      </dl>
    </div>
  );
}

/** Retargets the human hand to ShadowHand and LEAP, previews them side by side and adds them to the dataset. */
export function RetargetSection({ grasp }: { grasp: ResolvedGrasp }) {
  const st = useAlignRetargetStore();
  const unaligned = grasp.reconstruction?.frame === 'own';
  const shown = RETARGET_HANDS.filter((h) => st.previews[h]);
  return (
    <section className="ar-section" aria-label="Retarget to robot hands" data-testid="retarget-section" data-status={st.retargetStatus}>
      <h3>Retarget the human hand</h3>
      <div className="ar-scales">
        {RETARGET_HANDS.map((h) => (
          <label key={h}>
            {LABEL[h]} object scale{' '}
            <input
              type="number"
              step="0.05"
              min="0.1"
              value={st.objectScale[h]}
              onChange={(e) => {
                const v = Number(e.target.value);
                if (v > 0) useAlignRetargetStore.setState({ objectScale: { ...st.objectScale, [h]: v } });
              }}
            />
          </label>
        ))}
      </div>
      <button
        data-testid="retarget-run"
        disabled={st.retargetStatus === 'running' || unaligned}
        onClick={() => void runRetarget()}
        title={unaligned ? 'Align the grasp first' : ''}
      >
        {st.retargetStatus === 'running' ? 'Retargeting…' : 'Retarget to ShadowHand and LEAP'}
      </button>
      {st.retargetError && (
        <p className="error-text" role="alert">
          {st.retargetError}
        </p>
      )}
      {shown.length > 0 && (
        <>
          <div className="ar-side-by-side">
            {shown.map((h) => (
              <HandPreview key={h} hand={h} preview={st.previews[h]!} />
            ))}
          </div>
          <button data-testid="retarget-add" className="btn-accept" onClick={addRetargeted}>
            Add {shown.length} grasps to the dataset
          </button>
        </>
      )}
      {st.added.length > 0 && <p data-testid="retarget-added">Added {st.added.join(', ')} (marked meta.retarget) for review.</p>}
    </section>
  );
}
