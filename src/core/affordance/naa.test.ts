import { describe, expect, it } from 'vitest';
import { mergeMeshes } from '../mesh/mergeMeshes';
import { box } from '../metrics/proceduralShapes';
import { rotationMatrix, transformTriMesh } from '../metrics/testScenes';
import { blurOutside } from './blurOutside';
import { liftMasks } from './liftToMesh';
import { runNaa } from './naa';
import { gridPrompts, maskIoU, proposalOutlines, selectProposals } from './proposals';
import { checkerFactor, rasterize, shade } from './rasterize';
import { regionIoU, sampleRegion } from './regionPoints';
import { ColorClip, FloodFillSam } from './testModels';
import { cardinalViews } from './views';

// A knife-like object: a 2 cm square handle (z 0..10 cm) under a 4 cm square blade (z 10..20 cm)
// turned 45° about z, so from every side the blade's faces are lit and coloured unlike the handle's.
const handle = box([-0.01, -0.01, 0], [0.01, 0.01, 0.1]);
const blade = transformTriMesh(box([-0.02, -0.02, 0.1], [0.02, 0.02, 0.2]), rotationMatrix([0, 0, 1], Math.PI / 4));
const knife = mergeMeshes([handle, blade]);
const truth = Uint8Array.from({ length: 24 }, (_, t) => (t >= 12 ? 1 : 0));
// box() emits faces z0, z1, y0, y1, x0, x1, two triangles each: the blade's sides are its triangles 4..11.
const bladeSides = Array.from({ length: 24 }, (_, t) => (t >= 16 ? 1 : 0));

describe('cardinal views', () => {
  it('frame the object the same in all six and invert their projection', () => {
    const views = cardinalViews(knife);
    expect(views.map((v) => v.name)).toEqual(['+x', '-x', '+y', '-y', '+z', '-z']);
    for (const v of views) {
      const c = v.project(0, 0, 0.1);
      // The mesh is Float32: its box centre is 0.1 to 7 digits.
      expect(c[0]).toBeCloseTo(0.5, 7);
      expect(c[1]).toBeCloseTo(0.5, 7);
      const back = v.unproject(...v.project(0.013, -0.004, 0.17));
      [0.013, -0.004, 0.17].forEach((x, k) => expect(back[k]).toBeCloseTo(x, 12));
    }
  });
});

describe('software rasterizer', () => {
  it('fills exactly the pixel centres inside the projected face, with its triangle ids and depth', () => {
    const slab = box([-0.02, -0.01, 0], [0.02, 0.01, 0.005]);
    const top = cardinalViews(slab).find((v) => v.name === '+z')!;
    const W = 64;
    const r = rasterize(slab, top, W, W);
    // Seen from +z the slab is its top face: x in ±2 cm → columns, y in ±1 cm → rows.
    const [u0] = top.project(-0.02, 0, 0),
      [u1] = top.project(0.02, 0, 0);
    const [, v0] = top.project(0, 0.01, 0),
      [, v1] = top.project(0, -0.01, 0);
    const centres = (a: number, b: number) => {
      let n = 0;
      for (let i = 0; i < W; i++) if (i + 0.5 >= a * W && i + 0.5 <= b * W) n++;
      return n;
    };
    const expected = centres(u0, u1) * centres(v0, v1);
    const ids = Array.from(r.id).filter((t) => t >= 0);
    expect(ids).toHaveLength(expected);
    expect(new Set(ids)).toEqual(new Set([2, 3]));
    const i = (W / 2) * W + W / 2;
    expect(r.depth[i]).toBeCloseTo(top.project(0, 0, 0.005)[2], 6);
    // Colour = shading × checker.
    const c = shade(slab.positions, slab.indices, r.id[i], top);
    expect(Array.from(r.rgb.subarray(3 * i, 3 * i + 3))).toEqual(c.map((x) => Math.round(x * checkerFactor(W / 2, W / 2))));
    expect(rasterize(slab, top, W, W)).toEqual(r);
  });
});

describe('grid prompts, small masks and NMS', () => {
  it('prompts only on object pixels of a regular grid', () => {
    const id = new Int32Array(64).fill(-1);
    for (let y = 0; y < 8; y++) for (let x = 0; x < 4; x++) id[y * 8 + x] = 0;
    expect(gridPrompts(8, 8, id, 4)).toEqual([
      [1, 1],
      [3, 1],
      [1, 3],
      [3, 3],
      [1, 5],
      [3, 5],
      [1, 7],
      [3, 7],
    ]);
  });

  it('clips masks to the object, drops tiny ones and suppresses overlaps above 0.7 IoU', () => {
    const id = new Int32Array(10).fill(0);
    id[9] = -1;
    const m = (...on: number[]) => Uint8Array.from({ length: 10 }, (_, i) => (on.includes(i) ? 1 : 0));
    const kept = selectProposals(
      [
        { mask: m(0, 1, 2, 3, 4), score: 0.8, point: [0, 0] },
        { mask: m(0, 1, 2, 3, 4, 9), score: 0.9, point: [1, 0] }, // the same after clipping pixel 9: kept (higher score), the first dropped
        { mask: m(0, 1, 2, 3), score: 0.95, point: [2, 0] }, // IoU 0.8 with it, higher score: kept, and it suppresses both above
        { mask: m(3, 4, 5, 6, 7), score: 0.5, point: [3, 0] }, // IoU 1/8 with the kept one: kept
        { mask: m(8, 9), score: 0.99, point: [4, 0] }, // 1 pixel after clipping: below minArea
      ],
      id,
      { minArea: 2 },
    );
    expect(kept.map((k) => k.point)).toEqual([
      [2, 0],
      [3, 0],
    ]);
    expect(kept.map((k) => k.area)).toEqual([4, 5]);
    expect(maskIoU(m(0, 1, 2, 3), m(0, 1, 2, 3, 4))).toBe(0.8);
  });
});

describe('proposal outlines', () => {
  it('marks the border pixels of every mask and leaves interiors and background clear', () => {
    // 6 × 5 view; a 4 × 3 rectangle at x 1..4, y 1..3 has 2 interior pixels, (2,2) and (3,2)
    const w = 6,
      h = 5;
    const rect = new Uint8Array(w * h);
    for (let y = 1; y <= 3; y++) for (let x = 1; x <= 4; x++) rect[y * w + x] = 1;
    const edge = proposalOutlines([rect], w, h);
    expect(edge.reduce((a, b) => a + b, 0)).toBe(10);
    expect(edge[2 * w + 2]).toBe(0);
    expect(edge[2 * w + 3]).toBe(0);
    expect(edge[0]).toBe(0);
    // a mask touching the view's edge is bordered there too; two masks' borders are united
    const corner = new Uint8Array(w * h);
    corner[0] = 1;
    const both = proposalOutlines([rect, corner], w, h);
    expect(both[0]).toBe(1);
    expect(both.reduce((a, b) => a + b, 0)).toBe(11);
  });
});

describe('blur outside the proposal', () => {
  it('keeps the proposal pixels and flattens the checker outside', () => {
    const top = cardinalViews(knife)[0];
    const r = rasterize(knife, top, 256, 256);
    const img = { width: 256, height: 256, rgb: r.rgb };
    const mask = Uint8Array.from(r.id, (t) => (t >= 16 ? 1 : 0));
    const out = blurOutside(img, mask, 2);
    for (let i = 0; i < mask.length; i++) if (mask[i]) expect(out.rgb.subarray(3 * i, 3 * i + 3)).toEqual(r.rgb.subarray(3 * i, 3 * i + 3));
    // In the handle's middle (outside the mask) neighbours no longer alternate by 15 %.
    const row = 200 * 256;
    const handlePx = Array.from({ length: 256 }, (_, x) => row + x).filter((i) => r.id[i] >= 0 && r.id[i] < 12);
    const mid = handlePx[Math.floor(handlePx.length / 2)];
    expect(Math.abs(out.rgb[3 * mid] - out.rgb[3 * mid + 3])).toBeLessThanOrEqual(1);
    expect(Math.abs(r.rgb[3 * mid] - r.rgb[3 * mid + 3])).toBeGreaterThan(20);
  });
});

describe('lifting masks onto the mesh', () => {
  const slab = box([-0.02, -0.01, 0], [0.02, 0.01, 0.005]);
  const views = cardinalViews(slab);
  const top = views.find((v) => v.name === '+z')!;
  const render = rasterize(slab, top, 64, 64);
  const all = new Uint8Array(64 * 64).fill(1);

  it('selects the triangles a masked pixel sees, after the depth check', () => {
    expect(Array.from(liftMasks(slab, [{ view: top, render, mask: all }], 1e-6))).toEqual([0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    // A depth buffer 1 mm off: no pixel lies on its triangle, nothing is selected.
    const shifted = { ...render, depth: render.depth.map((d) => d + 0.001) };
    expect(Array.from(liftMasks(slab, [{ view: top, render: shifted, mask: all }], 1e-6)).every((s) => s === 0)).toBe(true);
  });

  it('with a coverage threshold, selects a triangle only when that share of its visible pixels is masked', () => {
    // Mask the left 40 % of the top view's columns: triangle 2 or 3 (the face's diagonal split) gets more of it.
    const part = Uint8Array.from({ length: 64 * 64 }, (_, i) => (i % 64 < 26 ? 1 : 0));
    const seen = [0, 0, 0, 0],
      hit = [0, 0, 0, 0];
    render.id.forEach((t, i) => {
      if (t >= 0) {
        seen[t]++;
        hit[t] += part[i];
      }
    });
    const any = liftMasks(slab, [{ view: top, render, mask: part }], 1e-6);
    const half = liftMasks(slab, [{ view: top, render, mask: part }], 1e-6, 0.5);
    expect(Array.from(any.slice(0, 4))).toEqual([0, 0, hit[2] > 0 ? 1 : 0, hit[3] > 0 ? 1 : 0]);
    expect(Array.from(half.slice(0, 4))).toEqual([0, 0, 2 * hit[2] >= seen[2] ? 1 : 0, 2 * hit[3] >= seen[3] ? 1 : 0]);
    expect(any[2] + any[3]).toBe(2);
    expect(half[2] + half[3]).toBe(1);
  });
});

describe('region points and IoU', () => {
  it('samples seeded points on the selected triangles only and measures area IoU', () => {
    const slab = box([-0.02, -0.01, 0], [0.02, 0.01, 0.005]);
    const top = Uint8Array.from({ length: 12 }, (_, t) => (t === 2 || t === 3 ? 1 : 0));
    const pts = sampleRegion(slab, top, 100, 7);
    expect(pts).toHaveLength(100);
    for (const p of pts) {
      expect(p[2]).toBeCloseTo(0.005, 7);
      expect(Math.abs(p[0])).toBeLessThanOrEqual(0.02 + 1e-7);
    }
    expect(sampleRegion(slab, top, 100, 7)).toEqual(pts);
    const topAndBottom = Uint8Array.from({ length: 12 }, (_, t) => (t < 4 ? 1 : 0));
    expect(regionIoU(slab, top, topAndBottom)).toBeCloseTo(0.5, 12);
    expect(regionIoU(slab, topAndBottom, topAndBottom)).toBe(1);
  });
});

describe('NAA end to end with stand-in models', () => {
  const side = cardinalViews(knife)[0];
  const bladeColor = shade(knife.positions, knife.indices, 16, side);
  const clip = () => new ColorClip({ 'a photo of the blade part': bladeColor });

  it('finds the blade from the four sides, lifts it, samples it and scores it against the truth', async () => {
    const progress: string[] = [];
    const r = await runNaa(knife, 'a photo of the blade part', new FloodFillSam(), clip(), {
      size: 64,
      truth,
      minScore: 0.99,
      promptBatch: 50,
      onProgress: (d, t, w) => progress.push(`${d}/${t} ${w}`),
    });
    // Side views: the blade and the handle; top: the blade's top; bottom: handle and blade bottoms, one colour.
    expect(r.views.map((v) => v.proposals.length)).toEqual([2, 2, 2, 2, 1, 1]);
    expect(r.views.map((v) => v.chosen >= 0)).toEqual([true, true, true, true, false, false]);
    expect(Array.from(r.triangles)).toEqual(bladeSides);
    // Blade sides 4 × 4 cm × 10 cm of blade surface 4 × 40 + 2 × 16 cm².
    expect(r.iou).toBeCloseTo(160 / 192, 7);
    expect(r.points).toHaveLength(100);
    for (const [x, y, z] of r.points) {
      const a = (x + y) / Math.SQRT2,
        b = (x - y) / Math.SQRT2; // blade frame
      expect(z).toBeGreaterThanOrEqual(0.1 - 1e-6);
      expect(Math.max(Math.abs(a), Math.abs(b))).toBeCloseTo(0.02, 6);
    }
    const prompts = r.views.map((v) => gridPrompts(64, 64, v.render.id, 32).length);
    expect(r.samRuns).toEqual({ encoder: 6, decoder: prompts.reduce((s, n) => s + Math.ceil(n / 50), 0) });
    expect(r.prompts).toBe(prompts.reduce((s, n) => s + n, 0));
    expect(r.clipRuns).toEqual({ image: 10, text: 1 });
    expect(progress.at(-1)).toBe('13/13 -z: CLIP');
  });

  it('without a minimum score every view contributes its best proposal (AffordDex)', async () => {
    const r = await runNaa(knife, 'a photo of the blade part', new FloodFillSam(), clip(), { size: 64, truth });
    expect(r.views.map((v) => v.chosen >= 0)).toEqual([true, true, true, true, true, true]);
    // The top and bottom views add the blade's top and bottom (and the handle's hidden-from-the-sides bottom).
    expect(r.triangles[12] + r.triangles[13] + r.triangles[14] + r.triangles[15]).toBe(4);
    expect(r.triangles[0] + r.triangles[1]).toBe(2);
  });

  it('uses only the views asked for, and says so when none is', async () => {
    const progress: string[] = [];
    const r = await runNaa(knife, 'a photo of the blade part', new FloodFillSam(), clip(), {
      size: 64,
      views: ['+x', '+z'],
      onProgress: (d, t, w) => progress.push(`${d}/${t} ${w}`),
    });
    expect(r.views.map((v) => v.name)).toEqual(['+x', '+z']);
    expect(r.samRuns.encoder).toBe(2);
    expect(progress.at(-1)).toBe('5/5 +z: CLIP');
    await expect(runNaa(knife, 'a photo of the blade part', new FloodFillSam(), clip(), { size: 64, views: ['front'] })).rejects.toThrow(
      /no views chosen \(of \+x, -x, \+y, -y, \+z, -z\)/,
    );
  });

  it('stops when cancelled', async () => {
    const ctl = new AbortController();
    const p = runNaa(knife, 'a photo of the blade part', new FloodFillSam(), clip(), { size: 64, signal: ctl.signal, onProgress: (d) => d === 2 && ctl.abort() });
    await expect(p).rejects.toThrow(/cancelled/);
  });
});
