import { mergeMeshes } from '../../mesh/mergeMeshes';
import type { ObjectPart } from './part';
import { cylinder, lathe } from './primitives/lathe';
import { roundedBox } from './primitives/roundedBox';
import { place } from './transform';

/** Disposable syringe along Y: needle at +Y, plunger and thumb rest at -Y. */
export function syringeParts(): ObjectPart[] {
  const barrel = lathe(
    [
      [0, 0],
      [0.0078, 0],
      [0.0079, 0.02],
      [0.0079, 0.05],
      [0.0078, 0.08],
      [0.0065, 0.0825],
      [0.0035, 0.084],
      [0, 0.084],
    ],
    32,
  );
  const hub = lathe(
    [
      [0, 0.082],
      [0.0032, 0.082],
      [0.003, 0.088],
      [0.0026, 0.092],
      [0.0012, 0.0945],
      [0, 0.0945],
    ],
    20,
  );
  const needle = lathe(
    [
      [0, 0.09],
      [0.00045, 0.09],
      [0.00045, 0.105],
      [0.00045, 0.117],
      [0, 0.1205],
    ],
    12,
  );
  const flange = place(roundedBox([0.034, 0.0028, 0.016], { radius: 0.0012, cornerSegments: 2, flatSegments: [4, 1, 2] }), {
    translate: [0, 0.0014, 0],
  });
  // Cross-section "+" rod, as on real disposable plungers.
  const rodLength = 0.058;
  const rodBox = (sx: number, sz: number) =>
    place(roundedBox([sx, rodLength, sz], { radius: 0.0007, cornerSegments: 2, flatSegments: [1, 6, 1] }), {
      translate: [0, 0.012 - rodLength / 2, 0],
    });
  const plunger = mergeMeshes([rodBox(0.0105, 0.0018), rodBox(0.0018, 0.0105), cylinder(0.0068, 0.006, 0.016, 24, 0.001)]);
  const thumbRest = cylinder(0.0105, 0.012 - rodLength - 0.0028, 0.012 - rodLength + 0.0004, 32, 0.0008);
  return [
    { name: 'barrel', mesh: barrel },
    { name: 'flange', mesh: flange },
    { name: 'plunger', mesh: plunger },
    { name: 'thumb_rest', mesh: thumbRest },
    { name: 'hub', mesh: hub },
    { name: 'needle', mesh: needle },
  ];
}
