import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import type { TriMesh } from '../../core/mesh/triMesh';
import { useTriMeshGeometry } from './useTriMeshGeometry';

export const MANO_COLOR = '#e8b8a0';

/** Bones of the 21 hand keypoints in the OpenPose / FreiHAND order: wrist, then thumb, index, middle, ring, little (4 each, base to tip). */
const BONES: [number, number][] = [0, 1, 2, 3, 4].flatMap((f) => {
  const base = 1 + 4 * f;
  return [
    [0, base],
    [base, base + 1],
    [base + 1, base + 2],
    [base + 2, base + 3],
  ] as [number, number][];
});

/** The reconstructed human hand: its mesh, translucent so the robot hand stays readable. */
export function ManoMesh({ mesh, wireframe }: { mesh: TriMesh; wireframe: boolean }) {
  const geometry = useTriMeshGeometry(mesh);
  if (!geometry) return null;
  return (
    <mesh geometry={geometry} name="mano">
      <meshStandardMaterial color={MANO_COLOR} wireframe={wireframe} transparent opacity={0.55} depthWrite={false} roughness={0.8} />
    </mesh>
  );
}

/** The reconstructed human hand as 21 keypoints and their bones. */
export function ManoKeypoints({ keypoints }: { keypoints: [number, number, number][] }) {
  const { points, bones } = useMemo(() => {
    const pts = new Float32Array(keypoints.flat());
    const seg = new Float32Array(BONES.flatMap(([a, b]) => [...keypoints[a], ...keypoints[b]]));
    const p = new BufferGeometry();
    p.setAttribute('position', new BufferAttribute(pts, 3));
    const s = new BufferGeometry();
    s.setAttribute('position', new BufferAttribute(seg, 3));
    return { points: p, bones: s };
  }, [keypoints]);
  useEffect(
    () => () => {
      points.dispose();
      bones.dispose();
    },
    [points, bones],
  );
  return (
    <group name="mano-keypoints">
      <lineSegments geometry={bones}>
        <lineBasicMaterial color={MANO_COLOR} />
      </lineSegments>
      <points geometry={points}>
        <pointsMaterial color={MANO_COLOR} size={7} sizeAttenuation={false} />
      </points>
    </group>
  );
}
