import type { ObjectPart } from './part';
import { cylinder, lathe, sphere } from './primitives/lathe';
import { roundedBox } from './primitives/roundedBox';
import { place } from './transform';

/** Handheld vocal microphone along Y: tapered handle, grille collar, ball head at +Y. */
export function microphoneParts(): ObjectPart[] {
  const handle = lathe(
    [
      [0, -0.09],
      [0.0095, -0.09],
      [0.011, -0.0885],
      [0.0125, -0.06],
      [0.014, -0.03],
      [0.0155, 0.0],
      [0.0165, 0.03],
      [0.017, 0.046],
      [0, 0.048],
    ],
    40,
  );
  const collar = cylinder(0.0188, 0.038, 0.052, 40, 0.0015);
  const head = sphere(0.026, 0.07, 40, 22);
  // handle radius at y = -0.01 is about 0.015; the switch sits half-embedded there
  const sw = place(roundedBox([0.0065, 0.016, 0.004], { radius: 0.0012, cornerSegments: 2 }), {
    translate: [0, -0.01, 0.0148],
  });
  return [
    { name: 'handle', mesh: handle },
    { name: 'collar', mesh: collar },
    { name: 'head', mesh: head },
    { name: 'switch', mesh: sw },
  ];
}
