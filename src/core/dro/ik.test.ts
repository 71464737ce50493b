import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinHand } from '../hands/builtin/builtinHands';
import type { KinematicTree } from '../hands/kinematicTree';
import type { HandConfig } from './handConfig';
import { solveIk } from './ik';

describe('weighted IK', () => {
  let tree: KinematicTree;
  let start: HandConfig;
  beforeAll(async () => {
    tree = (await loadBuiltinHand('shadowhand', { geometry: 'visual' })).kinematics;
    const joints = Object.fromEntries(tree.movable.map((ji) => [tree.joints[ji].name, 0.5 * (tree.joints[ji].lower + tree.joints[ji].upper)]));
    start = { root: { position: [0, 0, 0], quaternion: [0, 0, 0, 1] }, joints };
  });

  it('settles between two wishes for the same anchors at their weighted mean', () => {
    // Three anchors on the root link: one set wants it 1 cm along x (weight 1), the other 1 cm
    // along y (weight 3). Least squares puts it at (0.25, 0.75, 0) cm, unrotated.
    const root = tree.linkIndex.get(tree.rootLink)!;
    const anchors = [0, 0, 0, 0.05, 0, 0, 0, 0.05, 0];
    const local: number[] = [];
    const target: number[] = [];
    const weight: number[] = [];
    for (const [dx, dy, w] of [
      [0.01, 0, 1],
      [0, 0.01, 3],
    ]) {
      for (let k = 0; k < 3; k++) {
        local.push(anchors[3 * k], anchors[3 * k + 1], anchors[3 * k + 2]);
        target.push(anchors[3 * k] + dx, anchors[3 * k + 1] + dy, anchors[3 * k + 2]);
        weight.push(w);
      }
    }
    const targets = { link: new Int32Array(6).fill(root), local: Float64Array.from(local), target: Float64Array.from(target), weight: Float64Array.from(weight) };
    const r = solveIk(tree, targets, start, { snapRoot: false });
    expect(r.config.root.position[0]).toBeCloseTo(0.0025, 5);
    expect(r.config.root.position[1]).toBeCloseTo(0.0075, 5);
    expect(r.config.root.position[2]).toBeCloseTo(0, 5);
    expect(Math.abs(r.config.root.quaternion[3])).toBeCloseTo(1, 6);
    // Unweighted, the same wishes meet halfway.
    const even = solveIk(tree, { ...targets, weight: undefined }, start, { snapRoot: false });
    expect(even.config.root.position[0]).toBeCloseTo(0.005, 5);
    expect(even.config.root.position[1]).toBeCloseTo(0.005, 5);
  });
});
