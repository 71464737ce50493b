import type { ObjectPart } from './part';
import { roundedBox } from './primitives/roundedBox';
import { place } from './transform';

const W = 0.0715,
  H = 0.147,
  T = 0.0078;

/** Smartphone slab, screen facing +Z, long axis Y; camera bump on the back, buttons on +X. */
export function phoneParts(): ObjectPart[] {
  const body = roundedBox([W, H, T], { radius: 0.0036, cornerSegments: 4, flatSegments: [6, 12, 1] });
  const bump = place(roundedBox([0.026, 0.026, 0.003], { radius: 0.0045, cornerSegments: 3, flatSegments: [2, 2, 1] }), {
    translate: [-W / 2 + 0.0185, H / 2 - 0.0185, -T / 2],
  });
  const buttons = place(roundedBox([0.0022, 0.03, 0.0026], { radius: 0.0008, cornerSegments: 2, flatSegments: [1, 4, 1] }), {
    translate: [W / 2, 0.028, 0],
  });
  return [
    { name: 'body', mesh: body },
    { name: 'camera_bump', mesh: bump },
    { name: 'buttons', mesh: buttons },
  ];
}
