import type { ResultsFile } from './resultsFile';
import { METRIC_COLUMNS, type GraspMetricsRow } from './types';
import type { MetricsParams } from './params';
import type { ShardSpec } from './shard';

/** One input of a merge: a parsed results file and the name it came from (for messages). */
export interface MergeInput {
  name: string;
  file: ResultsFile;
}

export interface MergeOutcome {
  rows: GraspMetricsRow[];
  params?: Partial<MetricsParams>;
  dataset?: string;
  /** ids found in more than one input with the same values (kept once) */
  duplicates: number;
  /** shard indices missing when the inputs say they are shards of one split */
  missingShards: number[];
  warnings: string[];
}

export class MergeError extends Error {}

function sameRow(a: GraspMetricsRow, b: GraspMetricsRow): boolean {
  if ((a.error ?? '') !== (b.error ?? '')) return false;
  return METRIC_COLUMNS.every((c) => a[c] === b[c] || (a[c] !== null && b[c] !== null && Math.abs(a[c]! - b[c]!) <= 1e-6 * Math.max(1, Math.abs(a[c]!))));
}

function stableParams(p: Partial<MetricsParams> | undefined): string {
  if (!p) return '';
  return JSON.stringify(
    Object.keys(p)
      .sort()
      .map((k) => [k, p[k as keyof MetricsParams]]),
  );
}

/**
 * Joins results files (e.g. the shards of a cluster run) into one. Refuses inputs computed with
 * different parameters or on different datasets, and ids whose values disagree: a silent pick
 * would hide a broken job. Rows keep the order of the inputs.
 */
export function mergeResults(inputs: MergeInput[]): MergeOutcome {
  if (inputs.length === 0) throw new MergeError('nothing to merge: give at least one results file');
  const warnings: string[] = [];
  for (const { file } of inputs) warnings.push(...file.issues);

  const withParams = inputs.filter((i) => i.file.params);
  const firstParams = withParams[0];
  for (const other of withParams.slice(1)) {
    if (stableParams(other.file.params) !== stableParams(firstParams.file.params)) {
      throw new MergeError(
        `${other.name} was computed with other metric parameters than ${firstParams.name}: ${JSON.stringify(other.file.params)} vs ${JSON.stringify(firstParams.file.params)}`,
      );
    }
  }
  if (withParams.length > 0 && withParams.length < inputs.length) {
    warnings.push(`${inputs.length - withParams.length} input(s) (CSV) carry no parameters; assumed to match ${firstParams.name}`);
  }
  const datasets = new Set(inputs.map((i) => i.file.dataset).filter((d): d is string => !!d));
  if (datasets.size > 1) throw new MergeError(`inputs come from different datasets: ${[...datasets].map((d) => JSON.stringify(d)).join(', ')}`);

  const byId = new Map<string, { row: GraspMetricsRow; from: string }>();
  let duplicates = 0;
  for (const { name, file } of inputs) {
    for (const row of file.rows) {
      const seen = byId.get(row.id);
      if (!seen) {
        byId.set(row.id, { row, from: name });
      } else if (sameRow(seen.row, row)) {
        duplicates++;
      } else {
        throw new MergeError(`grasp ${JSON.stringify(row.id)} has different values in ${seen.from} and ${name}`);
      }
    }
  }

  const missingShards = checkShards(inputs, warnings);
  return {
    rows: [...byId.values()].map((v) => v.row),
    params: firstParams?.file.params,
    dataset: [...datasets][0],
    duplicates,
    missingShards,
    warnings,
  };
}

function checkShards(inputs: MergeInput[], warnings: string[]): number[] {
  const specs = inputs.map((i) => i.file.shard).filter((s): s is ShardSpec => !!s);
  if (specs.length === 0) return [];
  const counts = new Set(specs.map((s) => s.count));
  if (counts.size > 1) throw new MergeError(`inputs are shards of different splits (n = ${[...counts].join(', ')})`);
  const count = specs[0].count;
  const have = new Set(specs.map((s) => s.index));
  const missing: number[] = [];
  for (let k = 0; k < count; k++) if (!have.has(k)) missing.push(k);
  if (missing.length) {
    const shown = missing.slice(0, 20).join(', ') + (missing.length > 20 ? `, … (${missing.length} in all)` : '');
    warnings.push(`shards missing from the ${count}-way split: ${shown}`);
  }
  return missing;
}
