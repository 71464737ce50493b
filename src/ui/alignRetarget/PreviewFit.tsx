import { useEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import type { TriMesh } from '../../core/mesh/triMesh';
import { isNewObjectSize, objectRadius } from '../../core/scene/cameraFraming';

/** Frames a preview's object when it changes size; the previews have no camera store of their own. */
export function PreviewFit({ mesh, scale }: { mesh: TriMesh | null; scale: number }) {
  const { camera, controls, invalidate } = useThree();
  const lastRadius = useRef<number | null>(null);
  useEffect(() => {
    if (!mesh) return;
    const radius = objectRadius(mesh, scale);
    if (!isNewObjectSize(lastRadius.current, radius)) return;
    lastRadius.current = radius;
    // Hands reach ~20 cm around the object, so small objects still get a view of the whole hand.
    const dist = Math.max(radius * 3.2, 0.5);
    camera.position.set(dist * 0.7, -dist * 0.7, dist * 0.45);
    camera.updateProjectionMatrix();
    const c = controls as unknown as { target?: { set(x: number, y: number, z: number): void }; update?: () => void } | null;
    c?.target?.set(0, 0, 0);
    c?.update?.();
    camera.lookAt(0, 0, 0);
    invalidate();
  }, [mesh, scale, camera, controls, invalidate]);
  return null;
}
