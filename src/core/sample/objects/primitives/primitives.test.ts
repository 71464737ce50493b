import { Euler, Matrix4, Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { meshArea, meshVolume } from '../../../mesh/meshMeasures';
import { isClosedMesh } from '../../../mesh/meshTopology';
import { meshBounds } from '../../../mesh/triMesh';
import { placementMatrix } from '../transform';
import { cylinder, lathe, sphere } from './lathe';
import { roundedBox } from './roundedBox';
import { tube } from './tube';

describe('primitives are closed, outward and measure what they should', () => {
  it('cylinder and sphere converge to the analytic volume', () => {
    const c = cylinder(0.02, -0.05, 0.05, 64);
    expect(isClosedMesh(c)).toBe(true);
    // inscribed 64-gon: area factor sin(2pi/64)*64/(2pi)
    const polyFactor = (64 * Math.sin((2 * Math.PI) / 64)) / (2 * Math.PI);
    expect(meshVolume(c)).toBeCloseTo(Math.PI * 0.02 ** 2 * 0.1 * polyFactor, 8);
    const s = sphere(0.03, 0.1, 64, 32);
    expect(isClosedMesh(s)).toBe(true);
    expect(meshVolume(s) / ((4 / 3) * Math.PI * 0.03 ** 3)).toBeGreaterThan(0.98);
    expect(meshVolume(s) / ((4 / 3) * Math.PI * 0.03 ** 3)).toBeLessThan(1);
    expect(meshBounds(s).max[1]).toBeCloseTo(0.13, 6);
  });

  it('a lathe cup has a cavity: volume is outer minus inner', () => {
    const cup = lathe(
      [
        [0, 0],
        [0.04, 0],
        [0.04, 0.1],
        [0.035, 0.1],
        [0.035, 0.01],
        [0, 0.01],
      ],
      128,
    );
    expect(isClosedMesh(cup)).toBe(true);
    const expected = Math.PI * (0.04 ** 2 * 0.1 - 0.035 ** 2 * 0.09);
    expect(meshVolume(cup) / expected).toBeGreaterThan(0.99);
    expect(meshVolume(cup) / expected).toBeLessThan(1.0);
  });

  it('rounded box matches the analytic rounded-box volume and stays inside its size', () => {
    const [x, y, z, r] = [0.05, 0.03, 0.02, 0.005];
    const box = roundedBox([x, y, z], { radius: r, cornerSegments: 8, flatSegments: [2, 3, 1] });
    expect(isClosedMesh(box)).toBe(true);
    const exact = x * y * z - (8 - (4 / 3) * Math.PI) * r ** 3 - (4 - Math.PI) * r ** 2 * (x - 2 * r + y - 2 * r + z - 2 * r);
    expect(meshVolume(box) / exact).toBeGreaterThan(0.995);
    expect(meshVolume(box) / exact).toBeLessThan(1.0001);
    const b = meshBounds(box);
    expect(b.max[0]).toBeCloseTo(x / 2, 6);
    expect(b.min[2]).toBeCloseTo(-z / 2, 6);
    expect(meshArea(box)).toBeLessThan(2 * (x * y + y * z + x * z));
  });

  it('a tube along a bent path stays closed with elliptical sections', () => {
    const path: [number, number, number][] = [];
    for (let i = 0; i <= 20; i++) path.push([Math.cos((Math.PI * i) / 20) * 0.05, Math.sin((Math.PI * i) / 20) * 0.05, 0]);
    const t = tube(path, { radius: [0.004, 0.008], sides: 24 });
    expect(isClosedMesh(t)).toBe(true);
    // half torus: pi * a * b * (pi * R), polygonal sections shrink it slightly
    const expected = Math.PI * 0.004 * 0.008 * Math.PI * 0.05;
    expect(meshVolume(t) / expected).toBeGreaterThan(0.95);
    expect(meshVolume(t) / expected).toBeLessThan(1.02);
    const b = meshBounds(t);
    expect(b.max[2]).toBeCloseTo(0.004, 4); // the first radius lies along `up` (default +z)
    expect(b.max[1]).toBeCloseTo(0.05 + 0.008, 3);
  });

  it('placementMatrix equals three Matrix4.compose with an XYZ Euler', () => {
    const m = placementMatrix({ translate: [1, -2, 3], rotate: [0.3, -1.1, 2.2], scale: [2, 3, 0.5] });
    const ref = new Matrix4().compose(new Vector3(1, -2, 3), new Quaternion().setFromEuler(new Euler(0.3, -1.1, 2.2, 'XYZ')), new Vector3(2, 3, 0.5));
    m.forEach((v, i) => expect(v).toBeCloseTo(ref.elements[i], 12));
  });
});
