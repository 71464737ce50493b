import type { Grasp } from '../dataset/schema';
import type { Vec3 } from '../hands/types';
import type { AlignResult } from './alignMesh';
import { applySimilarity, composeSimilarity, fromPose, mul3, quaternionToRotation, rotationToQuaternion, toPose, type Similarity, type SimilarityPose } from './similarity';

/** What alignment writes into `meta.align`. */
export interface AlignMeta {
  /** scale of the similarity reconstruction -> reference */
  scale: number;
  rmsMm: number;
  inliers: number;
  /** whether the user moved the result by hand before accepting it */
  nudged?: boolean;
}

const r6 = (x: number) => Number(x.toFixed(6));

/**
 * The grasp expressed in the reference mesh's frame. The similarity x -> sRx + t is split into
 * a rigid part (x -> Rx + t/s, applied to the reconstruction, the human hand and the robot root)
 * and the scale, which goes to the reference mesh instead (`objectScale` /= s): hands keep their
 * size and a robot pose stays a rigid pose, as when Web2Grasp fits the accurate mesh to the
 * reconstruction. Mesh files are not rewritten: the reconstruction and a MANO mesh get a `pose`.
 */
function placedPose(rigid: Similarity, prior?: SimilarityPose): SimilarityPose {
  const p = toPose(prior ? composeSimilarity(rigid, fromPose(prior)) : rigid);
  return { scale: r6(p.scale), position: p.position.map(r6) as Vec3, quaternion: p.quaternion };
}

export function alignedGrasp<G extends Grasp>(grasp: G, align: Pick<AlignResult, 'transform' | 'rmsMm' | 'inliers'> & { nudged?: boolean }): G {
  const T = align.transform;
  const rigid: Similarity = { scale: 1, rotation: T.rotation, translation: T.translation.map((x) => x / T.scale) as Vec3 };
  const out: G = { ...grasp };
  if (grasp.reconstruction) {
    const { frame: _frame, ...rest } = grasp.reconstruction;
    out.reconstruction = { ...rest, pose: placedPose(rigid, grasp.reconstruction.pose) };
  }
  if (grasp.mano && 'keypoints' in grasp.mano) {
    out.mano = { keypoints: grasp.mano.keypoints.map((p) => applySimilarity(rigid, p).map(r6) as Vec3) };
  } else if (grasp.mano) out.mano = { ...grasp.mano, pose: placedPose(rigid, grasp.mano.pose) };
  if (grasp.root) {
    const R = mul3(T.rotation, quaternionToRotation(grasp.root.quaternion));
    out.root = { position: applySimilarity(rigid, grasp.root.position).map(r6) as Vec3, quaternion: rotationToQuaternion(R) };
  }
  out.objectScale = r6((grasp.objectScale ?? 1) / T.scale);
  const meta: AlignMeta = { scale: r6(T.scale), rmsMm: Number(align.rmsMm.toFixed(3)), inliers: Number(align.inliers.toFixed(4)) };
  if (align.nudged) meta.nudged = true;
  out.meta = { ...(grasp.meta ?? {}), align: meta };
  return out;
}
