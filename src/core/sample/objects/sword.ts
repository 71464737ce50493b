import type { ObjectPart } from './part';
import { lathe, sphere } from './primitives/lathe';
import { loft, type Vec3 } from './primitives/loft';
import { roundedBox } from './primitives/roundedBox';
import { place } from './transform';

const BLADE_LENGTH = 0.7;

/** Lens-shaped blade section: sharp-ish edges along X, thickness along Z. */
function bladeRing(y: number, width: number, thickness: number, points: number): Vec3[] {
  const ring: Vec3[] = [];
  for (let i = 0; i < points; i++) {
    const a = (2 * Math.PI * i) / points;
    const c = Math.cos(a),
      s = Math.sin(a);
    // |sin|^0.8 fattens the flats a little so the section reads as a blade, not an ellipse
    ring.push([(width / 2) * c, y, (thickness / 2) * Math.sign(s) * Math.abs(s) ** 0.8]);
  }
  return ring;
}

/** Arming sword along Y, point at +Y, pommel at -Y; the guard spans X. */
export function swordParts(): ObjectPart[] {
  const rings: Vec3[][] = [];
  const n = 36;
  for (let i = 0; i <= n; i++) {
    const u = 1 - (1 - i / n) ** 1.6; // denser sections toward the point where the outline bends
    const y = -0.006 + u * (BLADE_LENGTH - 0.02);
    const taperStart = 0.78;
    const w = u < taperStart ? 0.046 - 0.008 * (u / taperStart) : 0.038 * Math.sqrt(Math.max(0, 1 - ((u - taperStart) / (1 - taperStart)) ** 2) * 0.98 + 0.02);
    rings.push(bladeRing(y, w, 0.0068 - 0.003 * u, 16));
  }
  rings.push([[0, BLADE_LENGTH, 0]]);
  const blade = loft(rings);
  const guard = place(roundedBox([0.18, 0.016, 0.026], { radius: 0.006, cornerSegments: 3, flatSegments: [10, 1, 2] }), {
    translate: [0, -0.008, 0],
  });
  const gripProfile: [number, number][] = [[0, -0.164]];
  for (let i = 0; i <= 10; i++) {
    const t = i / 10;
    gripProfile.push([0.0125 + 0.0025 * Math.sin(Math.PI * t), -0.162 + 0.148 * t]);
  }
  gripProfile.push([0, -0.012]);
  const grip = place(lathe(gripProfile, 28), { scale: [1, 1, 0.8] });
  const pommel = sphere(0.022, -0.176, 28, 14, 0.75);
  return [
    { name: 'blade', mesh: blade },
    { name: 'guard', mesh: guard },
    { name: 'grip', mesh: grip },
    { name: 'pommel', mesh: pommel },
  ];
}
