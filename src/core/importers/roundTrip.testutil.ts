import { builtinHandJoints, loadBuiltinHand, poseHand, type HandModel } from '../hands';
import type { BuiltinHandId } from '../dataset/schema';
import type { Quat, RootPose } from '../hands/types';

/** Test helpers: seeded poses of the built-in hands and fingertip comparison. */
export type Rng = () => number;

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const models = new Map<BuiltinHandId, Promise<HandModel>>();
export function model(hand: BuiltinHandId): Promise<HandModel> {
  if (!models.has(hand)) models.set(hand, loadBuiltinHand(hand, { geometry: 'visual' }));
  return models.get(hand)!;
}

/** Joint values strictly inside the limits (so nothing is clamped), except `fixed` ones. */
export function randomJoints(hand: BuiltinHandId, rng: Rng, fixed: Record<string, number> = {}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const j of builtinHandJoints(hand)) out[j.name] = j.name in fixed ? fixed[j.name] : j.lower + (0.05 + 0.9 * rng()) * (j.upper - j.lower);
  return out;
}

export function randomRoot(rng: Rng): RootPose {
  const u = [rng(), rng(), rng()];
  // Uniform random rotation (Shoemake).
  const q: Quat = [
    Math.sqrt(1 - u[0]) * Math.sin(2 * Math.PI * u[1]),
    Math.sqrt(1 - u[0]) * Math.cos(2 * Math.PI * u[1]),
    Math.sqrt(u[0]) * Math.sin(2 * Math.PI * u[2]),
    Math.sqrt(u[0]) * Math.cos(2 * Math.PI * u[2]),
  ];
  return { position: [rng() * 0.4 - 0.2, rng() * 0.4 - 0.2, rng() * 0.4 - 0.2], quaternion: q };
}

/** Largest distance between corresponding fingertips of two poses of the same hand. */
export async function fingertipGap(
  hand: BuiltinHandId,
  a: { root: RootPose; joints: Record<string, number> },
  b: { root: RootPose; joints: Record<string, number> },
): Promise<number> {
  const m = await model(hand);
  const ta = poseHand(m, a.root, a.joints).fingertips;
  const tb = poseHand(m, b.root, b.joints).fingertips;
  return Math.max(...ta.map((t, i) => Math.hypot(...t.position.map((c, k) => c - tb[i].position[k]))));
}

// Depth-first order from the real URDFs (read by hand from dex-urdf): LEAP's joint "1" (palm ->
// mcp) is the parent of "0", so a document-order list (0, 1, 2, …) would be wrong.
export const SHADOW_TREE_ORDER = [
  'WRJ2',
  'WRJ1',
  'FFJ4',
  'FFJ3',
  'FFJ2',
  'FFJ1',
  'MFJ4',
  'MFJ3',
  'MFJ2',
  'MFJ1',
  'RFJ4',
  'RFJ3',
  'RFJ2',
  'RFJ1',
  'LFJ5',
  'LFJ4',
  'LFJ3',
  'LFJ2',
  'LFJ1',
  'THJ5',
  'THJ4',
  'THJ3',
  'THJ2',
  'THJ1',
];
export const LEAP_TREE_ORDER = ['1', '0', '2', '3', '5', '4', '6', '7', '9', '8', '10', '11', '12', '13', '14', '15'];
