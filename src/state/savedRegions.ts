import type { LoadedDataset } from '../core/dataset/loadDataset';
import { withSavedRegions } from '../core/affordance/datasetRegions';
import { datasetKey } from '../storage/datasetKey';
import { regionsOf } from '../storage/regionStore';

/** Datasets whose regions saved in this browser are already laid over them (a save makes a new dataset that is). */
const applied = new WeakSet<LoadedDataset>();

export function markRegionsApplied(dataset: LoadedDataset): void {
  applied.add(dataset);
}

export function regionsApplied(dataset: LoadedDataset): boolean {
  return applied.has(dataset);
}

/** The dataset with the regions saved for it in this browser (IndexedDB) laid over the manifest's. */
export async function applySavedRegions(dataset: LoadedDataset): Promise<ReturnType<typeof withSavedRegions>> {
  const stored = await regionsOf(datasetKey(dataset.manifestUrl, dataset.name));
  const r = withSavedRegions(dataset, stored);
  markRegionsApplied(r.dataset);
  return r;
}
