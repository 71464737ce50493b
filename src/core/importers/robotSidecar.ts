import type { BuiltinHandId } from '../dataset/schema';
import type { Quat, RootPose, Vec3 } from '../hands/types';
import { asBuiltinHand, builtinJointNames, checkJointRecord } from './handJoints';
import { describeValue, isRecord, toNumber } from './lenientJson';

export interface RobotSidecar {
  hand: BuiltinHandId;
  root: RootPose;
  joints: Record<string, number>;
  category?: string;
  meta: Record<string, unknown>;
}

const KNOWN = new Set(['hand', 'root', 'joints', 'category']);

function vector(v: unknown, keys: readonly string[], what: string): number[] | string {
  const values = Array.isArray(v) ? v : isRecord(v) ? keys.map((k) => v[k]) : undefined;
  if (!values || values.length !== keys.length) return `${what} must be [${keys.join(', ')}] (found ${describeValue(v)})`;
  const nums = values.map(toNumber);
  const bad = nums.findIndex((x) => !Number.isFinite(x));
  return bad >= 0 ? `${what}.${keys[bad]} must be a finite number (found ${describeValue(values[bad])})` : nums;
}

/**
 * A grasp's robot sidecar: { "hand": "shadowhand"|"leaphand", "root": { "position": [x,y,z],
 * "quaternion": [x,y,z,w] }, "joints": { name: radians }, "category"? }. Anything else goes to meta.
 */
export function parseRobotSidecar(data: unknown): RobotSidecar | string {
  if (!isRecord(data)) return 'expected a JSON object { "hand", "root", "joints" }';
  const hand = asBuiltinHand(data.hand);
  if (!hand) return `"hand" must be "shadowhand" or "leaphand" (found ${describeValue(data.hand)})`;
  if (!isRecord(data.root)) return '"root" must be { "position": [x,y,z], "quaternion": [x,y,z,w] }';
  const position = vector(data.root.position, ['x', 'y', 'z'], 'root.position');
  if (typeof position === 'string') return position;
  const quaternion = vector(data.root.quaternion, ['x', 'y', 'z', 'w'], 'root.quaternion');
  if (typeof quaternion === 'string') return quaternion;
  const norm = Math.hypot(...quaternion);
  if (Math.abs(norm - 1) > 1e-3) return `root.quaternion [x,y,z,w] must have unit length (|q| = ${norm.toPrecision(4)})`;
  const { joints, problem } = checkJointRecord(data.joints ?? {}, builtinJointNames(hand));
  if (problem) return `${problem} (${hand} joints: ${builtinJointNames(hand).join(', ')})`;
  const meta = Object.fromEntries(Object.entries(data).filter(([k]) => !KNOWN.has(k)));
  return {
    hand,
    root: { position: position as Vec3, quaternion: quaternion.map((c) => c / norm) as Quat },
    joints,
    category: typeof data.category === 'string' && data.category ? data.category : undefined,
    meta,
  };
}
