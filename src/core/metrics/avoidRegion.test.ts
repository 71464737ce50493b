import { describe, expect, it } from 'vitest';
import { writeObj } from '../mesh/writeMesh';
import { loadDataset } from '../dataset/loadDataset';
import { memoryIO } from '../dataset/memoryIO';
import { avoidPointsFrom, parseAvoidFile } from './avoidRegion';
import { computeGraspMetrics } from './computeGraspMetrics';
import { MetricsService } from './metricsService';
import { handFromParts, translation, uvSphere } from './proceduralShapes';

const r = 0.01; // 1 cm spherical fingertips
const tipMesh = uvSphere(r, 128, 64);
// The polygonal sphere lies inside the true one by at most its flat-triangle sagitta.
const sagitta = r * (1 - Math.cos(Math.PI / 64)) * 2;
const centres: [number, number, number][] = [
  [0, 0, 0.2],
  [0.1, 0, 0.2],
  [0.2, 0, 0.2],
];
const hand = handFromParts(
  centres.map((c, i) => ({ link: `tip${i}`, mesh: tipMesh, matrix: translation(...c) })),
  centres.map((_, i) => ({ name: `f${i}`, geometryLink: `tip${i}` })),
);
// Any object: the region, not the object's surface, is what these metrics measure.
const object = uvSphere(0.05, 16, 8);

describe('affordance_score and avoid_distance_cm', () => {
  it('count fingertips farther than the threshold from every point, surface to point', () => {
    // f0: nearest point 3.5 cm from its centre = 2.5 cm from its surface (safe at 2 cm);
    // f1: 2.5 cm from its centre = 1.5 cm from its surface (violates); f2: a point at its centre (inside: 0).
    const avoid = avoidPointsFrom([
      [0, 0.035, 0.2],
      [0, 0.06, 0.2],
      [0.1, 0, 0.225],
      [0.2, 0, 0.2],
    ]);
    const m = computeGraspMetrics({ hand, object, avoid, overlay: true, params: { samples: 0 } });
    expect(m.errors).toEqual([]);
    expect(m.affordance_score).toBe(1);
    expect(m.avoid_distance_cm).toBe(0);
    const d = Object.fromEntries(m.overlay!.avoid!.map((f) => [f.name, f.distance]));
    expect(d.f0).toBeGreaterThanOrEqual(0.025 - 1e-9);
    expect(d.f0).toBeLessThanOrEqual(0.025 + sagitta);
    expect(d.f1).toBeGreaterThanOrEqual(0.015 - 1e-9);
    expect(d.f1).toBeLessThanOrEqual(0.015 + sagitta);
    expect(d.f2).toBe(0);
    expect(m.overlay!.avoid!.map((f) => f.violates)).toEqual([false, true, true]);
  });

  it('follow the threshold and the object scale', () => {
    const avoid = avoidPointsFrom([
      [0, 0.035, 0.2],
      [0.1, 0, 0.225],
    ]);
    // 1 cm: both fingertips with a near point are clear; f2 is 10 cm from the nearest point.
    expect(computeGraspMetrics({ hand, object, avoid, params: { samples: 0, avoidMm: 10 } }).affordance_score).toBe(3);
    expect(computeGraspMetrics({ hand, object, avoid, params: { samples: 0, avoidMm: 30 } }).affordance_score).toBe(1);
    // Region points scale with the mesh: at scale 2, [0, 0.035, 0.2] moves to [0, 0.07, 0.4], 0.2 m from every fingertip centre or more.
    const scaled = computeGraspMetrics({ hand, object, avoid: avoidPointsFrom([[0, 0.035, 0.1]]), objectScale: 2, params: { samples: 0 } });
    expect(scaled.avoid_distance_cm! / 100).toBeGreaterThanOrEqual(0.06 - 1e-9);
    expect(scaled.avoid_distance_cm! / 100).toBeLessThanOrEqual(0.06 + sagitta);
  });

  it('stay empty without a region, and without fingertips say why', () => {
    const none = computeGraspMetrics({ hand, object, params: { samples: 0 } });
    expect(none.affordance_score).toBeNull();
    expect(none.avoid_distance_cm).toBeNull();
    const noTips = computeGraspMetrics({ hand: handFromParts([{ link: 'tip0', mesh: tipMesh }]), object, avoid: avoidPointsFrom([[0, 0, 1]]), params: { samples: 0 } });
    expect(noTips.affordance_score).toBeNull();
    expect(noTips.warnings).toContain('the hand defines no fingertips; affordance_score is empty');
  });
});

describe('avoid regions in a dataset', () => {
  const BASE = 'https://data.test/set/';
  const ball = writeObj(uvSphere(0.04, 16, 8));
  const grasp = (id: string, object: string) => ({ id, object, hand: 'shadow', root: { position: [0, 0, -0.4], quaternion: [0, 0, 0, 1] }, joints: {} });
  const files = (objects: object, extra: Record<string, string> = {}) => ({
    [`${BASE}manifest.json`]: JSON.stringify({
      format: 'hoi-studio/dataset@1',
      name: 'm',
      hands: { shadow: { builtin: 'shadowhand' } },
      objects,
      grasps: Object.keys(objects).map((o) => grasp(`g-${o}`, o)),
      // JSON cannot write Infinity; 1e999 parses to it.
    }).replaceAll('"__INF__"', '1e999'),
    [`${BASE}ball.obj`]: ball,
    ...extra,
  });

  it('a bad region is reported naming the manifest and the object, and the object still loads', async () => {
    const huge = Array.from({ length: 100_001 }, () => [0, 0, 0]);
    const ds = await loadDataset(
      `${BASE}manifest.json`,
      memoryIO(
        files({
          good: { mesh: 'ball.obj', category: 'ball', avoid: { points: [[0, 0, 0.04]], label: 'top', source: 'manual' } },
          inf: { mesh: 'ball.obj', category: 'ball', avoid: { points: [[0, '__INF__', 0]] } },
          huge: { mesh: 'ball.obj', category: 'ball', avoid: { points: huge } },
          both: { mesh: 'ball.obj', category: 'ball', avoid: { points: [[0, 0, 0]], file: 'a.json' } },
          filed: { mesh: 'ball.obj', category: 'ball', avoid: { file: 'regions/filed.json' } },
        }),
      ),
    );
    expect(Object.keys(ds.objects).sort()).toEqual(['both', 'filed', 'good', 'huge', 'inf']);
    expect(ds.grasps).toHaveLength(5);
    expect(ds.objects.good.spec.avoid).toEqual({ points: [[0, 0, 0.04]], label: 'top', source: 'manual' });
    expect(ds.objects.filed.avoidUrl).toBe(`${BASE}regions/filed.json`);
    for (const id of ['inf', 'huge', 'both']) expect(ds.objects[id].spec.avoid).toBeUndefined();
    const msgs = ds.issues.map((i) => `${i.file}: ${i.message}`);
    expect(msgs).toContainEqual(expect.stringMatching(/^manifest\.json: objects\.inf\.avoid: points\.0\.1: .*Infinity; the object loads without/));
    expect(msgs).toContainEqual(
      'manifest.json: objects.huge.avoid: points: 100,001 points, more than the limit of 100,000; the object loads without its negative-affordance region',
    );
    expect(msgs).toContainEqual('manifest.json: objects.both.avoid: give exactly one of "points" or "file"; the object loads without its negative-affordance region');
  });

  it('uses the read limits it is configured with, and retries what failed when they change', async () => {
    const io = memoryIO(files({ ball: { mesh: 'ball.obj', category: 'ball' } }));
    const ds = await loadDataset(`${BASE}manifest.json`, io);
    const svc = new MetricsService(io);
    // A mesh cap below the ball's size, as a page with ?maxMeshMB=0.001 would set it.
    svc.configure(ds, { samples: 64 }, { mesh: 1000 });
    const [capped] = await svc.compute(ds.grasps);
    expect(capped.error).toMatch(/object mesh: ball\.obj: cannot read \(decodes to more than 1000 bytes \(the limit for a mesh/);
    expect(capped.penetration_depth_cm).toBeNull();
    svc.configure(ds, { samples: 64 }, { mesh: 64 * 1024 * 1024 });
    const [ok] = await svc.compute(ds.grasps);
    expect(ok.error).not.toMatch(/limit/);
    expect(ok.object_diagonal_cm).toBeGreaterThan(0);
  });

  it('a region file is read once; a broken one empties only the two columns and names the file', async () => {
    const io = memoryIO(
      files(
        {
          filed: { mesh: 'ball.obj', category: 'ball', avoid: { file: 'filed.json' } },
          broken: { mesh: 'ball.obj', category: 'ball', avoid: { file: 'broken.json' } },
          missing: { mesh: 'ball.obj', category: 'ball', avoid: { file: 'missing.json' } },
          plain: { mesh: 'ball.obj', category: 'ball' },
        },
        { [`${BASE}filed.json`]: JSON.stringify({ points: [[0, 0, -0.04]] }), [`${BASE}broken.json`]: '{"points": [[0, "x", 0]]}' },
      ),
    );
    const ds = await loadDataset(`${BASE}manifest.json`, io);
    const svc = new MetricsService(io);
    svc.configure(ds, { samples: 64 });
    const rows = Object.fromEntries((await svc.compute(ds.grasps)).map((r) => [r.id, r]));
    expect(rows['g-filed'].affordance_score).toBeGreaterThanOrEqual(0);
    expect(rows['g-filed'].avoid_distance_cm).toBeGreaterThan(0);
    expect(rows['g-broken'].affordance_score).toBeNull();
    expect(rows['g-broken'].error).toContain('affordance_score: broken.json: points.0.1:');
    expect(rows['g-broken'].contact_ratio_pct).not.toBeNull();
    expect(rows['g-missing'].error).toMatch(/affordance_score: missing\.json: cannot read/);
    expect(rows['g-plain'].affordance_score).toBeNull();
    expect(rows['g-plain'].error).not.toContain('affordance');
    // The region is part of the cache key: same object, different region, different key.
    expect(new Set([rows['g-filed'].cacheKey, rows['g-plain'].cacheKey, rows['g-broken'].cacheKey]).size).toBe(3);
  });

  it('parseAvoidFile names the file for every problem', () => {
    expect(() => parseAvoidFile('nope', 'r.json')).toThrow(/^r\.json: not valid JSON/);
    expect(() => parseAvoidFile('{"points": []}', 'r.json')).toThrow(/^r\.json: points:/);
    expect(Array.from(parseAvoidFile('{"points": [[1, 2, 3]], "label": "blade part"}', 'r.json'))).toEqual([1, 2, 3]);
  });
});
