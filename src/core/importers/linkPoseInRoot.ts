import type { BuiltinHandId } from '../dataset/schema';
import { loadBuiltinHand, poseHand, type HandModel } from '../hands';
import type { RootPose } from '../hands/types';
import { IDENTITY_POSE, poseFromMatrix } from './poseMath';

const models = new Map<BuiltinHandId, Promise<HandModel>>();

/** Pose of `link` in the built-in hand's root-link frame with the given joint values (others 0). */
export async function linkPoseInRoot(hand: BuiltinHandId, link: string, joints: Record<string, number> = {}): Promise<RootPose> {
  let model = models.get(hand);
  if (!model) {
    model = loadBuiltinHand(hand, { geometry: 'visual' });
    models.set(hand, model);
  }
  const posed = poseHand(await model, IDENTITY_POSE, joints);
  const m = posed.linkMatrices[link];
  if (!m) throw new Error(`built-in hand '${hand}' has no link '${link}'`);
  return poseFromMatrix(m);
}
