import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../dataset/memoryIO';
import { mergeMeshes } from '../mesh/mergeMeshes';
import { writeObj } from '../mesh/writeMesh';
import { box } from '../metrics/proceduralShapes';
import { rotationMatrix, transformTriMesh } from '../metrics/testScenes';
import { AffordanceService } from './affordanceService';
import { nodeAffOrt } from './nodeAffOrt';

const B = 'https://data.test/';
const models = path.resolve(__dirname, '../../../public/models/naa-tiny');
const modelFiles = Object.fromEntries(
  ['sam/onnx/vision_encoder.onnx', 'sam/onnx/prompt_encoder_mask_decoder.onnx', 'clip/onnx/vision_model.onnx', 'clip/onnx/text_model.onnx', 'clip/tokenizer.json'].map((f) => {
    const buf = readFileSync(path.join(models, f));
    return [`${B}models/${f}`, f.endsWith('.json') ? buf.toString('utf8') : (buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer)];
  }),
);
const knife = mergeMeshes([box([-0.01, -0.01, 0], [0.01, 0.01, 0.1]), transformTriMesh(box([-0.02, -0.02, 0.1], [0.02, 0.02, 0.2]), rotationMatrix([0, 0, 1], Math.PI / 4))]);
const io = memoryIO({
  ...modelFiles,
  [`${B}knife.obj`]: writeObj(knife),
  [`${B}knife.parts.json`]: JSON.stringify({
    names: ['handle', 'blade'],
    runs: [
      [0, 12],
      [1, 12],
    ],
    negative: ['blade'],
    query: 'a photo of the blade part',
  }),
  [`${B}bad.obj`]: 'v 1 2\nf 1 2 3\n',
});
const req = {
  runId: 1,
  meshUrl: `${B}knife.obj`,
  partsUrl: `${B}knife.parts.json`,
  meshLabel: 'knife.obj',
  query: null,
  models: { kind: 'url' as const, base: `${B}models/` },
  backend: 'auto' as const,
  options: { size: 96, grid: 12, minScore: 0.99 },
};

describe('affordance service (what the worker runs)', () => {
  it('falls back to WASM without an adapter, takes the query from the labels and measures IoU against them', async () => {
    const svc = new AffordanceService(
      io,
      () => nodeAffOrt(),
      async () => null,
    );
    const progress: number[] = [];
    const r = await svc.run(req, (d) => progress.push(d));
    expect(r.backend).toBe('wasm');
    expect(r.query).toBe('a photo of the blade part');
    expect(r.iou).toBeGreaterThan(0);
    expect(r.points).toHaveLength(100);
    expect(r.views).toHaveLength(6);
    expect(r.views.filter((v) => v.chosenMask).map((v) => v.name)).toEqual(['+x', '-x', '+y', '-y']);
    expect(progress.at(-1)).toBe(13);
  }, 300_000);

  it('says why it cannot run: no WebGPU when forced, a bad mesh, a missing model file, a cancel', async () => {
    const svc = new AffordanceService(
      io,
      () => nodeAffOrt(),
      async () => null,
    );
    await expect(svc.run({ ...req, backend: 'webgpu' })).rejects.toThrow(/no WebGPU adapter/);
    await expect(svc.run({ ...req, meshUrl: `${B}bad.obj`, meshLabel: 'bad.obj', partsUrl: undefined })).rejects.toThrow(/^bad\.obj: /);
    await expect(svc.run({ ...req, models: { kind: 'url', base: `${B}nowhere/` } })).rejects.toThrow(/sam\/onnx\/vision_encoder\.onnx: cannot read the model file/);
    // Model graphs are read under the model cap (?maxModelMB), not the mesh one.
    const encoder = modelFiles[`${B}models/sam/onnx/vision_encoder.onnx`] as ArrayBuffer;
    await expect(svc.run({ ...req, limits: { model: encoder.byteLength - 1, mesh: 1 << 30 } })).rejects.toThrow(
      /sam\/onnx\/vision_encoder\.onnx: cannot read the model file \(decodes to more than .* \(the limit for a model; .*\?maxModelMB=/,
    );
    const p = svc.run({ ...req, runId: 7 }, (d) => d === 1 && svc.cancel(7));
    await expect(p).rejects.toThrow(/cancelled/);
  }, 300_000);
});
