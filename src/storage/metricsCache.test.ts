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

it('keeps rows by address and overlays (typed arrays intact), and keeps only the newest overlays', async () => {
  const name = 'metrics-cache-test-' + Math.random();
  const a = new MetricsCache(name);
  const row = { id: 'g1', ...emptyMetrics(''), contact_ratio_pct: 40 };
  await a.putByAddress([{ address: 'a1', key: 'k1', row }]);
  const overlay = {
    penetration: { points: new Float32Array([1, 2, 3]), depths: new Float32Array([0.5]) },
    contact: { points: new Float32Array(0), inContact: new Uint8Array([1, 0]) },
    fingertips: [],
  };
  for (let i = 0; i < 203; i++) await a.putOverlay({ address: `o${i}`, key: 'k', overlay, row });
  a.close();
  const b = new MetricsCache(name);
  const [hit, miss] = await b.getByAddress(['a1', 'a2']);
  expect(hit).toMatchObject({ key: 'k1', row: { contact_ratio_pct: 40 } });
  expect(miss).toBeUndefined();
  const o = await b.getOverlay('o202');
  expect(o?.overlay.penetration.depths).toBeInstanceOf(Float32Array);
  expect(Array.from(o!.overlay.contact.inContact)).toEqual([1, 0]);
  expect(await b.getOverlay('o0')).toBeUndefined();
  b.close();
});
