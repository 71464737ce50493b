import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeObj } from '../core/mesh/writeMesh';
import { box, uvSphere } from '../core/metrics/proceduralShapes';
import { FORMAT_V1 } from '../core/dataset/schema';

/** A small dataset on disk (a ball, a brick, a shadow hand) with every kind of per-grasp problem; the caller removes the folder. */
export function makeCliTestDataset(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hoi-metrics-'));
  writeFileSync(path.join(dir, 'ball.obj'), writeObj(uvSphere(0.04, 48, 24)));
  writeFileSync(path.join(dir, 'ball_recon.obj'), writeObj(uvSphere(0.038, 32, 16)));
  writeFileSync(path.join(dir, 'brick.obj'), writeObj(box([-0.03, -0.02, -0.05], [0.03, 0.02, 0.05])));
  // The brick's negative-affordance region lives in a file; the ball's is inline (its bottom cap, towards the hand).
  writeFileSync(
    path.join(dir, 'brick_avoid.json'),
    JSON.stringify({
      points: [
        [0, 0, -0.05],
        [0.03, 0, -0.05],
      ],
      label: 'bottom face',
      source: 'manual',
    }),
  );
  const root = (z: number) => ({ position: [-0.01, 0, z], quaternion: [0, 0, 0, 1] });
  const grasps = [
    { id: 'g-ball-near', object: 'ball', hand: 'shadow', root: root(-0.38), joints: { FFJ3: 0.4 }, reconstruction: { mesh: 'ball_recon.obj' } },
    { id: 'g-ball-far', object: 'ball', hand: 'shadow', root: root(-0.5), joints: {} },
    { id: 'g-brick', object: 'brick', hand: 'shadow', root: root(-0.4), joints: { MFJ3: 0.8 }, objectScale: 1.5 },
    { id: 'g-missing-object', object: 'ghost', hand: 'shadow', root: root(-0.4), joints: {} },
    { id: 'g-missing-recon', object: 'ball', hand: 'shadow', root: root(-0.4), joints: {}, reconstruction: { mesh: 'nope.obj' } },
    { id: 'g-unknown-object', object: 'nothing', hand: 'shadow', root: root(-0.4), joints: {} },
    { id: 'g-unknown-joint', object: 'brick', hand: 'shadow', root: root(-0.4), joints: { NOT_A_JOINT: 1 } },
  ];
  const manifest = {
    format: FORMAT_V1,
    name: 'cli-test',
    hands: { shadow: { builtin: 'shadowhand' } },
    objects: {
      ball: {
        mesh: 'ball.obj',
        category: 'ball',
        avoid: {
          points: [
            [0, 0, -0.04],
            [0.01, 0, -0.039],
          ],
          label: 'bottom',
        },
      },
      brick: { mesh: 'brick.obj', category: 'box', avoid: { file: 'brick_avoid.json' } },
      ghost: { mesh: 'ghost.obj', category: 'x' },
    },
    grasps,
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
