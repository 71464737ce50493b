import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { relocateImport } from '../core/dataset/relocateImport';
import { IMPORT_KINDS, importDataset, type ImportFiles, type ImportKind } from '../core/importers';
import { isMeshPath } from '../core/importers/importFiles';

export const IMPORT_HELP = `Usage: hoi-studio import <kind> <input-folder-or-file> --out <manifest.json> [--name <name>]

Converts research results into a dataset manifest (see docs/importers.md):
  hoi-folder    a folder of reconstructed hand and object meshes (+ optional robot.json sidecars)
  dexgraspnet   DexGraspNet grasp records converted to JSON ({ qpos, scale } per grasp)
  dro           DRO / CMapDataset q vectors (JSON or CSV)

Writes the manifest and, for more than 2000 grasps, JSON Lines shards next to it. Mesh paths in
the output point at the input files (relative to the manifest); nothing is copied. Problems are
listed on stderr, naming the file; bad records are skipped and the rest is imported.
`;

const SKIP_DIRS = new Set(['node_modules', '.git']);

function walk(dir: string, rel = '', out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(path.join(dir, entry.name), `${rel}${entry.name}/`, out);
    } else if (entry.isFile()) out.push(rel + entry.name);
  }
  return out;
}

const posix = (p: string) =>
  p
    .split(path.sep)
    .join('/')
    .replace(/^([A-Za-z]):/, '/$1:');

export async function runImportCommand(argv: string[], log = (s: string) => process.stdout.write(s), warn = (s: string) => process.stderr.write(s)): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    log(IMPORT_HELP);
    return 0;
  }
  const positional: string[] = [];
  let out: string | undefined;
  let name: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i];
    else if (argv[i] === '--name') name = argv[++i];
    else if (argv[i].startsWith('--')) return usage(warn, `unknown option "${argv[i]}"`);
    else positional.push(argv[i]);
  }
  const [kind, input] = positional;
  if (!kind || !input) return usage(warn, 'give the kind and the input folder or file');
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) return usage(warn, `unknown kind "${kind}" (expected ${IMPORT_KINDS.join(', ')})`);
  if (!out) return usage(warn, '--out <manifest.json> is required');
  if (positional.length > 2) return usage(warn, `unexpected argument "${positional[2]}"`);

  const inputPath = path.resolve(input);
  let stat;
  try {
    stat = statSync(inputPath);
  } catch {
    warn(`hoi-studio import: ${input}: no such file or folder\n`);
    return 1;
  }
  // A single records file: its folder is the root, and only it and the meshes beside it are read.
  const root = stat.isDirectory() ? inputPath : path.dirname(inputPath);
  const all = walk(root);
  const paths = stat.isDirectory() ? all : all.filter((p) => p === path.basename(inputPath) || isMeshPath(p) || p.endsWith('.urdf'));
  const files: ImportFiles = { paths, readText: async (p) => readFileSync(path.join(root, p), 'utf8') };

  const result = await importDataset(kind as ImportKind, files, { name: name ?? path.basename(stat.isDirectory() ? inputPath : root) });
  const outPath = path.resolve(out);
  const outDir = path.dirname(outPath);
  const placed = relocateImport(result, posix(root), posix(outDir));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(outPath, JSON.stringify(placed.manifest, null, 2) + '\n');
  for (const [rel, text] of Object.entries(placed.files)) {
    const target = path.join(outDir, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }

  for (const i of result.issues) warn(`${i.severity}: ${i.file}: ${i.message}\n`);
  const grasps = (placed.manifest.grasps?.length ?? 0) + (placed.manifest.shards ?? []).reduce((n, s) => n + (typeof s === 'string' ? 0 : (s.count ?? 0)), 0);
  const count = (s: string) => result.issues.filter((i) => i.severity === s).length;
  log(
    `wrote ${path.relative(process.cwd(), outPath) || outPath}: ${grasps} grasps` +
      `${Object.keys(placed.files).length ? ` in ${Object.keys(placed.files).length} shards` : ''}; ${count('error')} errors, ${count('warning')} warnings\n`,
  );
  return grasps > 0 ? 0 : 1;
}

function usage(warn: (s: string) => void, message: string): number {
  warn(`hoi-studio import: ${message}\nRun "hoi-studio import --help" for usage.\n`);
  return 2;
}
