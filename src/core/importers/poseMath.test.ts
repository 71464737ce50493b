import { Euler, Matrix4, Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { composePose, invertPose, poseFromMatrix, quatFromIntrinsicXYZ, quatFromStaticXYZ, rotateVec } from './poseMath';
import { randomRoot, seededRng } from './roundTrip.testutil';

const sameRotation = (a: number[], b: number[]) => Math.abs(Math.abs(a.reduce((s, v, i) => s + v * b[i], 0)) - 1);

describe('Euler conventions', () => {
  const rng = seededRng(7);
  const angles = Array.from({ length: 20 }, () => [rng() * 6 - 3, rng() * 3 - 1.5, rng() * 6 - 3]);

  it('intrinsic XYZ equals three.js Euler order XYZ', () => {
    for (const [a, b, c] of angles) {
      const ref = new Quaternion().setFromEuler(new Euler(a, b, c, 'XYZ'));
      expect(sameRotation(quatFromIntrinsicXYZ(a, b, c), ref.toArray())).toBeLessThan(1e-12);
    }
  });

  it('static xyz (transforms3d sxyz) equals three.js Euler order ZYX', () => {
    for (const [a, b, c] of angles) {
      const ref = new Quaternion().setFromEuler(new Euler(a, b, c, 'ZYX'));
      expect(sameRotation(quatFromStaticXYZ(a, b, c), ref.toArray())).toBeLessThan(1e-12);
    }
  });

  it('static xyz applies x first: +y turned 90° about x, then 90° about z, ends on +z', () => {
    const v = rotateVec(quatFromStaticXYZ(Math.PI / 2, 0, Math.PI / 2), [0, 1, 0]);
    // x-turn takes +y to +z; z-turn leaves +z alone. With z first, +y would go to -x, then stay.
    expect(v[2]).toBeCloseTo(1, 12);
  });
});

describe('rigid poses', () => {
  it('composes, inverts and reads matrices like three.js', () => {
    const rng = seededRng(3);
    for (let i = 0; i < 20; i++) {
      const a = randomRoot(rng);
      const b = randomRoot(rng);
      const m = (p: typeof a) => new Matrix4().compose(new Vector3(...p.position), new Quaternion(...p.quaternion), new Vector3(1, 1, 1));
      const ab = composePose(a, b);
      const ref = m(a).multiply(m(b));
      const fromRef = poseFromMatrix(ref.elements);
      expect(Math.max(...ab.position.map((c, k) => Math.abs(c - fromRef.position[k])))).toBeLessThan(1e-12);
      expect(sameRotation(ab.quaternion, fromRef.quaternion)).toBeLessThan(1e-12);
      const id = composePose(a, invertPose(a));
      expect(Math.hypot(...id.position)).toBeLessThan(1e-12);
      expect(Math.abs(id.quaternion[3])).toBeCloseTo(1, 12);
    }
  });
});
