import { OBJLoader } from 'three/examples/jsm/loaders/OBJLoader.js';
import { MeshParseError } from './meshParseError';
import { object3dToMesh } from './object3dToMesh';
import type { TriMesh } from './triMesh';

const KNOWN =
  /^(v|vn|vt|vp|f|l|p|o|g|s|usemtl|mtllib|usemap|cstype|deg|curv|curv2|surf|parm|trim|hole|scrv|sp|end|con|mg|bevel|c_interp|d_interp|lod|shadow_obj|trace_obj|ctech|stech)$/;

const NON_FINITE = /^[-+]?(nan|inf|infinity)$/i;

/**
 * Polygons are fanned into triangles; real exports rarely exceed a few dozen corners, while a
 * face line of 200,000 indices is a broken or hostile file that would take seconds to fan out.
 * Documented in docs/dataset-format.md.
 */
export const MAX_OBJ_FACE_VERTICES = 1024;

/**
 * three's OBJLoader resolves face indices straight into positions, so an index past the vertex
 * list silently becomes NaN; checking here gives the real reason. Unknown lines are dropped
 * before parsing so three does not warn once per line.
 */
function precheck(text: string, fileName: string): string {
  if (text.includes('\u0000')) throw new MeshParseError(fileName, 'OBJ contains binary data (not a text OBJ)');
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  let vertices = 0,
    faces = 0,
    unknown = 0,
    badIndex = 0,
    badVertex = 0;
  let firstBad = '';
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li].trim();
    if (line === '' || line.startsWith('#')) continue;
    const tok = line.split(/\s+/);
    if (!KNOWN.test(tok[0])) {
      unknown++;
      continue;
    }
    if (tok[0] === 'v') {
      vertices++;
      // nan/inf spelled out are numbers to three and get reported as non-finite later.
      if (tok.length < 4 || tok.slice(1, 4).some((t) => Number.isNaN(Number(t)) && !NON_FINITE.test(t))) {
        badVertex++;
        if (!firstBad) firstBad = `line ${li + 1}: "${line.slice(0, 60)}"`;
      }
    } else if (tok[0] === 'f') {
      if (tok.length - 1 > MAX_OBJ_FACE_VERTICES) {
        throw new MeshParseError(
          fileName,
          `line ${li + 1}: face with ${(tok.length - 1).toLocaleString('en-US')} vertices (limit ${MAX_OBJ_FACE_VERTICES.toLocaleString('en-US')})`,
        );
      }
      if (tok.length < 4) {
        badIndex++;
        if (!firstBad) firstBad = `line ${li + 1}: face with fewer than 3 vertices`;
      }
      faces++;
      for (let k = 1; k < tok.length; k++) {
        const raw = Number(tok[k].split('/')[0]);
        const resolved = raw < 0 ? vertices + raw : raw - 1;
        if (!Number.isInteger(raw) || raw === 0 || resolved < 0 || resolved >= vertices) {
          badIndex++;
          if (!firstBad) firstBad = `line ${li + 1}: vertex index ${tok[k]} (only ${vertices} vertices so far)`;
        }
      }
    }
    kept.push(line);
  }
  if (vertices === 0 && faces === 0) {
    throw new MeshParseError(fileName, unknown > 0 ? `not an OBJ file: ${unknown} unrecognised lines and no vertices or faces` : 'OBJ is empty');
  }
  if (badVertex > 0) throw new MeshParseError(fileName, `${badVertex} malformed vertex lines (first at ${firstBad})`);
  if (badIndex > 0) throw new MeshParseError(fileName, `${badIndex} face indices are out of range or malformed (first at ${firstBad})`);
  return kept.join('\n');
}

export function parseObj(bytes: ArrayBuffer, fileName: string): TriMesh {
  const text = precheck(new TextDecoder().decode(bytes), fileName);
  return object3dToMesh(new OBJLoader().parse(text));
}
