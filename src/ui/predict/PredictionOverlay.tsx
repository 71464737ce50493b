import { useEffect, useMemo, useState } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import type { HandPose } from '../../core/scene/sceneService';
import { useDatasetStore } from '../../state/datasetStore';
import { usePredictStore } from '../../state/predictStore';
import { sceneWorker } from '../../state/sceneWorkerClient';
import { useSceneStore } from '../../state/sceneStore';
import { HandView } from '../viewport/HandView';

export const PREDICTED_POINTS_COLOR = '#c77dff';
export const INITIAL_HAND_COLOR = '#6f8cff';

function PointCloud({ points, name, color }: { points: Float32Array; name: string; color: string }) {
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(points, 3));
    return g;
  }, [points]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <points geometry={geometry} name={name} renderOrder={2}>
      <pointsMaterial color={color} size={4} sizeAttenuation={false} depthTest={false} transparent />
    </points>
  );
}

/** The previewed prediction's extras, drawn with the object: its robot point cloud and its initial configuration. */
export function PredictionOverlay() {
  const { items, preview, showPoints, showInitial } = usePredictStore();
  const scene = useSceneStore();
  const dataset = useDatasetStore((s) => s.dataset);
  const item = preview !== null ? items[preview] : null;
  const shown = item && scene.graspId === item.grasp.id ? item : null;
  const [initialPose, setInitialPose] = useState<{ id: string; pose: HandPose } | null>(null);

  useEffect(() => {
    if (!shown || !showInitial || !dataset) return;
    const h = dataset.hands[shown.grasp.hand];
    let live = true;
    sceneWorker()
      .pose({ key: `${dataset.manifestUrl}#${shown.grasp.hand}`, spec: h.spec, urdfUrl: h.urdfUrl }, shown.initial.root, shown.initial.joints)
      .then((pose) => live && setInitialPose({ id: shown.grasp.id, pose }))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [shown, showInitial, dataset]);

  if (!shown) return null;
  return (
    <>
      {showPoints && <PointCloud points={shown.points} name="predicted-robot-points" color={PREDICTED_POINTS_COLOR} />}
      {showInitial && scene.hand && initialPose?.id === shown.grasp.id && (
        <HandView parts={scene.hand} pose={initialPose.pose} wireframe color={INITIAL_HAND_COLOR} name="initial-configuration" />
      )}
    </>
  );
}
