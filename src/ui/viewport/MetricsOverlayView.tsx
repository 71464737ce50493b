import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, Color } from 'three';
import type { MetricsOverlay } from '../../core/metrics/types';

export const CONTACT_COLOR = '#4be38a';
export const FINGERTIP_COLOR = '#5ad1ff';
/** Fingertips too close to the object's negative-affordance region. */
export const AVOID_VIOLATION_COLOR = '#ff3df2';
const SHALLOW = new Color('#ffe14d');
const DEEP = new Color('#ff2d2d');
/** Penetration colours saturate at this depth (meters). */
const DEEP_AT = 0.01;

function positionsGeometry(points: Float32Array): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(points, 3));
  return g;
}

function useGeometry(build: () => BufferGeometry | null, deps: unknown[]) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps; exhaustive-deps checks them at each useGeometry call (additionalHooks)
  const g = useMemo(build, deps);
  useEffect(() => () => g?.dispose(), [g]);
  return g;
}

/** Hand points inside the object, yellow (shallow) to red (1 cm and deeper). */
function PenetrationPoints({ data }: { data: MetricsOverlay['penetration'] }) {
  const geometry = useGeometry(() => {
    if (data.depths.length === 0) return null;
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(data.points, 3));
    const colors = new Float32Array(data.depths.length * 3);
    const c = new Color();
    data.depths.forEach((d, i) => {
      c.copy(SHALLOW).lerp(DEEP, Math.min(1, d / DEEP_AT));
      colors.set([c.r, c.g, c.b], i * 3);
    });
    g.setAttribute('color', new BufferAttribute(colors, 3));
    return g;
  }, [data]);
  if (!geometry) return null;
  return (
    <points geometry={geometry} name="penetration-overlay" renderOrder={2}>
      <pointsMaterial vertexColors size={5} sizeAttenuation={false} depthTest={false} transparent />
    </points>
  );
}

/** Object surface samples touching the hand. */
function ContactPoints({ data }: { data: MetricsOverlay['contact'] }) {
  const geometry = useGeometry(() => {
    const n = data.inContact.reduce((a, b) => a + b, 0);
    if (n === 0) return null;
    const pts = new Float32Array(n * 3);
    let k = 0;
    data.inContact.forEach((flag, i) => {
      if (flag) pts.set(data.points.subarray(i * 3, i * 3 + 3), 3 * k++);
    });
    return positionsGeometry(pts);
  }, [data]);
  if (!geometry) return null;
  return (
    <points geometry={geometry} name="contact-overlay" renderOrder={2}>
      <pointsMaterial color={CONTACT_COLOR} size={4} sizeAttenuation={false} />
    </points>
  );
}

/** Shortest segment from each fingertip to the object surface. */
function FingertipSegments({ data }: { data: MetricsOverlay['fingertips'] }) {
  const geometry = useGeometry(() => {
    const gaps = data.filter((f) => f.distance > 0);
    if (gaps.length === 0) return null;
    const pts = new Float32Array(gaps.length * 6);
    gaps.forEach((f, i) => pts.set([...f.onHand, ...f.onObject], i * 6));
    return positionsGeometry(pts);
  }, [data]);
  if (!geometry) return null;
  return (
    <lineSegments geometry={geometry} name="fingertip-overlay" renderOrder={2}>
      <lineBasicMaterial color={FINGERTIP_COLOR} depthTest={false} transparent />
    </lineSegments>
  );
}

/** Fingertips closer than the threshold to the avoid region: a segment to the nearest region point and a marker on it. */
function AvoidViolations({ data }: { data: NonNullable<MetricsOverlay['avoid']> }) {
  const geometry = useGeometry(() => {
    const bad = data.filter((f) => f.violates);
    if (bad.length === 0) return null;
    const pts = new Float32Array(bad.length * 6);
    bad.forEach((f, i) => pts.set([...f.onHand, ...f.point], i * 6));
    return positionsGeometry(pts);
  }, [data]);
  if (!geometry) return null;
  return (
    <group name="avoid-violations" userData={{ count: data.filter((f) => f.violates).length }}>
      <lineSegments geometry={geometry} renderOrder={3}>
        <lineBasicMaterial color={AVOID_VIOLATION_COLOR} depthTest={false} transparent />
      </lineSegments>
      <points geometry={geometry} renderOrder={3}>
        <pointsMaterial color={AVOID_VIOLATION_COLOR} size={9} sizeAttenuation={false} depthTest={false} transparent />
      </points>
    </group>
  );
}

export function MetricsOverlayView({ data, penetration, contact, fingertips }: { data: MetricsOverlay; penetration: boolean; contact: boolean; fingertips: boolean }) {
  return (
    <group name="metrics-overlay">
      {penetration && <PenetrationPoints data={data.penetration} />}
      {contact && <ContactPoints data={data.contact} />}
      {fingertips && <FingertipSegments data={data.fingertips} />}
      {fingertips && data.avoid && <AvoidViolations data={data.avoid} />}
    </group>
  );
}
