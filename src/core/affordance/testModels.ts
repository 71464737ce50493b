import { checkerFactor } from './rasterize';
import type { ClipModel, RgbImage, SamMask, SamModel } from './models';

/**
 * Stand-ins for SAM and CLIP with known behaviour, for tests and the benchmark (the tiny ONNX
 * models mirror them). They read only the image, as the real models do.
 */

/** The pixel's colour with the renderer's checker divided out. */
export function baseColor(img: RgbImage, i: number): [number, number, number] {
  const f = checkerFactor(i % img.width, Math.floor(i / img.width));
  return [img.rgb[3 * i] / f, img.rgb[3 * i + 1] / f, img.rgb[3 * i + 2] / f];
}

const same = (a: number[], b: number[], tol = 3) => Math.abs(a[0] - b[0]) <= tol && Math.abs(a[1] - b[1]) <= tol && Math.abs(a[2] - b[2]) <= tol;
const black = (c: number[]) => c[0] === 0 && c[1] === 0 && c[2] === 0;

/** SAM stand-in: the 4-connected region of the prompt pixel's base colour; confidence grows with its area. */
export class FloodFillSam implements SamModel {
  async embed(image: RgbImage): Promise<unknown> {
    return image;
  }
  async segment(_e: unknown, image: RgbImage, points: [number, number][]): Promise<SamMask[]> {
    return points.map(([x, y]) => {
      const { width: w, height: h } = image;
      const seed = Math.floor(y) * w + Math.floor(x);
      const c = baseColor(image, seed);
      const mask = new Uint8Array(w * h);
      if (black(c)) return { mask, score: 0 };
      const stack = [seed];
      mask[seed] = 1;
      let area = 0;
      while (stack.length) {
        const i = stack.pop()!;
        area++;
        const px = i % w,
          py = (i - px) / w;
        for (const [nx, ny] of [
          [px + 1, py],
          [px - 1, py],
          [px, py + 1],
          [px, py - 1],
        ]) {
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const j = ny * w + nx;
          if (!mask[j] && same(baseColor(image, j), c)) {
            mask[j] = 1;
            stack.push(j);
          }
        }
      }
      return { mask, score: 1 - 1 / (1 + area) };
    });
  }
}

/**
 * CLIP stand-in. Vision: the summed base colour of the pixels that still show the checker
 * (sharp, i.e. inside the proposal), as a 3-vector. Text: each known query maps to a colour.
 */
export class ColorClip implements ClipModel {
  constructor(private readonly textColors: Record<string, [number, number, number]>) {}
  async embedImages(images: RgbImage[]): Promise<Float32Array[]> {
    return images.map((img) => {
      const e = new Float32Array(3);
      for (let i = 0; i < img.width * img.height; i++) {
        if ((i + 1) % img.width === 0) continue;
        const a = [img.rgb[3 * i], img.rgb[3 * i + 1], img.rgb[3 * i + 2]];
        const b = [img.rgb[3 * i + 3], img.rgb[3 * i + 4], img.rgb[3 * i + 5]];
        const ca = baseColor(img, i),
          cb = baseColor(img, i + 1);
        if (black(ca) || !same(ca, cb, 2) || same(a, b, 0)) continue;
        e[0] += ca[0];
        e[1] += ca[1];
        e[2] += ca[2];
      }
      return e;
    });
  }
  async embedText(text: string): Promise<Float32Array> {
    const c = this.textColors[text];
    if (!c) throw new Error(`ColorClip knows no text "${text}"`);
    return Float32Array.from(c);
  }
}
