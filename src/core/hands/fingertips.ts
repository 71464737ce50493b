import type { KinematicTree } from './kinematicTree';

/** Fingertip frames of the two built-in hands; also recognised in user URDFs of the same robots. */
export const SHADOWHAND_FINGERTIPS = ['fftip', 'mftip', 'rftip', 'lftip', 'thtip'];
export const LEAPHAND_FINGERTIPS = ['index_tip_head', 'middle_tip_head', 'ring_tip_head', 'thumb_tip_head'];

const KNOWN_SETS = [SHADOWHAND_FINGERTIPS, LEAPHAND_FINGERTIPS];

/**
 * The requested tip links that exist (an error for each that does not); without a request, a
 * known hand's set when all of its links are present, else every leaf link of the tree.
 */
export function resolveFingertips(tree: KinematicTree, requested?: string[]): { tips: string[]; errors: string[] } {
  if (requested) {
    const tips = requested.filter((t) => tree.linkIndex.has(t));
    const errors = requested.filter((t) => !tree.linkIndex.has(t)).map((t) => `fingertip link '${t}' is not in the URDF`);
    return { tips, errors };
  }
  const known = KNOWN_SETS.find((set) => set.every((t) => tree.linkIndex.has(t)));
  if (known) return { tips: [...known], errors: [] };
  const parents = new Set(tree.joints.map((j) => j.parent));
  return { tips: tree.links.filter((l) => l !== tree.rootLink && !parents.has(l)), errors: [] };
}

/** The tip link itself when it has geometry, else its nearest ancestor that has some. */
export function geometryLinkFor(tree: KinematicTree, tip: string, withGeometry: Set<string>): string {
  let li = tree.linkIndex.get(tip);
  while (li !== undefined && li >= 0) {
    const name = tree.links[li];
    if (withGeometry.has(name)) return name;
    const ji = tree.parentJoint[li];
    li = ji >= 0 ? tree.joints[ji].parentIndex : -1;
  }
  return tip;
}
