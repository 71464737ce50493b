import { mergeMeshes as mergeAll } from '../../mesh/mergeMeshes';
import type { ObjectPart } from './part';
import { cylinder } from './primitives/lathe';
import { roundedBox } from './primitives/roundedBox';
import { place } from './transform';

const ARM_LENGTH = 0.22;
const OPEN_ANGLE = 0.13; // radians per arm from the axis

/** Kitchen tongs: two spring-steel arms joined at the hinge end (+Y), opened in a V in the XY plane. */
export function tongsParts(): ObjectPart[] {
  const arm = (side: 1 | -1) =>
    place(
      place(roundedBox([0.0024, ARM_LENGTH, 0.019], { radius: 0.0009, cornerSegments: 2, flatSegments: [1, 24, 3] }), {
        translate: [side * 0.0045, -ARM_LENGTH / 2, 0],
      }),
      { rotate: [0, 0, side * OPEN_ANGLE] },
    );
  // Scalloped gripping end: a wider pad near the end of each arm, on its inner face.
  const tip = (side: 1 | -1) =>
    place(
      place(roundedBox([0.005, 0.035, 0.026], { radius: 0.0018, cornerSegments: 2, flatSegments: [1, 4, 3] }), {
        translate: [side * 0.0035, -ARM_LENGTH + 0.016, 0],
      }),
      { rotate: [0, 0, side * OPEN_ANGLE] },
    );
  const hinge = [
    place(cylinder(0.0085, -0.012, 0.012, 24, 0.0015), { rotate: [Math.PI / 2, 0, 0], translate: [0, -0.006, 0] }),
    place(roundedBox([0.014, 0.03, 0.021], { radius: 0.003, cornerSegments: 2 }), { translate: [0, -0.02, 0] }),
  ];
  return [
    { name: 'hinge', mesh: mergeAll(hinge) },
    { name: 'arm_left', mesh: arm(-1) },
    { name: 'arm_right', mesh: arm(1) },
    { name: 'tip_left', mesh: tip(-1) },
    { name: 'tip_right', mesh: tip(1) },
  ];
}
