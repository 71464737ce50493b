import { DatasetLoadError } from '../core/dataset/loadDataset';
import { runMetricsCommand } from './metricsCommand';
import { METRICS_HELP, parseMetricsArgs, UsageError } from './metricsArgs';
import { runImportCommand } from './importCommand';
import { runMergeCommand } from './mergeCommand';
import { runAlignCommand, runRetargetCommand } from './alignRetargetCommands';
import { PREDICT_HELP, parsePredictArgs, runPredictCommand } from './predictCommand';

const HELP = `Usage: hoi-studio <command> [options]

Commands:
  metrics <manifest> --out <file.csv|file.json>   compute grasp metrics for a dataset
  import <kind> <input> --out <manifest.json>      convert hoi-folder / dexgraspnet / dro results to a manifest
  merge <results...> --out <file.csv|file.json>    join results files, e.g. the shards of metrics --shard k/n
  align <manifest> --out <manifest.json>           align reference meshes to reconstructions, grasps to the reference frame
  retarget <manifest> --hand <id> --out <manifest.json>   robot grasps from human hands (ShadowHand, LEAP, any URDF)
  predict <manifest> --model <dro.json> --object <id> --hand <id> --out <predictions.json>
                                                   predict grasps with a DRO model (ONNX, WASM)

Run "hoi-studio <command> --help" for a command's options.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP + '\n' + METRICS_HELP);
    return command ? 0 : 2;
  }
  if (command === 'import') {
    try {
      return await runImportCommand(rest);
    } catch (e) {
      process.stderr.write(`hoi-studio import: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }
  if (command === 'merge') return runMergeCommand(rest);
  if (command === 'align' || command === 'retarget') {
    try {
      return await (command === 'align' ? runAlignCommand : runRetargetCommand)(rest);
    } catch (e) {
      process.stderr.write(`hoi-studio ${command}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }
  if (command === 'predict') return predict(rest);
  if (command !== 'metrics') {
    process.stderr.write(`hoi-studio: unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
  try {
    const args = parseMetricsArgs(rest);
    if (args === 'help') {
      process.stdout.write(METRICS_HELP);
      return 0;
    }
    await runMetricsCommand(args);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`hoi-studio metrics: ${e.message}\nRun "hoi-studio metrics --help" for usage.\n`);
      return 2;
    }
    if (e instanceof DatasetLoadError) {
      process.stderr.write(`hoi-studio metrics: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`hoi-studio metrics: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

async function predict(rest: string[]): Promise<number> {
  try {
    const args = parsePredictArgs(rest);
    if (args === 'help') {
      process.stdout.write(PREDICT_HELP);
      return 0;
    }
    await runPredictCommand(args);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`hoi-studio predict: ${e.message}\nRun "hoi-studio predict --help" for usage.\n`);
      return 2;
    }
    process.stderr.write(`hoi-studio predict: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
