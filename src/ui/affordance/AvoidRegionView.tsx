import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import { selectedGrasp, useDatasetStore } from '../../state/datasetStore';
import { regionPointsFor, useAffordanceStore } from '../../state/affordanceStore';

export const AVOID_REGION_COLOR = '#ff8a00';

/** The object's negative-affordance region (the draft being edited, else the dataset's) as points, scaled like the object. */
export function AvoidRegionView() {
  const grasp = useDatasetStore(selectedGrasp);
  const dataset = useDatasetStore((s) => s.dataset);
  const points = useAffordanceStore((s) => regionPointsFor(s, dataset, grasp?.object));
  const showRegion = useAffordanceStore((s) => s.showRegion);
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
