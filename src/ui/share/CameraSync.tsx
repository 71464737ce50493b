import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { TriMesh } from '../../core/mesh/triMesh';
import { useCameraStore, type CameraPose } from '../../state/cameraStore';
import { markFramed } from '../../state/cameraActions';

interface OrbitLike {
  target: { x: number; y: number; z: number; set(x: number, y: number, z: number): void };
  update(): void;
  addEventListener(type: 'end', fn: () => void): void;
  removeEventListener(type: 'end', fn: () => void): void;
}

/**
 * Keeps the camera store in step with the view (after each orbit and after each automatic fit)
 * and applies a pose asked for by a shared link or a view key; such a pose counts as the fit for
 * the object on screen.
 */
export function CameraSync({ mesh }: { mesh: TriMesh | null }) {
  const { camera, controls, invalidate } = useThree();
  const requested = useCameraStore((s) => s.requested);
  const orbit = controls as unknown as OrbitLike | null;

  useEffect(() => {
    if (!orbit) return;
    const read = () => useCameraStore.getState().setPose(readPose(camera.position, orbit.target));
    orbit.addEventListener('end', read);
    return () => orbit.removeEventListener('end', read);
  }, [orbit, camera]);

  useEffect(() => {
    if (!orbit || !mesh) return;
    if (requested) {
      camera.position.set(...requested.position);
      orbit.target.set(...requested.target);
      orbit.update();
      invalidate();
      useCameraStore.setState({ requested: null });
      markFramed();
    }
    useCameraStore.getState().setPose(readPose(camera.position, orbit.target));
  }, [orbit, mesh, requested, camera, invalidate]);

  return null;
}

function readPose(p: { x: number; y: number; z: number }, t: { x: number; y: number; z: number }): CameraPose {
  const r = (v: number) => Number(v.toFixed(4)) || 0;
  return { position: [r(p.x), r(p.y), r(p.z)], target: [r(t.x), r(t.y), r(t.z)] };
}
