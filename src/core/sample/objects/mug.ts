import type { ObjectPart } from './part';
import { arc, lathe } from './primitives/lathe';
import type { Vec3 } from './primitives/loft';
import { tube } from './primitives/tube';

const R = 0.04; // outer radius
const H = 0.1; // height
const WALL = 0.005;
const FLOOR = 0.008;

/** Thick-walled cup with a real cavity, and a D-shaped handle whose ends sit inside the wall. */
export function mugParts(): ObjectPart[] {
  const f = 0.004; // fillet radius
  const outerWall: [number, number][] = [];
  for (let y = 0.015; y < H - 0.01; y += 0.012) outerWall.push([R, y]);
  const innerWall = outerWall
    .filter(([, y]) => y > FLOOR + f + 0.004)
    .map(([, y]) => [R - WALL, y] as [number, number])
    .reverse();
  const body = lathe(
    [
      [0, 0],
      [R * 0.5, 0],
      ...arc(R - f, f, f, -Math.PI / 2, 0, 3),
      ...outerWall,
      ...arc(R - WALL / 2, H - WALL / 2, WALL / 2, 0, Math.PI, 6),
      ...innerWall,
      ...arc(R - WALL - f, FLOOR + f, f, 0, -Math.PI / 2, 3),
      [(R - WALL) * 0.5, FLOOR],
      [0, FLOOR],
    ],
    48,
  );

  const path: Vec3[] = [[R - 0.002, 0.078, 0]];
  const cx = R + 0.008,
    cy = 0.05,
    rx = 0.022,
    ry = 0.028;
  for (let i = 0; i <= 24; i++) {
    const a = Math.PI / 2 - (Math.PI * i) / 24;
    path.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a), 0]);
  }
  path.push([R - 0.002, 0.022, 0]);
  // Flat handle: wider across (z) than through (radially), ends embedded in the wall, not the cavity.
  const handle = tube(path, { radius: [0.0065, 0.0042], sides: 16 });
  return [
    { name: 'body', mesh: body },
    { name: 'handle', mesh: handle },
  ];
}
