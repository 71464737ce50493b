import { describe, expect, it } from 'vitest';
import { boxMesh } from './meshFixtures';
import { meshVolume } from './meshMeasures';
import { isClosedMesh } from './meshTopology';
import { MeshParseError, parseMesh, parseMeshAsync } from './parseMesh';
import { meshBounds, type TriMesh } from './triMesh';

const enc = new TextEncoder();
const text = (s: string): ArrayBuffer => enc.encode(s).buffer as ArrayBuffer;

function box(): TriMesh {
  return boxMesh(1, 2, 3);
}

// ---------- fixture builders (bytes written by hand, independent of writeMesh.ts) ----------

function objText(m: TriMesh, faceLines?: string[]): string {
  const v: string[] = [];
  for (let i = 0; i < m.positions.length; i += 3) v.push(`v ${m.positions[i]} ${m.positions[i + 1]} ${m.positions[i + 2]}`);
  const f = faceLines ?? [];
  if (!faceLines) for (let t = 0; t < m.indices.length; t += 3) f.push(`f ${m.indices[t] + 1} ${m.indices[t + 1] + 1} ${m.indices[t + 2] + 1}`);
  return `# test\no box\n${v.join('\n')}\n${f.join('\n')}\n`;
}

function asciiPly(m: TriMesh, faceCount = m.indices.length / 3): string {
  const lines = [
    'ply',
    'format ascii 1.0',
    `element vertex ${m.positions.length / 3}`,
    'property float x',
    'property float y',
    'property float z',
    `element face ${faceCount}`,
    'property list uchar int vertex_indices',
    'end_header',
  ];
  for (let i = 0; i < m.positions.length; i += 3) lines.push(`${m.positions[i]} ${m.positions[i + 1]} ${m.positions[i + 2]}`);
  for (let t = 0; t < m.indices.length; t += 3) lines.push(`3 ${m.indices[t]} ${m.indices[t + 1]} ${m.indices[t + 2]}`);
  return lines.join('\n') + '\n';
}

function binaryPly(m: TriMesh, declaredFaces = m.indices.length / 3): ArrayBuffer {
  const nv = m.positions.length / 3,
    nf = m.indices.length / 3;
  const header = enc.encode(
    `ply\nformat binary_little_endian 1.0\nelement vertex ${nv}\nproperty float x\nproperty float y\nproperty float z\nelement face ${declaredFaces}\nproperty list uchar int vertex_indices\nend_header\n`,
  );
  const buf = new ArrayBuffer(header.length + nv * 12 + nf * 13);
  new Uint8Array(buf).set(header);
  const dv = new DataView(buf);
  let at = header.length;
  for (const x of m.positions) {
    dv.setFloat32(at, x, true);
    at += 4;
  }
  for (let t = 0; t < m.indices.length; t += 3) {
    dv.setUint8(at++, 3);
    for (let k = 0; k < 3; k++) {
      dv.setInt32(at, m.indices[t + k], true);
      at += 4;
    }
  }
  return buf;
}

function binaryStl(m: TriMesh, header = 'test header'): ArrayBuffer {
  const nf = m.indices.length / 3;
  const buf = new ArrayBuffer(84 + 50 * nf);
  new Uint8Array(buf).set(enc.encode(header).subarray(0, 80));
  const dv = new DataView(buf);
  dv.setUint32(80, nf, true);
  let at = 84;
  for (let t = 0; t < m.indices.length; t += 3) {
    at += 12; // normal left zero: readers must not depend on it
    for (let k = 0; k < 3; k++)
      for (let c = 0; c < 3; c++) {
        dv.setFloat32(at, m.positions[3 * m.indices[t + k] + c], true);
        at += 4;
      }
    at += 2;
  }
  return buf;
}

function asciiStl(m: TriMesh): string {
  const out = ['solid box'];
  for (let t = 0; t < m.indices.length; t += 3) {
    out.push('facet normal 0 0 0', 'outer loop');
    for (let k = 0; k < 3; k++) {
      const o = 3 * m.indices[t + k];
      out.push(`vertex ${m.positions[o]} ${m.positions[o + 1]} ${m.positions[o + 2]}`);
    }
    out.push('endloop', 'endfacet');
  }
  out.push('endsolid box');
  return out.join('\n') + '\n';
}

function b64(u8: Uint8Array): string {
  return Buffer.from(u8).toString('base64');
}

/** Self-contained .gltf: the box mesh used by two nodes, one translated, one a scaled child. */
function gltfJson(m: TriMesh, opts: { uri?: string; indexCount?: number } = {}): string {
  const pos = new Uint8Array(m.positions.buffer.slice(0));
  const idx = new Uint8Array(m.indices.buffer.slice(0));
  const bin = new Uint8Array(pos.length + idx.length);
  bin.set(pos);
  bin.set(idx, pos.length);
  const b = meshBounds(m);
  return JSON.stringify({
    asset: { version: '2.0' },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [
      { mesh: 0, translation: [10, 0, 0], children: [1] },
      { mesh: 0, translation: [0, 10, 0], scale: [2, 2, 2] },
    ],
    meshes: [{ primitives: [{ attributes: { POSITION: 0 }, indices: 1 }] }],
    accessors: [
      { bufferView: 0, componentType: 5126, count: m.positions.length / 3, type: 'VEC3', min: b.min, max: b.max },
      { bufferView: 1, componentType: 5125, count: opts.indexCount ?? m.indices.length, type: 'SCALAR' },
    ],
    bufferViews: [
      { buffer: 0, byteOffset: 0, byteLength: pos.length },
      { buffer: 0, byteOffset: pos.length, byteLength: idx.length },
    ],
    buffers: [{ byteLength: bin.length, uri: opts.uri ?? `data:application/octet-stream;base64,${b64(bin)}` }],
  });
}

function glbFromGltf(json: string): ArrayBuffer {
  const parsed = JSON.parse(json);
  const bin = Buffer.from(parsed.buffers[0].uri.split(',')[1], 'base64');
  delete parsed.buffers[0].uri;
  const j = enc.encode(JSON.stringify(parsed));
  const jl = (j.length + 3) & ~3,
    bl = (bin.length + 3) & ~3;
  const out = new Uint8Array(12 + 8 + jl + 8 + bl);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0x46546c67, true);
  dv.setUint32(4, 2, true);
  dv.setUint32(8, out.length, true);
  dv.setUint32(12, jl, true);
  dv.setUint32(16, 0x4e4f534a, true);
  out.fill(0x20, 20, 20 + jl);
  out.set(j, 20);
  dv.setUint32(20 + jl, bl, true);
  dv.setUint32(24 + jl, 0x004e4942, true);
  out.set(bin, 28 + jl);
  return out.buffer;
}

function expectBox(m: TriMesh): void {
  expect(m.positions.length / 3).toBe(8);
  expect(m.indices.length).toBe(36);
  expect(isClosedMesh(m)).toBe(true);
  expect(meshVolume(m)).toBeCloseTo(6, 5);
}

async function rejects(bytes: ArrayBuffer, name: string, pattern: RegExp): Promise<void> {
  const err = await parseMeshAsync(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MeshParseError);
  expect((err as Error).message).toContain(name);
  expect((err as Error).message).toMatch(pattern);
}

// ---------- valid files ----------

describe('parseMesh: valid files', () => {
  it('OBJ with quads, groups and negative indices merges into one welded closed mesh', () => {
    const m = box();
    const quadObj = objText(m) + 'o second\nv 5 0 0\nv 6 0 0\nv 6 1 0\nv 5 1 0\nf -4 -3 -2 -1\n';
    const parsed = parseMesh(text(quadObj), 'Box.OBJ');
    expect(parsed.indices.length).toBe(36 + 6);
    expect(parsed.positions.length / 3).toBe(12);
    expectBox({ positions: parsed.positions.slice(0, 24), indices: parsed.indices.slice(0, 36) });
  });

  it('ASCII and binary PLY', () => {
    expectBox(parseMesh(text(asciiPly(box())), 'a.ply'));
    expectBox(parseMesh(binaryPly(box()), 'b.ply'));
  });

  it('binary STL (even with a "solid" header) and ASCII STL are welded to 8 vertices', () => {
    expectBox(parseMesh(binaryStl(box()), 'b.stl'));
    expectBox(parseMesh(binaryStl(box(), 'solid but actually binary'), 'c.stl'));
    expectBox(parseMesh(text(asciiStl(box())), 'a.STL'));
  });

  it('glTF JSON and GLB apply node transforms (translation, child scale) and merge both nodes', async () => {
    for (const [bytes, name] of [
      [text(gltfJson(box())), 'x.gltf'],
      [glbFromGltf(gltfJson(box())), 'x.glb'],
    ] as const) {
      const m = await parseMeshAsync(bytes, name);
      expect(m.indices.length).toBe(72);
      expect(meshVolume(m)).toBeCloseTo(6 + 6 * 8, 4);
      const bb = meshBounds(m);
      // child box: scale 2 about the parent's (10,0,0) + child translation (0,10,0)
      expect(bb.max[0]).toBeCloseTo(11, 5);
      expect(bb.max[1]).toBeCloseTo(12, 5);
      expect(bb.min[0]).toBeCloseTo(9, 5);
    }
  });

  it('sniffs content when the extension lies', async () => {
    expectBox(parseMesh(binaryPly(box()), 'mislabelled.stl'));
    expectBox(parseMesh(binaryStl(box()), 'mislabelled.obj'));
    const glb = await parseMeshAsync(glbFromGltf(gltfJson(box())), 'mislabelled.ply');
    expect(meshVolume(glb)).toBeCloseTo(6 + 6 * 8, 4);
    expectBox(parseMesh(text(asciiStl(box())), 'noext'));
  });

  it('sync parseMesh points glTF users at parseMeshAsync', () => {
    expect(() => parseMesh(glbFromGltf(gltfJson(box())), 'x.glb')).toThrow(/parseMeshAsync/);
  });
});

// ---------- broken files ----------

describe('parseMesh: broken files are rejected with MeshParseError', () => {
  it('empty and unrecognised files', async () => {
    for (const name of ['e.obj', 'e.ply', 'e.stl', 'e.glb', 'e.gltf']) await rejects(new ArrayBuffer(0), name, /empty/);
    await rejects(text('hello world'), 'x.xyz', /unrecognised mesh format/);
  });

  it('OBJ: garbage text, out-of-range index, malformed vertex, no faces', async () => {
    await rejects(text('lorem ipsum dolor\nsit amet\n'), 'g.obj', /not an OBJ file: 2 unrecognised lines/);
    await rejects(text(objText(box(), ['f 1 2 9'])), 'r.obj', /1 face indices are out of range.*line \d+: vertex index 9/);
    await rejects(text('v 0 0 zero\nv 1 0 0\nv 0 1 0\nf 1 2 3\n'), 'v.obj', /1 malformed vertex lines/);
    await rejects(text(objText(box(), [])), 'nf.obj', /no triangles/);
    await rejects(new Uint8Array([0, 1, 2, 3, 0, 0, 7]).buffer, 'bin.obj', /binary data/);
  });

  it('OBJ: NaN coordinates are counted', async () => {
    await rejects(text('v 0 0 0\nv nan 0 0\nv 0 1 0\nf 1 2 3\n'), 'n.obj', /1 vertices have NaN\/Infinity/);
  });

  it('PLY: truncated binary (vertices and faces), truncated ASCII, bad header, point cloud, bad index, NaN', async () => {
    const full = binaryPly(box());
    await rejects(full.slice(0, full.byteLength - 5), 't.ply', /binary PLY is truncated: element "face" declares 12 items but data ends at item 11/);
    await rejects(full.slice(0, 200), 't2.ply', /binary PLY is truncated: element "vertex" declares 8 items/);
    await rejects(binaryPly(box(), 40), 't3.ply', /truncated/);
    const ascii = asciiPly(box());
    await rejects(text(ascii.slice(0, ascii.length - 30)), 'ta.ply', /ASCII PLY is truncated: header declares 20 data lines but the body has 1\d\b/);
    await rejects(text('ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\n'), 'h.ply', /no end_header/);
    await rejects(text('ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\nproperty float z\nend_header\n0 0 0\n'), 'pc.ply', /no faces/);
    const bad = box();
    bad.indices[5] = 99;
    await rejects(binaryPly(bad), 'i.ply', /1 triangle indices are out of range \(mesh has 8 vertices\)/);
    const nan = box();
    nan.positions[0] = NaN;
    nan.positions[4] = Infinity;
    await rejects(binaryPly(nan), 'nan.ply', /2 vertices have NaN\/Infinity/);
  });

  it('STL: truncated binary, tiny file, truncated ASCII, ASCII with a missing vertex, zero triangles', async () => {
    const full = binaryStl(box());
    await rejects(full.slice(0, full.byteLength - 20), 't.stl', /binary STL is truncated: declares 12 triangles \(684 bytes\) but has 664/);
    await rejects(full.slice(0, 50), 'tiny.stl', /truncated/);
    const ascii = asciiStl(box());
    await rejects(text(ascii.slice(0, ascii.indexOf('endfacet', 500))), 'ta.stl', /ASCII STL is truncated or corrupt/);
    await rejects(text(ascii.replace(/vertex [^\n]*\n/, '')), 'mv.stl', /need 36 vertex lines, found 35/);
    await rejects(text('solid empty\nendsolid empty\n'), 'z.stl', /no triangles/);
  });

  it('GLB: truncated, bad version, corrupt chunk, accessor past the buffer', async () => {
    const glb = glbFromGltf(gltfJson(box()));
    await rejects(glb.slice(0, glb.byteLength - 10), 't.glb', /GLB is truncated: header declares \d+ bytes but the file has \d+/);
    await rejects(glb.slice(0, 8), 't2.glb', /GLB is truncated: 8 bytes/);
    const v1 = glb.slice(0);
    new DataView(v1).setUint32(4, 1, true);
    await rejects(v1, 'v.glb', /unsupported glTF version 1/);
    const badChunk = glb.slice(0);
    new DataView(badChunk).setUint32(12, 1e6, true);
    await rejects(badChunk, 'c.glb', /chunk at byte 12 declares 1000000 bytes/);
    await rejects(glbFromGltf(gltfJson(box(), { indexCount: 3600 })), 'a.glb', /accessors\.1 \(3600 × SCALAR\) needs 14400 bytes but bufferView 1 has 144/);
  });

  it('glTF JSON: malformed, not glTF, external buffer, out-of-range index', async () => {
    await rejects(text('{"asset": {"version": "2.0"'), 'm.gltf', /glTF JSON is malformed/);
    await rejects(text('{"foo": 1}'), 'n.gltf', /no "asset" property/);
    await rejects(text(gltfJson(box(), { uri: 'box.bin' })), 'e.gltf', /external file "box\.bin"/);
    const bad = box();
    bad.indices[0] = 1000;
    await rejects(text(gltfJson(bad)), 'i.gltf', /indices are out of range/);
  });
});
