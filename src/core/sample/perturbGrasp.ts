import { Vector3 } from 'three';
import type { Rng } from '../rng';
import type { SynthesisContext, SynthesizedGrasp } from './graspSynthesis';
import type { V3 } from '../math/principalAxes';

/**
 * The mix of qualities in the sample, by grasp index: about 40% good, 30% penetrating and 30%
 * with fingers in the air, roughly what web reconstructions look like before filtering.
 */
export const QUALITY_PLAN = ['good', 'penetration', 'air', 'good', 'finger_penetration', 'open_fingers', 'good', 'penetration', 'air', 'good'] as const;
export type Quality = (typeof QUALITY_PLAN)[number];

const mm = (x: number) => `${(x * 1000).toFixed(1)} mm`;

export function perturbGrasp(ctx: SynthesisContext, g: SynthesizedGrasp, quality: Quality, approach: V3, rng: Rng): { grasp: SynthesizedGrasp; detail: string } {
  const a = new Vector3(...approach).normalize();
  const joints = { ...g.joints };
  const limit = (name: string, v: number) => {
    const j = ctx.model.joints.find((x) => x.name === name);
    return j ? Math.min(j.upper, Math.max(j.lower, v)) : v;
  };
  const shift = (d: number) => {
    const p = new Vector3(...g.root.position).addScaledVector(a, d);
    return { ...g.root, position: [p.x, p.y, p.z] as V3 };
  };
  switch (quality) {
    case 'good': {
      for (const k of Object.keys(joints)) joints[k] = limit(k, joints[k] + (rng.next() - 0.5) * 0.04);
      return { grasp: { ...g, joints }, detail: 'closed until contact, joint noise ±0.02 rad' };
    }
    case 'penetration': {
      const d = 0.008 + rng.next() * 0.014;
      return { grasp: { ...g, root: shift(d) }, detail: `hand pushed ${mm(d)} into the object` };
    }
    case 'air': {
      const d = 0.02 + rng.next() * 0.03;
      return { grasp: { ...g, root: shift(-d) }, detail: `hand pulled ${mm(d)} away from the object` };
    }
    case 'finger_penetration': {
      const extra = 0.25 + rng.next() * 0.3;
      for (const f of ctx.fingers) for (const k of Object.keys(f.closed)) if (k in joints) joints[k] = limit(k, joints[k] + Math.sign(f.closed[k]) * extra);
      return { grasp: { ...g, joints }, detail: `fingers closed ${extra.toFixed(2)} rad past contact` };
    }
    case 'open_fingers': {
      const keep = 0.2 + rng.next() * 0.3;
      for (const k of Object.keys(joints)) joints[k] = limit(k, joints[k] * keep);
      const d = 0.005 + rng.next() * 0.01;
      return { grasp: { ...g, joints, root: shift(-d) }, detail: `fingers opened to ${(keep * 100).toFixed(0)}% of contact, hand ${mm(d)} back` };
    }
  }
}
