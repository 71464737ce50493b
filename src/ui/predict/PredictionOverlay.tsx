import { useEffect, useMemo, useState } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import type { HandPose } from '../../core/scene/sceneService';
import { useDatasetStore } from '../../state/datasetStore';
import { usePredictStore, type PredictedItem } from '../../state/predictStore';
import { sceneWorker } from '../../state/sceneWorkerClient';
import { useSceneStore } from '../../state/sceneStore';
import { HandView } from '../viewport/HandView';

export const PREDICTED_POINTS_COLOR = '#c77dff';
export const INITIAL_HAND_COLOR = '#6f8cff';
export const UNREFINED_HAND_COLOR = '#e6e6e6';

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

type Config = PredictedItem['initial'];

/** A configuration of the previewed prediction's hand, posed by the scene worker and drawn as a wireframe. */
function GhostHand({ item, config, color, name }: { item: PredictedItem; config: Config; color: string; name: string }) {
  const scene = useSceneStore();
  const dataset = useDatasetStore((s) => s.dataset);
  const [pose, setPose] = useState<{ config: Config; pose: HandPose } | null>(null);
  useEffect(() => {
    if (!dataset) return;
    const h = dataset.hands[item.grasp.hand];
    let live = true;
    sceneWorker()
      .pose({ key: `${dataset.manifestUrl}#${item.grasp.hand}`, spec: h.spec, urdfUrl: h.urdfUrl }, config.root, config.joints)
      .then((p) => live && setPose({ config, pose: p }))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [item, config, dataset]);
  if (!scene.hand || pose?.config !== config) return null;
  return <HandView parts={scene.hand} pose={pose.pose} wireframe color={color} name={name} />;
}

/**
 * The previewed prediction's extras, drawn with the object: its robot point cloud, its initial
 * configuration, and DRO's configuration before contact refinement.
 */
export function PredictionOverlay() {
  const { items, preview, showPoints, showInitial, showUnrefined } = usePredictStore();
  const scene = useSceneStore();
  const item = preview !== null ? items[preview] : null;
  const shown = item && scene.graspId === item.grasp.id ? item : null;
  if (!shown) return null;
  return (
    <>
      {showPoints && <PointCloud points={shown.points} name="predicted-robot-points" color={PREDICTED_POINTS_COLOR} />}
      {showInitial && <GhostHand item={shown} config={shown.initial} color={INITIAL_HAND_COLOR} name="initial-configuration" />}
      {showUnrefined && shown.refined && <GhostHand item={shown} config={shown.refined.unrefined} color={UNREFINED_HAND_COLOR} name="unrefined-configuration" />}
    </>
  );
}
