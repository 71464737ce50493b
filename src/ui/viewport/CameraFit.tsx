import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { autoFrame } from '../../state/cameraActions';
import { useSceneStore } from '../../state/sceneStore';

/**
 * Asks for the automatic fit (hand and object together) each time a grasp is fully shown; the
 * camera actions decide whether the object is new enough to move the camera.
 */
export function CameraFit() {
  const status = useSceneStore((s) => s.status);
  const object = useSceneStore((s) => s.object);
  const get = useThree((s) => s.get);
  useEffect(() => {
    const { width, height } = get().size;
    autoFrame(width / Math.max(height, 1));
  }, [status, object, get]);
  return null;
}
