import type { ObjectPart } from './part';
import { arc, lathe } from './primitives/lathe';
import type { Vec3 } from './primitives/loft';
import { roundedBox } from './primitives/roundedBox';
import { tube } from './primitives/tube';
import { place } from './transform';

const BODY_Y = 0.185;
/** Lathe profiles are built along +Y; this turns them to point along +X at the body axis. */
const alongX = { rotate: [0, 0, -Math.PI / 2] as Vec3, translate: [0, BODY_Y, 0] as Vec3 };

/** Cordless drill standing on its battery (+Y up), chuck pointing +X. */
export function powerDrillParts(): ObjectPart[] {
  const battery = place(roundedBox([0.078, 0.032, 0.062], { radius: 0.006, cornerSegments: 3, flatSegments: [4, 2, 3] }), {
    translate: [-0.005, 0.016, 0],
  });
  const path: Vec3[] = [];
  for (let i = 0; i <= 10; i++) {
    const t = i / 10;
    path.push([-0.004 + 0.016 * t + 0.004 * Math.sin(Math.PI * t), 0.026 + 0.142 * t, 0]);
  }
  // Grip: deeper front-to-back than side-to-side, slightly waisted in the middle.
  const handle = tube(path, { radius: (t) => [0.0155 - 0.0015 * Math.sin(Math.PI * t), 0.0205 - 0.002 * Math.sin(Math.PI * t)], sides: 20 });
  const body = place(
    lathe(
      [
        [0, -0.1],
        ...arc(0, -0.07, 0.03, -Math.PI / 2, 0, 6).slice(1),
        [0.031, -0.04],
        [0.032, -0.01],
        [0.031, 0.02],
        [0.029, 0.05],
        [0.027, 0.08],
        [0.025, 0.09],
        [0.02, 0.092],
        [0, 0.092],
      ],
      40,
    ),
    alongX,
  );
  const chuckProfile: [number, number][] = [
    [0, 0.085],
    [0.019, 0.085],
  ];
  for (let i = 0; i < 5; i++) {
    const y = 0.09 + i * 0.007;
    chuckProfile.push([0.019 - i * 0.0007, y], [0.0175 - i * 0.0007, y + 0.0035]);
  }
  chuckProfile.push([0.013, 0.125], [0.011, 0.132], [0, 0.133]);
  const chuck = place(lathe(chuckProfile, 32), alongX);
  const trigger = place(roundedBox([0.012, 0.026, 0.013], { radius: 0.004, cornerSegments: 2, flatSegments: [1, 2, 1] }), {
    translate: [0.029, 0.147, 0],
    rotate: [0, 0, -0.2],
  });
  return [
    { name: 'battery', mesh: battery },
    { name: 'handle', mesh: handle },
    { name: 'body', mesh: body },
    { name: 'chuck', mesh: chuck },
    { name: 'trigger', mesh: trigger },
  ];
}
