import { describe, expect, it } from 'vitest';
import { meshVolume } from './meshMeasures';
import { isClosedMesh } from './meshTopology';
import { parseMeshAsync } from './parseMesh';
import { transformMesh } from './transformMesh';
import type { TriMesh } from './triMesh';
import { writeGlb, writeObj, writePlyBinary, writeStlBinary } from './writeMesh';
import { boxMesh } from './meshFixtures';
import { mergeMeshes } from './mergeMeshes';

/** Two boxes, one rotated, with coordinates that are not round numbers. */
function testMesh(): TriMesh {
  const c = Math.cos(0.3),
    s = Math.sin(0.3);
  const rot = [c, s, 0, 0, -s, c, 0, 0, 0, 0, 1, 0, 0.0123, -0.0456, 0.0789, 1];
  return mergeMeshes([boxMesh(0.031, 0.017, 0.0123), transformMesh(boxMesh(0.02, 0.02, 0.05), rot as number[] & { length: 16 })]);
}

/** Triangles as sorted coordinate triples, so vertex renumbering does not matter. */
function triangleSet(m: TriMesh, decimals: number): string[] {
  const out: string[] = [];
  for (let t = 0; t < m.indices.length; t += 3) {
    const corners: string[] = [];
    for (let k = 0; k < 3; k++) {
      const o = 3 * m.indices[t + k];
      corners.push([0, 1, 2].map((c) => m.positions[o + c].toFixed(decimals)).join(','));
    }
    // rotate so the smallest corner comes first: keeps winding, drops starting-vertex choice
    const r = corners.indexOf([...corners].sort()[0]);
    out.push([0, 1, 2].map((i) => corners[(r + i) % 3]).join(' '));
  }
  return out.sort();
}

function expectSame(a: TriMesh, b: TriMesh, decimals: number): void {
  expect(b.positions.length).toBe(a.positions.length);
  expect(triangleSet(b, decimals)).toEqual(triangleSet(a, decimals));
  expect(isClosedMesh(b)).toBe(true);
  expect(meshVolume(b)).toBeCloseTo(meshVolume(a), 9);
}

function nearestDistances(a: TriMesh, b: TriMesh): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.positions.length; i += 3) {
    let best = Infinity;
    for (let j = 0; j < b.positions.length; j += 3) {
      best = Math.min(best, Math.hypot(a.positions[i] - b.positions[j], a.positions[i + 1] - b.positions[j + 1], a.positions[i + 2] - b.positions[j + 2]));
    }
    out.push(best);
  }
  return out;
}

const buf = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

describe('writers round-trip through parseMeshAsync', () => {
  const mesh = testMesh();

  it('OBJ keeps positions to the requested precision', async () => {
    const text = writeObj(mesh, { precision: 7 });
    expect(text.split('\n').filter((l) => l.startsWith('v ')).length).toBe(16);
    expectSame(mesh, await parseMeshAsync(buf(text), 'rt.obj'), 6);
    const coarse = await parseMeshAsync(buf(writeObj(mesh, { precision: 3 })), 'coarse.obj');
    // OBJ readers renumber vertices, so compare each vertex with its nearest original
    const err = nearestDistances(coarse, mesh);
    expect(Math.max(...err)).toBeLessThanOrEqual(0.0005 * Math.sqrt(3) + 1e-9);
    expect(Math.max(...err)).toBeGreaterThan(1e-5);
  });

  it('binary PLY is bit-exact', async () => {
    const bytes = writePlyBinary(mesh);
    const back = await parseMeshAsync(bytes, 'rt.ply');
    expect(Array.from(back.positions)).toEqual(Array.from(mesh.positions));
    expect(Array.from(back.indices)).toEqual(Array.from(mesh.indices));
  });

  it('binary STL is bit-exact after welding and its header does not start with "solid"', async () => {
    const bytes = writeStlBinary(mesh);
    expect(bytes.byteLength).toBe(84 + 50 * 24);
    expect(new TextDecoder().decode(new Uint8Array(bytes, 0, 5))).not.toBe('solid');
    expectSame(mesh, await parseMeshAsync(bytes, 'rt.stl'), 9);
    // stored normal of the first triangle is unit length and matches the winding
    const n = new Float32Array(bytes.slice(84, 96));
    expect(Math.hypot(n[0], n[1], n[2])).toBeCloseTo(1, 6);
    expect(n[2]).toBeCloseTo(-1, 6); // first box triangle faces -z
  });

  it('GLB is bit-exact, 4-byte aligned and carries float32 bounds', async () => {
    const bytes = writeGlb(mesh);
    expect(bytes.byteLength % 4).toBe(0);
    const dv = new DataView(bytes);
    expect(dv.getUint32(8, true)).toBe(bytes.byteLength);
    const jsonLen = dv.getUint32(12, true);
    const json = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 20, jsonLen)));
    expect(json.accessors[0].count).toBe(16);
    expect(json.accessors[0].max[0]).toBe(Math.max(...mesh.positions.filter((_, i) => i % 3 === 0)));
    const back = await parseMeshAsync(bytes, 'rt.glb');
    expect(Array.from(back.positions)).toEqual(Array.from(mesh.positions));
    expect(Array.from(back.indices)).toEqual(Array.from(mesh.indices));
  });
});
