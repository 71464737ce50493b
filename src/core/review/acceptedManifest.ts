import type { LoadedDataset, ResolvedGrasp } from '../dataset/loadDataset';
import { FORMAT_V1, type Grasp, type HandSpec, type Manifest, type ObjectSpec } from '../dataset/schema';
import { relativeUrl } from './relativeUrl';
import { ownEntry, setEntry } from '../dataset/ownEntry';

export interface AcceptedManifestOptions {
  /** where the new manifest will be saved: its file URL, or its folder URL ending in "/" */
  target: string;
  /** default: "<dataset name> (accepted)" */
  name?: string;
  description?: string;
  /** recorded in meta; default now */
  createdAt?: Date;
}

/** A manifest with every grasp inline and no shards. */
export type InlineManifest = Omit<Manifest, 'grasps' | 'shards'> & { grasps: Grasp[] };

export interface AcceptedManifest {
  manifest: InlineManifest;
  json: string;
  /** accepted ids that are not in the dataset (e.g. decisions imported for another version) */
  missing: string[];
}

/**
 * A manifest (same format) holding only the accepted grasps and the hands and objects they use,
 * every grasp inline, every path rewritten from the loader's resolved URLs to resolve from the
 * new manifest's folder (relative when possible, absolute otherwise, see relativeUrl).
 */
export function acceptedManifest(dataset: LoadedDataset, acceptedIds: Iterable<string>, opts: AcceptedManifestOptions): AcceptedManifest {
  const at = opts.target.endsWith('/') ? `${opts.target}manifest.json` : opts.target;
  const rel = (url: string) => relativeUrl(at, url);
  const byId = new Map(dataset.grasps.map((g) => [g.id, g] as const));
  const wanted = new Set(acceptedIds);
  const missing = [...wanted].filter((id) => !byId.has(id));
  // Dataset order, not decision order: a stable, diffable file.
  const grasps = dataset.grasps.filter((g) => wanted.has(g.id));

  // Ids such as "__proto__" are ordinary keys here (own properties, written with setEntry).
  const hands: Record<string, HandSpec> = {};
  const objects: Record<string, ObjectSpec> = {};
  for (const g of grasps) {
    const h = ownEntry(dataset.hands, g.hand);
    if (h && !ownEntry(hands, g.hand)) {
      setEntry(hands, g.hand, 'urdf' in h.spec && h.urdfUrl ? { ...h.spec, urdf: rel(h.urdfUrl) } : { ...h.spec });
    }
    const o = ownEntry(dataset.objects, g.object);
    if (o && !ownEntry(objects, g.object)) {
      // Every path the object names is rewritten to resolve from the new folder (inline avoid points travel as they are).
      const spec: ObjectSpec = { ...o.spec, mesh: rel(o.meshUrl) };
      if (o.spec.avoid && 'file' in o.spec.avoid && o.avoidUrl) spec.avoid = { ...o.spec.avoid, file: rel(o.avoidUrl) };
      if (o.spec.parts && o.partsUrl) spec.parts = rel(o.partsUrl);
      setEntry(objects, g.object, spec);
    }
  }

  const manifest: InlineManifest = {
    format: FORMAT_V1,
    name: opts.name ?? `${dataset.name} (accepted)`,
    ...((opts.description ?? dataset.description) ? { description: opts.description ?? dataset.description } : {}),
    hands,
    objects,
    grasps: grasps.map((g) => rewriteGrasp(g, rel)),
    meta: {
      derivedFrom: { dataset: dataset.name, manifest: rel(dataset.manifestUrl) },
      accepted: grasps.length,
      createdAt: (opts.createdAt ?? new Date()).toISOString(),
    },
  };
  return { manifest, json: JSON.stringify(manifest, null, 1) + '\n', missing };
}

function rewriteGrasp(g: ResolvedGrasp, rel: (url: string) => string): Grasp {
  const { source: _source, reconstructionUrl, manoMeshUrl, ...grasp } = g;
  const out: Grasp = { ...grasp };
  if (grasp.reconstruction && reconstructionUrl) out.reconstruction = { ...grasp.reconstruction, mesh: rel(reconstructionUrl) };
  if (grasp.mano && 'mesh' in grasp.mano && manoMeshUrl) out.mano = { ...grasp.mano, mesh: rel(manoMeshUrl) };
  return out;
}
