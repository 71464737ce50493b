import { loadHandModel, type HandModel } from '../handModel';
import type { GeometryKind, JointInfo } from '../types';
import type { HandSpec } from './handSpec';
import { LEAPHAND_SPEC } from './leaphandSpec';
import { SHADOWHAND_SPEC } from './shadowhandSpec';
import { specToUrdf } from './toUrdf';

export const BUILTIN_HAND_IDS = ['shadowhand', 'leaphand'] as const;
export type BuiltinHandId = (typeof BUILTIN_HAND_IDS)[number];

const SPECS: Record<BuiltinHandId, HandSpec> = { shadowhand: SHADOWHAND_SPEC, leaphand: LEAPHAND_SPEC };
const urdfCache = new Map<BuiltinHandId, string>();

export function isBuiltinHandId(id: string): id is BuiltinHandId {
  return (BUILTIN_HAND_IDS as readonly string[]).includes(id);
}

export function builtinHandSpec(id: BuiltinHandId): HandSpec {
  return SPECS[id];
}

/** The built-in hand's URDF text (primitives only, no mesh files), e.g. for urdf-loader in the UI. */
export function BUILTIN_HAND_URDF(id: BuiltinHandId): string {
  let text = urdfCache.get(id);
  if (!text) {
    text = specToUrdf(SPECS[id]);
    urdfCache.set(id, text);
  }
  return text;
}

/** Movable joints with limits, straight from the spec (no parsing). */
export function builtinHandJoints(id: BuiltinHandId): JointInfo[] {
  return SPECS[id].joints
    .filter((j) => j.type === 'revolute')
    .map((j) => ({ name: j.name, type: j.type, parent: j.parent, child: j.child, axis: j.axis ?? [0, 0, 1], lower: j.lower ?? 0, upper: j.upper ?? 0 }));
}

export function builtinFingertips(id: BuiltinHandId): string[] {
  return [...SPECS[id].fingertips];
}

/** Loads a built-in hand through the same path as any URDF; it references no files. */
export function loadBuiltinHand(id: BuiltinHandId, opts: { geometry?: GeometryKind | 'both'; fingertips?: string[] } = {}): Promise<HandModel> {
  return loadHandModel(BUILTIN_HAND_URDF(id), {
    urdfUrl: `builtin:${id}.urdf`,
    fetchBytes: (url) => Promise.reject(new Error(`built-in hand '${id}' references no files (asked for ${url})`)),
    fingertips: opts.fingertips ?? SPECS[id].fingertips,
    geometry: opts.geometry ?? 'both',
  });
}
