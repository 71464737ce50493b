import type { TriMesh } from '../mesh/triMesh';

import type { Mat4, Quat, Vec3 } from '../math/types';

// Re-exported: hand code and its many importers name these through hands/types.
export type { Mat4, Quat, Vec3 } from '../math/types';

export interface RootPose {
  position: Vec3;
  quaternion: Quat;
}

export type GeometryKind = 'visual' | 'collision';

export interface JointInfo {
  name: string;
  type: 'revolute' | 'continuous' | 'prismatic' | 'fixed' | 'floating' | 'planar';
  parent: string;
  child: string;
  axis: Vec3;
  /** radians (or meters for prismatic); +-Infinity when unlimited */
  lower: number;
  upper: number;
}

/** One piece of a link's geometry: a mesh in its own frame and where that frame sits. */
export interface LinkGeometryPart {
  link: string;
  mesh: TriMesh;
  /** mesh frame -> link frame (URDF <origin> of the visual/collision, scale folded in) */
  offset: Mat4;
}

/** What posing a hand reports besides the pose itself. */
export interface PoseReport {
  /** joint values outside the URDF limits, clamped to them */
  clamped: { joint: string; value: number; clampedTo: number }[];
  /** joint names in the grasp that the hand does not have */
  unknown: string[];
  /** movable joints the grasp did not set (left at 0 / clamped 0) */
  missing: string[];
  /** non-finite joint values (NaN, Infinity), treated as 0 */
  invalid: string[];
}

/** A hand posed in the object's frame, as plain data that crosses worker boundaries. */
export interface PosedHand {
  /** each geometry part with its mesh-frame -> object-frame matrix */
  parts: { link: string; mesh: TriMesh; matrix: Mat4 }[];
  /** link name -> link-frame -> object-frame matrix, for every link */
  linkMatrices: Record<string, Mat4>;
  /**
   * Fingertips as named in the hand spec (or the built-in defaults); each with the link whose
   * geometry stands for it (the tip link itself, or its nearest ancestor with geometry when the
   * tip is a bare frame such as ShadowHand's fftip) and the tip frame's origin in the object frame.
   */
  fingertips: { name: string; geometryLink: string; position: Vec3 }[];
  report: PoseReport;
}
