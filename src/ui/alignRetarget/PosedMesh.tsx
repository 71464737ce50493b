import { useMemo } from 'react';
import { Matrix4 } from 'three';
import type { TriMesh } from '../../core/mesh/triMesh';
import { useTriMeshGeometry } from '../viewport/useTriMeshGeometry';

/** A mesh drawn at a column-major 4x4 matrix (a similarity: scale, rotation, translation). */
export function PosedMesh({ mesh, matrix, color, opacity = 1, name }: { mesh: TriMesh; matrix: number[]; color: string; opacity?: number; name?: string }) {
  const geometry = useTriMeshGeometry(mesh);
  const m = useMemo(() => new Matrix4().fromArray(matrix), [matrix]);
  if (!geometry) return null;
  return (
    <mesh geometry={geometry} matrix={m} matrixAutoUpdate={false} name={name}>
      <meshStandardMaterial color={color} transparent={opacity < 1} opacity={opacity} depthWrite={opacity >= 1} roughness={0.6} />
    </mesh>
  );
}
