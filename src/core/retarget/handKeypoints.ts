import type { TriMesh } from '../mesh/triMesh';
import type { Vec3 } from '../hands/types';

/**
 * The 21 hand keypoints in the OpenPose / FreiHAND order: the wrist, then thumb, index, middle,
 * ring and little finger, four each from base to tip (thumb: CMC, MCP, IP, tip; fingers: MCP,
 * PIP, DIP, tip). A keypoint the source cannot give is null.
 */
export const KEYPOINT_NAMES = [
  'wrist',
  ...['thumb', 'index', 'middle', 'ring', 'little'].flatMap((f) => (f === 'thumb' ? ['cmc', 'mcp', 'ip', 'tip'] : ['mcp', 'pip', 'dip', 'tip']).map((j) => `${f}_${j}`)),
] as const;
export const FINGERS = ['thumb', 'index', 'middle', 'ring', 'little'] as const;
export type Finger = (typeof FINGERS)[number];
export type Keypoints = (Vec3 | null)[];

/** Index of a finger's tip keypoint. */
export const tipIndex = (f: Finger) => 4 + 4 * FINGERS.indexOf(f);
export const isTip = (k: number) => k > 0 && k % 4 === 0;

/** MANO has 778 vertices in a fixed order; every MANO hand mesh shares it. */
export const MANO_VERTEX_COUNT = 778;

/**
 * Fingertip vertices of the right MANO hand: the ones manopth's ManoLayer appends as tip joints
 * (`th_verts[:, [745, 317, 444, 556, 673]]`, thumb, index, middle, ring, little).
 */
export const MANO_TIP_VERTICES: Record<Finger, number> = { thumb: 745, index: 317, middle: 444, ring: 556, little: 673 };

/**
 * The rim of MANO's open wrist (the vertices the faces closing the wrist hole use in manopth /
 * obman code): their mean stands for the wrist keypoint. The finger joints themselves come from
 * MANO's joint regressor, which is part of the (licensed) model and not in the mesh, so a MANO
 * mesh gives the wrist and the five fingertips only; the retargeting objective weights the
 * fingertips most anyway.
 */
export const MANO_WRIST_RIM_VERTICES = [92, 38, 234, 239, 122, 279, 118, 215, 117, 214, 119, 121, 120, 78, 108, 79];

/** Keypoints of a MANO mesh (778 vertices): wrist and fingertips; the rest null. */
export function manoMeshKeypoints(mesh: TriMesh, label = 'MANO mesh'): Keypoints {
  const n = mesh.positions.length / 3;
  if (n !== MANO_VERTEX_COUNT) {
    throw new Error(`${label}: a MANO hand mesh has ${MANO_VERTEX_COUNT} vertices in MANO's order; this one has ${n} (give the 21 keypoints instead)`);
  }
  const p = mesh.positions;
  const at = (v: number): Vec3 => [p[3 * v], p[3 * v + 1], p[3 * v + 2]];
  const out: Keypoints = new Array(21).fill(null);
  const w: Vec3 = [0, 0, 0];
  for (const v of MANO_WRIST_RIM_VERTICES) for (let k = 0; k < 3; k++) w[k] += p[3 * v + k] / MANO_WRIST_RIM_VERTICES.length;
  out[0] = w;
  for (const f of FINGERS) out[tipIndex(f)] = at(MANO_TIP_VERTICES[f]);
  return out;
}

/** Keypoints as given in a manifest, checked: 21 finite points. */
export function checkKeypoints(points: unknown, label = 'keypoints'): Keypoints {
  if (!Array.isArray(points) || points.length !== 21) throw new Error(`${label}: expected 21 keypoints, found ${Array.isArray(points) ? points.length : typeof points}`);
  return points.map((p, i) => {
    if (p === null) return null;
    if (!Array.isArray(p) || p.length !== 3 || !p.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw new Error(`${label}: keypoint ${i} (${KEYPOINT_NAMES[i]}) is not three finite numbers`);
    }
    return [p[0], p[1], p[2]] as Vec3;
  });
}
