import { STLLoader } from 'three/examples/jsm/loaders/STLLoader.js';
import { MeshParseError } from './meshParseError';
import { geometryToMesh } from './object3dToMesh';
import type { TriMesh } from './triMesh';

const decoder = new TextDecoder();

function looksAsciiStl(u8: Uint8Array): boolean {
  const head = decoder.decode(u8.subarray(0, Math.min(u8.length, 1024)));
  if (!/^\s*(\uFEFF)?\s*solid/.test(head)) return false;
  // Binary STL headers may also start with "solid"; real ASCII files are printable text.
  for (let i = 0; i < Math.min(u8.length, 1024); i++) {
    const c = u8[i];
    if (c === 0 || c < 9 || (c > 13 && c < 32)) return false;
  }
  return true;
}

export function parseStl(bytes: ArrayBuffer, fileName: string): TriMesh {
  const u8 = new Uint8Array(bytes);
  if (looksAsciiStl(u8)) return parseAsciiStl(decoder.decode(u8), fileName);
  if (u8.length < 84) {
    throw new MeshParseError(fileName, `binary STL is truncated: ${u8.length} bytes, the header alone needs 84`);
  }
  const n = new DataView(bytes).getUint32(80, true);
  const need = 84 + n * 50;
  if (need > u8.length) {
    throw new MeshParseError(fileName, `binary STL is truncated: declares ${n} triangles (${need} bytes) but has ${u8.length} bytes`);
  }
  // Exact-length slice: three decides binary-vs-ASCII by length, and trailing bytes would confuse it.
  const exact = need === u8.length ? bytes : bytes.slice(0, need);
  const geometry = new STLLoader().parse(exact);
  return geometryToMesh(geometry);
}

function parseAsciiStl(text: string, fileName: string): TriMesh {
  const facets = (text.match(/\bfacet\s+normal\b/g) ?? []).length;
  const ends = (text.match(/\bendfacet\b/g) ?? []).length;
  if (facets !== ends) {
    throw new MeshParseError(fileName, `ASCII STL is truncated or corrupt: ${facets} "facet normal" lines but ${ends} "endfacet"`);
  }
  const vertices = (text.match(/\bvertex\b/g) ?? []).length;
  if (vertices !== 3 * facets) {
    throw new MeshParseError(fileName, `ASCII STL is corrupt: ${facets} facets need ${3 * facets} vertex lines, found ${vertices}`);
  }
  // three's ASCII path needs at least 84 bytes to rule out binary, so an empty solid stops here.
  if (facets === 0) return { positions: new Float32Array(0), indices: new Uint32Array(0) };
  const geometry = new STLLoader().parse(text);
  return geometryToMesh(geometry);
}
