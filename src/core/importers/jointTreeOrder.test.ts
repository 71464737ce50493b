import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_HAND_URDF } from '../hands';
import { REAL_URDFS, realHandsAvailable } from '../hands/realHandAssets.testutil';
import { jointTreeOrder } from './jointTreeOrder';
import { LEAP_TREE_ORDER, SHADOW_TREE_ORDER } from './roundTrip.testutil';

const urdf = (body: string) => `<robot name="r">${body}</robot>`;
const joint = (name: string, type: string, parent: string, child: string, extra = '') =>
  `<joint name="${name}" type="${type}"><parent link="${parent}"/><child link="${child}"/>${extra}</joint>`;

describe('jointTreeOrder', () => {
  it('gives the built-in hands depth-first, children in document order', () => {
    expect(jointTreeOrder(BUILTIN_HAND_URDF('shadowhand'))).toEqual(SHADOW_TREE_ORDER);
    expect(jointTreeOrder(BUILTIN_HAND_URDF('leaphand'))).toEqual(LEAP_TREE_ORDER);
  });

  it('matches the real URDFs', () => {
    if (!realHandsAvailable('jointTreeOrder vs real URDFs')) return;
    expect(jointTreeOrder(fs.readFileSync(REAL_URDFS.shadowhand, 'utf8'))).toEqual(SHADOW_TREE_ORDER);
    expect(jointTreeOrder(fs.readFileSync(REAL_URDFS.leaphand, 'utf8'))).toEqual(LEAP_TREE_ORDER);
  });

  it('goes depth-first, skips fixed and mimic joints, and starts at the root whatever the document order', () => {
    const text = urdf(
      ['a', 'b', 'c', 'd', 'e', 'root'].map((l) => `<link name="${l}"/>`).join('') +
        joint('j_c', 'revolute', 'b', 'c') +
        joint('j_e', 'prismatic', 'root', 'e') +
        joint('j_b', 'continuous', 'a', 'b') +
        joint('j_a', 'fixed', 'root', 'a') +
        joint('j_d', 'revolute', 'b', 'd', '<mimic joint="j_c"/>'),
    );
    expect(jointTreeOrder(text)).toEqual(['j_e', 'j_b', 'j_c']);
  });

  it('names the file when the URDF has no single root', () => {
    const twoRoots = urdf('<link name="a"/><link name="b"/>');
    expect(() => jointTreeOrder(twoRoots, 'hands/x.urdf')).toThrow(/hands\/x\.urdf: expected one root link, found a, b/);
  });
});
