import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { DEFAULT_METRICS_PARAMS, resolveParams, type MetricsParams } from '../core/metrics/params';
import { parseShardSpec, type ShardSpec } from '../core/metrics/shard';

export const METRICS_HELP = `Usage: hoi-studio metrics <manifest> --out <file.csv|file.json> [options]

Computes grasp-quality metrics for every grasp of a dataset manifest (path or URL) and writes
one row per grasp: id, penetration_depth_cm, penetration_volume_cm3, disjoint_distance_cm,
contact_ratio_pct, object_diagonal_cm, d2_wasserstein_cm, affordance_score, avoid_distance_cm
(the last two only for objects with an "avoid" region), error (empty when fine).
The JSON output also holds each object's extents and the parameters used. Progress goes to stderr.

Metric parameters:
  --samples <n>         area-weighted surface samples on the hand (penetration depth, in
                        addition to every hand vertex) and on the object (contact ratio)
                        [default ${DEFAULT_METRICS_PARAMS.samples}]
  --voxel-mm <pitch>    voxel pitch of the penetration volume grid, mm [default ${DEFAULT_METRICS_PARAMS.voxelMm}]
  --contact-mm <t>      an object sample is in contact within this distance of the hand, mm
                        [default ${DEFAULT_METRICS_PARAMS.contactMm}]
  --avoid-mm <t>        a fingertip closer than this to the object's negative-affordance region
                        ("avoid") violates it; affordance_score counts the others, mm
                        [default ${DEFAULT_METRICS_PARAMS.avoidMm}]
  --seed <n>            seed of all random sampling (results are reproducible) [default ${DEFAULT_METRICS_PARAMS.seed}]
  --geometry <kind>     hand geometry from the URDF: visual | collision [default ${DEFAULT_METRICS_PARAMS.geometry}]
  --d2-pairs <n>        random point pairs per D2 shape distribution [default ${DEFAULT_METRICS_PARAMS.d2Pairs}]
  --inside-rays <n>     rays per inside/outside vote, odd [default ${DEFAULT_METRICS_PARAMS.insideRays}]
  --max-triangles <n>   refuse meshes with more triangles (per-grasp error) [default ${DEFAULT_METRICS_PARAMS.maxTriangles}]

Execution:
  --out <file>          output file; .csv or .json (required)
  --format <csv|json>   output format when the extension does not say
  --workers <n>         worker threads [default: available cores, here ${availableParallelism()}]
  --chunk <n>           grasps per task sent to a worker [default 8]
  --timeout-s <s>       per-grasp time limit; a grasp over it is reported as an error [default 120]
  --heap-mb <n>         heap limit per worker thread, MB [default 4096]
  --limit <n>           only the first n grasps
  --shard <k>/<n>       only the k-th (0-based) of n deterministic slices of the grasps, chosen by
                        a hash of each grasp id; join the slices with "hoi-studio merge"
                        (docs/cluster.md: Slurm array and Kubernetes indexed Job recipes)
  --quiet               no progress output
  -h, --help            this help
`;

export interface MetricsArgs {
  manifest: string;
  out: string;
  format: 'csv' | 'json';
  params: MetricsParams;
  workers: number;
  chunk: number;
  timeoutS: number;
  heapMb: number;
  limit: number | null;
  shard: ShardSpec | null;
  quiet: boolean;
}

export class UsageError extends Error {}

/** Parses `metrics` arguments; throws UsageError with a message fit for the terminal. */
export function parseMetricsArgs(argv: string[]): MetricsArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        format: { type: 'string' },
        samples: { type: 'string' },
        'voxel-mm': { type: 'string' },
        'contact-mm': { type: 'string' },
        'avoid-mm': { type: 'string' },
        seed: { type: 'string' },
        geometry: { type: 'string' },
        'd2-pairs': { type: 'string' },
        'inside-rays': { type: 'string' },
        'max-triangles': { type: 'string' },
        workers: { type: 'string' },
        chunk: { type: 'string' },
        'timeout-s': { type: 'string' },
        'heap-mb': { type: 'string' },
        limit: { type: 'string' },
        shard: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (parsed.positionals.length !== 1) throw new UsageError(`expected exactly one manifest, got ${parsed.positionals.length}`);
  if (!v.out) throw new UsageError('--out <file.csv|file.json> is required');
  const num = (name: string, s: string | undefined): number | undefined => {
    if (s === undefined) return undefined;
    const x = Number(s);
    if (s.trim() === '' || !Number.isFinite(x)) throw new UsageError(`--${name} expects a number, got "${s}"`);
    return x;
  };
  const int = (name: string, s: string | undefined, min: number): number | undefined => {
    const x = num(name, s);
    if (x !== undefined && (!Number.isInteger(x) || x < min)) throw new UsageError(`--${name} expects an integer >= ${min}, got "${s}"`);
    return x;
  };
  const ext = /\.(csv|json)$/i.exec(v.out)?.[1]?.toLowerCase();
  const format = (v.format ?? ext) as string | undefined;
  if (format !== 'csv' && format !== 'json') throw new UsageError(`cannot tell the output format of "${v.out}"; use a .csv or .json name or --format`);
  if (v.geometry !== undefined && v.geometry !== 'visual' && v.geometry !== 'collision') throw new UsageError(`--geometry must be visual or collision, got "${v.geometry}"`);
  let params: MetricsParams;
  try {
    params = resolveParams({
      samples: int('samples', v.samples, 0),
      voxelMm: num('voxel-mm', v['voxel-mm']),
      contactMm: num('contact-mm', v['contact-mm']),
      avoidMm: num('avoid-mm', v['avoid-mm']),
      seed: int('seed', v.seed, 0),
      geometry: v.geometry as MetricsParams['geometry'] | undefined,
      d2Pairs: int('d2-pairs', v['d2-pairs'], 16),
      insideRays: int('inside-rays', v['inside-rays'], 1),
      maxTriangles: int('max-triangles', v['max-triangles'], 1),
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  return {
    manifest: parsed.positionals[0],
    out: v.out,
    format,
    params,
    workers: int('workers', v.workers, 1) ?? availableParallelism(),
    chunk: int('chunk', v.chunk, 1) ?? 8,
    timeoutS: num('timeout-s', v['timeout-s']) ?? 120,
    heapMb: int('heap-mb', v['heap-mb'], 64) ?? 4096,
    limit: int('limit', v.limit, 0) ?? null,
    shard: v.shard === undefined ? null : shardArg(v.shard),
    quiet: !!v.quiet,
  };
}

function shardArg(text: string): ShardSpec {
  try {
    return parseShardSpec(text);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
