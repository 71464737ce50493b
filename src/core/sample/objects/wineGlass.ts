import type { ObjectPart } from './part';
import { arc, cylinder, lathe } from './primitives/lathe';

const BOWL_Y0 = 0.085;
const BOWL_H = 0.115;
const WALL = 0.0022;

/** Tulip bowl radius at height fraction u (0 = bottom, 1 = rim). */
function bowlRadius(u: number): number {
  return 0.046 * Math.sqrt(u) * (1 - 0.3 * u * u);
}

/** Foot, stem and a bowl with wall thickness and an open cavity, all solids of revolution. */
export function wineGlassParts(): ObjectPart[] {
  const foot = lathe([[0, 0], [0.034, 0], ...arc(0.034, 0.0015, 0.0015, -Math.PI / 2, Math.PI / 2, 4), [0.02, 0.0045], [0.009, 0.007], [0.006, 0.012], [0, 0.014]], 40);
  // Stem ends inside the solid bowl bottom, below the cavity.
  const stem = cylinder(0.0042, 0.01, BOWL_Y0 + 0.004, 24);
  const outer: [number, number][] = [[0, BOWL_Y0]];
  const n = 16;
  for (let i = 1; i <= n; i++) {
    const u = (i / n) ** 1.5;
    outer.push([bowlRadius(u), BOWL_Y0 + u * BOWL_H]);
  }
  const rimR = bowlRadius(1) - WALL / 2;
  const top = BOWL_Y0 + BOWL_H;
  const inner: [number, number][] = [];
  for (let i = n; i >= 3; i--) {
    const u = (i / n) ** 1.5;
    inner.push([bowlRadius(u) - WALL, BOWL_Y0 + u * BOWL_H]);
  }
  const bowl = lathe([...outer, ...arc(rimR, top, WALL / 2, 0, Math.PI, 4).slice(1, -1), ...inner, [0, BOWL_Y0 + 0.006]], 40);
  return [
    { name: 'foot', mesh: foot },
    { name: 'stem', mesh: stem },
    { name: 'bowl', mesh: bowl },
  ];
}
