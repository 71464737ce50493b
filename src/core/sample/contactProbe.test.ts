import { describe, expect, it } from 'vitest';
import { ContactProbe, type ProbePart } from './contactProbe';
import { Sphere, Vector3 } from 'three';
import type { Mat4 } from '../math/types';

const IDENTITY = Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]) as unknown as Mat4;

/** One right triangle (0,0,0) (1,0,0) (0,1,0): its bounding box is the unit square, the triangle half of it. */
const triangle = { positions: new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]), indices: new Uint32Array([0, 1, 2]) };
const pointPart = (x: number, y: number, z: number): ProbePart => ({ link: 'tip', vertices: new Float32Array([x, y, z]), sphere: new Sphere(new Vector3(x, y, z), 0) });

describe('ContactProbe', () => {
  it('counts a point within the gap of the surface, and not one within the gap of a bounding box only', () => {
    const probe = new ContactProbe(triangle);
    // 1 mm above the triangle's inside: touching at a 2 mm gap, not at 0.5 mm.
    expect(probe.touches(pointPart(0.2, 0.2, 0.001), IDENTITY, 0.002)).toBe(true);
    expect(probe.touches(pointPart(0.2, 0.2, 0.001), IDENTITY, 0.0005)).toBe(false);
    // 1 mm above the box but over the empty half: the triangle is (1.8 - 1) / sqrt(2) = 0.566 m away.
    expect(probe.touches(pointPart(0.9, 0.9, 0.001), IDENTITY, 0.01)).toBe(false);
    expect(probe.touches(pointPart(0.9, 0.9, 0.001), IDENTITY, 0.6)).toBe(true);
  });
});
