import { LEAPHAND_FINGERTIPS } from '../fingertips';
import type { HandSpec, JointSpec, ShapeSpec } from './handSpec';

/*
 * Kinematics transcribed from dex-urdf's leap_hand_right.urdf: joints "0".."15" (all about
 * -z), origins and limits as written there, root link 'base'. Shapes are our own boxes plus a
 * rounded pad on each fingertip, sized from the extents of the real visual meshes.
 */

const HALF_PI = 1.57079;
const AXIS: [number, number, number] = [0, 0, -1];

// Servo-horn plates either side of the joint plus the bracket joining them (dip and fingertip).
const hornPlates = (y: number): ShapeSpec[] => [
  { type: 'box', size: [0.016, 0.02, 0.003], xyz: [0, y, -0.0015] },
  { type: 'box', size: [0.016, 0.02, 0.003], xyz: [0, y, 0.0305] },
];
const bracket: ShapeSpec = { type: 'box', size: [0.02, 0.01, 0.035], xyz: [0, -0.017, 0.0145] };

const mcp: ShapeSpec[] = [
  ...hornPlates(0.003),
  { type: 'box', size: [0.02, 0.008, 0.035], xyz: [0, 0.017, 0.0145] },
  { type: 'box', size: [0.033, 0.0525, 0.029], xyz: [-0.0265, 0.03625, 0.0185] },
];
const pip: ShapeSpec[] = [{ type: 'box', size: [0.034, 0.0295, 0.023], xyz: [0.0075, 0.0002, -0.0116] }];
const dip: ShapeSpec[] = [...hornPlates(-0.002), bracket, { type: 'box', size: [0.034, 0.028, 0.029], xyz: [0.007, -0.036, 0.0145] }];
const fingertip: ShapeSpec[] = [
  ...hornPlates(-0.002),
  bracket,
  { type: 'box', size: [0.02, 0.018, 0.028], xyz: [-0.001, -0.031, 0.015] },
  { type: 'cylinder', radius: 0.01, length: 0.014, xyz: [-0.001, -0.04, 0.015] },
  { type: 'sphere', radius: 0.01, xyz: [-0.001, -0.04, 0.008] },
  { type: 'sphere', radius: 0.01, xyz: [-0.001, -0.04, 0.022] },
];

type Origin = { xyz: [number, number, number]; rpy: [number, number, number] };
const rev = (name: string, parent: string, child: string, o: Origin, lower: number, upper: number): JointSpec => ({
  name,
  type: 'revolute',
  parent,
  child,
  ...o,
  axis: AXIS,
  lower,
  upper,
});

function finger(first: number, suffix: string, mcpXyz: [number, number, number], tipJointY: number): JointSpec[] {
  const l = (n: string) => (suffix ? `${n}_${suffix}` : n);
  return [
    rev(String(first), l('mcp_joint'), l('pip'), { xyz: [-0.0122, 0.0381, 0.0145], rpy: [-HALF_PI, 0, HALF_PI] }, -1.047, 1.047),
    rev(String(first + 1), 'palm_lower', l('mcp_joint'), { xyz: mcpXyz, rpy: [HALF_PI, HALF_PI, 0] }, -0.314, 2.23),
    rev(String(first + 2), l('pip'), l('dip'), { xyz: [0.015, 0.0143, -0.013], rpy: [HALF_PI, -HALF_PI, 0] }, -0.506, 1.885),
    rev(String(first + 3), l('dip'), l('fingertip'), { xyz: [0, tipJointY, 0.0002], rpy: [0, 0, 0] }, -0.366, 2.042),
  ];
}

const fingerLinks = (suffix: string): Record<string, ShapeSpec[]> => {
  const l = (n: string) => (suffix ? `${n}_${suffix}` : n);
  return { [l('mcp_joint')]: mcp, [l('pip')]: pip, [l('dip')]: dip, [l('fingertip')]: fingertip };
};

const tip = (name: string, parent: string, child: string, xyz: [number, number, number]): JointSpec => ({
  name,
  type: 'fixed',
  parent,
  child,
  xyz,
  rpy: [0, 0, 0],
});

export const LEAPHAND_SPEC: HandSpec = {
  robotName: 'leap_right',
  rootLink: 'base',
  links: {
    base: [],
    palm_lower: [
      { type: 'box', size: [0.073, 0.125, 0.046], xyz: [-0.0335, -0.0365, -0.012] },
      { type: 'box', size: [0.03, 0.074, 0.046], xyz: [-0.085, -0.062, -0.012] },
      { type: 'box', size: [0.03, 0.051, 0.003], xyz: [-0.085, 0.0005, 0.0095] },
    ],
    ...fingerLinks(''),
    ...fingerLinks('2'),
    ...fingerLinks('3'),
    thumb_temp_base: [{ type: 'box', size: [0.034, 0.029, 0.023], xyz: [-0.0074, 0.0003, -0.0115] }],
    thumb_pip: [
      { type: 'box', size: [0.018, 0.033, 0.003], xyz: [0, 0, -0.0015] },
      { type: 'box', size: [0.016, 0.005, 0.022], xyz: [0, 0.0148, -0.013] },
      { type: 'box', size: [0.016, 0.005, 0.022], xyz: [0, -0.0148, -0.013] },
    ],
    thumb_dip: [
      { type: 'box', size: [0.029, 0.04, 0.031], xyz: [-0.0045, 0.01, -0.0145] },
      { type: 'box', size: [0.02, 0.005, 0.034], xyz: [0, 0.0325, -0.0145] },
      { type: 'box', size: [0.016, 0.02, 0.003], xyz: [0, 0.042, 0.0015] },
      { type: 'box', size: [0.016, 0.02, 0.003], xyz: [0, 0.042, -0.0305] },
    ],
    thumb_fingertip: [
      { type: 'box', size: [0.02, 0.018, 0.031], xyz: [0, -0.001, -0.0145] },
      { type: 'box', size: [0.028, 0.022, 0.028], xyz: [0.004, -0.021, -0.015] },
      { type: 'box', size: [0.02, 0.02, 0.026], xyz: [-0.001, -0.042, -0.015] },
      { type: 'cylinder', radius: 0.01, length: 0.012, xyz: [-0.001, -0.052, -0.015] },
      { type: 'sphere', radius: 0.01, xyz: [-0.001, -0.052, -0.009] },
      { type: 'sphere', radius: 0.01, xyz: [-0.001, -0.052, -0.021] },
    ],
    thumb_tip_head: [],
    index_tip_head: [],
    middle_tip_head: [],
    ring_tip_head: [],
  },
  joints: [
    { name: 'base_joint', type: 'fixed', parent: 'base', child: 'palm_lower', xyz: [0, 0.038, 0.098], rpy: [0, -HALF_PI, 0] },
    ...finger(0, '', [-0.007, 0.023, -0.0187], -0.0361),
    ...finger(4, '2', [-0.0071, -0.0224, -0.0187], -0.0361),
    ...finger(8, '3', [-0.00709, -0.0678, -0.0187], -0.03609),
    rev('12', 'palm_lower', 'thumb_temp_base', { xyz: [-0.0693, -0.0012, -0.0216], rpy: [0, HALF_PI, 0] }, -0.349, 2.094),
    rev('13', 'thumb_temp_base', 'thumb_pip', { xyz: [0, 0.0143, -0.013], rpy: [HALF_PI, -HALF_PI, 0] }, -0.47, 2.443),
    rev('14', 'thumb_pip', 'thumb_dip', { xyz: [0, 0.0145, -0.017], rpy: [-HALF_PI, 0, 0] }, -1.2, 1.9),
    rev('15', 'thumb_dip', 'thumb_fingertip', { xyz: [0, 0.0466, 0.0002], rpy: [0, 0, 3.14159] }, -1.34, 1.88),
    tip('thumb_tip', 'thumb_fingertip', 'thumb_tip_head', [0, -0.06, -0.015]),
    tip('index_tip', 'fingertip', 'index_tip_head', [0, -0.048, 0.015]),
    tip('middle_tip', 'fingertip_2', 'middle_tip_head', [0, -0.048, 0.015]),
    tip('ring_tip', 'fingertip_3', 'ring_tip_head', [0, -0.048, 0.015]),
  ],
  fingertips: LEAPHAND_FINGERTIPS,
};
