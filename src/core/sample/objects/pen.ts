import { mergeMeshes } from '../../mesh/mergeMeshes';
import type { ObjectPart } from './part';
import { cylinder, lathe } from './primitives/lathe';
import { roundedBox } from './primitives/roundedBox';
import { place } from './transform';

/** Ballpoint pen along Y, writing tip at -Y; the capped end carries a clip on +Z. */
export function penParts(): ObjectPart[] {
  const tip = lathe(
    [
      [0, -0.07],
      [0.0004, -0.0697],
      [0.0009, -0.0685],
      [0.0018, -0.066],
      [0.003, -0.062],
      [0.0042, -0.057],
      [0.0049, -0.052],
      [0.0049, -0.049],
      [0, -0.048],
    ],
    32,
  );
  const barrel = cylinder(0.0052, -0.051, 0.045, 32, 0.0008);
  const cap = lathe(
    [
      [0, 0.03],
      [0.0058, 0.03],
      [0.0059, 0.045],
      [0.0059, 0.062],
      [0.0055, 0.067],
      [0.0042, 0.0693],
      [0.002, 0.07],
      [0, 0.07],
    ],
    32,
  );
  const clip = mergeMeshes([
    place(roundedBox([0.0032, 0.038, 0.0012], { radius: 0.0005, cornerSegments: 2, flatSegments: [1, 8, 1] }), {
      translate: [0, 0.045, 0.0072],
    }),
    place(roundedBox([0.0032, 0.006, 0.0032], { radius: 0.0006, cornerSegments: 2 }), { translate: [0, 0.062, 0.0062] }),
  ]);
  return [
    { name: 'tip', mesh: tip },
    { name: 'barrel', mesh: barrel },
    { name: 'cap', mesh: cap },
    { name: 'clip', mesh: clip },
  ];
}
