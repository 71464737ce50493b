import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import { selectedGrasp, useDatasetStore } from '../../state/datasetStore';
import { useAffordanceStore } from '../../state/affordanceStore';

export const AVOID_REGION_COLOR = '#ff8a00';

/** The object's negative-affordance region (the NAA result being looked at, else the saved inline one) as points, scaled like the object. */
export function AvoidRegionView() {
  const grasp = useDatasetStore(selectedGrasp);
  const dataset = useDatasetStore((s) => s.dataset);
  const { reply, objectId, showRegion } = useAffordanceStore();
  const spec = grasp ? dataset?.objects[grasp.object]?.spec.avoid : undefined;
  const points = grasp && objectId === grasp.object && reply ? reply.points : spec && 'points' in spec ? spec.points : null;
  const scale = grasp?.objectScale ?? 1;
  const geometry = useMemo(() => {
    if (!points || points.length === 0) return null;
    const g = new BufferGeometry();
    g.setAttribute(
      'position',
      new BufferAttribute(
        Float32Array.from(points.flat(), (v) => v * scale),
        3,
      ),
    );
    return g;
  }, [points, scale]);
  useEffect(() => () => geometry?.dispose(), [geometry]);
  if (!geometry || !showRegion) return null;
  return (
    <points geometry={geometry} name="avoid-region" renderOrder={2}>
      <pointsMaterial color={AVOID_REGION_COLOR} size={6} sizeAttenuation={false} />
    </points>
  );
}
