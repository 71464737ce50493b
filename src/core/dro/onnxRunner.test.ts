import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDroModel } from './modelFile';
import { nodeOrt } from './nodeOrt';
import { createDroRunner } from './onnxRunner';

const fixtures = path.join(__dirname, 'fixtures');
const ref = JSON.parse(readFileSync(path.join(fixtures, 'tiny-reference.json'), 'utf8')) as Record<string, number[]> & { shapes: Record<string, number[]> };

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('ONNX runner on onnxruntime-web WASM vs the PyTorch reference (tiny model)', () => {
  it('embed and block-wise kernel match to 1e-4, for any block size', async () => {
    const dir = path.join(fixtures, 'tiny');
    const spec = parseDroModel(readFileSync(path.join(dir, 'dro.json'), 'utf8'), 'fixtures/tiny/dro.json');
    const files = { embed: readFileSync(path.join(dir, spec.embed)), kernel: readFileSync(path.join(dir, spec.kernel)), embedName: spec.embed, kernelName: spec.kernel };
    for (const blockRows of [64, 5]) {
      const runner = await createDroRunner(nodeOrt(), files, { blockRows });
      const out = await runner.run(Float32Array.from(ref.robot_pc), Float32Array.from(ref.object_pc), Float32Array.from(ref.z));
      expect([out.rows, out.cols]).toEqual(ref.shapes.dro.slice(1));
      const emb = runner.lastEmbedding()!;
      expect(maxDiff(emb.phiRobot.data as Float32Array, ref.phi_robot)).toBeLessThan(1e-4);
      expect(maxDiff(emb.phiObject.data as Float32Array, ref.phi_object)).toBeLessThan(1e-4);
      expect(maxDiff(out.dist, ref.dro)).toBeLessThan(1e-4);
      // Outputs that vary (a constant output would make the comparison empty); the tiny random
      // kernel's distances vary little, so they must also match well inside their own spread.
      const spread = (a: ArrayLike<number>) => Math.max(...Array.from(a)) - Math.min(...Array.from(a));
      expect(spread(emb.phiRobot.data as Float32Array)).toBeGreaterThan(1e-2);
      expect(maxDiff(out.dist, ref.dro)).toBeLessThan(0.05 * spread(ref.dro));
      await runner.release();
    }
  });

  it('names the file when a graph does not follow the contract', async () => {
    const dir = path.join(fixtures, 'tiny');
    const swapped = {
      embed: readFileSync(path.join(dir, 'kernel.onnx')),
      kernel: readFileSync(path.join(dir, 'embed.onnx')),
      embedName: 'kernel-as-embed.onnx',
      kernelName: 'embed.onnx',
    };
    await expect(createDroRunner(nodeOrt(), swapped)).rejects.toThrow(/kernel-as-embed\.onnx: input robot_pc, object_pc, z missing/);
    const garbage = { ...swapped, embed: new TextEncoder().encode('not onnx') };
    await expect(createDroRunner(nodeOrt(), garbage)).rejects.toThrow(/kernel-as-embed\.onnx: cannot load ONNX model/);
  });
});
