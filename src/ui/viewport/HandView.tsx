import { useMemo } from 'react';
import { Matrix4 } from 'three';
import type { HandParts, HandPose } from '../../core/scene/sceneService';
import type { TriMesh } from '../../core/mesh/triMesh';
import { useTriMeshGeometry } from './useTriMeshGeometry';

export const HAND_COLOR = '#f0a53a';

function HandPart({ mesh, matrix, wireframe, color }: { mesh: TriMesh; matrix: ArrayLike<number>; wireframe: boolean; color: string }) {
  const geometry = useTriMeshGeometry(mesh);
  const m = useMemo(() => new Matrix4().fromArray(Array.from(matrix)), [matrix]);
  if (!geometry) return null;
  return (
    <mesh geometry={geometry} matrix={m} matrixAutoUpdate={false}>
      <meshStandardMaterial color={color} wireframe={wireframe} roughness={0.5} metalness={0.1} />
    </mesh>
  );
}

/** Draws the hand's parts at the matrices the worker computed; no kinematics here. */
export function HandView({ parts, pose, wireframe, color = HAND_COLOR, name = 'hand' }: { parts: HandParts; pose: HandPose; wireframe: boolean; color?: string; name?: string }) {
  return (
    <group name={name}>
      {parts.parts.map((p, i) => (pose.matrices[i] ? <HandPart key={i} mesh={p.mesh} matrix={pose.matrices[i]} wireframe={wireframe} color={color} /> : null))}
    </group>
  );
}
