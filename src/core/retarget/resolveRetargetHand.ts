import { limitFor } from '../dataset/readLimits';
import type { DatasetIO, LoadedDataset } from '../dataset/loadDataset';
import { BUILTIN_HANDS, type HandSpec } from '../dataset/schema';
import { loadBuiltinHand, loadHandModel, type HandModel } from '../hands';

export interface TargetHand {
  /** the hand id the retargeted grasps use (the dataset's, or the built-in name) */
  id: string;
  spec: HandSpec;
  urdfUrl?: string;
  model: HandModel;
}

/**
 * The hand to retarget to: a hand id of the dataset, or `shadowhand` / `leaphand` (the dataset's
 * hand of that built-in kind when it has one, else the built-in itself under that name).
 */
export async function resolveRetargetHand(dataset: LoadedDataset, hand: string, io: DatasetIO): Promise<TargetHand> {
  let id = hand;
  let entry = dataset.hands[hand];
  if (!entry && (BUILTIN_HANDS as readonly string[]).includes(hand)) {
    const same = Object.entries(dataset.hands).find(([, h]) => 'builtin' in h.spec && h.spec.builtin === hand);
    if (same) [id, entry] = same;
    else entry = { spec: { builtin: hand as (typeof BUILTIN_HANDS)[number] } };
  }
  if (!entry) {
    throw new Error(`unknown hand "${hand}": use a hand id of the dataset (${Object.keys(dataset.hands).join(', ') || 'none'}) or ${BUILTIN_HANDS.join(' / ')}`);
  }
  return { id, spec: entry.spec, urdfUrl: entry.urdfUrl, model: await loadHandForRetarget(entry.spec, entry.urdfUrl, io) };
}

/** A hand model for retargeting: kinematics and fingertips (visual geometry, for drawing too). */
export function loadHandForRetarget(spec: HandSpec, urdfUrl: string | undefined, io: DatasetIO): Promise<HandModel> {
  if ('builtin' in spec) return loadBuiltinHand(spec.builtin, { geometry: 'visual', fingertips: spec.fingertips });
  return io.fetchText(urdfUrl!, limitFor('urdf')).then(
    (text) => loadHandModel(text, { urdfUrl: urdfUrl!, fetchBytes: (u) => io.fetchBytes(u, limitFor('mesh')), fingertips: spec.fingertips, geometry: 'visual' }),
    (e: unknown) => {
      throw new Error(`${spec.urdf}: cannot read URDF (${e instanceof Error ? e.message : String(e)})`);
    },
  );
}
