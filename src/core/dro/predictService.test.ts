import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../dataset/memoryIO';
import { writeObj } from '../mesh/writeMesh';
import { box } from '../metrics/proceduralShapes';
import { nodeOrt } from './nodeOrt';
import { PredictCancelledError, PredictService, type PredictServiceRequest } from './predictService';

const dir = path.join(__dirname, 'fixtures/tiny');
const BASE = 'https://data.test/';
const io = memoryIO({ [BASE + 'brick.obj']: writeObj(box([-0.03, -0.02, -0.05], [0.03, 0.02, 0.05])) });
const dataset = {
  manifestUrl: BASE + 'manifest.json',
  hands: { shadow: { spec: { builtin: 'shadowhand' as const } } },
  objects: { brick: { spec: { mesh: 'brick.obj', category: 'box' }, meshUrl: BASE + 'brick.obj' } },
};
const files = {
  kind: 'files' as const,
  label: 'tiny/dro.json',
  droJson: readFileSync(path.join(dir, 'dro.json'), 'utf8'),
  embed: readFileSync(path.join(dir, 'embed.onnx')),
  kernel: readFileSync(path.join(dir, 'kernel.onnx')),
};
const request = (over: Partial<PredictServiceRequest> = {}): PredictServiceRequest => ({
  runId: 1,
  dataset,
  objectId: 'brick',
  handId: 'shadow',
  count: 2,
  seed: 4,
  backend: 'auto',
  model: files,
  ...over,
});

/** The tiny model at BASE/m/ and the brick, as a host would serve them. */
function byUrlIO() {
  const bytes = (f: string) => {
    const b = readFileSync(path.join(dir, f));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  };
  return memoryIO({
    [`${BASE}m/dro.json`]: files.droJson,
    [`${BASE}m/embed.onnx`]: bytes('embed.onnx'),
    [`${BASE}m/kernel.onnx`]: bytes('kernel.onnx'),
    [BASE + 'brick.obj']: writeObj(box([-0.03, -0.02, -0.05], [0.03, 0.02, 0.05])),
  });
}

describe('PredictService (the inference worker without its runtime)', () => {
  it('falls back to WASM without an adapter, reports it, and gives one grasp per prediction', async () => {
    const used: string[] = [];
    const service = new PredictService(
      io,
      (b) => (used.push(b), nodeOrt()),
      async () => null,
    );
    const progress: number[] = [];
    const r = await service.predict(request(), (done) => progress.push(done));
    expect(r.backend).toBe('wasm');
    expect(used).toEqual(['wasm']);
    expect(progress).toEqual([1, 2]);
    expect(r.grasps.map((g) => (g.meta!.prediction as { backend: string }).backend)).toEqual(['wasm', 'wasm']);
    expect(r.predictions[0].points).toHaveLength(3 * 32);
    // A model given by URL reads dro.json and the graphs through the IO, the same predictions.
    const byUrl = new PredictService(
      byUrlIO(),
      () => nodeOrt(),
      async () => null,
    );
    const r2 = await byUrl.predict(request({ model: { kind: 'url', url: `${BASE}m/dro.json` } }));
    expect(r2.grasps.map((g) => g.joints)).toEqual(r.grasps.map((g) => g.joints));

    // The graphs are read under the model cap: past it the file is named and nothing runs; the
    // page's raised cap (?maxModelMB) lets the same model through.
    const embedBytes = readFileSync(path.join(dir, 'embed.onnx')).byteLength;
    const tight = request({ runId: 2, model: { kind: 'url', url: `${BASE}m/dro.json` }, limits: { model: embedBytes - 1 } });
    const refused = new PredictService(
      byUrlIO(),
      () => nodeOrt(),
      async () => null,
    ).predict(tight);
    await expect(refused).rejects.toThrow(`${BASE}m/embed.onnx: cannot read "embed", named in ${BASE}m/dro.json (decodes to more than`);
    await expect(refused).rejects.toThrow('the limit for a model');
    await expect(refused).rejects.toThrow('?maxModelMB=');
    const raised = await new PredictService(
      byUrlIO(),
      () => nodeOrt(),
      async () => null,
    ).predict({ ...tight, limits: { model: embedBytes } });
    expect(raised.grasps.map((g) => g.joints)).toEqual(r.grasps.map((g) => g.joints));
  });

  it('keeps the hand and the object between runs: the mesh is read once, and results do not depend on it', async () => {
    const reads: string[] = [];
    const counting = { ...io, fetchBytes: (url: string, limit?: Parameters<typeof io.fetchBytes>[1]) => (reads.push(url), io.fetchBytes(url, limit)) };
    const service = new PredictService(
      counting,
      () => nodeOrt(),
      async () => null,
    );
    const first = await service.predict(request({ runId: 1, count: 1 }));
    const again = await service.predict(request({ runId: 2, count: 1 }));
    expect(reads).toEqual([BASE + 'brick.obj']);
    expect(again.grasps.map((g) => g.joints)).toEqual(first.grasps.map((g) => g.joints));
    // A fresh service (nothing kept) gives the same predictions.
    const fresh = await new PredictService(
      io,
      () => nodeOrt(),
      async () => null,
    ).predict(request({ runId: 3, count: 1 }));
    expect(fresh.grasps.map((g) => g.joints)).toEqual(first.grasps.map((g) => g.joints));
    // A failed read is not kept: once the file is there, the next run reads it.
    const late = memoryIO({});
    const flaky = { ...late, fetchBytes: (url: string, limit?: Parameters<typeof io.fetchBytes>[1]) => (reads.length > 1 ? io : late).fetchBytes(url, limit) };
    const s2 = new PredictService(
      flaky,
      () => nodeOrt(),
      async () => null,
    );
    await expect(s2.predict(request({ runId: 4, count: 1 }))).rejects.toThrow(/brick\.obj: cannot read/);
    reads.push('now there');
    expect((await s2.predict(request({ runId: 5, count: 1 }))).grasps).toHaveLength(1);
  });

  it('says so when WebGPU is asked for and there is no adapter, and cancels a run by id', async () => {
    const service = new PredictService(
      io,
      () => nodeOrt(),
      async () => null,
    );
    await expect(service.predict(request({ backend: 'webgpu' }))).rejects.toThrow(/no WebGPU adapter/);
    const run = service.predict(request({ runId: 7, count: 50 }), (done) => done === 1 && service.cancel(7));
    await expect(run).rejects.toBeInstanceOf(PredictCancelledError);
  });
});
