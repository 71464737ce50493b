import { triangleNormal } from '../math/triangle';
import { meshBounds, type TriMesh } from './triMesh';

const encoder = new TextEncoder();

function formatNumber(v: number, precision: number): string {
  const s = v.toFixed(precision);
  // Trim trailing zeros to keep files small; "-0" would be noise.
  const t = s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  return t === '-0' ? '0' : t;
}

/** Wavefront OBJ text; precision = decimal places (default 6, i.e. micrometres for meters). */
export function writeObj(mesh: TriMesh, options: { precision?: number } = {}): string {
  const precision = options.precision ?? 6;
  const p = mesh.positions,
    idx = mesh.indices;
  const lines: string[] = [];
  for (let i = 0; i < p.length; i += 3) {
    lines.push(`v ${formatNumber(p[i], precision)} ${formatNumber(p[i + 1], precision)} ${formatNumber(p[i + 2], precision)}`);
  }
  for (let t = 0; t < idx.length; t += 3) lines.push(`f ${idx[t] + 1} ${idx[t + 1] + 1} ${idx[t + 2] + 1}`);
  return lines.join('\n') + '\n';
}

/** Binary little-endian PLY: float32 x y z per vertex, uchar count + uint32 indices per face. */
export function writePlyBinary(mesh: TriMesh): ArrayBuffer {
  const nv = mesh.positions.length / 3,
    nf = mesh.indices.length / 3;
  const header = encoder.encode(
    'ply\nformat binary_little_endian 1.0\ncomment written by HOI Studio\n' +
      `element vertex ${nv}\nproperty float x\nproperty float y\nproperty float z\n` +
      `element face ${nf}\nproperty list uchar uint vertex_indices\nend_header\n`,
  );
  const buf = new ArrayBuffer(header.length + nv * 12 + nf * 13);
  new Uint8Array(buf).set(header);
  const view = new DataView(buf);
  let at = header.length;
  for (let i = 0; i < mesh.positions.length; i++, at += 4) view.setFloat32(at, mesh.positions[i], true);
  for (let t = 0; t < mesh.indices.length; t += 3) {
    view.setUint8(at, 3);
    view.setUint32(at + 1, mesh.indices[t], true);
    view.setUint32(at + 5, mesh.indices[t + 1], true);
    view.setUint32(at + 9, mesh.indices[t + 2], true);
    at += 13;
  }
  return buf;
}

/** Binary STL (per-face normals computed from the winding). */
export function writeStlBinary(mesh: TriMesh): ArrayBuffer {
  const p = mesh.positions,
    idx = mesh.indices;
  const nf = idx.length / 3;
  const buf = new ArrayBuffer(84 + nf * 50);
  const u8 = new Uint8Array(buf);
  // The header must not start with "solid", or readers take it for ASCII STL.
  u8.set(encoder.encode('binary STL written by HOI Studio'));
  const view = new DataView(buf);
  view.setUint32(80, nf, true);
  let at = 84;
  const normal = new Float64Array(3);
  for (let t = 0; t < idx.length; t += 3) {
    const a = 3 * idx[t],
      b = 3 * idx[t + 1],
      c = 3 * idx[t + 2];
    triangleNormal(p, a, b, c, normal);
    for (const v of normal) {
      view.setFloat32(at, v, true);
      at += 4;
    }
    for (const o of [a, b, c]) {
      for (let k = 0; k < 3; k++) {
        view.setFloat32(at, p[o + k], true);
        at += 4;
      }
    }
    view.setUint16(at, 0, true);
    at += 2;
  }
  return buf;
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

/** Minimal glTF 2.0 binary: one node, one mesh, POSITION (float32) + uint32 indices. */
export function writeGlb(mesh: TriMesh): ArrayBuffer {
  const posBytes = mesh.positions.length * 4;
  const idxBytes = mesh.indices.length * 4;
  const binLength = posBytes + idxBytes;
  const b = meshBounds(mesh);
  // Positions are written as float32, so bounds must be float32 too or validators complain.
  const f32 = (v: number) => Math.fround(v);
  const json = {
    asset: { version: '2.0', generator: 'HOI Studio' },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0 }],
    meshes: [{ primitives: [{ attributes: { POSITION: 0 }, indices: 1, mode: 4 }] }],
    accessors: [
      {
        bufferView: 0,
        componentType: 5126,
        count: mesh.positions.length / 3,
        type: 'VEC3',
        min: mesh.positions.length ? b.min.map(f32) : [0, 0, 0],
        max: mesh.positions.length ? b.max.map(f32) : [0, 0, 0],
      },
      { bufferView: 1, componentType: 5125, count: mesh.indices.length, type: 'SCALAR' },
    ],
    bufferViews: [
      { buffer: 0, byteOffset: 0, byteLength: posBytes, target: 34962 },
      { buffer: 0, byteOffset: posBytes, byteLength: idxBytes, target: 34963 },
    ],
    buffers: [{ byteLength: binLength }],
  };
  const jsonBytes = encoder.encode(JSON.stringify(json));
  const jsonLen = pad4(jsonBytes.length);
  const binLen = pad4(binLength);
  const total = 12 + 8 + jsonLen + 8 + binLen;
  const buf = new ArrayBuffer(total);
  const u8 = new Uint8Array(buf);
  const view = new DataView(buf);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jsonLen, true);
  view.setUint32(16, 0x4e4f534a, true);
  u8.set(jsonBytes, 20);
  // JSON chunk padding must be spaces per the spec.
  u8.fill(0x20, 20 + jsonBytes.length, 20 + jsonLen);
  const binStart = 20 + jsonLen;
  view.setUint32(binStart, binLen, true);
  view.setUint32(binStart + 4, 0x004e4942, true);
  const data = binStart + 8;
  for (let i = 0; i < mesh.positions.length; i++) view.setFloat32(data + 4 * i, mesh.positions[i], true);
  for (let i = 0; i < mesh.indices.length; i++) view.setUint32(data + posBytes + 4 * i, mesh.indices[i], true);
  return buf;
}
