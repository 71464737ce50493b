import type { HandModel } from '../hands/handModel';
import { bindRobotPoints, type RobotPointSet } from './robotPoints';
import { sampleRobotPoints } from './robotPointSampling';

/** Dense enough that a 1 cm handle cannot pass between neighbouring points of a finger link. */
const TOTAL = 4096;
const PER_LINK = 512;
const SEED = 11;

const cache = new WeakMap<HandModel, RobotPointSet>();

/**
 * The points contact refinement checks against the object: farthest-point samples over the
 * hand's own link geometry, built once per loaded hand. The model's robot points (typically
 * 128-512) are too sparse for this; they are the fallback for a hand loaded without geometry.
 */
export function refinePointsFor(hand: HandModel, fallback: RobotPointSet): RobotPointSet {
  let set = cache.get(hand);
  if (!set) {
    const sampled = sampleRobotPoints(hand, { total: TOTAL, perLink: PER_LINK, seed: SEED });
    if (!sampled.links.length) return fallback;
    set = bindRobotPoints(hand.kinematics, { robotPoints: sampled });
    cache.set(hand, set);
  }
  return set;
}
