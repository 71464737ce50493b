import { DOMParser as XmlDomParser, Node as XmlNode } from '@xmldom/xmldom';
import { ColladaLoader } from 'three/examples/jsm/loaders/ColladaLoader.js';
import { object3dToMesh } from '../mesh/object3dToMesh';
import type { TriMesh } from '../mesh/triMesh';
import { weldVertices } from '../mesh/weldVertices';
import { withGlobals } from './domGlobals';

/**
 * Parses a COLLADA (.dae) file into one mesh in the file's own axes (as urdf-loader does: the
 * loader's Z-up rotation is dropped, its unit scale kept). Without a browser DOM, xmldom stands
 * in for DOMParser while three's ColladaParser runs.
 */
export function colladaToMesh(bytes: ArrayBuffer, fileName: string): TriMesh {
  const text = new TextDecoder().decode(bytes);
  const g = globalThis as Record<string, unknown>;
  const needDom = typeof g.DOMParser !== 'function';
  const parse = () => new ColladaLoader().parse(text, '');
  let result: ReturnType<ColladaLoader['parse']>;
  try {
    result = needDom ? withGlobals({ DOMParser: XmlDomParser, Node: XmlNode }, parse) : parse();
  } catch (e) {
    throw new Error(`${fileName}: could not parse COLLADA (${(e as Error).message})`, { cause: e });
  }
  if (!result?.scene) throw new Error(`${fileName}: could not parse COLLADA (no <COLLADA> root)`);
  const scene = result.scene;
  scene.position.set(0, 0, 0);
  scene.quaternion.identity();
  const mesh = weldVertices(object3dToMesh(scene));
  if (mesh.indices.length === 0) throw new Error(`${fileName}: COLLADA file has no triangles`);
  return mesh;
}
