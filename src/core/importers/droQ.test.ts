import { Euler, Quaternion } from 'three';
import { describe, expect, it } from 'vitest';
import type { BuiltinHandId } from '../dataset/schema';
import { importDroQ } from './droQ';
import { importFilesFromMap } from './importFiles';
import { fingertipGap, LEAP_TREE_ORDER, randomJoints, randomRoot, seededRng, SHADOW_TREE_ORDER } from './roundTrip.testutil';

const ORDER: Record<BuiltinHandId, string[]> = { shadowhand: SHADOW_TREE_ORDER, leaphand: LEAP_TREE_ORDER };

/** DRO's q: translation, intrinsic XYZ Euler (scipy 'XYZ' = three.js 'XYZ'), joints in tree order. */
function encode(hand: BuiltinHandId, t: { root: ReturnType<typeof randomRoot>; joints: Record<string, number> }): number[] {
  const e = new Euler().setFromQuaternion(new Quaternion(...t.root.quaternion), 'XYZ');
  return [...t.root.position, e.x, e.y, e.z, ...ORDER[hand].map((j) => t.joints[j])];
}

const files = (map: Record<string, unknown>) => importFilesFromMap(Object.fromEntries(Object.entries(map).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])));

type OutGrasp = { id: string; hand: string; object: string; root: ReturnType<typeof randomRoot>; joints: Record<string, number> };

describe('importDroQ', () => {
  for (const hand of ['shadowhand', 'leaphand'] as const) {
    it(`round-trips ${hand} q vectors (fingertips within 1e-6 m)`, async () => {
      const rng = seededRng(hand.length);
      const truth = Array.from({ length: 10 }, () => ({ root: randomRoot(rng), joints: randomJoints(hand, rng) }));
      const res = await importDroQ(
        files({ 'q.json': { robot: hand, object: 'contactdb+apple', q: truth.map((t) => encode(hand, t)) }, 'data_urdf/object/contactdb/apple/apple.stl': 's' }),
      );
      expect(res.issues).toEqual([]);
      const out = res.manifest.grasps as OutGrasp[];
      expect(out.map((g) => g.id)).toEqual(truth.map((_, i) => `contactdb+apple-${hand}-${i}`));
      let worst = 0;
      for (const [i, g] of out.entries()) worst = Math.max(worst, await fingertipGap(hand, truth[i], g));
      console.log(`DRO ${hand} round trip: worst fingertip gap ${worst.toExponential(2)} m over ${truth.length} grasps`);
      expect(worst).toBeLessThan(1e-6);
      expect(res.manifest.objects['contactdb+apple']).toEqual({ mesh: 'data_urdf/object/contactdb/apple/apple.stl', category: 'apple' });
      expect(res.manifest.hands).toEqual({ [hand]: { builtin: hand } });
    });
  }

  it('reads CSV rows, with or without a header', async () => {
    const rng = seededRng(9);
    const t = { root: randomRoot(rng), joints: randomJoints('leaphand', rng) };
    const row = ['leaphand', 'ycb+banana', ...encode('leaphand', t)].join(',');
    const res = await importDroQ(files({ 'a.csv': `robot,object,q\n${row}\n\n`, 'b.csv': `${row}\n` }));
    const out = res.manifest.grasps as OutGrasp[];
    expect(out).toHaveLength(2);
    for (const g of out) expect(await fingertipGap('leaphand', t, g)).toBeLessThan(1e-6);
  });

  it('uses a custom URDF joint order and joint_names overrides', async () => {
    const urdf = `<robot name="two"><link name="base"/><link name="a"/><link name="b"/>
      <joint name="j2" type="revolute"><parent link="a"/><child link="b"/><axis xyz="0 0 1"/><limit lower="-1" upper="1"/></joint>
      <joint name="j1" type="revolute"><parent link="base"/><child link="a"/><axis xyz="0 0 1"/><limit lower="-1" upper="1"/></joint></robot>`;
    const res = await importDroQ(
      files({
        'hands/two.urdf': urdf,
        'q.json': [
          { urdf: 'hands/two.urdf', object: 'cube', q: [0, 0, 0, 0, 0, 0, 0.1, 0.2] },
          { urdf: 'hands/two.urdf', object: 'cube', joint_names: ['j2', 'j1'], q: [0, 0, 0, 0, 0, 0, 0.1, 0.2] },
          { urdf: 'hands/two.urdf', object: 'cube', joint_names: ['j3'], q: [0, 0, 0, 0, 0, 0, 0.1] },
        ],
      }),
    );
    const out = res.manifest.grasps as OutGrasp[];
    expect(out.map((g) => g.joints)).toEqual([
      { j1: 0.1, j2: 0.2 },
      { j2: 0.1, j1: 0.2 },
    ]);
    expect(res.manifest.hands).toEqual({ two: { urdf: 'hands/two.urdf' } });
    expect(res.issues).toContainEqual({ file: 'q.json', severity: 'error', message: '[2] q[0]: "joint_names" lists joints the hand does not have: j3; skipped' });
  });

  it('reports wrong lengths, NaN, unknown robots and unreadable files by name and imports the rest', async () => {
    const zeros = (n: number) => new Array(n).fill(0);
    const text = JSON.stringify({ robot: 'leaphand', object: 'o', q: [zeros(22), zeros(21), zeros(25), [...zeros(7), '@', ...zeros(14)]] }).replace('"@"', 'NaN');
    const res = await importDroQ(files({ 'leap.json': text, 'allegro.json': { robot: 'allegro', object: 'o', q: [zeros(22)] }, 'bad.csv': 'robot,object\n', 'broken.json': '[{' }));
    expect((res.manifest.grasps as OutGrasp[]).map((g) => g.id)).toEqual(['o-leaphand-0']);
    const msgs = res.issues.map((i) => `${i.file}: ${i.message}`);
    expect(msgs).toContain(
      'leap.json: q[1]: q has 21 values; leaphand expects 22 (tx, ty, tz, roll, pitch, yaw + 16 joints in tree order: 1, 0, 2, 3, 5, 4, 6, 7, 9, 8, 10, 11, 12, 13, 14, 15); skipped',
    );
    expect(msgs.some((m) => m.startsWith('leap.json: q[2]: q has 25 values') && m.includes('rot6d'))).toBe(true);
    expect(msgs).toContain('leap.json: q[3]: non-finite values q[7] (0) = NaN; skipped');
    expect(msgs.some((m) => m.startsWith('allegro.json: q[0]: unknown robot "allegro"'))).toBe(true);
    expect(msgs).toContain('bad.csv: no rows (expected "robot,object,q0,q1,…" lines)');
    expect(msgs.some((m) => m.startsWith('broken.json: cannot read ('))).toBe(true);
    expect(msgs.some((m) => m.startsWith('leap.json: no mesh for object "o"'))).toBe(true);
  });
});
