import type { RgbImage } from './models';

/**
 * The image with everything outside `mask` blurred (a separable box blur of `radius` pixels,
 * repeated 3 times ≈ Gaussian), so CLIP sees the proposal sharp in its context (AffordDex). Integer
 * arithmetic: the same bytes everywhere.
 */
export function blurOutside(image: RgbImage, mask: Uint8Array, radius: number): RgbImage {
  return sharpInside(image, blurImage(image, radius), mask);
}

/** The whole image blurred: the same for every proposal of a view, so NAA computes it once per view. */
export function blurImage(image: RgbImage, radius: number): Uint8Array {
  const { width: w, height: h, rgb } = image;
  let a: Uint8Array = Uint8Array.from(rgb);
  for (let pass = 0; pass < 3; pass++) a = boxBlur(boxBlur(a, w, h, radius, true), w, h, radius, false);
  return a;
}

/** The sharp image inside the mask over its blurred copy. */
export function sharpInside(image: RgbImage, blurred: Uint8Array, mask: Uint8Array): RgbImage {
  const { width: w, height: h, rgb } = image;
  const out = new Uint8Array(rgb.length);
  for (let i = 0; i < w * h; i++) {
    const src = mask[i] ? rgb : blurred;
    out[3 * i] = src[3 * i];
    out[3 * i + 1] = src[3 * i + 1];
    out[3 * i + 2] = src[3 * i + 2];
  }
  return { width: w, height: h, rgb: out };
}

/** Mean over a window clamped at the borders (edge pixels repeat). */
function boxBlur(src: Uint8Array, w: number, h: number, r: number, horizontal: boolean): Uint8Array {
  const out = new Uint8Array(src.length);
  const len = horizontal ? w : h,
    lines = horizontal ? h : w;
  const n = 2 * r + 1;
  for (let l = 0; l < lines; l++) {
    const at = (k: number) => 3 * (horizontal ? l * w + Math.min(len - 1, Math.max(0, k)) : Math.min(len - 1, Math.max(0, k)) * w + l);
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      for (let k = -r; k <= r; k++) sum += src[at(k) + c];
      for (let k = 0; k < len; k++) {
        out[at(k) + c] = Math.round(sum / n);
        sum += src[at(k + r + 1) + c] - src[at(k - r) + c];
      }
    }
  }
  return out;
}
