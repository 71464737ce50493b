import type { Grasp } from '../dataset/schema';
import type { HandModel } from '../hands';
import type { Vec3 } from '../hands/types';
import { transformMesh } from '../mesh/transformMesh';
import type { TriMesh } from '../mesh/triMesh';
import type { Rng } from '../rng';
import { applySimilarity, axisAngleRotation, similarityMatrix, toPose, type Similarity } from '../align/similarity';
import { robotKeypoints } from '../retarget/retargetHand';

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** Where a camera might see the object: any rotation, the scale an image-to-3D model guesses, half a metre away. */
function cameraPlacement(rng: Rng): Similarity {
  const axis = [rng.gaussian(), rng.gaussian(), rng.gaussian()];
  const len = Math.hypot(...axis) || 1;
  return {
    scale: round(rng.range(0.8, 1.25), 4),
    rotation: axisAngleRotation(axis.map((a) => a / len) as Vec3, rng.range(-Math.PI, Math.PI)),
    translation: [rng.range(-0.1, 0.1), rng.range(-0.1, 0.1), rng.range(0.4, 0.6)],
  };
}

/**
 * A grasp as it comes out of a hand-object reconstruction from one image, before alignment and
 * retargeting: 21 human hand keypoints and a reconstructed object, both in the reconstruction's
 * own camera-like frame, no robot pose. The hand is the wrist, joint and tip frames of a good
 * robot grasp (made by the ShadowHand's kinematics, jittered 1.5 mm like a hand estimate); the
 * object is the category's reconstruction with a part missing, with 1 mm vertex noise; both are
 * moved by one random similarity.
 */
export function humanOnlyGrasp(
  id: string,
  category: string,
  handId: string,
  model: HandModel,
  from: Pick<Grasp, 'root' | 'joints'>,
  recon: { mesh: TriMesh; kind: string; detail: string },
  reconPath: string,
  rng: Rng,
): { grasp: Grasp; mesh: TriMesh } {
  const camera = cameraPlacement(rng);
  const keypoints = robotKeypoints(model, from.root!, from.joints).map((p) => {
    const jittered: Vec3 = [p![0] + 0.0015 * rng.gaussian(), p![1] + 0.0015 * rng.gaussian(), p![2] + 0.0015 * rng.gaussian()];
    return applySimilarity(camera, jittered).map((x) => round(x, 6)) as Vec3;
  });
  const pose = toPose(camera);
  const noisy = recon.mesh.positions.map((x) => x + 0.001 * rng.gaussian());
  return {
    mesh: transformMesh({ positions: noisy, indices: recon.mesh.indices }, similarityMatrix(camera) as unknown as Parameters<typeof transformMesh>[1]),
    grasp: {
      id,
      object: category,
      hand: handId,
      joints: {},
      reconstruction: { mesh: reconPath, frame: 'own' },
      mano: { keypoints },
      meta: {
        source: "human hand and reconstruction only, in the reconstruction's camera-like frame: align, then retarget",
        reconstruction: `${recon.kind}: ${recon.detail}; vertex noise 1 mm`,
        // How the sample placed them (reference frame -> camera frame), to check an alignment against.
        sample_camera: { scale: pose.scale, position: pose.position.map((x) => round(x, 6)), quaternion: pose.quaternion.map((x) => round(x, 7)) },
      },
    },
  };
}
