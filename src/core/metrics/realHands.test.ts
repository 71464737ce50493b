import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeIO } from '../dataset/nodeIO';
import { loadHandModel } from '../hands/handModel';
import { poseHand } from '../hands/poseHand';
import { edgeStats } from '../mesh/meshTopology';
import { prepareMesh } from './bvhCache';
import { computeGraspMetrics } from './computeGraspMetrics';
import { uvSphere } from './proceduralShapes';
import { makeMetricsRng } from './rng';

const handsDir = path.resolve(__dirname, '../../..', '../shared/assets/hands');
const urdf = path.join(handsDir, 'shadow_hand/shadow_hand_right.urdf');
const present = existsSync(urdf);
if (!present) console.log(`skipping real-hand metric tests: ${handsDir} not found`);

describe.skipIf(!present)('metrics on the real ShadowHand meshes', () => {
  it('the inside field agrees with per-point ray votes on every (possibly open) link mesh', async () => {
    const io = nodeIO();
    const model = await loadHandModel(readFileSync(urdf, 'utf8'), { urdfUrl: pathToFileURL(urdf).href, fetchBytes: io.fetchBytes, geometry: 'visual' });
    const seen = new Set<object>();
    let open = 0,
      disagree = 0,
      total = 0;
    for (const part of model.parts.visual!) {
      if (seen.has(part.mesh)) continue;
      seen.add(part.mesh);
      if (edgeStats(part.mesh).boundary > 0) open++;
      const p = prepareMesh(part.mesh, 1e9);
      const field = p.field(5);
      const rng = makeMetricsRng(seen.size);
      for (let i = 0; i < 400; i++) {
        const x = p.min[0] + (p.max[0] - p.min[0]) * rng(),
          y = p.min[1] + (p.max[1] - p.min[1]) * rng(),
          z = p.min[2] + (p.max[2] - p.min[2]) * rng();
        total++;
        if (field.isInside(x, y, z) !== p.voter.isInside(x, y, z, 5)) disagree++;
      }
    }
    console.log(`real ShadowHand: ${seen.size} distinct link meshes, ${open} with boundary edges; field vs votes disagree on ${disagree}/${total} points`);
    // The field only answers where its region votes were unanimous; elsewhere it defers to the votes.
    expect(disagree / total).toBeLessThan(0.01);
  });

  it('computes every metric for a posed real hand without errors', async () => {
    const io = nodeIO();
    const model = await loadHandModel(readFileSync(urdf, 'utf8'), { urdfUrl: pathToFileURL(urdf).href, fetchBytes: io.fetchBytes, geometry: 'visual' });
    const hand = poseHand(model, { position: [-0.01, 0, -0.38], quaternion: [0, 0, 0, 1] }, { FFJ3: 0.5, MFJ3: 0.5 }, 'visual');
    const r = computeGraspMetrics({ hand, object: uvSphere(0.04, 96, 48), overlay: true });
    expect(r.errors).toEqual([]);
    expect(r.overlay!.fingertips).toHaveLength(5);
    expect(r.disjoint_distance_cm!).toBeGreaterThanOrEqual(0);
    expect(r.contact_ratio_pct!).toBeGreaterThanOrEqual(0);
  });
});
