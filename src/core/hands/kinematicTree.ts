import type { Object3D } from 'three';
import type { URDFJoint, URDFMimicJoint, URDFRobot } from 'urdf-loader';
import { fromPositionQuaternion, type M4 } from '../math/mat4';
import type { JointInfo, Vec3 } from './types';

export interface KinematicJoint extends JointInfo {
  parentIndex: number;
  childIndex: number;
  /** joint frame in the parent link frame at zero joint value (URDF <origin>) */
  origin: M4;
  /** driver joint for a URDF <mimic>: value = multiplier * driver + offset */
  mimic?: { joint: string; multiplier: number; offset: number };
}

/** The robot's kinematics as plain data, so posing never touches the three.js scene graph. */
export interface KinematicTree {
  rootLink: string;
  links: string[];
  linkIndex: Map<string, number>;
  /** per link: index of the joint whose child it is, -1 for the root */
  parentJoint: Int32Array;
  joints: KinematicJoint[];
  /** joint indices, parents before children */
  order: number[];
  /** single-value joints a grasp sets (revolute, continuous, prismatic; mimics excluded) */
  movable: number[];
}

const MOVABLE_TYPES = new Set(['revolute', 'continuous', 'prismatic']);

function childLink(joint: Object3D): Object3D | undefined {
  return joint.children.find((c) => (c as { isURDFLink?: boolean }).isURDFLink);
}

// urdf-loader's package entry does not export its classes at runtime, so no instanceof.
function isMimic(j: URDFJoint): j is URDFMimicJoint {
  return typeof (j as URDFMimicJoint).mimicJoint === 'string';
}

export function buildKinematicTree(robot: URDFRobot): KinematicTree {
  const links = Object.keys(robot.links);
  const linkIndex = new Map(links.map((l, i) => [l, i]));
  const parentJoint = new Int32Array(links.length).fill(-1);
  const joints: KinematicJoint[] = [];
  for (const j of Object.values(robot.joints) as URDFJoint[]) {
    const parent = j.parent?.name ?? '';
    const child = childLink(j)?.name ?? '';
    const type = j.jointType as JointInfo['type'];
    const limited = type === 'revolute' || type === 'prismatic';
    const axis = j.axis.toArray() as Vec3;
    // Called right after parsing, while every joint is at zero: the transform is the <origin>.
    const q = j.quaternion;
    const p = j.position;
    joints.push({
      name: j.name,
      type,
      parent,
      child,
      axis,
      lower: limited ? j.limit.lower : type === 'continuous' ? -Infinity : 0,
      upper: limited ? j.limit.upper : type === 'continuous' ? Infinity : 0,
      parentIndex: linkIndex.get(parent) ?? -1,
      childIndex: linkIndex.get(child) ?? -1,
      origin: fromPositionQuaternion([p.x, p.y, p.z], [q.x, q.y, q.z, q.w]),
      mimic: isMimic(j) ? { joint: j.mimicJoint, multiplier: j.multiplier, offset: j.offset } : undefined,
    });
    parentJoint[linkIndex.get(child)!] = joints.length - 1;
  }
  const rootLink = robot.name;
  const childrenOf = new Map<number, number[]>();
  joints.forEach((j, i) => childrenOf.set(j.parentIndex, [...(childrenOf.get(j.parentIndex) ?? []), i]));
  const order: number[] = [];
  const queue = [linkIndex.get(rootLink)!];
  while (queue.length) {
    for (const ji of childrenOf.get(queue.shift()!) ?? []) {
      order.push(ji);
      queue.push(joints[ji].childIndex);
    }
  }
  const reached = new Set([rootLink, ...order.map((ji) => joints[ji].child)]);
  const stray = links.filter((l) => !reached.has(l));
  if (stray.length) throw new Error(`URDF links not connected to the root link '${rootLink}': ${stray.join(', ')}`);
  const movable = joints.flatMap((j, i) => (MOVABLE_TYPES.has(j.type) && !j.mimic ? [i] : []));
  return { rootLink, links, linkIndex, parentJoint, joints, order, movable };
}

/** Public joint description (the KinematicJoint minus internals). */
export function toJointInfo(j: KinematicJoint): JointInfo {
  return { name: j.name, type: j.type, parent: j.parent, child: j.child, axis: [...j.axis] as Vec3, lower: j.lower, upper: j.upper };
}
