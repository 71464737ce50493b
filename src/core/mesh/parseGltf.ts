import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { parseJson, readGlb, toGeometryOnlyGlb } from './gltfToGlb';
import { validateGltf } from './gltfSchema';
import { MeshParseError } from './meshParseError';
import { object3dToMesh } from './object3dToMesh';
import type { TriMesh } from './triMesh';

export async function parseGltf(bytes: ArrayBuffer, fileName: string, binary: boolean): Promise<TriMesh> {
  try {
    const parts = binary ? readGlb(bytes, fileName) : { json: parseJson(new TextDecoder().decode(bytes), fileName), bin: null };
    const json = validateGltf(parts.json, fileName);
    if (!json.scenes?.length) {
      // No scene list: the file is a library of nodes; show every root node, as viewers do.
      const nodes = json.nodes ?? [];
      if (nodes.length === 0) throw new MeshParseError(fileName, 'glTF has no scenes and no nodes: nothing to show');
      const child = new Set(nodes.flatMap((n) => n.children ?? []));
      json.scenes = [{ nodes: nodes.map((_, i) => i).filter((i) => !child.has(i)) }];
      json.scene = 0;
    }
    const glb = toGeometryOnlyGlb({ json, bin: parts.bin }, fileName);
    let scene;
    try {
      scene = (await new GLTFLoader().parseAsync(glb, '')).scene;
    } catch (e) {
      throw new MeshParseError(fileName, `glTF could not be read (${(e as Error)?.message ?? String(e)})`);
    }
    if (!scene) throw new MeshParseError(fileName, 'glTF scene could not be built');
    return object3dToMesh(scene);
  } catch (e) {
    if (e instanceof MeshParseError) throw e;
    throw new MeshParseError(fileName, `corrupt glTF data (${(e as Error)?.message ?? String(e)})`);
  }
}
