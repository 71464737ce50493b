import { FORMAT_V1, type Grasp, type HandSpec, type Manifest, type ObjectSpec } from '../dataset/schema';
import type { ImportResult } from './types';

/** Above this many grasps they go to JSON Lines shards instead of inline, to keep the manifest small. */
export const INLINE_GRASP_LIMIT = 2000;
export const SHARD_SIZE = 10000;

export function buildManifest(
  parts: {
    name: string;
    description?: string;
    hands: Record<string, HandSpec>;
    objects: Record<string, ObjectSpec>;
    grasps: Grasp[];
    meta?: Record<string, unknown>;
  },
  issues: ImportResult['issues'],
): ImportResult {
  const manifest: Manifest = {
    format: FORMAT_V1,
    name: parts.name,
    ...(parts.description ? { description: parts.description } : {}),
    hands: parts.hands,
    objects: parts.objects,
    ...(parts.meta ? { meta: parts.meta } : {}),
  };
  if (parts.grasps.length <= INLINE_GRASP_LIMIT) return { manifest: { ...manifest, grasps: parts.grasps }, issues };
  const files: Record<string, string> = {};
  const shards: Manifest['shards'] = [];
  for (let i = 0; i * SHARD_SIZE < parts.grasps.length; i++) {
    const chunk = parts.grasps.slice(i * SHARD_SIZE, (i + 1) * SHARD_SIZE);
    // Shards sit beside the manifest so the paths inside them (relative to the input root) resolve unchanged.
    const path = `grasps-${String(i).padStart(3, '0')}.jsonl`;
    files[path] = chunk.map((g) => JSON.stringify(g)).join('\n') + '\n';
    shards.push({ path, count: chunk.length });
  }
  return { manifest: { ...manifest, shards }, files, issues };
}
