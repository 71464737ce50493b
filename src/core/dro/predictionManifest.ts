import type { LoadedDataset } from '../dataset/loadDataset';
import { FORMAT_V1, type Grasp, type HandSpec, type Manifest, type ObjectSpec } from '../dataset/schema';
import { relativeUrl } from '../review/relativeUrl';

/**
 * A dataset@1 manifest holding predicted grasps with the hand and object they use, paths
 * rewritten to resolve from `target` (the URL the file will be saved at), so it opens in the
 * studio and goes through `hoi-studio metrics` like any dataset.
 */
export function predictionManifest(
  dataset: Pick<LoadedDataset, 'name' | 'manifestUrl' | 'hands' | 'objects'>,
  grasps: Grasp[],
  target: string,
  meta: Record<string, unknown> = {},
): Manifest & { grasps: Grasp[] } {
  const rel = (url: string) => relativeUrl(target, url);
  const hands: Record<string, HandSpec> = {};
  const objects: Record<string, ObjectSpec> = {};
  for (const g of grasps) {
    const h = dataset.hands[g.hand];
    if (h && !hands[g.hand]) hands[g.hand] = 'urdf' in h.spec && h.urdfUrl ? { ...h.spec, urdf: rel(h.urdfUrl) } : { ...h.spec };
    const o = dataset.objects[g.object];
    if (o && !objects[g.object]) objects[g.object] = { ...o.spec, mesh: rel(o.meshUrl) };
  }
  return {
    format: FORMAT_V1,
    name: `${dataset.name} (DRO predictions)`,
    hands,
    objects,
    grasps,
    meta: { derivedFrom: { dataset: dataset.name, manifest: rel(dataset.manifestUrl) }, ...meta },
  };
}
