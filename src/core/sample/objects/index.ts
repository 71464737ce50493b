import { mergeMeshes } from '../../mesh/mergeMeshes';
import { meshBounds, type TriMesh } from '../../mesh/triMesh';
import { microphoneParts } from './microphone';
import { mugParts } from './mug';
import type { ObjectPart } from './part';
import { penParts } from './pen';
import { phoneParts } from './phone';
import { powerDrillParts } from './powerDrill';
import { sprayBottleParts } from './sprayBottle';
import { swordParts } from './sword';
import { syringeParts } from './syringe';
import { tongsParts } from './tongs';
import { place } from './transform';
import { wineGlassParts } from './wineGlass';

export type { ObjectPart } from './part';

/** The ten Web2Grasp training categories. */
export const SAMPLE_CATEGORIES = ['power_drill', 'pen', 'microphone', 'phone', 'spray_bottle', 'wine_glass', 'tongs', 'syringe', 'mug', 'sword'] as const;

export type SampleCategory = (typeof SAMPLE_CATEGORIES)[number];

export interface SampleObject {
  /** all parts merged (not welded: each part stays a closed shell; overlaps are allowed) */
  mesh: TriMesh;
  /** named functional regions, in the same frame as mesh */
  parts: ObjectPart[];
}

const BUILDERS: Record<SampleCategory, () => ObjectPart[]> = {
  power_drill: powerDrillParts,
  pen: penParts,
  microphone: microphoneParts,
  phone: phoneParts,
  spray_bottle: sprayBottleParts,
  wine_glass: wineGlassParts,
  tongs: tongsParts,
  syringe: syringeParts,
  mug: mugParts,
  sword: swordParts,
};

export function isSampleCategory(value: string): value is SampleCategory {
  return (SAMPLE_CATEGORIES as readonly string[]).includes(value);
}

/**
 * Procedural object in meters, origin at its bounding-box centre. Upright objects (drill, bottle,
 * glass, mug) stand on -Y; long objects lie along Y. Deterministic: no randomness involved.
 */
export function makeObject(category: SampleCategory): SampleObject {
  const build = BUILDERS[category];
  if (!build) throw new Error(`unknown sample category "${category}"`);
  const raw = build();
  const b = meshBounds(mergeMeshes(raw.map((p) => p.mesh)));
  const shift: [number, number, number] = [0, 1, 2].map((k) => -(b.min[k] + b.max[k]) / 2) as [number, number, number];
  const parts = raw.map((p) => ({ name: p.name, mesh: place(p.mesh, { translate: shift }) }));
  return { mesh: mergeMeshes(parts.map((p) => p.mesh)), parts };
}
