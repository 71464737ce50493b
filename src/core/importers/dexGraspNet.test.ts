import { Euler, Matrix4 } from 'three';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../dataset/loadDataset';
import { memoryIO } from '../dataset/memoryIO';
import { builtinHandJoints, poseHand } from '../hands';
import type { Vec3 } from '../hands/types';
import { importDexGraspNet } from './dexGraspNet';
import { DEXGRASPNET_JOINT_MAP } from './dexGraspNetConventions';
import { importFilesFromMap } from './importFiles';
import { composePose, invertPose, poseFromMatrix, rotateVec } from './poseMath';
import { fingertipGap, model, randomJoints, randomRoot, seededRng } from './roundTrip.testutil';

// DexGraspNet qpos names for our joints, written out independently of the importer's table.
const TO_DGN: Record<string, [string, number]> = {
  FFJ4: ['robot0:FFJ3', -1],
  FFJ3: ['robot0:FFJ2', 1],
  FFJ2: ['robot0:FFJ1', 1],
  FFJ1: ['robot0:FFJ0', 1],
  MFJ4: ['robot0:MFJ3', -1],
  MFJ3: ['robot0:MFJ2', 1],
  MFJ2: ['robot0:MFJ1', 1],
  MFJ1: ['robot0:MFJ0', 1],
  RFJ4: ['robot0:RFJ3', 1],
  RFJ3: ['robot0:RFJ2', 1],
  RFJ2: ['robot0:RFJ1', 1],
  RFJ1: ['robot0:RFJ0', 1],
  LFJ5: ['robot0:LFJ4', 1],
  LFJ4: ['robot0:LFJ3', 1],
  LFJ3: ['robot0:LFJ2', 1],
  LFJ2: ['robot0:LFJ1', 1],
  LFJ1: ['robot0:LFJ0', 1],
  THJ5: ['robot0:THJ4', 1],
  THJ4: ['robot0:THJ3', 1],
  THJ3: ['robot0:THJ2', 1],
  THJ2: ['robot0:THJ1', -1],
  THJ1: ['robot0:THJ0', -1],
};

/** Encodes one of our poses the way DexGraspNet stores it: palm pose (sxyz Euler) + MJCF joints. */
async function encode(root: ReturnType<typeof randomRoot>, joints: Record<string, number>) {
  const palm = new Matrix4().fromArray(Array.from(poseHand(await model('shadowhand'), root, joints).linkMatrices.palm));
  const e = new Euler().setFromRotationMatrix(palm, 'ZYX');
  const qpos: Record<string, number> = {
    WRJTx: palm.elements[12],
    WRJTy: palm.elements[13],
    WRJTz: palm.elements[14],
    WRJRx: e.x,
    WRJRy: e.y,
    WRJRz: e.z,
  };
  for (const [ours, [theirs, sign]] of Object.entries(TO_DGN)) qpos[theirs] = sign * joints[ours];
  return qpos;
}

const files = (map: Record<string, unknown>) => importFilesFromMap(Object.fromEntries(Object.entries(map).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])));

describe('importDexGraspNet', () => {
  it('round-trips poses of our ShadowHand through the DexGraspNet convention (fingertips within 1e-6 m)', async () => {
    const rng = seededRng(11);
    const truth = Array.from({ length: 12 }, () => ({ root: randomRoot(rng), joints: randomJoints('shadowhand', rng, { WRJ2: 0, WRJ1: 0 }) }));
    const grasps = await Promise.all(truth.map(async (t, i) => ({ qpos: await encode(t.root, t.joints), scale: 0.06 + 0.01 * i, energy: i })));
    const res = await importDexGraspNet(
      files({ 'dexgraspnet/core-mug-8570d9a8d24cb0acbebd3c0c0c70fb03.json': grasps, 'meshdata/core-mug-8570d9a8d24cb0acbebd3c0c0c70fb03/coacd/decomposed.obj': 'o' }),
    );
    expect(res.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    const out = res.manifest.grasps as { root: (typeof truth)[0]['root']; joints: Record<string, number>; objectScale: number; meta: Record<string, unknown> }[];
    expect(out).toHaveLength(truth.length);
    let worst = 0;
    for (const [i, g] of out.entries()) {
      worst = Math.max(worst, await fingertipGap('shadowhand', truth[i], g));
      expect(g.objectScale).toBeCloseTo(0.06 + 0.01 * i, 12);
      expect(g.meta.energy).toBe(i);
    }
    console.log(`DexGraspNet round trip: worst fingertip gap ${worst.toExponential(2)} m over ${truth.length} grasps`);
    expect(worst).toBeLessThan(1e-6);
    const obj = res.manifest.objects['core-mug-8570d9a8d24cb0acbebd3c0c0c70fb03'];
    expect(obj).toEqual({ mesh: 'meshdata/core-mug-8570d9a8d24cb0acbebd3c0c0c70fb03/coacd/decomposed.obj', category: 'mug' });
  });

  it('accepts { object, grasps } files, plain URDF joint names and Python NaN tokens', async () => {
    const rng = seededRng(5);
    const t = { root: randomRoot(rng), joints: randomJoints('shadowhand', rng, { WRJ2: 0, WRJ1: 0 }) };
    const qpos = await encode(t.root, t.joints);
    const plain = { ...Object.fromEntries(Object.entries(qpos).filter(([k]) => k.startsWith('WRJ'))), ...t.joints };
    delete (plain as Record<string, number>).WRJ2;
    delete (plain as Record<string, number>).WRJ1;
    const text = JSON.stringify({
      object: 'sem-Mug-1',
      grasps: [
        { qpos: plain, scale: 1 },
        { qpos: { ...qpos, 'robot0:FFJ0': '@' }, scale: 1 },
      ],
    }).replace('"@"', 'NaN');
    const res = await importDexGraspNet(files({ 'g.json': text }));
    const out = res.manifest.grasps as { root: typeof t.root; joints: Record<string, number>; object: string }[];
    expect(out).toHaveLength(1);
    expect(out[0].object).toBe('sem-Mug-1');
    expect(await fingertipGap('shadowhand', t, out[0])).toBeLessThan(1e-6);
    expect(res.issues).toContainEqual({ file: 'g.json', severity: 'error', message: 'grasp [1]: non-finite joint values robot0:FFJ0=NaN; skipped' });
    expect(res.issues.some((i) => i.file === 'g.json' && /no mesh for object "sem-Mug-1"/.test(i.message))).toBe(true);
  });

  it('reports bad records and files by name and imports the rest', async () => {
    const good = { qpos: { WRJTx: 0, WRJTy: 0, WRJTz: 0.1, WRJRx: 0, WRJRy: 0, WRJRz: 0, 'robot0:FFJ1': 0.3 }, scale: 0.1 };
    const res = await importDexGraspNet(
      files({
        'a.json': [good, { qpos: { ...good.qpos, WRJRy: null } }, { qpos: { ...good.qpos, 'robot0:XXJ1': 1 } }, { qpos: good.qpos, scale: -2 }, { scale: 1 }],
        'b.json': '{ not json',
        'c.json': { hello: 1 },
        'd.npy': 'binary',
      }),
    );
    expect((res.manifest.grasps as unknown[]).length).toBe(1);
    const msgs = res.issues.filter((i) => i.severity === 'error').map((i) => `${i.file}: ${i.message}`);
    expect(msgs).toContain('a.json: grasp [1]: qpos root values must be finite numbers: WRJRy=null; skipped');
    expect(msgs.some((m) => /^a\.json: grasp \[2\]: unknown joint name "robot0:XXJ1"/.test(m))).toBe(true);
    expect(msgs).toContain('a.json: grasp [3]: "scale" must be a positive number (found -2); skipped');
    expect(msgs).toContain('a.json: grasp [4]: no "qpos" object; skipped');
    expect(msgs.some((m) => m.startsWith('b.json: cannot read as JSON'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('c.json: expected a list of grasp records'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('d.npy: NumPy .npy files'))).toBe(true);
    const warn = res.issues.find((i) => i.severity === 'warning' && /do not set/.test(i.message));
    // robot0:FFJ1 is our FFJ2, so FFJ2 is set and every other finger joint is reported.
    expect(warn?.message).toMatch(/do not set FFJ4, FFJ3, FFJ1, MFJ4,/);
    expect(res.issues.find((i) => i.severity === 'info')?.message).toMatch(/WRJ2 and WRJ1 are set to 0/);
  });

  it('produces a manifest that loads without errors', async () => {
    const qpos = { WRJTx: 0, WRJTy: 0, WRJTz: 0.1, WRJRx: 0.2, WRJRy: 0, WRJRz: 0, 'robot0:FFJ1': 0.3 };
    const res = await importDexGraspNet(files({ 'x.json': [{ qpos, scale: 0.1 }], 'meshdata/x/coacd/decomposed.obj': 'o' }));
    const base = 'https://h/set/';
    const ds = await loadDataset(base + 'manifest.json', memoryIO({ [base + 'manifest.json']: JSON.stringify(res.manifest) }));
    expect(ds.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(ds.grasps).toHaveLength(1);
    expect(ds.objects.x.meshUrl).toBe(base + 'meshdata/x/coacd/decomposed.obj');
  });
});

// Facts from DexGraspNet's mjcf/shadow_hand_wrist_free.xml at zero joints, in its root (palm)
// frame: each joint's axis and a point on it.
const THBASE_Q = [0, 0.382499, 0, 0.923956] as [number, number, number, number];
const th = (v: Vec3) => rotateVec(THBASE_Q, v);
const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const THBASE: Vec3 = [0.034, -0.009, 0.029];
const MJCF_AXES: Record<string, { axis: Vec3; at: Vec3 }> = {};
for (const [f, x, z] of [
  ['FF', 0.033, 0.095],
  ['MF', 0.011, 0.099],
  ['RF', -0.011, 0.095],
] as const) {
  MJCF_AXES[`${f}J3`] = { axis: [0, 1, 0], at: [x, 0, z] };
  MJCF_AXES[`${f}J2`] = { axis: [1, 0, 0], at: [x, 0, z] };
  MJCF_AXES[`${f}J1`] = { axis: [1, 0, 0], at: [x, 0, z + 0.045] };
  MJCF_AXES[`${f}J0`] = { axis: [1, 0, 0], at: [x, 0, z + 0.07] };
}
Object.assign(MJCF_AXES, {
  LFJ4: { axis: [0.570977, 0, 0.820966], at: [-0.017, 0, 0.044] },
  LFJ3: { axis: [0, 1, 0], at: [-0.034, 0, 0.088] },
  LFJ2: { axis: [1, 0, 0], at: [-0.034, 0, 0.088] },
  LFJ1: { axis: [1, 0, 0], at: [-0.034, 0, 0.133] },
  LFJ0: { axis: [1, 0, 0], at: [-0.034, 0, 0.158] },
  THJ4: { axis: th([0, 0, -1]), at: THBASE },
  THJ3: { axis: th([1, 0, 0]), at: THBASE },
  THJ2: { axis: th([1, 0, 0]), at: add(THBASE, th([0, 0, 0.038])) },
  THJ1: { axis: th([0, 1, 0]), at: add(THBASE, th([0, 0, 0.038])) },
  THJ0: { axis: th([0, 1, 0]), at: add(THBASE, th([0, 0, 0.07])) },
});

describe('DexGraspNet joint map', () => {
  it('maps every MJCF joint onto the URDF joint with the same axis line (sign included)', async () => {
    const posed = poseHand(await model('shadowhand'), { position: [0, 0, 0], quaternion: [0, 0, 0, 1] }, {});
    const palmInv = invertPose(poseFromMatrix(posed.linkMatrices.palm));
    const info = new Map(builtinHandJoints('shadowhand').map((j) => [j.name, j]));
    expect(Object.keys(DEXGRASPNET_JOINT_MAP).sort()).toEqual(Object.keys(MJCF_AXES).sort());
    for (const [name, { axis, at }] of Object.entries(MJCF_AXES)) {
      const { joint, sign } = DEXGRASPNET_JOINT_MAP[name];
      const j = info.get(joint)!;
      const frame = composePose(palmInv, poseFromMatrix(posed.linkMatrices[j.child]));
      const ours = rotateVec(frame.quaternion, j.axis).map((c) => sign * c) as Vec3;
      const n = Math.hypot(...axis);
      const cos = ours.reduce((s, c, k) => s + (c * axis[k]) / n, 0);
      expect(cos, `${name} -> ${joint} axis`).toBeGreaterThan(0.9999);
      // Distance from the MJCF point to our axis line: the hands are the same within millimetres.
      const d = at.map((c, k) => c - frame.position[k]);
      const along = d.reduce((s, c, k) => s + c * ours[k], 0);
      const off = Math.hypot(...d.map((c, k) => c - along * ours[k]));
      expect(off, `${name} -> ${joint} axis line offset`).toBeLessThan(0.002);
    }
  });
});
