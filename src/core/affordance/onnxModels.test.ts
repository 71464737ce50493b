import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeMeshes } from '../mesh/mergeMeshes';
import { box } from '../metrics/proceduralShapes';
import { rotationMatrix, transformTriMesh } from '../metrics/testScenes';
import { blurOutside } from './blurOutside';
import { ClipTokenizer } from './clipTokenizer';
import { runNaa } from './naa';
import { nodeAffOrt } from './nodeAffOrt';
import { OnnxClip, OnnxSam } from './onnxModels';
import { gridPrompts } from './proposals';
import { checkerFactor } from './rasterize';

const dir = path.resolve(__dirname, '../../../public/models/naa-tiny');
const read = (p: string) => new Uint8Array(readFileSync(path.join(dir, p)));
const ort = nodeAffOrt();
const sam = () => OnnxSam.create(ort, { visionEncoder: read('sam/onnx/vision_encoder.onnx'), decoder: read('sam/onnx/prompt_encoder_mask_decoder.onnx') });
const tokenizer = new ClipTokenizer(readFileSync(path.join(dir, 'clip/tokenizer.json'), 'utf8'), 'clip/tokenizer.json');
const clip = () => OnnxClip.create(ort, { visionModel: read('clip/onnx/vision_model.onnx'), textModel: read('clip/onnx/text_model.onnx') }, tokenizer);
const s = 0.25 + 0.75 * Math.SQRT1_2;

describe('tiny SAM (HF SlimSAM layout) through onnxruntime-web WASM', () => {
  it('answers each point prompt with its best candidate: the 48/1024 disc around it', async () => {
    const m = await sam();
    const img = { width: 128, height: 64, rgb: new Uint8Array(128 * 64 * 3).fill(90) };
    const emb = await m.embed(img);
    const [a, b] = await m.segment(emb, img, [
      [20.5, 30.5],
      [100, 10],
    ]);
    expect(a.score).toBeCloseTo(0.9, 6);
    // Longest side 128 → k = 8: radius 48 / 8 = 6 px. Low-res logits are bilinear, so only the rim is uncertain.
    for (let y = 0; y < 64; y++)
      for (let x = 0; x < 128; x++) {
        const d = Math.hypot(x + 0.5 - 20.5, y + 0.5 - 30.5);
        if (d < 5.5) expect(a.mask[y * 128 + x], `${x},${y}`).toBe(1);
        if (d > 6.5) expect(a.mask[y * 128 + x], `${x},${y}`).toBe(0);
      }
    expect(b.mask[10 * 128 + 100]).toBe(1);
    expect(b.mask[30 * 128 + 20]).toBe(0);
  });
});

describe('tiny CLIP through onnxruntime-web WASM', () => {
  it('tokenizes whole words and embeds a query as its colour', async () => {
    const c = await clip();
    const e = await c.embedText('a photo of the blade part');
    expect(e).toHaveLength(32);
    [s, s, 0.25].forEach((v, k) => expect(e[k]).toBeCloseTo(v, 6));
    expect(Array.from(e.slice(3)).every((v) => v === 0)).toBe(true);
    expect(() => tokenizer.encode('a photo of the spork part')).toThrow(/clip\/tokenizer\.json: "spork" is not a whole-word token/);
    const t = tokenizer.encode('the blade');
    expect(Array.from(t.inputIds.slice(0, 5), Number)).toEqual([0, 5, 7, 1, 1]);
    expect(Array.from(t.attentionMask.slice(0, 5), Number)).toEqual([1, 1, 1, 1, 0]);
  });

  it('embeds an image as the colour of its sharp (checkered) pixels, not its blurred ones', async () => {
    const c = await clip();
    const W = 224;
    const rgb = new Uint8Array(W * W * 3);
    // Left half a checkered orange, right half a checkered blue; then the right half blurred.
    for (let y = 0; y < W; y++)
      for (let x = 0; x < W; x++) {
        const col = x < W / 2 ? [230, 140, 40] : [40, 60, 220];
        for (let k = 0; k < 3; k++) rgb[3 * (y * W + x) + k] = Math.round(col[k] * checkerFactor(x, y));
      }
    const mask = Uint8Array.from({ length: W * W }, (_, i) => (i % W < W / 2 ? 1 : 0));
    const [e] = await c.embedImages([blurOutside({ width: W, height: W, rgb }, mask, 3)]);
    const n = Math.hypot(e[0], e[1], e[2]);
    const orange = [230, 140, 40].map((v) => v / Math.hypot(230, 140, 40));
    expect((e[0] * orange[0] + e[1] * orange[1] + e[2] * orange[2]) / n).toBeGreaterThan(0.99);
  });
});

describe('NAA with the tiny ONNX models', () => {
  const handle = box([-0.01, -0.01, 0], [0.01, 0.01, 0.1]);
  const blade = transformTriMesh(box([-0.02, -0.02, 0.1], [0.02, 0.02, 0.2]), rotationMatrix([0, 0, 1], Math.PI / 4));
  const knife = mergeMeshes([handle, blade]);

  it('selects only blade triangles, and counts its model runs', async () => {
    const truth = Uint8Array.from({ length: 24 }, (_, t) => (t >= 12 ? 1 : 0));
    const r = await runNaa(knife, 'a photo of the blade part', await sam(), await clip(), { size: 96, grid: 16, promptBatch: 16, minScore: 0.99, truth });
    const selected = Array.from(r.triangles).flatMap((v, t) => (v ? [t] : []));
    expect(selected.length).toBeGreaterThan(0);
    expect(selected.every((t) => t >= 16)).toBe(true); // blade sides only
    expect(r.iou).toBeGreaterThan(0);
    const prompts = r.views.map((v) => gridPrompts(96, 96, v.render.id, 16).length);
    expect(r.samRuns).toEqual({ encoder: 6, decoder: prompts.reduce((a, n) => a + Math.ceil(n / 16), 0) });
    expect(r.clipRuns).toEqual({ image: r.views.reduce((a, v) => a + v.proposals.length, 0), text: 1 });
  }, 300_000);
});
