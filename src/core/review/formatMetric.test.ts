import { describe, expect, it } from 'vitest';
import { formatMetric } from './formatMetric';

describe('formatMetric', () => {
  it('shows counts as integers and lengths with digits that suit their size', () => {
    expect(formatMetric(3, 'affordance_score')).toBe('3');
    expect(formatMetric(0, 'affordance_score')).toBe('0');
    expect(formatMetric(3, 'avoid_distance_cm')).toBe('3.00');
    expect(formatMetric(0.4567, 'penetration_depth_cm')).toBe('0.457');
    expect(formatMetric(123.45)).toBe('123.5');
  });
  it('shows a dash for missing or non-finite values', () => {
    for (const v of [null, undefined, NaN, Infinity]) expect(formatMetric(v, 'affordance_score')).toBe('—');
  });
});
