import { detectMeshFormat, type MeshFormat } from './detectMeshFormat';
import { MeshParseError } from './meshParseError';
import { parseGltf } from './parseGltf';
import { parseObj } from './parseObj';
import { parsePly } from './parsePly';
import { parseStl } from './parseStl';
import type { TriMesh } from './triMesh';
import { validateMesh } from './validateMesh';
import { weldVertices } from './weldVertices';

export { MeshParseError } from './meshParseError';
export type { MeshFormat } from './detectMeshFormat';

function formatOf(bytes: ArrayBuffer, fileName: string): MeshFormat {
  if (bytes.byteLength === 0) throw new MeshParseError(fileName, 'file is empty');
  const format = detectMeshFormat(bytes, fileName);
  if (!format) {
    throw new MeshParseError(fileName, 'unrecognised mesh format (expected .obj, .ply, .stl, .glb or .gltf)');
  }
  return format;
}

/** Wraps loader exceptions (RangeError on short buffers etc.) so every failure names the file. */
function guarded<T>(fileName: string, format: MeshFormat, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof MeshParseError) throw e;
    throw new MeshParseError(fileName, `corrupt ${format.toUpperCase()} data (${(e as Error)?.message ?? String(e)})`);
  }
}

function finish(raw: TriMesh, fileName: string): TriMesh {
  validateMesh(raw, fileName);
  return weldVertices(raw);
}

/**
 * Synchronous parse for OBJ, PLY and STL. glTF loading in three is asynchronous, so .glb/.gltf
 * throw here; use parseMeshAsync, which handles every format.
 * All meshes/groups in the file are merged; identical positions are welded.
 */
export function parseMesh(bytes: ArrayBuffer, fileName: string): TriMesh {
  const format = formatOf(bytes, fileName);
  if (format === 'glb' || format === 'gltf') {
    throw new MeshParseError(fileName, `${format} can only be parsed asynchronously; use parseMeshAsync`);
  }
  const raw = guarded(fileName, format, () => (format === 'obj' ? parseObj(bytes, fileName) : format === 'ply' ? parsePly(bytes, fileName) : parseStl(bytes, fileName)));
  return finish(raw, fileName);
}

/** Main entry point: every supported format, glTF node transforms applied. */
export async function parseMeshAsync(bytes: ArrayBuffer, fileName: string): Promise<TriMesh> {
  const format = formatOf(bytes, fileName);
  if (format !== 'glb' && format !== 'gltf') return parseMesh(bytes, fileName);
  const raw = await parseGltf(bytes, fileName, format === 'glb');
  return finish(raw, fileName);
}
