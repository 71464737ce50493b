import { framePose, graspBounds, isNewObjectSize, objectRadius, type CameraView } from '../core/scene/cameraFraming';
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

/** The reference object's size on screen (the fit follows the object, not the reference/reconstruction toggle). */
function shownRadius(): number | null {
  const object = useSceneStore.getState().object;
  return object ? objectRadius(object, selectedGrasp(useDatasetStore.getState())?.objectScale ?? 1) : null;
}

/**
 * Called when a grasp is fully shown: frames hand and object together when the object is new
 * (another size), so the hand never runs off the frame; keeps the camera while the user steps
 * through grasps of one object.
 */
export function autoFrame(aspect: number): void {
  const cam = useCameraStore.getState();
  if (useSceneStore.getState().status !== 'ready' || cam.requested) return;
  const radius = shownRadius();
  if (radius === null || !isNewObjectSize(cam.fittedRadius, radius)) return;
  if (frameCamera('fit', aspect)) useCameraStore.setState({ fittedRadius: radius });
}

/** A camera placed by a link (or a view key) counts as framed for the object on screen: the fit must not undo it. */
export function markFramed(): void {
  const radius = shownRadius();
  if (radius !== null) useCameraStore.setState({ fittedRadius: radius });
}
