import { PLYLoader } from 'three/examples/jsm/loaders/PLYLoader.js';
import { MeshParseError } from './meshParseError';
import { geometryToMesh } from './object3dToMesh';
import type { TriMesh } from './triMesh';

const SIZES: Record<string, number> = {
  char: 1,
  uchar: 1,
  int8: 1,
  uint8: 1,
  short: 2,
  ushort: 2,
  int16: 2,
  uint16: 2,
  int: 4,
  uint: 4,
  int32: 4,
  uint32: 4,
  float: 4,
  float32: 4,
  double: 8,
  float64: 8,
};

interface PlyProperty {
  name: string;
  type: string;
  /** set for list properties */
  countType?: string;
}

interface PlyElement {
  name: string;
  count: number;
  properties: PlyProperty[];
}

interface PlyHeader {
  format: 'ascii' | 'binary_little_endian' | 'binary_big_endian';
  elements: PlyElement[];
  /** byte offset of the first data byte */
  dataStart: number;
}

function latin1(u8: Uint8Array): string {
  let s = '';
  for (let i = 0; i < u8.length; i += 8192) {
    s += String.fromCharCode(...u8.subarray(i, Math.min(u8.length, i + 8192)));
  }
  return s;
}

function readHeader(u8: Uint8Array, fileName: string): PlyHeader {
  if (!/^ply\r?\n/.test(latin1(u8.subarray(0, 5)))) {
    throw new MeshParseError(fileName, 'not a PLY file (missing "ply" magic line)');
  }
  // Latin-1 keeps one char per byte, so string offsets are byte offsets into the body.
  const probe = latin1(u8.subarray(0, Math.min(u8.length, 64 * 1024)));
  const endMatch = /end_header[ \t]*\r?\n/.exec(probe);
  if (!endMatch) throw new MeshParseError(fileName, 'PLY header has no end_header line');
  const dataStart = endMatch.index + endMatch[0].length;
  const lines = probe.slice(0, endMatch.index).split(/\r?\n/);
  let format: PlyHeader['format'] | null = null;
  const elements: PlyElement[] = [];
  for (const raw of lines) {
    const tok = raw.trim().split(/\s+/);
    if (tok[0] === 'format') {
      if (tok[1] !== 'ascii' && tok[1] !== 'binary_little_endian' && tok[1] !== 'binary_big_endian') {
        throw new MeshParseError(fileName, `unknown PLY format "${tok[1]}"`);
      }
      format = tok[1];
    } else if (tok[0] === 'element') {
      const count = Number(tok[2]);
      if (!Number.isInteger(count) || count < 0) {
        throw new MeshParseError(fileName, `PLY element "${tok[1]}" has invalid count "${tok[2]}"`);
      }
      elements.push({ name: tok[1], count, properties: [] });
    } else if (tok[0] === 'property') {
      const el = elements[elements.length - 1];
      if (!el) throw new MeshParseError(fileName, 'PLY property before any element');
      const prop: PlyProperty = tok[1] === 'list' ? { name: tok[4], type: tok[3], countType: tok[2] } : { name: tok[2], type: tok[1] };
      for (const t of [prop.type, prop.countType]) {
        if (t !== undefined && !(t in SIZES)) {
          throw new MeshParseError(fileName, `PLY property "${prop.name}" has unknown type "${t}"`);
        }
      }
      el.properties.push(prop);
    }
  }
  if (!format) throw new MeshParseError(fileName, 'PLY header has no format line');
  const vertex = elements.find((e) => e.name === 'vertex');
  const names = new Set(vertex?.properties.map((p) => p.name));
  if (!vertex || !names.has('x') || !names.has('y') || !names.has('z')) {
    throw new MeshParseError(fileName, 'PLY has no vertex element with x, y, z');
  }
  return { format, elements, dataStart };
}

/** Walks the binary body without decoding values, so a short file is reported, not read past. */
function checkBinaryLength(bytes: ArrayBuffer, header: PlyHeader, fileName: string): void {
  const view = new DataView(bytes);
  const little = header.format === 'binary_little_endian';
  let at = header.dataStart;
  const total = bytes.byteLength;
  for (const el of header.elements) {
    const fixed = el.properties.every((p) => !p.countType);
    if (fixed) {
      const stride = el.properties.reduce((s, p) => s + SIZES[p.type], 0);
      const need = at + stride * el.count;
      if (need > total) {
        throw new MeshParseError(
          fileName,
          `binary PLY is truncated: element "${el.name}" declares ${el.count} items ` + `(${stride * el.count} bytes) but only ${Math.max(0, total - at)} bytes remain`,
        );
      }
      at = need;
      continue;
    }
    for (let i = 0; i < el.count; i++) {
      for (const p of el.properties) {
        if (!p.countType) {
          at += SIZES[p.type];
          continue;
        }
        const cs = SIZES[p.countType];
        if (at + cs > total) truncatedAt(el, i, fileName);
        const n = readCount(view, at, p.countType, little);
        at += cs + n * SIZES[p.type];
      }
      if (at > total) truncatedAt(el, i, fileName);
    }
  }
}

function truncatedAt(el: PlyElement, i: number, fileName: string): never {
  throw new MeshParseError(fileName, `binary PLY is truncated: element "${el.name}" declares ${el.count} items but data ends at item ${i}`);
}

function readCount(view: DataView, at: number, type: string, little: boolean): number {
  switch (SIZES[type]) {
    case 1:
      return type.startsWith('u') ? view.getUint8(at) : view.getInt8(at);
    case 2:
      return type.startsWith('u') ? view.getUint16(at, little) : view.getInt16(at, little);
    default:
      return type.startsWith('u') ? view.getUint32(at, little) : view.getInt32(at, little);
  }
}

function checkAsciiLength(u8: Uint8Array, header: PlyHeader, fileName: string): void {
  const body = new TextDecoder().decode(u8.subarray(header.dataStart));
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '').length;
  const need = header.elements.reduce((s, e) => s + e.count, 0);
  if (lines < need) {
    throw new MeshParseError(fileName, `ASCII PLY is truncated: header declares ${need} data lines but the body has ${lines}`);
  }
}

export function parsePly(bytes: ArrayBuffer, fileName: string): TriMesh {
  const u8 = new Uint8Array(bytes);
  const header = readHeader(u8, fileName);
  if (header.format === 'ascii') checkAsciiLength(u8, header, fileName);
  else checkBinaryLength(bytes, header, fileName);
  const face = header.elements.find((e) => e.name === 'face');
  if (!face || face.count === 0) {
    throw new MeshParseError(fileName, 'PLY has no faces (a point cloud, not a mesh)');
  }
  const geometry = new PLYLoader().parse(bytes);
  return geometryToMesh(geometry);
}
