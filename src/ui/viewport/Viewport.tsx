import { AvoidRegionView } from '../affordance/AvoidRegionView';
import { RegionBrush } from '../affordance/RegionBrush';
import { useAffordanceStore } from '../../state/affordanceStore';
import { Canvas } from '@react-three/fiber';
import { Grid, OrbitControls } from '@react-three/drei';
import { useDatasetStore, selectedGrasp } from '../../state/datasetStore';
import { useSceneStore } from '../../state/sceneStore';
import { useViewStore } from '../../state/viewStore';
import { ObjectView, OBJECT_COLOR, RECONSTRUCTION_COLOR } from './ObjectView';
import { HandView } from './HandView';
import { CameraFit } from './CameraFit';
import { MetricsOverlayView } from './MetricsOverlayView';
import { ManoKeypoints, ManoMesh } from './ManoView';
import { useMetricsStore } from '../../state/metricsStore';
import { CameraSync } from '../share/CameraSync';
import { DownloadProgress } from '../open/DownloadProgress';
import { Toolbar } from '../Toolbar';
import { useMemo } from 'react';
import { meshBounds, triangleCount } from '../../core/mesh/triMesh';
import { Matrix4 } from 'three';
import { fromPose, similarityMatrix } from '../../core/align/similarity';

const IDENTITY_MATRIX = new Matrix4().elements;
import { PredictionOverlay } from '../predict/PredictionOverlay';

/** Scene in the object's frame, z up, meters. */
export function Viewport() {
  const grasp = useDatasetStore(selectedGrasp);
  const scene = useSceneStore();
  const hasGrasps = useDatasetStore((s) => (s.dataset?.grasps.length ?? 0) > 0);
  const view = useViewStore();
  const overlay = useMetricsStore((s) => s.overlay);
  const brush = useAffordanceStore((s) => s.brush);
  const manoKeypoints = grasp?.id === scene.graspId && grasp?.mano && 'keypoints' in grasp.mano ? grasp.mano.keypoints : null;
  // A grasp still in its reconstruction's own frame has nothing to do with the reference's frame yet.
  const ownFrame = grasp?.reconstruction?.frame === 'own';
  const useRecon = (view.objectSource === 'reconstruction' || ownFrame) && scene.reconstruction;
  const manoPose = useMemo(() => (grasp?.mano && 'mesh' in grasp.mano && grasp.mano.pose ? similarityMatrix(fromPose(grasp.mano.pose)) : null), [grasp]);
  const reconPose = useMemo(() => (grasp?.reconstruction?.pose ? similarityMatrix(fromPose(grasp.reconstruction.pose)) : null), [grasp]);
  const objectMesh = useRecon ? scene.reconstruction : scene.object;
  // A reconstruction is stored at its own (reconstructed) scale; objectScale applies to the reference mesh.
  const scale = useRecon ? 1 : (grasp?.objectScale ?? 1);
  const handVisible = view.showHand && scene.hand && scene.pose;
  // The floor grid sits under the object so it never cuts through the grasp.
  const floorZ = useMemo(() => (scene.object ? meshBounds(scene.object).min[2] * scale - 0.002 : 0), [scene.object, scale]);

  return (
    <div
      className="viewport"
      data-testid="viewport"
      data-status={scene.status}
      data-grasp-id={scene.graspId ?? ''}
      data-manifest={scene.manifestUrl ?? ''}
      data-hand-parts={handVisible ? scene.hand!.parts.length : 0}
      data-object-triangles={view.showObject && objectMesh ? triangleCount(objectMesh) : 0}
      data-object-source={useRecon ? 'reconstruction' : 'reference'}
      data-mano={view.showMano ? (scene.mano ? 'mesh' : manoKeypoints ? 'keypoints' : '') : ''}
      data-overlay-grasp={overlay?.data && overlay.graspId === scene.graspId ? overlay.graspId : ''}
      data-overlay-source={overlay?.data && overlay.graspId === scene.graspId ? (overlay.source ?? '') : ''}
      data-brush={brush}
      data-penetration-points={view.overlayPenetration && overlay?.data ? overlay.data.penetration.depths.length : 0}
    >
      <Canvas
        camera={{ position: [0.3, -0.3, 0.2], up: [0, 0, 1], fov: 40, near: 0.002, far: 20 }}
        gl={{ preserveDrawingBuffer: true, antialias: true }}
        dpr={[1, 2]}
        // Draw only when something changed: an idle studio leaves the CPU/GPU to the metric workers.
        frameloop="demand"
      >
        <color attach="background" args={['#1c1d22']} />
        <hemisphereLight args={['#ffffff', '#444450', 1.1]} />
        <directionalLight position={[1, -1, 2]} intensity={1.6} />
        <directionalLight position={[-1, 1, 0.5]} intensity={0.5} />
        <Grid position={[0, 0, floorZ]} rotation={[Math.PI / 2, 0, 0]} cellSize={0.01} sectionSize={0.1} infiniteGrid fadeDistance={3} cellColor="#2c2e36" sectionColor="#3a3d48" />
        {view.showObject && objectMesh && useRecon && reconPose && (
          <group matrix={new Matrix4().fromArray(reconPose)} matrixAutoUpdate={false}>
            <ObjectView mesh={objectMesh} scale={1} color={RECONSTRUCTION_COLOR} wireframe={view.wireframe} />
          </group>
        )}
        {view.showObject && objectMesh && useRecon && !reconPose && <ObjectView mesh={objectMesh} scale={scale} color={RECONSTRUCTION_COLOR} wireframe={view.wireframe} />}
        {view.showObject && objectMesh && !useRecon && (
          // Regions are painted on the reference mesh only: its frame is the one `avoid` points live in.
          <RegionBrush scale={scale}>
            <ObjectView mesh={objectMesh} scale={scale} color={OBJECT_COLOR} wireframe={view.wireframe} />
          </RegionBrush>
        )}
        {handVisible && <HandView parts={scene.hand!} pose={scene.pose!} wireframe={view.wireframe} />}
        {view.showMano && scene.mano && (
          <group matrix={new Matrix4().fromArray(manoPose ?? IDENTITY_MATRIX)} matrixAutoUpdate={false}>
            <ManoMesh mesh={scene.mano} wireframe={view.wireframe} />
          </group>
        )}
        {view.showMano && manoKeypoints && <ManoKeypoints keypoints={manoKeypoints} />}
        {overlay?.data && overlay.graspId === scene.graspId && (
          <MetricsOverlayView data={overlay.data} penetration={view.overlayPenetration} contact={view.overlayContact} fingertips={view.overlayFingertips} />
        )}
        <PredictionOverlay />
        <AvoidRegionView />
        <CameraFit />
        <CameraSync mesh={scene.object} />
        <OrbitControls makeDefault enableDamping={false} enabled={brush === 'off'} />
      </Canvas>
      <Toolbar />
      {scene.status === 'loading' && (
        <div className="viewport-overlay" role="status">
          Loading grasp…
        </div>
      )}
      {!grasp && hasGrasps && (
        <div className="viewport-overlay" role="status" data-testid="viewport-empty">
          No grasp selected: none passes the filters.
        </div>
      )}
      <DownloadProgress />
    </div>
  );
}
