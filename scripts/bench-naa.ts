// NAA cost (part of npm run bench): seconds per sample object on onnxruntime-web's WASM in Node, one
// thread, with the tiny SAM/CLIP stand-ins (public/models/naa-tiny), and the SAM and CLIP runs it
// makes. The tiny models' runs are almost free, so the time is NAA's own work (rendering, mask
// resampling, NMS, blur) plus ORT's per-run overhead; docs/affordance.md says how the run counts
// scale and what real SlimSAM / CLIP cost per run.
//   tsx scripts/bench-naa.ts [--objects N] [--size 256] [--grid 32]
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadDataset } from '../src/core/dataset/loadDataset';
import { nodeIO } from '../src/core/dataset/nodeIO';
import { parsePartLabels } from '../src/core/dataset/partLabels';
import { parseMeshAsync } from '../src/core/mesh/parseMesh';
import { ClipTokenizer } from '../src/core/affordance/clipTokenizer';
import { runNaa } from '../src/core/affordance/naa';
import { paintRegion, type RegionPoint } from '../src/core/affordance/paintRegion';
import { nodeAffOrt } from '../src/core/affordance/nodeAffOrt';
import { OnnxClip, OnnxSam } from '../src/core/affordance/onnxModels';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({ options: { objects: { type: 'string' }, size: { type: 'string' }, grid: { type: 'string' } } });
const OBJECTS = Number(flags.objects ?? 3);
const SIZE = Number(flags.size ?? 256);
const GRID = Number(flags.grid ?? 32);
const dir = path.join(root, 'public/models/naa-tiny');
const read = (p: string) => new Uint8Array(readFileSync(path.join(dir, p)));

const io = nodeIO();
const dataset = await loadDataset(pathToFileURL(path.join(root, 'public/sample/manifest.json')).href, io);
const ort = nodeAffOrt(1);
const sam = await OnnxSam.create(ort, { visionEncoder: read('sam/onnx/vision_encoder.onnx'), decoder: read('sam/onnx/prompt_encoder_mask_decoder.onnx') });
const clip = await OnnxClip.create(
  ort,
  { visionModel: read('clip/onnx/vision_model.onnx'), textModel: read('clip/onnx/text_model.onnx') },
  new ClipTokenizer(readFileSync(path.join(dir, 'clip/tokenizer.json'), 'utf8'), 'tokenizer.json'),
);
console.log(`NAA bench: ${availableParallelism()} cores, load ${loadavg()[0].toFixed(2)}; WASM, 1 thread; tiny models; ${SIZE}px views, ${GRID}x${GRID} prompts`);
console.log('object          s/object  SAM enc  SAM dec (prompts)  CLIP img  proposals/view  triangles');
for (const [id, o] of Object.entries(dataset.objects).slice(0, OBJECTS)) {
  const mesh = await parseMeshAsync(await io.fetchBytes(o.meshUrl), o.spec.mesh);
  const labels = o.partsUrl ? parsePartLabels(await io.fetchText(o.partsUrl), o.spec.parts!, mesh.indices.length / 3) : null;
  // The tiny text tower knows "blade"; a real CLIP would get the category's query.
  const t0 = performance.now();
  const r = await runNaa(mesh, 'a photo of the blade part', sam, clip, { size: SIZE, grid: GRID });
  const s = (performance.now() - t0) / 1000;
  const proposals = r.views.reduce((a, v) => a + v.proposals.length, 0);
  console.log(
    `${id.padEnd(15)} ${s.toFixed(2).padStart(8)}  ${String(r.samRuns.encoder).padStart(7)}  ${`${r.samRuns.decoder} (${r.prompts})`.padStart(16)}  ${String(r.clipRuns.image).padStart(8)}  ${(proposals / 6).toFixed(1).padStart(14)}  ${mesh.indices.length / 3}${labels ? '' : ' (no labels)'}`,
  );
}

// Region brush: one dab (8 mm, the default) on each object's surface, painting then erasing, as a drag makes them.
console.log('\nregion brush: ms per dab (20 paint dabs of 8 mm at spread vertices, then 20 erase dabs of 4 mm there)');
for (const [id, o] of Object.entries(dataset.objects)) {
  const mesh = await parseMeshAsync(await io.fetchBytes(o.meshUrl), o.spec.mesh);
  let points: RegionPoint[] = [];
  const centres = Array.from({ length: 20 }, (_, k) => {
    const v = mesh.indices[(k * 997) % mesh.indices.length];
    return [mesh.positions[3 * v], mesh.positions[3 * v + 1], mesh.positions[3 * v + 2]] as RegionPoint;
  });
  const t0 = performance.now();
  for (const [k, c] of centres.entries()) points = paintRegion(mesh, points, { center: c, radius: 0.008, mode: 'add', seed: k + 1 });
  const add = (performance.now() - t0) / centres.length;
  const t1 = performance.now();
  for (const c of centres) points = paintRegion(mesh, points, { center: c, radius: 0.004, mode: 'erase' });
  const erase = (performance.now() - t1) / centres.length;
  console.log(`${id.padEnd(15)} add ${add.toFixed(2)} ms, erase ${erase.toFixed(2)} ms (${mesh.indices.length / 3} triangles, ${points.length} points left)`);
}
