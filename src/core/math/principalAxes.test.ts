import { expect, it } from 'vitest';
import { principalAxes } from './principalAxes';

it('finds the long axis of an elongated, rotated point cloud', () => {
  // Points along direction (1,1,0)/sqrt2 with small spread across it, centred at (1,2,3).
  const pts: number[] = [];
  const u = [Math.SQRT1_2, Math.SQRT1_2, 0];
  for (let i = -10; i <= 10; i++) for (const w of [-0.1, 0.1]) pts.push(1 + u[0] * i + w * 0, 2 + u[1] * i, 3 + w);
  const { centroid, axes, spread } = principalAxes({ positions: new Float32Array(pts) });
  expect(centroid[0]).toBeCloseTo(1, 5);
  expect(centroid[1]).toBeCloseTo(2, 5);
  expect(centroid[2]).toBeCloseTo(3, 5);
  expect(Math.abs(axes[0][0] * u[0] + axes[0][1] * u[1])).toBeCloseTo(1, 6);
  expect(Math.abs(axes[1][2])).toBeCloseTo(1, 6);
  expect(spread[0]).toBeGreaterThan(spread[1]);
  expect(spread[1]).toBeGreaterThan(spread[2]);
});
