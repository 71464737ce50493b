import type { ObjectPart } from './part';
import { arc, cylinder, lathe } from './primitives/lathe';
import type { Vec3 } from './primitives/loft';
import { roundedBox } from './primitives/roundedBox';
import { tube } from './primitives/tube';
import { place } from './transform';

/** Trigger spray bottle standing on +Y; nozzle and trigger face +X. */
export function sprayBottleParts(): ObjectPart[] {
  const wall: [number, number][] = [];
  for (let y = 0.02; y <= 0.13; y += 0.015) wall.push([0.038, y]);
  const body = lathe(
    [
      [0, 0],
      [0.03, 0],
      ...arc(0.032, 0.006, 0.006, -Math.PI / 2, 0, 3),
      ...wall,
      ...arc(0.014, 0.13, 0.024, 0, Math.PI / 2, 6).map(([r, y]) => [r, 0.13 + (y - 0.13) * 0.8] as [number, number]),
      [0, 0.1492],
    ],
    40,
  );
  const neck = lathe(
    [
      [0, 0.14],
      [0.0145, 0.14],
      [0.0145, 0.172],
      [0.0175, 0.174],
      [0.0175, 0.192],
      [0.0155, 0.195],
      [0, 0.195],
    ],
    32,
  );
  const head = place(roundedBox([0.064, 0.034, 0.03], { radius: 0.008, cornerSegments: 3, flatSegments: [4, 2, 2] }), {
    translate: [0.012, 0.208, 0],
  });
  // Nozzle along +X: a Y-axis cylinder turned by -90 degrees about Z.
  const nozzle = place(cylinder(0.0065, 0, 0.014, 24, 0.0015), { rotate: [0, 0, -Math.PI / 2], translate: [0.04, 0.212, 0] });
  const path: Vec3[] = [];
  for (let i = 0; i <= 12; i++) {
    const a = (Math.PI * 0.55 * i) / 12;
    path.push([0.03 + 0.016 * Math.sin(a), 0.198 - 0.05 * (i / 12), 0]);
  }
  const trigger = tube(path, { radius: (t) => [0.0075, 0.0035 + 0.001 * Math.sin(Math.PI * t)], sides: 14 });
  return [
    { name: 'body', mesh: body },
    { name: 'neck', mesh: neck },
    { name: 'head', mesh: head },
    { name: 'nozzle', mesh: nozzle },
    { name: 'trigger', mesh: trigger },
  ];
}
