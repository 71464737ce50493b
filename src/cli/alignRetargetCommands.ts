import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadDataset, errorText, type LoadedDataset, type ResolvedGrasp } from '../core/dataset/loadDataset';
import { nodeIO, toManifestUrl } from '../core/dataset/nodeIO';
import { fileLabel } from '../core/dataset/resolveUrl';
import { SceneService } from '../core/scene/sceneService';
import { acceptedManifest } from '../core/review/acceptedManifest';
import { alignToReference } from '../core/align/alignMesh';
import { alignedGrasp } from '../core/align/alignGrasp';
import { graspHumanKeypoints } from '../core/retarget/graspKeypoints';
import { retargetedGrasp } from '../core/retarget/retargetGrasp';
import { resolveRetargetHand } from '../core/retarget/resolveRetargetHand';

export const ALIGN_HELP = `Usage: hoi-studio align <manifest> --out <manifest.json> [--inlier-mm 5] [--samples 1000]

Aligns the reference mesh to every grasp's reconstruction (similarity ICP from PCA starts, see
docs/align-retarget.md) and writes the grasps in the reference frame: the reconstruction and a MANO
mesh get a pose, keypoints and robot root are moved, the scale goes to objectScale, and
meta.align = { scale, rmsMm, inliers }. Grasps without a reconstruction are copied unchanged.
`;

export const RETARGET_HELP = `Usage: hoi-studio retarget <manifest> --hand <hand id | shadowhand | leaphand> [--object-scale s] --out <manifest.json>

Writes one robot grasp per grasp that has a human hand (mano keypoints or a MANO mesh), id
"<id>-rt-<hand>", with meta.retarget = { source, fingertipErrorMm, ... }. --object-scale scales the
object and the human hand about the object origin first (Web2Grasp uses 1.5 for LEAP). Grasps
still in their reconstruction's own frame (reconstruction.frame "own") are skipped: align first.
`;

interface Common {
  manifest: string;
  out: string;
  options: Record<string, string>;
}

function parse(argv: string[], known: string[], warn: (s: string) => void, command: string): Common | number {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const name = a.slice(2);
      if (!known.includes(name)) return usage(warn, command, `unknown option "${a}"`);
      const v = argv[++i];
      if (v === undefined) return usage(warn, command, `${a} needs a value`);
      options[name] = v;
    } else positional.push(a);
  }
  if (positional.length !== 1) return usage(warn, command, positional.length ? `unexpected argument "${positional[1]}"` : 'give the manifest');
  if (!options.out) return usage(warn, command, '--out <manifest.json> is required');
  return { manifest: positional[0], out: options.out, options };
}

function usage(warn: (s: string) => void, command: string, message: string): number {
  warn(`hoi-studio ${command}: ${message}\nRun "hoi-studio ${command} --help" for usage.\n`);
  return 2;
}

function positiveNumber(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!(Number.isFinite(n) && n > 0)) throw new Error(`--${name} must be a positive number (got "${v}")`);
  return n;
}

/** Writes the grasps as a manifest at `out`, paths rewritten to resolve from there. */
function writeManifest(dataset: LoadedDataset, grasps: ResolvedGrasp[], hands: LoadedDataset['hands'], out: string, name: string, meta: Record<string, unknown>) {
  const outPath = path.resolve(out);
  const result = acceptedManifest(
    { ...dataset, hands, grasps },
    grasps.map((g) => g.id),
    { target: pathToFileURL(outPath).href, name },
  );
  const manifest = { ...result.manifest, meta: { derivedFrom: (result.manifest.meta as Record<string, unknown>).derivedFrom, ...meta } };
  mkdirSync(path.dirname(outPath), { recursive: true });
  writeFileSync(outPath, JSON.stringify(manifest, null, 1) + '\n');
  return outPath;
}

export async function runAlignCommand(argv: string[], log = (s: string) => process.stdout.write(s), warn = (s: string) => process.stderr.write(s)): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    log(ALIGN_HELP);
    return 0;
  }
  const args = parse(argv, ['out', 'inlier-mm', 'samples'], warn, 'align');
  if (typeof args === 'number') return args;
  const inlierDistance = positiveNumber(args.options['inlier-mm'], 'inlier-mm', 5) / 1000;
  const samples = Math.round(positiveNumber(args.options.samples, 'samples', 1000));
  const io = nodeIO();
  const dataset = await loadDataset(toManifestUrl(args.manifest), io);
  for (const i of dataset.issues) warn(`${i.severity}: ${i.file}: ${i.message}\n`);
  const scene = new SceneService(io);
  const label = (url: string) => fileLabel(url, dataset.manifestUrl);
  let aligned = 0,
    failed = 0;
  const rms: number[] = [];
  const grasps: ResolvedGrasp[] = [];
  for (const g of dataset.grasps) {
    if (!g.reconstructionUrl) {
      grasps.push(g);
      continue;
    }
    try {
      const ref = await scene.loadMesh(dataset.objects[g.object].meshUrl, label(dataset.objects[g.object].meshUrl));
      const recon = await scene.loadMesh(g.reconstructionUrl, label(g.reconstructionUrl));
      const res = alignToReference(recon, ref, { inlierDistance, samples });
      grasps.push(alignedGrasp(g, res));
      rms.push(res.rmsMm);
      aligned++;
    } catch (e) {
      warn(`error: grasp "${g.id}" (${g.source}): not aligned: ${errorText(e)}\n`);
      grasps.push(g);
      failed++;
    }
  }
  const outPath = writeManifest(dataset, grasps, dataset.hands, args.out, `${dataset.name} (aligned)`, { aligned, failed });
  const median = rms.sort((a, b) => a - b)[rms.length >> 1];
  log(
    `wrote ${path.relative(process.cwd(), outPath) || outPath}: ${aligned} grasps aligned${rms.length ? ` (median RMS ${median.toFixed(2)} mm)` : ''}, ${failed} failed, ${grasps.length - aligned - failed} without a reconstruction copied\n`,
  );
  return failed && !aligned ? 1 : 0;
}

export async function runRetargetCommand(argv: string[], log = (s: string) => process.stdout.write(s), warn = (s: string) => process.stderr.write(s)): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    log(RETARGET_HELP);
    return 0;
  }
  const args = parse(argv, ['out', 'hand', 'object-scale'], warn, 'retarget');
  if (typeof args === 'number') return args;
  if (!args.options.hand) return usage(warn, 'retarget', '--hand <hand id | shadowhand | leaphand> is required');
  const objectScale = positiveNumber(args.options['object-scale'], 'object-scale', 1);
  const io = nodeIO();
  const dataset = await loadDataset(toManifestUrl(args.manifest), io);
  for (const i of dataset.issues) warn(`${i.severity}: ${i.file}: ${i.message}\n`);
  const hand = await resolveRetargetHand(dataset, args.options.hand, io);
  for (const e of hand.model.errors) warn(`warning: hand "${hand.id}": ${e}\n`);
  const scene = new SceneService(io);
  const out: ResolvedGrasp[] = [];
  const errors: number[] = [];
  let skipped = 0,
    failed = 0;
  for (const g of dataset.grasps) {
    if (!g.mano) continue;
    if (g.reconstruction?.frame === 'own') {
      warn(`warning: grasp "${g.id}" (${g.source}): still in its reconstruction's own frame; align it first (hoi-studio align)\n`);
      skipped++;
      continue;
    }
    try {
      const mesh = g.manoMeshUrl ? await scene.loadMesh(g.manoMeshUrl, fileLabel(g.manoMeshUrl, dataset.manifestUrl)) : null;
      const { grasp, result } = retargetedGrasp(g, hand.id, hand.model, graspHumanKeypoints(g, mesh), { objectScale });
      out.push({ ...grasp, source: g.source, reconstructionUrl: g.reconstructionUrl, manoMeshUrl: g.manoMeshUrl });
      errors.push(result.meanFingertipErrorMm);
    } catch (e) {
      warn(`error: grasp "${g.id}" (${g.source}): not retargeted: ${errorText(e)}\n`);
      failed++;
    }
  }
  const hands = { [hand.id]: { spec: hand.spec, urdfUrl: hand.urdfUrl } };
  const outPath = writeManifest(dataset, out, hands, args.out, `${dataset.name} (retargeted to ${hand.id})`, { retargeted: out.length, hand: hand.id, objectScale });
  const mean = errors.reduce((a, b) => a + b, 0) / Math.max(1, errors.length);
  log(
    `wrote ${path.relative(process.cwd(), outPath) || outPath}: ${out.length} grasps for "${hand.id}" (mean fingertip error ${mean.toFixed(1)} mm), ${skipped} skipped, ${failed} failed\n`,
  );
  return out.length ? 0 : 1;
}
