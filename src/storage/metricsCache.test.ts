import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { MetricsCache } from './metricsCache';
import { emptyMetrics } from '../core/metrics/types';

it('returns rows by input key across instances and misses unknown keys', async () => {
  const name = 'metrics-cache-test-' + Math.random();
  const a = new MetricsCache(name);
  const row = { id: 'g1', ...emptyMetrics(''), penetration_depth_cm: 0.42 };
  await a.putMany([{ key: 'k1', row }]);
  a.close();
  const b = new MetricsCache(name);
  const [hit, miss] = await b.getMany(['k1', 'k2']);
  expect(hit?.penetration_depth_cm).toBe(0.42);
  expect(miss).toBeUndefined();
  b.close();
});
