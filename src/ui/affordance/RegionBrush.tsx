import { useRef, useState, type ReactNode } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import type { Vector3 } from 'three';
import { paintAt, useAffordanceStore } from '../../state/affordanceStore';

const BRUSH_COLOR = { add: '#ffb000', erase: '#7fd0ff' } as const;
const noRaycast = () => null;

/**
 * Pointer handling for the region brush around the reference object: a press or drag on the
 * object sends its surface point (in the mesh's frame, so object scale is undone) to the store,
 * which edits the region with core's paintRegion. A wire sphere shows the brush where the pointer is.
 */
export function RegionBrush({ scale, children }: { scale: number; children: ReactNode }) {
  const brush = useAffordanceStore((s) => s.brush);
  const radius = useAffordanceStore((s) => s.brushRadius);
  const [hover, setHover] = useState<Vector3 | null>(null);
  const painting = useRef(false);
  const last = useRef<Vector3 | null>(null);
  if (brush === 'off') return <>{children}</>;

  const dab = (e: ThreeEvent<PointerEvent>, force: boolean) => {
    const local = e.object.worldToLocal(e.point.clone());
    // Dabs a third of the brush apart make a continuous stroke without repainting the same spot.
    if (!force && last.current && last.current.distanceTo(local) < radius / 3) return;
    last.current = local;
    paintAt([local.x, local.y, local.z]);
  };
  const end = () => {
    painting.current = false;
    last.current = null;
  };
  return (
    <>
      <group
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.stopPropagation();
          painting.current = true;
          dab(e, true);
        }}
        onPointerMove={(e) => {
          setHover(e.point.clone());
          if (painting.current) dab(e, false);
        }}
        onPointerUp={end}
        onPointerLeave={() => {
          setHover(null);
          end();
        }}
      >
        {children}
      </group>
      {hover && (
        <mesh position={hover} raycast={noRaycast} name="region-brush">
          <sphereGeometry args={[radius * scale, 16, 12]} />
          <meshBasicMaterial color={BRUSH_COLOR[brush]} wireframe transparent opacity={0.6} depthTest={false} />
        </mesh>
      )}
    </>
  );
}
