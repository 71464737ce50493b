import { describe, expect, it } from 'vitest';
import { axisAngle, multiply, origin, translation } from './mat4';
import { triangleArea, triangleCross, triangleNormal } from './triangle';
import { cross, dot, length, normalize, sub } from './vec3';

describe('vec3', () => {
  it('cross follows the right-hand rule and is perpendicular to both inputs', () => {
    expect(cross([1, 0, 0], [0, 1, 0])).toEqual([0, 0, 1]);
    expect(cross([0, 1, 0], [1, 0, 0])).toEqual([0, 0, -1]);
    const a = [0.3, -1.2, 2],
      b = [1.5, 0.4, -0.7];
    const c = cross(a, b);
    expect(dot(c, a)).toBeCloseTo(0, 12);
    expect(dot(c, b)).toBeCloseTo(0, 12);
  });

  it('sub, dot, length and normalize', () => {
    expect(sub([3, 2, 1], [1, 1, 1])).toEqual([2, 1, 0]);
    expect(dot([1, 2, 3], [4, -5, 6])).toBe(12);
    expect(length([3, 4, 12])).toBe(13);
    expect(normalize([0, 0, -5])).toEqual([0, 0, -1]);
    expect(normalize([0, 0, 0])).toEqual([0, 0, 0]);
  });
});

describe('triangle', () => {
  // A right triangle with legs 2 and 3 in the z = 1 plane, then a degenerate (collinear) one.
  const p = new Float32Array([0, 0, 1, 2, 0, 1, 0, 3, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3]);

  it('cross is twice the area along the counter-clockwise normal', () => {
    const out = new Float64Array(6);
    triangleCross(p, 0, 3, 6, out, 3);
    expect([...out]).toEqual([0, 0, 0, 0, 0, 6]);
    triangleCross(p, 0, 6, 3, out);
    expect(out[2]).toBe(-6);
  });

  it('area and unit normal; a degenerate triangle has zero area and a zero normal', () => {
    expect(triangleArea(p, 0, 3, 6)).toBe(3);
    const n = [9, 9, 9];
    triangleNormal(p, 0, 3, 6, n);
    expect(n).toEqual([0, 0, 1]);
    expect(triangleArea(p, 9, 12, 15)).toBe(0);
    triangleNormal(p, 9, 12, 15, n);
    expect(n).toEqual([0, 0, 0]);
  });
});

describe('mat4', () => {
  it('composes a translation after a rotation (column-major, three.js order)', () => {
    const m = multiply(translation([1, 2, 3]), axisAngle([0, 0, 1], Math.PI / 2));
    // The rotated x axis (first column) is +y; the origin is the translation.
    expect(m[0]).toBeCloseTo(0, 12);
    expect(m[1]).toBeCloseTo(1, 12);
    expect(origin(m)).toEqual([1, 2, 3]);
  });
});
