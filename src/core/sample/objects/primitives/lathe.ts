import type { TriMesh } from '../../../mesh/triMesh';
import { loft, type Vec3 } from './loft';

/**
 * Solid of revolution about +Y. profile is [radius, y] from one end to the other; an end point
 * with radius 0 becomes a pole, any other end is capped flat. Interior radii must be > 0.
 * A profile that runs up the outside and back down the inside makes a cup with a real cavity.
 */
export function lathe(profile: [number, number][], segments: number): TriMesh {
  // Arcs joined end to start repeat a point; a repeated ring would give zero-area triangles.
  profile = profile.filter((p, i) => i === 0 || Math.hypot(p[0] - profile[i - 1][0], p[1] - profile[i - 1][1]) > 1e-9);
  const rings: Vec3[][] = profile.map(([r, y], i) => {
    const isEnd = i === 0 || i === profile.length - 1;
    if (r <= 0) {
      if (!isEnd) throw new Error(`lathe profile point ${i} has radius ${r}; only ends may touch the axis`);
      return [[0, y, 0]];
    }
    const ring: Vec3[] = [];
    for (let s = 0; s < segments; s++) {
      const a = (2 * Math.PI * s) / segments;
      ring.push([r * Math.cos(a), y, -r * Math.sin(a)]);
    }
    return ring;
  });
  return loft(rings);
}

/** Quarter/semi-circle arc samples [r, y] from angle a0 to a1 (radians) around (cr, cy). */
export function arc(cr: number, cy: number, radius: number, a0: number, a1: number, steps: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const a = a0 + ((a1 - a0) * i) / steps;
    out.push([cr + radius * Math.cos(a), cy + radius * Math.sin(a)]);
  }
  return out;
}

/** Closed cylinder along +Y from y0 to y1, optionally with chamfered/rounded edges of size bevel. */
export function cylinder(radius: number, y0: number, y1: number, segments: number, bevel = 0): TriMesh {
  if (bevel <= 0)
    return lathe(
      [
        [0, y0],
        [radius, y0],
        [radius, y1],
        [0, y1],
      ],
      segments,
    );
  const b = Math.min(bevel, radius * 0.9, Math.abs(y1 - y0) / 2.1);
  return lathe([[0, y0], ...arc(radius - b, y0 + b, b, -Math.PI / 2, 0, 3), ...arc(radius - b, y1 - b, b, 0, Math.PI / 2, 3), [0, y1]], segments);
}

/** Sphere (or, with stretch, a Y-axis spheroid) centred at y = cy. */
export function sphere(radius: number, cy: number, segments: number, rings: number, stretchY = 1): TriMesh {
  const profile: [number, number][] = [];
  for (let i = 0; i <= rings; i++) {
    const a = -Math.PI / 2 + (Math.PI * i) / rings;
    profile.push([i === 0 || i === rings ? 0 : radius * Math.cos(a), cy + radius * stretchY * Math.sin(a)]);
  }
  return lathe(profile, segments);
}
