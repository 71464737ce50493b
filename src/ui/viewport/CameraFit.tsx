import { useEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import type { TriMesh } from '../../core/mesh/triMesh';
import { meshBounds } from '../../core/mesh/triMesh';

/**
 * Frames the object when its size changes (a new object), but keeps the user's camera while
 * they step through grasps of the same object: comparing grasps needs a steady view.
 */
export function CameraFit({ mesh, scale }: { mesh: TriMesh | null; scale: number }) {
  const { camera, controls, invalidate } = useThree();
  const lastRadius = useRef(0);
  useEffect(() => {
    if (!mesh) return;
    const b = meshBounds(mesh);
    const radius = (Math.hypot(b.max[0] - b.min[0], b.max[1] - b.min[1], b.max[2] - b.min[2]) / 2) * scale;
    if (Math.abs(radius - lastRadius.current) < 0.05 * Math.max(radius, 1e-6)) return;
    lastRadius.current = radius;
    // Hands reach ~20 cm around the object, so small objects still get a view of the whole hand.
    const dist = Math.max(radius * 3.2, 0.5);
    camera.position.set(dist * 0.7, -dist * 0.7, dist * 0.45);
    camera.near = dist / 200;
    camera.far = dist * 50;
    camera.updateProjectionMatrix();
    const c = controls as unknown as { target?: { set(x: number, y: number, z: number): void }; update?: () => void } | null;
    c?.target?.set(0, 0, 0);
    c?.update?.();
    camera.lookAt(0, 0, 0);
    invalidate();
  }, [mesh, scale, camera, controls, invalidate]);
  return null;
}
