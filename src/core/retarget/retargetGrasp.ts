import type { Grasp } from '../dataset/schema';
import type { HandModel } from '../hands';
import type { Vec3 } from '../hands/types';
import { composeSimilarity, fromPose, toPose, IDENTITY_SIMILARITY } from '../align/similarity';
import type { Keypoints } from './handKeypoints';
import { retargetHand, type RetargetOptions, type RetargetResult } from './retargetHand';

/** What retargeting writes into `meta.retarget`: the solver's residuals plus where they came from. */
export type RetargetMeta = { /** id of the grasp the human hand came from */ source: string; hand: string } & Pick<
  RetargetResult,
  'objectScale' | 'fingertipErrorMm' | 'meanFingertipErrorMm' | 'maxFingertipErrorMm' | 'jointsAtLimits' | 'unmatchedFingertips'
>;

const r = (x: number, d: number) => Number(x.toFixed(d));

/** The id a retargeted grasp gets: the source id with the hand as suffix. */
export const retargetedId = (sourceId: string, handId: string) => `${sourceId}-rt-${handId}`;

/**
 * A robot grasp from a grasp's human hand. With an object scale s, the reference mesh and the
 * human hand are scaled by s about the object origin (`objectScale` *= s, keypoints *= s) and the
 * robot is fitted to the scaled hand; the reconstruction (and a MANO mesh) is scaled with them.
 */
export function retargetedGrasp(grasp: Grasp, handId: string, model: HandModel, keypoints: Keypoints, opts: RetargetOptions = {}): { grasp: Grasp; result: RetargetResult } {
  const s = opts.objectScale ?? 1;
  const result = retargetHand(model, keypoints, opts);
  const scaleAboutOrigin = { ...IDENTITY_SIMILARITY, scale: s };
  const scaledPose = (pose?: Parameters<typeof fromPose>[0]) => toPose(composeSimilarity(scaleAboutOrigin, pose ? fromPose(pose) : IDENTITY_SIMILARITY));
  const meta: RetargetMeta = {
    source: grasp.id,
    hand: handId,
    objectScale: s,
    fingertipErrorMm: Object.fromEntries(Object.entries(result.fingertipErrorMm).map(([k, v]) => [k, r(v, 2)])),
    meanFingertipErrorMm: r(result.meanFingertipErrorMm, 2),
    maxFingertipErrorMm: r(result.maxFingertipErrorMm, 2),
    jointsAtLimits: result.jointsAtLimits,
    unmatchedFingertips: result.unmatchedFingertips,
  };
  const { root: _root, reconstruction, mano, meta: oldMeta, ...rest } = grasp;
  const out: Grasp = {
    ...rest,
    id: retargetedId(grasp.id, handId),
    hand: handId,
    root: { position: result.root.position.map((x) => r(x, 6)) as Vec3, quaternion: result.root.quaternion },
    joints: Object.fromEntries(Object.entries(result.joints).map(([k, v]) => [k, r(v, 6)])),
    objectScale: r((grasp.objectScale ?? 1) * s, 6),
    meta: { ...(oldMeta ?? {}), retarget: meta },
  };
  if (reconstruction) out.reconstruction = s === 1 ? reconstruction : { ...reconstruction, pose: scaledPose(reconstruction.pose) };
  if (mano) {
    out.mano = 'keypoints' in mano ? { keypoints: mano.keypoints.map((p) => p.map((x) => r(x * s, 6)) as Vec3) } : s === 1 ? mano : { ...mano, pose: scaledPose(mano.pose) };
  }
  return { grasp: out, result };
}
