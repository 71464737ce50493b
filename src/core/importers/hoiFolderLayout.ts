import { isMeshPath, splitPath } from './importFiles';

export type MeshRole = 'hand' | 'object';

const HAND_WORDS = new Set(['hand', 'hands', 'mano', 'rhand', 'lhand', 'righthand', 'lefthand', 'humanhand']);
const OBJECT_WORDS = new Set(['object', 'objects', 'obj', 'objmesh']);
/** Words that qualify a mesh without naming the grasp; dropped so 'a_right_hand' pairs with 'a_object'. */
const QUALIFIERS = new Set(['right', 'left', 'human', 'mesh', 'recon', 'reconstructed', 'reconstruction', 'pred', 'predicted', 'final', 'posed']);
/** Preferred when a grasp has one role in several formats. */
const EXT_RANK = ['obj', 'ply', 'glb', 'gltf', 'stl'];

export interface HoiGroup {
  /** the grasp's name: folder and/or file-name stem with the role words removed ('' at the top level) */
  key: string;
  hand?: string;
  object?: string;
  /** further meshes of the same role (other formats), not used */
  duplicates: string[];
}

/** Which role a mesh plays, from the words of its file name. */
export function meshRole(path: string): { role: MeshRole; key: string } | undefined {
  const { dir, stem } = splitPath(path);
  const words = stem.split(/[_\-.\s]+/).filter(Boolean);
  const lower = words.map((w) => w.toLowerCase());
  const isHand = lower.some((w) => HAND_WORDS.has(w));
  const isObject = lower.some((w) => OBJECT_WORDS.has(w));
  if (isHand === isObject) return undefined;
  const rest = words.filter((_, i) => !HAND_WORDS.has(lower[i]) && !OBJECT_WORDS.has(lower[i]) && !QUALIFIERS.has(lower[i]));
  const name = rest.join('_');
  return { role: isHand ? 'hand' : 'object', key: dir && name ? `${dir}/${name}` : dir || name };
}

/** Pairs hand and object meshes into grasps; meshes whose role cannot be told are returned apart. */
export function groupHoiMeshes(paths: readonly string[]): { groups: HoiGroup[]; unclassified: string[] } {
  const groups = new Map<string, HoiGroup>();
  const unclassified: string[] = [];
  const rank = (p: string) => EXT_RANK.indexOf(splitPath(p).ext);
  for (const path of paths) {
    if (!isMeshPath(path)) continue;
    const found = meshRole(path);
    if (!found) {
      unclassified.push(path);
      continue;
    }
    let g = groups.get(found.key);
    if (!g) groups.set(found.key, (g = { key: found.key, duplicates: [] }));
    const current = g[found.role];
    if (!current) g[found.role] = path;
    else if (rank(path) < rank(current)) {
      g.duplicates.push(current);
      g[found.role] = path;
    } else g.duplicates.push(path);
  }
  return { groups: [...groups.values()].sort((a, b) => a.key.localeCompare(b.key)), unclassified };
}

/** Where a grasp's robot sidecar may be, most specific first. */
export function sidecarCandidates(key: string): string[] {
  if (!key) return ['robot.json'];
  return [`${key}/robot.json`, `${key}.json`, `${key}_robot.json`, `${key}.robot.json`, `${key}-robot.json`];
}

/** Category from the folder above the grasp, else the grasp name without a trailing number. */
export function hoiCategory(key: string): string {
  const slash = key.lastIndexOf('/');
  if (slash > 0) return splitPath(key.slice(0, slash)).base;
  const stripped = key.replace(/[_\-\s]*\d+$/, '');
  return stripped || key || 'object';
}
