import { describe, expect, it } from 'vitest';
import type { Mat4 } from '../hands/types';
import type { TriMesh } from '../mesh/triMesh';
import { framePose, graspBounds } from './cameraFraming';

const cube = (s: number): TriMesh => ({ positions: Float32Array.from([-s, -s, -s, s, s, s, s, -s, s]), indices: Uint32Array.from([0, 1, 2]) }) as TriMesh;
const translate = (x: number, y: number, z: number): Mat4 => [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, x, y, z, 1] as unknown as Mat4;

describe('camera framing', () => {
  it('bounds the object and the posed hand parts together', () => {
    const b = graspBounds(cube(0.05), 2, [{ mesh: cube(0.01) }], [translate(0.3, 0, 0)])!;
    expect(b.min[0]).toBeCloseTo(-0.1);
    expect(b.max[0]).toBeCloseTo(0.31);
    expect(graspBounds(null, 1)).toBeNull();
  });

  it('puts every corner of the box inside the view cone, from each view', () => {
    const box = graspBounds(cube(0.05), 1, [{ mesh: cube(0.02) }], [translate(0.25, 0.1, 0.05)])!;
    for (const view of ['fit', 'front', 'side', 'top'] as const) {
      const { position, target } = framePose(box, view, 40, 0.5);
      const axis = target.map((t, k) => t - position[k]);
      const len = Math.hypot(...axis);
      for (const x of [box.min[0], box.max[0]])
        for (const y of [box.min[1], box.max[1]])
          for (const z of [box.min[2], box.max[2]]) {
            const v = [x - position[0], y - position[1], z - position[2]];
            const cos = (v[0] * axis[0] + v[1] * axis[1] + v[2] * axis[2]) / (Math.hypot(...v) * len);
            // a portrait viewport (aspect 0.5): the horizontal half angle is the narrower one
            const hHalf = Math.atan(Math.tan((20 * Math.PI) / 180) * 0.5);
            expect(Math.acos(cos)).toBeLessThan(hHalf);
          }
    }
    const front = framePose(box, 'front', 40, 1);
    expect(front.position[1]).toBeLessThan(front.target[1]);
    expect(front.position[0]).toBeCloseTo(front.target[0]);
    const top = framePose(box, 'top', 40, 1);
    expect(top.position[2]).toBeGreaterThan(top.target[2]);
  });
});
