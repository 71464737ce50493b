// Runs an exported model's embed.onnx and kernel.onnx (in row blocks) on onnxruntime-web's WASM
// backend and compares them with reference outputs written by PyTorch.
//   node tools/dro/check-onnx.mjs <model dir> <reference.json> [--tol 1e-4] [--block 16]
// ORT_MODULE may point at an onnxruntime-web build when this checkout does not have the package.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, refPath] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const opt = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
if (!dir || !refPath) {
  console.error('usage: node tools/dro/check-onnx.mjs <model dir> <reference.json> [--tol 1e-4] [--block 16]');
  process.exit(2);
}
const tol = opt('tol', 1e-4);
const block = opt('block', 16);
const ort = await import(process.env.ORT_MODULE ?? 'onnxruntime-web');
ort.env.wasm.numThreads = 1;

const ref = JSON.parse(readFileSync(refPath, 'utf8'));
const t = (name) => new ort.Tensor('float32', Float32Array.from(ref[name]), ref.shapes[name]);
const maxDiff = (a, b) => {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs reference ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

const embed = await ort.InferenceSession.create(readFileSync(path.join(dir, 'embed.onnx')));
const kernel = await ort.InferenceSession.create(readFileSync(path.join(dir, 'kernel.onnx')));
const e = await embed.run({ robot_pc: t('robot_pc'), object_pc: t('object_pc'), z: t('z') });
const [, n, f] = e.phi_robot.dims;
const m = e.phi_object.dims[1];
const dro = new Float32Array(n * m);
for (let r0 = 0; r0 < n; r0 += block) {
  const rows = Math.min(block, n - r0);
  const phiRows = new ort.Tensor('float32', e.phi_robot.data.subarray(r0 * f, (r0 + rows) * f), [1, rows, f]);
  const out = await kernel.run({ phi_robot: phiRows, phi_object: e.phi_object });
  dro.set(out.dro.data, r0 * m);
}
const diffs = {
  phi_robot: maxDiff(e.phi_robot.data, ref.phi_robot),
  phi_object: maxDiff(e.phi_object.data, ref.phi_object),
  dro: maxDiff(dro, ref.dro),
};
console.log(JSON.stringify({ model: dir, n, m, f, block, maxAbsDiff: diffs }));
if (Object.values(diffs).some((d) => !(d <= tol))) {
  console.error(`ONNX outputs differ from the PyTorch reference by more than ${tol}`);
  process.exit(1);
}
