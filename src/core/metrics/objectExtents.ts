import type { SceneObject } from './scene';

export interface ObjectExtents {
  /** box side lengths of the scaled object, meters */
  extents: [number, number, number];
  /** box diagonal, meters */
  diagonal: number;
}

export function objectExtents(obj: SceneObject): ObjectExtents {
  const extents: [number, number, number] = [obj.max[0] - obj.min[0], obj.max[1] - obj.min[1], obj.max[2] - obj.min[2]];
  return { extents, diagonal: Math.hypot(...extents) };
}
