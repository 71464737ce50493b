import { builtinHandJoints } from '../hands';
import type { BuiltinHandId } from '../dataset/schema';
import { describeValue, isRecord, toNumber } from './lenientJson';

const HAND_ALIASES: Record<string, BuiltinHandId> = {
  shadow: 'shadowhand',
  shadowhand: 'shadowhand',
  leap: 'leaphand',
  leaphand: 'leaphand',
};

/** 'shadowhand', 'ShadowHand', 'shadow_hand', 'leap' ... -> the built-in hand id. */
export function asBuiltinHand(v: unknown): BuiltinHandId | undefined {
  return typeof v === 'string' ? HAND_ALIASES[v.toLowerCase().replace(/[\s_-]/g, '')] : undefined;
}

export function builtinJointNames(hand: BuiltinHandId): string[] {
  return builtinHandJoints(hand).map((j) => j.name);
}

/**
 * Checks a joint record against the hand's joint names: the problems (unknown names, values that
 * are not finite numbers) as one message, or the clean record.
 */
export function checkJointRecord(raw: unknown, known: readonly string[]): { joints: Record<string, number>; problem?: string } {
  if (!isRecord(raw)) return { joints: {}, problem: `"joints" must be an object of joint name -> radians (found ${describeValue(raw)})` };
  const knownSet = new Set(known);
  const unknown = Object.keys(raw).filter((k) => !knownSet.has(k));
  const bad = Object.entries(raw).filter(([k, v]) => knownSet.has(k) && !Number.isFinite(toNumber(v)));
  const problems: string[] = [];
  if (unknown.length) problems.push(`unknown joint name${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}`);
  if (bad.length) problems.push(`non-finite joint value${bad.length > 1 ? 's' : ''} ${bad.map(([k, v]) => `${k}=${describeValue(v)}`).join(', ')}`);
  const joints = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, toNumber(v)]));
  return problems.length ? { joints, problem: problems.join('; ') } : { joints };
}
