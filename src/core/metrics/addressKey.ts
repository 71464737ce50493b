import type { ResolvedGrasp } from '../dataset/loadDataset';
import { ownEntry } from '../dataset/ownEntry';
import { Hasher } from './hash';
import type { MetricsDatasetContext } from './metricsService';
import { METRICS_VERSION } from './version';
import { resolveParams, type MetricsParams } from './params';

/**
 * A cache key from where a grasp's inputs live (mesh and URDF URLs, pose, parameters) instead of
 * their contents. The page computes it without loading a single mesh, so cached rows can be shown
 * the moment a dataset opens; the content key (MetricsService.keys) is then checked in the
 * background and a row whose files changed under the same URL is recomputed.
 */
export function addressKey(grasp: ResolvedGrasp, ctx: MetricsDatasetContext, params: MetricsParams = resolveParams()): string {
  const object = ownEntry(ctx.objects, grasp.object);
  const hand = ownEntry(ctx.hands, grasp.hand);
  return new Hasher()
    .string('address')
    .number(METRICS_VERSION)
    .value(params)
    .string(object?.meshUrl ?? `missing object ${grasp.object}`)
    .value(hand ? { spec: hand.spec, urdf: hand.urdfUrl ?? null } : `missing hand ${grasp.hand}`)
    .string(grasp.reconstructionUrl ?? '')
    .string(object ? avoidAddress(object) : '')
    .value({ root: grasp.root, joints: grasp.joints, scale: grasp.objectScale ?? 1 })
    .hex();
}

const inlineHashes = new WeakMap<object, string>();

/** Where the object's region lives: its file's URL, or a hash of its inline points (edited in the studio, so the URL alone would hide an edit). */
function avoidAddress(object: MetricsDatasetContext['objects'][string]): string {
  const avoid = object.spec.avoid;
  if (!avoid) return '';
  if (!('points' in avoid)) return `file ${object.avoidUrl ?? avoid.file}`;
  let h = inlineHashes.get(avoid.points);
  if (h === undefined) {
    h = new Hasher().value(avoid.points).hex();
    inlineHashes.set(avoid.points, h);
  }
  return `inline ${h}`;
}
