import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MergeError, mergeResults, type MergeInput } from '../core/metrics/mergeResults';
import { parseResultsFile, ResultsFileError, writeResults } from '../core/metrics/resultsFile';
import type { MetricsParams } from '../core/metrics/params';

export const MERGE_HELP = `Usage: hoi-studio merge <results...> --out <file.csv|file.json> [--allow-missing]

Joins metrics results files (CSV or JSON, e.g. the shards of "hoi-studio metrics --shard k/n")
into one. Refuses files computed with different metric parameters or on different datasets,
and grasp ids whose values differ between files; identical repeats are kept once. When the
inputs are JSON shards of one split, a missing shard is an error unless --allow-missing.
See docs/cluster.md.
`;

export async function runMergeCommand(argv: string[], log: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { out: { type: 'string', short: 'o' }, 'allow-missing': { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    log(`hoi-studio merge: ${e instanceof Error ? e.message : String(e)}\n\n${MERGE_HELP}`);
    return 2;
  }
  const { values: v, positionals: files } = parsed;
  if (v.help) {
    process.stdout.write(MERGE_HELP);
    return 0;
  }
  const format = /\.(csv|json)$/i.exec(v.out ?? '')?.[1]?.toLowerCase() as 'csv' | 'json' | undefined;
  if (!v.out || !format || files.length === 0) {
    log(`hoi-studio merge: give one or more results files and --out <file.csv|file.json>\n\n${MERGE_HELP}`);
    return 2;
  }
  const inputs: MergeInput[] = [];
  try {
    for (const f of files) inputs.push({ name: f, file: parseResultsFile(await readFile(f, 'utf8'), f) });
    const merged = mergeResults(inputs);
    for (const w of merged.warnings) log(`warning: ${w}\n`);
    if (merged.missingShards.length && !v['allow-missing']) {
      log(`hoi-studio merge: ${merged.missingShards.length} shard(s) missing; rerun them or pass --allow-missing\n`);
      return 1;
    }
    const text = writeResults(merged.rows, format, { params: merged.params as MetricsParams | undefined, dataset: merged.dataset });
    await mkdir(path.dirname(path.resolve(v.out)), { recursive: true });
    await writeFile(v.out, text);
    if (!v.quiet) log(`[merge] ${inputs.length} files, ${merged.rows.length} grasps (${merged.duplicates} repeated rows dropped) -> ${v.out}\n`);
    return 0;
  } catch (e) {
    if (e instanceof MergeError || e instanceof ResultsFileError || (e as NodeJS.ErrnoException)?.code === 'ENOENT') {
      log(`hoi-studio merge: ${(e as Error).message}\n`);
      return 1;
    }
    throw e;
  }
}
