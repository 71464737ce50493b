import type { LoadedDataset } from '../dataset/loadDataset';
import { keyRecord, ownEntry, setEntry } from '../dataset/ownEntry';
import { avoidSpecSchema, formatIssues } from '../dataset/schema';
import type { RegionPoint } from './paintRegion';

/** A region as the studio edits and stores it: object-frame points (meters), possibly none. */
export interface RegionValue {
  points: RegionPoint[];
  label?: string;
  source?: string;
}

/**
 * The dataset with one object's negative-affordance region replaced (inline points, as the
 * manifest export writes them) or removed (`null` or no points). A new dataset and objects
 * record; the rest is shared. Object ids are dataset strings, so `__proto__` is an ordinary key.
 */
export function withRegion(dataset: LoadedDataset, objectId: string, region: RegionValue | null): LoadedDataset {
  const entry = ownEntry(dataset.objects, objectId);
  if (!entry) return dataset;
  const objects = keyRecord<LoadedDataset['objects'][string]>();
  for (const id of Object.keys(dataset.objects)) setEntry(objects, id, dataset.objects[id]);
  const { avoid: _old, ...rest } = entry.spec;
  const spec =
    region && region.points.length
      ? { ...rest, avoid: { points: region.points, ...(region.label ? { label: region.label } : {}), ...(region.source ? { source: region.source } : {}) } }
      : rest;
  const { avoidUrl: _url, ...entryRest } = entry;
  setEntry(objects, objectId, { ...entryRest, spec });
  return { ...dataset, objects };
}

export interface StoredRegionLike extends RegionValue {
  object: string;
}

/**
 * Regions saved in this browser laid over a freshly loaded dataset (they are newer than the
 * manifest's). A record for an object the dataset lacks, or one that no longer validates, is
 * skipped with a message naming the object; an empty record means the region was removed.
 */
export function withSavedRegions(dataset: LoadedDataset, stored: readonly StoredRegionLike[]): { dataset: LoadedDataset; applied: string[]; problems: string[] } {
  let out = dataset;
  const applied: string[] = [];
  const problems: string[] = [];
  for (const r of stored) {
    if (!ownEntry(dataset.objects, r.object)) {
      problems.push(`saved region for object "${r.object}": the dataset has no such object; skipped`);
      continue;
    }
    if (r.points.length) {
      const check = avoidSpecSchema.safeParse({ points: r.points, label: r.label, source: r.source });
      if (!check.success) {
        problems.push(`saved region for object "${r.object}": ${formatIssues(check.error)}; skipped`);
        continue;
      }
    }
    out = withRegion(out, r.object, r);
    applied.push(r.object);
  }
  return { dataset: out, applied, problems };
}
