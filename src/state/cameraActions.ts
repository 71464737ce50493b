import { framePose, graspBounds, type CameraView } from '../core/scene/cameraFraming';
import { selectedGrasp, useDatasetStore } from './datasetStore';
import { useCameraStore } from './cameraStore';
import { useSceneStore } from './sceneStore';
import { useViewStore } from './viewStore';

/** The viewport's vertical field of view (Viewport.tsx creates its camera with it). */
export const VIEWPORT_FOV_DEG = 40;

/** Frames the shown object and robot hand together, from `view`; `aspect` = viewport width / height. */
export function frameCamera(view: CameraView, aspect: number): boolean {
  const scene = useSceneStore.getState();
  const grasp = selectedGrasp(useDatasetStore.getState());
  const v = useViewStore.getState();
  const object = v.objectSource === 'reconstruction' && scene.reconstruction ? scene.reconstruction : scene.object;
  const scale = object === scene.object ? (grasp?.objectScale ?? 1) : 1;
  const hand = v.showHand && scene.hand && scene.pose ? scene.hand : null;
  const box = graspBounds(object, scale, hand?.parts, scene.pose?.matrices);
  if (!box) return false;
  useCameraStore.getState().request(framePose(box, view, VIEWPORT_FOV_DEG, aspect));
  return true;
}
