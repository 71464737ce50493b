/**
 * Deterministic slicing of a dataset into n shards, for cluster array jobs.
 * A grasp's shard depends on its id alone (not on its position), so a shard holds the same grasps
 * however the manifest's shards are ordered or streamed, and every id lands in exactly one shard.
 */
export interface ShardSpec {
  /** 0-based, as Slurm's SLURM_ARRAY_TASK_ID (with --array=0-N) and Kubernetes' JOB_COMPLETION_INDEX */
  index: number;
  count: number;
}

export const MAX_SHARDS = 1_000_000;

/** Parses "k/n" with 0 <= k < n; throws RangeError with a message fit for the terminal. */
export function parseShardSpec(text: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new RangeError(`--shard expects k/n (e.g. 0/8), got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) throw new RangeError(`--shard: n must be in [1, ${MAX_SHARDS}], got ${count}`);
  if (index >= count) throw new RangeError(`--shard: k is 0-based and must be below n (${count}), got ${index}`);
  return { index, count };
}

/** FNV-1a over UTF-16 code units: stable across platforms and runs, cheap for millions of ids. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche so ids that differ only in their last characters still spread over shards.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

export function shardOfId(id: string, count: number): number {
  return idHash(id) % count;
}

export function inShard(id: string, spec: ShardSpec): boolean {
  return shardOfId(id, spec.count) === spec.index;
}
