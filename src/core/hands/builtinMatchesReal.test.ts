import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_HAND_IDS, loadBuiltinHand } from './builtin/builtinHands';
import { loadHandModel } from './handModel';
import { linkTransforms } from './forwardKinematics';
import { resolveJointValues } from './jointValues';
import { fromPositionQuaternion } from '../math/mat4';
import { fingertipPositions } from './poseHand';
import { realHandsAvailable, REAL_URDFS } from './realHandAssets.testutil';
import type { Quat, RootPose } from './types';

const CONFIGS = 200;
const TOLERANCE_M = 0.001;

/** mulberry32: small seeded PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomRoot(r: () => number): RootPose {
  // uniform random rotation (Shoemake)
  const u1 = r(),
    u2 = r() * 2 * Math.PI,
    u3 = r() * 2 * Math.PI;
  const q: Quat = [Math.sqrt(1 - u1) * Math.sin(u2), Math.sqrt(1 - u1) * Math.cos(u2), Math.sqrt(u1) * Math.sin(u3), Math.sqrt(u1) * Math.cos(u3)];
  return { position: [r() - 0.5, r() - 0.5, r() - 0.5], quaternion: q };
}

const available = realHandsAvailable('built-in hands vs real URDFs');

describe.skipIf(!available)('built-in hands match the real URDF kinematics', () => {
  for (const id of BUILTIN_HAND_IDS) {
    it(`${id}: every fingertip within 1 mm of the real one over ${CONFIGS} random poses`, async () => {
      // Kinematics only: every mesh fetch fails, which must only add to model.errors.
      const real = await loadHandModel(fs.readFileSync(REAL_URDFS[id], 'utf8'), {
        urdfUrl: REAL_URDFS[id],
        fetchBytes: (url) => Promise.reject(new Error(`not loading ${url}`)),
      });
      expect(real.errors.length).toBeGreaterThan(0);
      const builtin = await loadBuiltinHand(id);

      expect(builtin.rootLink).toBe(real.rootLink);
      expect(builtin.joints).toEqual(expect.arrayContaining(real.joints));
      expect(builtin.joints).toHaveLength(real.joints.length);
      for (const tip of builtin.fingertips) expect(real.links).toContain(tip);
      const realWithTips = { ...real, fingertips: builtin.fingertips };

      const r = rng(id === 'shadowhand' ? 1234 : 5678);
      let maxTip = 0;
      let maxLink = 0;
      for (let c = 0; c < CONFIGS; c++) {
        const root = randomRoot(r);
        const joints: Record<string, number> = {};
        for (const j of real.joints) joints[j.name] = j.lower + r() * (j.upper - j.lower);
        const a = fingertipPositions(builtin, root, joints);
        const b = fingertipPositions(realWithTips, root, joints);
        for (const tip of builtin.fingertips) {
          maxTip = Math.max(maxTip, Math.hypot(a[tip][0] - b[tip][0], a[tip][1] - b[tip][1], a[tip][2] - b[tip][2]));
        }
        // every link frame, not just the tips
        const rootM = fromPositionQuaternion(root.position, root.quaternion);
        const la = linkTransforms(builtin.kinematics, rootM, resolveJointValues(builtin.kinematics, joints));
        const lb = linkTransforms(real.kinematics, rootM, resolveJointValues(real.kinematics, joints));
        for (const link of real.links) {
          const ma = la[builtin.kinematics.linkIndex.get(link)!],
            mb = lb[real.kinematics.linkIndex.get(link)!];
          for (let k = 0; k < 16; k++) maxLink = Math.max(maxLink, Math.abs(ma[k] - mb[k]));
        }
      }
      console.log(`${id}: max fingertip error ${(maxTip * 1000).toExponential(3)} mm, max link-matrix entry error ${maxLink.toExponential(3)} over ${CONFIGS} poses`);
      expect(maxTip).toBeLessThan(TOLERANCE_M);
      expect(maxLink).toBeLessThan(1e-6);
    });
  }
});
