import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadDataset, type ResolvedGrasp } from '../core/dataset/loadDataset';
import { nodeIO, toManifestUrl } from '../core/dataset/nodeIO';
import { runDatasetMetrics } from '../core/metrics/datasetRunner';
import { writeResults } from '../core/metrics/resultsFile';
import { inShard } from '../core/metrics/shard';
import { emptyMetrics, type GraspMetricsRow } from '../core/metrics/types';
import type { MetricsArgs } from './metricsArgs';
import { createNodeMetricsPool } from './nodePool';
import { progressPrinter } from './progress';

export interface MetricsRunSummary {
  grasps: number;
  withErrors: number;
  seconds: number;
  rows: GraspMetricsRow[];
}

/** Loads the dataset, computes every grasp on worker threads, writes the results file. */
export async function runMetricsCommand(args: MetricsArgs, log: (s: string) => void = (s) => process.stderr.write(s + '\n')): Promise<MetricsRunSummary> {
  const t0 = performance.now();
  const manifestUrl = toManifestUrl(args.manifest);
  const dataset = await loadDataset(manifestUrl, nodeIO());
  for (const issue of dataset.issues) log(`${issue.severity}: ${issue.file}: ${issue.message}`);
  const mine = (id: string) => args.shard === null || inShard(id, args.shard);
  let grasps: ResolvedGrasp[] = dataset.grasps.filter((g) => mine(g.id));
  if (args.limit !== null) grasps = grasps.slice(0, args.limit);

  const ctx = { hands: dataset.hands, objects: dataset.objects, manifestUrl: dataset.manifestUrl };
  const workers = Math.max(1, Math.min(args.workers, grasps.length || 1));
  const pool = createNodeMetricsPool(workers, (api) => api.configure(ctx, args.params), args.heapMb);
  const progress = progressPrinter('[metrics]', args.quiet);
  const shardNote = args.shard ? ` (shard ${args.shard.index}/${args.shard.count})` : '';
  if (!args.quiet) log(`[metrics] ${dataset.name}${shardNote}: ${grasps.length} grasps on ${workers} worker thread${workers === 1 ? '' : 's'}`);
  let rows: GraspMetricsRow[];
  try {
    const computed = await runDatasetMetrics(pool, grasps, {
      chunkSize: args.chunk,
      graspTimeoutMs: args.timeoutS * 1000,
      onProgress: (done, total) => progress.update(done, total),
    });
    rows = computed.map(({ cacheKey: _k, ms: _ms, overlay: _o, ...row }) => row);
  } finally {
    progress.end();
    pool.destroy();
  }
  // Grasps the loader rejected still get a row, so the output accounts for every grasp id.
  const have = new Set(rows.map((r) => r.id));
  if (args.limit === null) {
    for (const issue of dataset.issues) {
      if (issue.graspId && issue.severity === 'error' && !have.has(issue.graspId) && mine(issue.graspId)) {
        have.add(issue.graspId);
        rows.push({ id: issue.graspId, ...emptyMetrics(`dataset: ${issue.file}: ${issue.message}`) });
      }
    }
  }
  const text = writeResults(rows, args.format, { params: args.params, dataset: dataset.name, shard: args.shard ?? undefined });
  await mkdir(path.dirname(path.resolve(args.out)), { recursive: true });
  await writeFile(args.out, text);
  const seconds = (performance.now() - t0) / 1000;
  const withErrors = rows.filter((r) => r.error && !r.error.split('; ').every((e) => e.startsWith('warning: '))).length;
  if (!args.quiet) log(`[metrics] wrote ${rows.length} rows to ${args.out} in ${seconds.toFixed(1)} s (${withErrors} with errors)`);
  return { grasps: rows.length, withErrors, seconds, rows };
}
