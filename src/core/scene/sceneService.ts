import type { DatasetIO } from '../dataset/loadDataset';
import type { HandSpec } from '../dataset/schema';
import type { GeometryKind, Mat4, PoseReport, RootPose, Vec3 } from '../hands/types';
import type { TriMesh } from '../mesh/triMesh';
import { loadBuiltinHand, loadHandModel, poseHand, type HandModel } from '../hands';
import { parseMeshAsync } from '../mesh/parseMesh';
import { fileLabel } from '../dataset/resolveUrl';
import { limitFor, type ReadLimits } from '../dataset/readLimits';

/** A hand's drawable parts, sent to the viewer once per hand. */
export interface HandParts {
  parts: { link: string; mesh: TriMesh }[];
  /** problems loading the hand (missing link meshes...), naming the file */
  errors: string[];
}

/** A grasp's pose of those parts: one matrix per part, in the same order. */
export interface HandPose {
  matrices: Mat4[];
  fingertips: { name: string; position: Vec3 }[];
  report: PoseReport;
}

export interface HandRef {
  /** cache key: the dataset's hand id plus its source */
  key: string;
  spec: HandSpec;
  urdfUrl?: string;
}

/**
 * Loads meshes and hands and poses grasps for the viewer. Runs inside a worker so parsing and
 * kinematics never block the page; everything is cached so moving between grasps only sends
 * matrices.
 */
export class SceneService {
  private meshes = new Map<string, Promise<TriMesh>>();
  private hands = new Map<string, Promise<HandModel>>();
  /** decoded-size caps for meshes and URDFs (the page's ?maxMeshMB= and friends) */
  private limits: Partial<ReadLimits> = {};

  constructor(
    private io: DatasetIO,
    private geometry: GeometryKind = 'visual',
  ) {}

  setLimits(limits: Partial<ReadLimits>): void {
    this.limits = { ...limits };
  }

  loadMesh(url: string, label = fileLabel(url, url)): Promise<TriMesh> {
    let p = this.meshes.get(url);
    if (!p) {
      p = this.io
        .fetchBytes(url, limitFor('mesh', this.limits))
        .catch((e: unknown) => {
          throw new Error(`${label}: cannot read mesh (${e instanceof Error ? e.message : String(e)})`);
        })
        .then((bytes) => parseMeshAsync(bytes, label));
      // A failed load is not cached, so a fixed file can be retried.
      p.catch(() => this.meshes.delete(url));
      this.meshes.set(url, p);
    }
    return p;
  }

  private hand(ref: HandRef): Promise<HandModel> {
    let p = this.hands.get(ref.key);
    if (!p) {
      const spec = ref.spec;
      const fingertips = spec.fingertips;
      const opts = { fetchBytes: (u: string) => this.io.fetchBytes(u, limitFor('mesh', this.limits)), fingertips, geometry: this.geometry };
      p =
        'builtin' in spec
          ? loadBuiltinHand(spec.builtin, opts)
          : this.io
              .fetchText(ref.urdfUrl!, limitFor('urdf', this.limits))
              .catch((e: unknown) => {
                throw new Error(`${spec.urdf}: cannot read URDF (${e instanceof Error ? e.message : String(e)})`);
              })
              .then((text) => loadHandModel(text, { ...opts, urdfUrl: ref.urdfUrl! }));
      p.catch(() => this.hands.delete(ref.key));
      this.hands.set(ref.key, p);
    }
    return p;
  }

  async handParts(ref: HandRef): Promise<HandParts> {
    const model = await this.hand(ref);
    const posed = poseHand(model, { position: [0, 0, 0], quaternion: [0, 0, 0, 1] }, {}, this.geometry);
    return { parts: posed.parts.map(({ link, mesh }) => ({ link, mesh })), errors: [...(model.errors ?? [])] };
  }

  async pose(ref: HandRef, root: RootPose, joints: Record<string, number>): Promise<HandPose> {
    const model = await this.hand(ref);
    const posed = poseHand(model, root, joints, this.geometry);
    return {
      matrices: posed.parts.map((p) => Array.from(p.matrix) as unknown as Mat4),
      fingertips: posed.fingertips.map(({ name, position }) => ({ name, position })),
      report: posed.report,
    };
  }
}
