import { describe, expect, it } from 'vitest';
import { Matrix4, Quaternion, Vector3 } from 'three';
import { isNudged, nudged, nudgeFromMatrix, nudgeMatrix, NO_NUDGE, type Nudge } from './nudge';
import { axisAngleRotation, rotationAngleBetween, similarityMatrix, type Similarity } from './similarity';

const close = (a: Nudge, b: Nudge) => {
  expect(a.scale).toBeCloseTo(b.scale, 10);
  for (let k = 0; k < 3; k++) {
    expect(a.rotate[k]).toBeCloseTo(b.rotate[k], 10);
    expect(a.translate[k]).toBeCloseTo(b.translate[k], 10);
  }
};

describe('nudge from the viewport handles', () => {
  const n: Nudge = { rotate: [0.1, -0.3, 0.7], translate: [0.002, -0.01, 0.005], scale: 1.04 };

  it('reads back the nudge whose matrix the handles show', () => {
    close(nudgeFromMatrix(nudgeMatrix(n)), n);
    close(nudgeFromMatrix(nudgeMatrix(NO_NUDGE)), NO_NUDGE);
    expect(isNudged(nudgeFromMatrix(nudgeMatrix(NO_NUDGE)))).toBe(false);
  });

  it('takes a rotation about the handles centre as the same similarity', () => {
    // A drag on a rotation ring: about an axis through a point off the origin.
    const pivot = new Vector3(0.03, -0.02, 0.05);
    const q = new Quaternion().setFromAxisAngle(new Vector3(0, 0.6, 0.8), 0.4);
    const m = new Matrix4()
      .makeTranslation(pivot.x, pivot.y, pivot.z)
      .multiply(new Matrix4().makeRotationFromQuaternion(q))
      .multiply(new Matrix4().makeTranslation(-pivot.x, -pivot.y, -pivot.z));
    const back = nudgeMatrix(nudgeFromMatrix(m.elements));
    back.forEach((v, i) => expect(v).toBeCloseTo(m.elements[i], 10));
  });

  it('turns a one-axis scale drag into a uniform scale by the same factor', () => {
    const m = new Matrix4().makeScale(1, 1.1, 1).setPosition(0.01, 0, 0);
    const got = nudgeFromMatrix(m.elements);
    expect(got.scale).toBeCloseTo(1.1, 12);
    expect(got.rotate.every((a) => Math.abs(a) < 1e-12)).toBe(true);
    expect(got.translate[0]).toBeCloseTo(0.01, 12);
  });

  it('applies the handles after the alignment', () => {
    const T: Similarity = { scale: 0.9, rotation: axisAngleRotation([1, 0, 0], 0.5), translation: [0.1, 0, 0.2] };
    const out = nudged(T, n);
    const expected = new Matrix4().fromArray(nudgeMatrix(n)).multiply(new Matrix4().fromArray(similarityMatrix(T)));
    similarityMatrix(out).forEach((v, i) => expect(v).toBeCloseTo(expected.elements[i], 12));
    expect(rotationAngleBetween(out.rotation, T.rotation)).toBeGreaterThan(0.1);
  });
});
