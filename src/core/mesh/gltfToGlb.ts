import { MeshParseError } from './meshParseError';

const GLB_MAGIC = 0x46546c67; // 'glTF'
const CHUNK_JSON = 0x4e4f534a;
const CHUNK_BIN = 0x004e4942;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- arbitrary glTF JSON, walked by the key paths the glTF spec names; each value is checked where it is read
type GltfJson = Record<string, any>;

interface GlbParts {
  json: GltfJson;
  bin: Uint8Array | null;
}

/** Splits a GLB container, checking lengths so truncation reads as truncation rather than a RangeError. */
export function readGlb(bytes: ArrayBuffer, fileName: string): GlbParts {
  if (bytes.byteLength < 12) throw new MeshParseError(fileName, `GLB is truncated: ${bytes.byteLength} bytes, header needs 12`);
  const view = new DataView(bytes);
  if (view.getUint32(0, true) !== GLB_MAGIC) throw new MeshParseError(fileName, 'not a GLB file (missing glTF magic)');
  const version = view.getUint32(4, true);
  if (version !== 2) throw new MeshParseError(fileName, `unsupported glTF version ${version} (only 2 is supported)`);
  const declared = view.getUint32(8, true);
  if (declared > bytes.byteLength) {
    throw new MeshParseError(fileName, `GLB is truncated: header declares ${declared} bytes but the file has ${bytes.byteLength}`);
  }
  let at = 12;
  let json: GltfJson | null = null;
  let bin: Uint8Array | null = null;
  while (at < declared) {
    if (at + 8 > declared) throw new MeshParseError(fileName, `GLB is corrupt: incomplete chunk header at byte ${at}`);
    const len = view.getUint32(at, true);
    const type = view.getUint32(at + 4, true);
    if (at + 8 + len > declared) {
      throw new MeshParseError(fileName, `GLB is truncated: chunk at byte ${at} declares ${len} bytes past the end of the data`);
    }
    const body = new Uint8Array(bytes, at + 8, len);
    if (json === null) {
      if (type !== CHUNK_JSON) throw new MeshParseError(fileName, 'GLB is corrupt: first chunk is not JSON');
      json = parseJson(new TextDecoder().decode(body), fileName);
    } else if (type === CHUNK_BIN && bin === null) {
      bin = body;
    }
    at += 8 + len;
  }
  if (!json) throw new MeshParseError(fileName, 'GLB has no JSON chunk');
  return { json, bin };
}

export function parseJson(text: string, fileName: string): GltfJson {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new MeshParseError(fileName, `glTF JSON is malformed (${(e as Error).message})`);
  }
  if (!json || typeof json !== 'object' || !(json as GltfJson).asset) {
    throw new MeshParseError(fileName, 'glTF JSON has no "asset" property (not a glTF file)');
  }
  return json as GltfJson;
}

function decodeDataUri(uri: string, fileName: string): Uint8Array {
  const m = /^data:[^,]*?(;base64)?,(.*)$/s.exec(uri);
  if (!m) throw new MeshParseError(fileName, 'glTF buffer has a malformed data: URI');
  if (!m[1]) return new TextEncoder().encode(decodeURIComponent(m[2]));
  const bin = atob(m[2]);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Rewrites any glTF into a single-buffer GLB without materials or images, so three's loader
 * never touches FileLoader (needs ProgressEvent, absent in Node) or image decoders (need DOM):
 * data: URI buffers are decoded here, and external files are refused since there is nothing
 * to resolve them against.
 */
export function toGeometryOnlyGlb(parts: GlbParts, fileName: string): ArrayBuffer {
  const json = structuredClone(parts.json) as GltfJson;
  const buffers: GltfJson[] = json.buffers ?? [];
  const blobs: Uint8Array[] = buffers.map((b, i) => {
    if (b.uri === undefined) {
      if (i !== 0 || !parts.bin) throw new MeshParseError(fileName, `glTF buffer ${i} has no uri and no GLB BIN chunk`);
      return parts.bin;
    }
    if (typeof b.uri !== 'string' || !b.uri.startsWith('data:')) {
      throw new MeshParseError(fileName, `glTF references external file "${b.uri}"; load a .glb or a .gltf with embedded (data: URI) buffers`);
    }
    return decodeDataUri(b.uri, fileName);
  });
  const offsets: number[] = [];
  let total = 0;
  for (const blob of blobs) {
    offsets.push(total);
    total = (total + blob.length + 3) & ~3;
  }
  const bin = new Uint8Array(total);
  blobs.forEach((blob, i) => bin.set(blob, offsets[i]));
  for (const view of json.bufferViews ?? []) {
    const bi = view.buffer;
    if (!Number.isInteger(bi) || bi < 0 || bi >= blobs.length) {
      throw new MeshParseError(fileName, `glTF bufferView refers to missing buffer ${bi}`);
    }
    const start = view.byteOffset ?? 0;
    if (start + view.byteLength > blobs[bi].length) {
      throw new MeshParseError(fileName, `glTF bufferView (${start}+${view.byteLength} bytes) runs past buffer ${bi} (${blobs[bi].length} bytes); data truncated?`);
    }
    view.byteOffset = start + offsets[bi];
    view.buffer = 0;
  }
  json.buffers = total > 0 ? [{ byteLength: total }] : [];
  // Geometry is all we keep; textures would need image decoding that Node and some workers lack.
  delete json.materials;
  delete json.textures;
  delete json.images;
  delete json.samplers;
  for (const mesh of json.meshes ?? []) for (const prim of mesh.primitives ?? []) delete prim.material;
  return buildGlb(json, bin);
}

function buildGlb(json: GltfJson, bin: Uint8Array): ArrayBuffer {
  const jsonBytes = new TextEncoder().encode(JSON.stringify(json));
  const jl = (jsonBytes.length + 3) & ~3;
  const hasBin = bin.length > 0;
  const total = 12 + 8 + jl + (hasBin ? 8 + bin.length : 0);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, GLB_MAGIC, true);
  dv.setUint32(4, 2, true);
  dv.setUint32(8, total, true);
  dv.setUint32(12, jl, true);
  dv.setUint32(16, CHUNK_JSON, true);
  out.fill(0x20, 20, 20 + jl);
  out.set(jsonBytes, 20);
  if (hasBin) {
    dv.setUint32(20 + jl, bin.length, true);
    dv.setUint32(24 + jl, CHUNK_BIN, true);
    out.set(bin, 28 + jl);
  }
  return out.buffer;
}
