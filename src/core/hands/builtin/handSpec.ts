import type { Vec3 } from '../types';

/** A primitive in its link frame (URDF conventions: cylinders along z, centred on xyz). */
export type ShapeSpec =
  | { type: 'box'; size: Vec3; xyz?: Vec3; rpy?: Vec3 }
  | { type: 'cylinder'; radius: number; length: number; xyz?: Vec3; rpy?: Vec3 }
  | { type: 'sphere'; radius: number; xyz?: Vec3 };

export interface JointSpec {
  name: string;
  type: 'revolute' | 'fixed';
  parent: string;
  child: string;
  xyz: Vec3;
  rpy: Vec3;
  /** revolute only */
  axis?: Vec3;
  lower?: number;
  upper?: number;
}

/** Everything needed to write a built-in hand's URDF: kinematics from the real robot, own shapes. */
export interface HandSpec {
  robotName: string;
  rootLink: string;
  /** link name -> shapes (used as both visual and collision geometry), in URDF order */
  links: Record<string, ShapeSpec[]>;
  joints: JointSpec[];
  fingertips: string[];
}
