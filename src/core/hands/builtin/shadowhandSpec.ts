import { SHADOWHAND_FINGERTIPS } from '../fingertips';
import type { HandSpec, JointSpec, ShapeSpec } from './handSpec';

/*
 * Kinematics transcribed from dex-urdf's shadow_hand_right.urdf (right hand, E3M5): joint names,
 * origins, axes and limits as written there, root link 'world'. Shapes are our own primitives,
 * sized from the extents of the real visual meshes in each link frame.
 */

const HALF_PI = Math.PI / 2;
const J3_LOWER = -0.261799387799;
const J4_LIMIT = 0.349065850399;
const FLEX_UPPER = 1.57079632679;

const knuckle: ShapeSpec[] = [{ type: 'cylinder', radius: 0.0085, length: 0.012, xyz: [0, 0, 0.0005], rpy: [0, HALF_PI, 0] }];
const proximal: ShapeSpec[] = [
  { type: 'cylinder', radius: 0.009, length: 0.045, xyz: [0, 0, 0.0225] },
  { type: 'sphere', radius: 0.009, xyz: [0, 0, 0] },
  { type: 'sphere', radius: 0.0085, xyz: [0, 0, 0.045] },
];
const middle: ShapeSpec[] = [
  { type: 'cylinder', radius: 0.0085, length: 0.025, xyz: [0, 0, 0.0125] },
  { type: 'sphere', radius: 0.0085, xyz: [0, 0, 0] },
  { type: 'sphere', radius: 0.0085, xyz: [0, 0, 0.025] },
];
// Rounded pad: the sphere reaches 32 mm, the real distal's extent (tip frame at 26 mm).
const distal: ShapeSpec[] = [
  { type: 'cylinder', radius: 0.0078, length: 0.0202, xyz: [0, 0, 0.0141] },
  { type: 'sphere', radius: 0.0078, xyz: [0, 0, 0.0242] },
];

function finger(p: 'ff' | 'mf' | 'rf' | 'lf', parent: string, j4: Pick<JointSpec, 'xyz' | 'rpy' | 'axis'>): JointSpec[] {
  const P = p.toUpperCase();
  const flex = (n: number, par: string, child: string, z: number, lower: number): JointSpec => ({
    name: `${P}J${n}`,
    type: 'revolute',
    parent: par,
    child,
    xyz: [0, 0, z],
    rpy: [0, 0, 0],
    axis: [1, 0, 0],
    lower,
    upper: FLEX_UPPER,
  });
  return [
    { name: `${P}J4`, type: 'revolute', parent, child: `${p}knuckle`, ...j4, lower: -J4_LIMIT, upper: J4_LIMIT },
    flex(3, `${p}knuckle`, `${p}proximal`, 0, J3_LOWER),
    flex(2, `${p}proximal`, `${p}middle`, 0.045, 0),
    flex(1, `${p}middle`, `${p}distal`, 0.025, 0),
    { name: `${P}tip`, type: 'fixed', parent: `${p}distal`, child: `${p}tip`, xyz: [0, 0, 0.026], rpy: [0, 0, 0] },
  ];
}

const fingerLinks = (p: string): Record<string, ShapeSpec[]> => ({
  [`${p}knuckle`]: knuckle,
  [`${p}proximal`]: proximal,
  [`${p}middle`]: middle,
  [`${p}distal`]: distal,
  [`${p}tip`]: [],
});

export const SHADOWHAND_SPEC: HandSpec = {
  robotName: 'shadow_right',
  rootLink: 'world',
  links: {
    world: [],
    forearm: [
      { type: 'cylinder', radius: 0.0675, length: 0.165, xyz: [0, 0, 0.0825] },
      { type: 'cylinder', radius: 0.058, length: 0.03, xyz: [0, 0, 0.18] },
      { type: 'box', size: [0.06, 0.07, 0.035], xyz: [0, -0.01, 0.21] },
    ],
    wrist: [
      { type: 'cylinder', radius: 0.0135, length: 0.03, rpy: [0, HALF_PI, 0] },
      { type: 'box', size: [0.066, 0.022, 0.026], xyz: [0.0026, 0, 0.032] },
    ],
    palm: [
      { type: 'box', size: [0.062, 0.022, 0.064], xyz: [0.011, 0, 0.074] },
      { type: 'box', size: [0.079, 0.04, 0.062], xyz: [0.0025, -0.003, 0.0115] },
    ],
    ee_link: [],
    imu: [],
    ...fingerLinks('ff'),
    ...fingerLinks('mf'),
    ...fingerLinks('rf'),
    // bar towards the knuckle plus the lobe under the ring finger, in the 0.9599-rad tilted frame
    lfmetacarpal: [
      { type: 'box', size: [0.02, 0.0225, 0.062], xyz: [0.0303, 0, 0.0212], rpy: [0, 0.9599, 0] },
      { type: 'box', size: [0.014, 0.022, 0.018], xyz: [0.027, 0, -0.0019], rpy: [0, 0.9599, 0] },
    ],
    ...fingerLinks('lf'),
    thbase: [{ type: 'sphere', radius: 0.011 }],
    thproximal: [
      { type: 'cylinder', radius: 0.0105, length: 0.038, xyz: [0, 0, 0.019] },
      { type: 'sphere', radius: 0.012, xyz: [0, 0, 0] },
      { type: 'sphere', radius: 0.0108, xyz: [0, 0, 0.038] },
    ],
    thhub: [],
    thmiddle: [
      { type: 'cylinder', radius: 0.0105, length: 0.032, xyz: [0, 0, 0.016] },
      { type: 'sphere', radius: 0.011, xyz: [0, 0, 0] },
      { type: 'sphere', radius: 0.011, xyz: [0, 0, 0.032] },
    ],
    thdistal: [
      { type: 'cylinder', radius: 0.0095, length: 0.0215, xyz: [0, 0, 0.01475] },
      { type: 'sphere', radius: 0.0095, xyz: [0, 0, 0.0255] },
    ],
    thtip: [],
  },
  joints: [
    { name: 'world_joint', type: 'fixed', parent: 'world', child: 'forearm', xyz: [0, 0, 0], rpy: [0, 0, 1.57079] },
    { name: 'WRJ2', type: 'revolute', parent: 'forearm', child: 'wrist', xyz: [0, -0.01, 0.21301], rpy: [0, 0, 0], axis: [0, 1, 0], lower: -0.523598775598, upper: 0.174532925199 },
    { name: 'WRJ1', type: 'revolute', parent: 'wrist', child: 'palm', xyz: [0, 0, 0.034], rpy: [0, 0, 0], axis: [1, 0, 0], lower: -0.698131700798, upper: 0.488692190558 },
    { name: 'ee_fixed_joint', type: 'fixed', parent: 'palm', child: 'ee_link', xyz: [0, 0, 0], rpy: [0, 0, -1.57079] },
    { name: 'palm_to_imu', type: 'fixed', parent: 'palm', child: 'imu', xyz: [0.01785, 0.00765, 0.049125], rpy: [-1.5707963, 3.141592, 0] },
    ...finger('ff', 'palm', { xyz: [0.033, 0, 0.095], rpy: [0, 0, 0], axis: [0, -1, 0] }),
    ...finger('mf', 'palm', { xyz: [0.011, 0, 0.099], rpy: [0, 0, 0], axis: [0, -1, 0] }),
    ...finger('rf', 'palm', { xyz: [-0.011, 0, 0.095], rpy: [0, 0, 0], axis: [0, 1, 0] }),
    { name: 'LFJ5', type: 'revolute', parent: 'palm', child: 'lfmetacarpal', xyz: [-0.033, 0, 0.02071], rpy: [0, -0.9599, 0], axis: [1, 0, 0], lower: 0, upper: 0.785398163397 },
    ...finger('lf', 'lfmetacarpal', { xyz: [0.05397275, 0, 0.03779463], rpy: [0, 0.9599, 0], axis: [0, 1, 0] }),
    {
      name: 'THJ5',
      type: 'revolute',
      parent: 'palm',
      child: 'thbase',
      xyz: [0.034, -0.00858, 0.029],
      rpy: [-0.785398163397, 0, -1.57079632679],
      axis: [0, 0, -1],
      lower: -1.0471975512,
      upper: 1.0471975512,
    },
    { name: 'THJ4', type: 'revolute', parent: 'thbase', child: 'thproximal', xyz: [0, 0, 0], rpy: [0, 0, 0], axis: [0, 1, 0], lower: 0, upper: 1.2217304764 },
    { name: 'THJ3', type: 'revolute', parent: 'thproximal', child: 'thhub', xyz: [0, 0, 0.038], rpy: [0, 0, 0], axis: [0, 1, 0], lower: -0.209439510239, upper: 0.209439510239 },
    { name: 'THJ2', type: 'revolute', parent: 'thhub', child: 'thmiddle', xyz: [0, 0, 0], rpy: [0, 0, 0], axis: [1, 0, 0], lower: -0.698131700798, upper: 0.698131700798 },
    { name: 'THJ1', type: 'revolute', parent: 'thmiddle', child: 'thdistal', xyz: [0, 0, 0.032], rpy: [0, 0, 0], axis: [1, 0, 0], lower: J3_LOWER, upper: FLEX_UPPER },
    { name: 'THtip', type: 'fixed', parent: 'thdistal', child: 'thtip', xyz: [0, 0, 0.0275], rpy: [0, 0, 0] },
  ],
  fingertips: SHADOWHAND_FINGERTIPS,
};
