import type { DatasetIO } from '../dataset/loadDataset';
import type { Grasp, HandSpec } from '../dataset/schema';
import type { HandModel } from '../hands';
import { SceneService } from '../scene/sceneService';
import { graspHumanKeypoints } from '../retarget/graspKeypoints';
import { loadHandForRetarget } from '../retarget/resolveRetargetHand';
import { retargetedGrasp } from '../retarget/retargetGrasp';
import type { RetargetResult } from '../retarget/retargetHand';
import { alignToReference, type AlignOptions, type AlignResult } from '../align/alignMesh';

export interface RetargetRequest {
  grasp: Grasp;
  manoMeshUrl?: string;
  /** the hand id the new grasp gets */
  handId: string;
  /** cache key of the hand model */
  handKey: string;
  spec: HandSpec;
  urdfUrl?: string;
  objectScale: number;
}

/**
 * Alignment and retargeting for the studio, run in a worker: meshes and hands are loaded and
 * cached here, only transforms and joint values go back to the page.
 */
export class AlignRetargetService {
  private scene: SceneService;
  private hands = new Map<string, Promise<HandModel>>();

  constructor(private io: DatasetIO) {
    this.scene = new SceneService(io);
  }

  async align(referenceUrl: string, reconstructionUrl: string, labels: { reference: string; reconstruction: string }, opts: AlignOptions = {}): Promise<AlignResult> {
    const [ref, recon] = await Promise.all([this.scene.loadMesh(referenceUrl, labels.reference), this.scene.loadMesh(reconstructionUrl, labels.reconstruction)]);
    return alignToReference(recon, ref, opts);
  }

  async retarget(req: RetargetRequest): Promise<{ grasp: Grasp; result: RetargetResult }> {
    let model = this.hands.get(req.handKey);
    if (!model) {
      model = loadHandForRetarget(req.spec, req.urdfUrl, this.io);
      model.catch(() => this.hands.delete(req.handKey));
      this.hands.set(req.handKey, model);
    }
    const mano = req.manoMeshUrl ? await this.scene.loadMesh(req.manoMeshUrl) : null;
    return retargetedGrasp(req.grasp, req.handId, await model, graspHumanKeypoints(req.grasp, mano), { objectScale: req.objectScale });
  }
}
