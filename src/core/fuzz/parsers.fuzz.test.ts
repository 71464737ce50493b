import { describe, expect, it } from 'vitest';
import { makeRng, type Rng } from '../rng';
import { uvSphere } from '../metrics/proceduralShapes';
import { writeGlb, writeObj, writePlyBinary, writeStlBinary } from '../mesh/writeMesh';
import { parseMeshAsync, MeshParseError } from '../mesh/parseMesh';
import { loadDataset, DatasetLoadError } from '../dataset/loadDataset';
import { memoryIO } from '../dataset/memoryIO';
import { loadHandModel } from '../hands/handModel';
import { UrdfError } from '../urdf/urdfError';
import { mutateBytes, mutateJson, mutateText } from './mutate';

/*
 * Seeded fuzzing of every parser a dataset feeds: each mutated file must either load or fail with
 * the project's own error type, its message naming the file. A raw TypeError/RangeError (or a
 * message without the file) is a failure; so is a hang (the test's time-out).
 */
const RUNS = 200;
const ball = uvSphere(0.04, 12, 8);
const enc = new TextEncoder();
const dec = new TextDecoder();
const bytesOf = (s: string) => enc.encode(s).buffer as ArrayBuffer;

function glbParts(bytes: ArrayBuffer): { json: unknown; bin: Uint8Array } {
  const dv = new DataView(bytes);
  const jl = dv.getUint32(12, true);
  return { json: JSON.parse(dec.decode(new Uint8Array(bytes, 20, jl))), bin: new Uint8Array(bytes, 28 + jl, dv.getUint32(20 + jl, true)) };
}
function glbOf(json: unknown, bin: Uint8Array): ArrayBuffer {
  const text = enc.encode(JSON.stringify(json));
  const jl = (text.length + 3) & ~3,
    bl = (bin.length + 3) & ~3;
  const out = new Uint8Array(28 + jl + bl);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0x46546c67, true);
  dv.setUint32(4, 2, true);
  dv.setUint32(8, out.length, true);
  dv.setUint32(12, jl, true);
  dv.setUint32(16, 0x4e4f534a, true);
  out.fill(0x20, 20, 20 + jl);
  out.set(text, 20);
  dv.setUint32(20 + jl, bl, true);
  dv.setUint32(24 + jl, 0x004e4942, true);
  out.set(bin, 28 + jl);
  return out.buffer;
}

const glb = glbParts(writeGlb(ball));
const gltfJson = { ...(glb.json as object), buffers: [{ byteLength: glb.bin.length, uri: `data:application/octet-stream;base64,${Buffer.from(glb.bin).toString('base64')}` }] };
const plyAscii = (() => {
  const nv = ball.positions.length / 3,
    nf = ball.indices.length / 3;
  const lines = [
    'ply',
    'format ascii 1.0',
    `element vertex ${nv}`,
    'property float x',
    'property float y',
    'property float z',
    `element face ${nf}`,
    'property list uchar int vertex_indices',
    'end_header',
  ];
  for (let i = 0; i < nv; i++) lines.push(`${ball.positions[3 * i]} ${ball.positions[3 * i + 1]} ${ball.positions[3 * i + 2]}`);
  for (let f = 0; f < nf; f++) lines.push(`3 ${ball.indices[3 * f]} ${ball.indices[3 * f + 1]} ${ball.indices[3 * f + 2]}`);
  return lines.join('\n') + '\n';
})();
const stlAscii = (() => {
  const v = (i: number) => `vertex ${ball.positions[3 * i]} ${ball.positions[3 * i + 1]} ${ball.positions[3 * i + 2]}`;
  const out = ['solid ball'];
  for (let f = 0; f < ball.indices.length; f += 3)
    out.push('facet normal 0 0 1', 'outer loop', v(ball.indices[f]), v(ball.indices[f + 1]), v(ball.indices[f + 2]), 'endloop', 'endfacet');
  return out.join('\n') + '\nendsolid ball\n';
})();

type Make = (rng: Rng) => ArrayBuffer;
const MESHES: [string, Make][] = [
  ['fuzz.obj', (rng) => bytesOf(mutateText(writeObj(ball), rng))],
  ['fuzz.ply', (rng) => bytesOf(mutateText(plyAscii, rng))],
  ['fuzz-binary.ply', (rng) => mutateBytes(writePlyBinary(ball), rng)],
  ['fuzz.stl', (rng) => bytesOf(mutateText(stlAscii, rng))],
  ['fuzz-binary.stl', (rng) => mutateBytes(writeStlBinary(ball), rng)],
  ['fuzz.glb', (rng) => (rng.next() < 0.5 ? mutateBytes(writeGlb(ball), rng) : glbOf(mutateJson(glb.json, rng), glb.bin))],
  ['fuzz.gltf', (rng) => bytesOf(rng.next() < 0.3 ? mutateText(JSON.stringify(gltfJson), rng) : JSON.stringify(mutateJson(gltfJson, rng)))],
];

/** Runs `attempt` on RUNS mutations; returns the failures that are not the expected error type. */
async function fuzz(seed: number, attempt: (rng: Rng) => Promise<unknown>, ok: (e: unknown) => boolean): Promise<string[]> {
  const bad: string[] = [];
  let rejected = 0;
  for (let i = 0; i < RUNS; i++) {
    const rng = makeRng(seed * 1000 + i);
    try {
      await attempt(rng);
    } catch (e) {
      rejected++;
      if (!ok(e)) bad.push(`run ${i}: ${(e as Error)?.name}: ${(e as Error)?.message ?? String(e)}`.slice(0, 300));
    }
  }
  // Callers check lastRejected: mutations that never break anything would test nothing.
  lastRejected = rejected;
  return bad;
}
let lastRejected = 0;

describe("parser fuzzing (seeded): every failure is the project's error type naming the file", () => {
  MESHES.forEach(([name, make], k) =>
    it(`mesh ${name}`, async () => {
      const bad = await fuzz(
        k + 1,
        (rng) => parseMeshAsync(make(rng), name),
        (e) => e instanceof MeshParseError && e.message.startsWith(`${name}: `),
      );
      expect(bad).toEqual([]);
      expect(lastRejected).toBeGreaterThan(RUNS / 10);
    }),
  );

  const BASE = 'https://data.test/set/';
  const grasp = (id: string) => ({ id, object: 'ball', hand: 'shadow', root: { position: [0, 0, 0], quaternion: [0, 0, 0, 1] }, joints: { FFJ3: 0.4 } });
  const manifest = {
    format: 'hoi-studio/dataset@1',
    name: 'fuzz',
    hands: { shadow: { builtin: 'shadowhand' }, other: { urdf: 'hand.urdf', fingertips: ['tip'] } },
    objects: { ball: { mesh: 'ball.obj', category: 'ball', meta: { source: 'x' } } },
    grasps: [grasp('a'), { ...grasp('b'), reconstruction: { mesh: 'r.obj' }, meta: { score: 1 } }],
    shards: ['grasps.jsonl', { path: 'more.jsonl', count: 1 }],
  };
  const shard = [grasp('c'), grasp('d'), { ...grasp('e'), mano: { keypoints: Array.from({ length: 21 }, () => [0, 0, 0]) } }].map((g) => JSON.stringify(g)).join('\n') + '\n';
  const files = (m: string, s: string) => ({ [`${BASE}manifest.json`]: m, [`${BASE}grasps.jsonl`]: s, [`${BASE}more.jsonl`]: JSON.stringify([grasp('f')]) });
  const checkIssues = (ds: Awaited<ReturnType<typeof loadDataset>>) => {
    // Shard names are fuzzed too, so an issue may name any file; it must name one.
    for (const i of ds.issues) if (typeof i.file !== 'string' || !i.file || /undefined|\[object/.test(i.file)) throw new Error(`issue names no file: ${i.file}: ${i.message}`);
    for (const g of ds.grasps) if (!Object.hasOwn(ds.objects, g.object) || !Object.hasOwn(ds.hands, g.hand)) throw new Error(`grasp ${g.id} kept with unknown refs`);
  };

  it('manifest JSON', async () => {
    const bad = await fuzz(
      20,
      async (rng) => {
        const text = rng.next() < 0.3 ? mutateText(JSON.stringify(manifest), rng) : JSON.stringify(mutateJson(manifest, rng));
        checkIssues(await loadDataset(`${BASE}manifest.json`, memoryIO(files(text, shard))));
      },
      (e) => e instanceof DatasetLoadError && e.message.startsWith('manifest.json: '),
    );
    expect(bad).toEqual([]);
    expect(lastRejected).toBeGreaterThan(RUNS / 10);
  });

  it('shard JSON Lines (never fatal: problems are issues naming the shard)', async () => {
    const bad = await fuzz(
      21,
      async (rng) => {
        const text =
          rng.next() < 0.5
            ? mutateText(shard, rng)
            : shard
                .split('\n')
                .map((l) => (l && rng.next() < 0.5 ? JSON.stringify(mutateJson(JSON.parse(l), rng)) : l))
                .join('\n');
        checkIssues(await loadDataset(`${BASE}manifest.json`, memoryIO(files(JSON.stringify(manifest), text))));
      },
      () => false,
    );
    expect(bad).toEqual([]);
  });

  const urdf = `<?xml version="1.0"?>
<robot name="tiny">
  <link name="base"><visual><origin xyz="0 0 0" rpy="0 0 0"/><geometry><box size="0.1 0.1 0.02"/></geometry></visual></link>
  <joint name="j1" type="revolute"><parent link="base"/><child link="f1"/><origin xyz="0 0 0.05" rpy="0 0 0"/><axis xyz="1 0 0"/><limit lower="0" upper="1.5" effort="1" velocity="1"/></joint>
  <link name="f1"><visual><geometry><cylinder radius="0.01" length="0.04"/></geometry></visual><collision><geometry><sphere radius="0.01"/></geometry></collision></link>
  <joint name="j2" type="revolute"><parent link="f1"/><child link="tip"/><origin xyz="0 0 0.04"/><axis xyz="1 0 0"/><limit lower="0" upper="1.5" effort="1" velocity="1"/><mimic joint="j1" multiplier="1" offset="0"/></joint>
  <link name="tip"><visual><geometry><mesh filename="tip.obj" scale="1 1 1"/></geometry></visual></link>
</robot>
`;
  it('URDF', async () => {
    const tip = bytesOf(writeObj(ball));
    const bad = await fuzz(
      30,
      (rng) => loadHandModel(mutateText(rng.next() < 0.5 ? urdf : mutateText(urdf, rng), rng), { urdfUrl: 'https://data.test/hand/fuzz.urdf', fetchBytes: async () => tip }),
      (e) => e instanceof UrdfError && e.message.startsWith('https://data.test/hand/fuzz.urdf: '),
    );
    expect(bad).toEqual([]);
    expect(lastRejected).toBeGreaterThan(RUNS / 10);
  });
});
