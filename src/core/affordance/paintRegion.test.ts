import { describe, expect, it } from 'vitest';
import { boxMesh } from '../mesh/meshFixtures';
import type { TriMesh } from '../mesh/triMesh';
import { brushSpacing, paintRegion, type RegionPoint } from './paintRegion';

/** A 10 cm square in z = 0 made of two triangles, much larger than the brush. */
const plate: TriMesh = {
  positions: Float32Array.from([-0.05, -0.05, 0, 0.05, -0.05, 0, 0.05, 0.05, 0, -0.05, 0.05, 0]),
  indices: Uint32Array.from([0, 1, 2, 0, 2, 3]),
};

const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const nearest = (pts: readonly RegionPoint[], q: readonly number[]) => Math.min(...pts.map((p) => dist(p, q)));

describe('paintRegion', () => {
  const r = 0.01;
  const s = brushSpacing(r); // 2 mm

  it('an add dab covers the disc it touches, and nothing outside it, with points at least half a spacing apart', () => {
    const pts = paintRegion(plate, [], { center: [0, 0, 0], radius: r, mode: 'add' });
    for (const p of pts) {
      expect(Math.abs(p[2])).toBeLessThan(1e-7);
      expect(Math.hypot(p[0], p[1])).toBeLessThanOrEqual(r + 1e-9);
    }
    for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) expect(dist(pts[i], pts[j])).toBeGreaterThanOrEqual(s / 2 - 1e-9);
    // every spot within 0.9 r has a region point within one spacing (a 1 mm grid over the disc)
    for (let x = -0.009; x <= 0.009; x += 0.001) for (let y = -0.009; y <= 0.009; y += 0.001) if (Math.hypot(x, y) <= 0.009) expect(nearest(pts, [x, y, 0])).toBeLessThan(s);
    // disjoint discs of radius s/4 around the points fit in the brush disc grown by s/4: at most ((r + s/4) / (s/4))² of them
    expect(pts.length).toBeLessThanOrEqual(((r + s / 4) / (s / 4)) ** 2);
  });

  it('a dab above the surface paints its cross-section, one farther away than the radius paints nothing', () => {
    const h = 0.6 * r;
    const pts = paintRegion(plate, [], { center: [0.02, 0, h], radius: r, mode: 'add' });
    expect(pts.length).toBeGreaterThan(0);
    // the sphere meets z = 0 in a disc of radius sqrt(r² − h²) = 0.8 r
    for (const p of pts) expect(Math.hypot(p[0] - 0.02, p[1])).toBeLessThanOrEqual(0.8 * r + 1e-9);
    expect(nearest(pts, [0.02 + 0.7 * r, 0, 0])).toBeLessThan(s);
    expect(paintRegion(plate, [], { center: [0, 0, 1.01 * r], radius: r, mode: 'add' })).toEqual([]);
  });

  it('erase drops exactly the points inside the brush and keeps the others as they were', () => {
    const pts: RegionPoint[] = [
      [0, 0, 0],
      [0.004, 0, 0],
      [0.006, 0, 0],
      [0.03, 0.03, 0],
    ];
    const left = paintRegion(plate, pts, { center: [0.0005, 0, 0], radius: 0.005, mode: 'erase' });
    expect(left).toEqual([
      [0.006, 0, 0],
      [0.03, 0.03, 0],
    ]);
    expect(pts).toHaveLength(4);
  });

  it('adding over a covered place adds little, and keeps the points that were there', () => {
    const first = paintRegion(plate, [], { center: [0, 0, 0], radius: r, mode: 'add', seed: 1 });
    const again = paintRegion(plate, first, { center: [0, 0, 0], radius: r, mode: 'add', seed: 2 });
    expect(again.slice(0, first.length)).toEqual(first);
    expect(again.length - first.length).toBeLessThan(first.length / 2);
  });

  it('on a closed box a dab at a face centre paints only that face; one at a corner paints the three faces that meet there', () => {
    const box = boxMesh(0.02, 0.02, 0.02); // faces at ±1 cm
    const face = paintRegion(box, [], { center: [0, 0, 0.01], radius: 0.005, mode: 'add' });
    expect(face.length).toBeGreaterThan(0);
    for (const p of face) expect(p[2]).toBeCloseTo(0.01, 6);
    const corner = paintRegion(box, [], { center: [0.01, 0.01, 0.01], radius: 0.005, mode: 'add' });
    for (const axis of [0, 1, 2]) expect(corner.some((p) => Math.abs(p[axis] - 0.01) < 1e-6 && p.every((v, d) => d === axis || v < 0.0099))).toBe(true);
  });

  it('is deterministic for a seed, and ignores a dab with a non-finite centre or radius', () => {
    const a = paintRegion(plate, [], { center: [0, 0, 0], radius: r, mode: 'add', seed: 7 });
    const b = paintRegion(plate, [], { center: [0, 0, 0], radius: r, mode: 'add', seed: 7 });
    expect(a).toEqual(b);
    const pts: RegionPoint[] = [[0, 0, 0]];
    expect(paintRegion(plate, pts, { center: [NaN, 0, 0], radius: r, mode: 'erase' })).toEqual(pts);
    expect(paintRegion(plate, pts, { center: [0, 0, 0], radius: Infinity, mode: 'add' })).toEqual(pts);
    expect(paintRegion(plate, pts, { center: [0, 0, 0], radius: -1, mode: 'erase' })).toEqual(pts);
  });

  it('a brush far larger than the object stays bounded', () => {
    const pts = paintRegion(boxMesh(0.02, 0.02, 0.02), [], { center: [0, 0, 0], radius: 1, mode: 'add' });
    // spacing 20 cm on a 2 cm box: the box's faces hold only a handful of points
    expect(pts.length).toBeGreaterThan(0);
    expect(pts.length).toBeLessThanOrEqual(8);
  });
});
