import type { Grasp } from '../dataset/schema';
import type { TriMesh } from '../mesh/triMesh';
import { applySimilarity, fromPose } from '../align/similarity';
import { checkKeypoints, manoMeshKeypoints, type Keypoints } from './handKeypoints';

/** A grasp's human hand as keypoints in its frame: given ones, or those of its MANO mesh (placed by its pose). */
export function graspHumanKeypoints(grasp: Grasp, manoMesh?: TriMesh | null): Keypoints {
  if (!grasp.mano) throw new Error(`grasp "${grasp.id}" has no human hand (mano)`);
  if ('keypoints' in grasp.mano) return checkKeypoints(grasp.mano.keypoints, `grasp "${grasp.id}": mano.keypoints`);
  if (!manoMesh) throw new Error(`grasp "${grasp.id}": the MANO mesh ${grasp.mano.mesh} is needed`);
  const kp = manoMeshKeypoints(manoMesh, grasp.mano.mesh);
  const pose = grasp.mano.pose ? fromPose(grasp.mano.pose) : null;
  return pose ? kp.map((p) => (p ? applySimilarity(pose, p) : null)) : kp;
}
