import type { TriMesh } from '../../core/mesh/triMesh';
import { useTriMeshGeometry } from './useTriMeshGeometry';

export const OBJECT_COLOR = '#4f8fdc';
export const RECONSTRUCTION_COLOR = '#b07be0';

export function ObjectView({ mesh, scale, color, wireframe }: { mesh: TriMesh; scale: number; color: string; wireframe: boolean }) {
  const geometry = useTriMeshGeometry(mesh);
  if (!geometry) return null;
  return (
    <mesh geometry={geometry} scale={scale} name="object">
      <meshStandardMaterial color={color} wireframe={wireframe} roughness={0.6} metalness={0.05} />
    </mesh>
  );
}
