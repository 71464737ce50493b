import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { parseJson, readGlb, toGeometryOnlyGlb } from './gltfToGlb';
import { MeshParseError } from './meshParseError';
import { object3dToMesh } from './object3dToMesh';
import type { TriMesh } from './triMesh';

export async function parseGltf(bytes: ArrayBuffer, fileName: string, binary: boolean): Promise<TriMesh> {
  const parts = binary
    ? readGlb(bytes, fileName)
    : { json: parseJson(new TextDecoder().decode(bytes), fileName), bin: null };
  const glb = toGeometryOnlyGlb(parts, fileName);
  let scene;
  try {
    scene = (await new GLTFLoader().parseAsync(glb, '')).scene;
  } catch (e) {
    throw new MeshParseError(fileName, `glTF could not be read (${(e as Error)?.message ?? String(e)})`);
  }
  return object3dToMesh(scene);
}
