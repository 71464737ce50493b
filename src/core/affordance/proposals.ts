/** Grid prompting, small-mask filtering and mask NMS: SAM's answers → a clean set of part proposals. */

export interface Proposal {
  mask: Uint8Array;
  score: number;
  /** pixels inside */
  area: number;
  /** the prompt it came from (pixels) */
  point: [number, number];
}

/**
 * A regular `grid` × `grid` lattice of pixel-centre prompts (AffordDex uses 32 × 32), keeping only
 * those that land on the object (`id` ≥ 0): a prompt on the background can only segment
 * background, so it would cost a decoder run for a mask NMS or the object test throws away.
 */
export function gridPrompts(width: number, height: number, id: Int32Array, grid = 32): [number, number][] {
  const out: [number, number][] = [];
  for (let j = 0; j < grid; j++)
    for (let i = 0; i < grid; i++) {
      const x = ((i + 0.5) * width) / grid,
        y = ((j + 0.5) * height) / grid;
      const px = Math.min(width - 1, Math.floor(x)),
        py = Math.min(height - 1, Math.floor(y));
      if (id[py * width + px] >= 0) out.push([x, y]);
    }
  return out;
}

export function maskArea(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  return n;
}

export function maskIoU(a: Uint8Array, b: Uint8Array): number {
  let inter = 0,
    union = 0;
  for (let i = 0; i < a.length; i++) {
    inter += a[i] & b[i];
    union += a[i] | b[i];
  }
  return union === 0 ? 0 : inter / union;
}

/**
 * Masks restricted to the object's pixels, those under `minArea` pixels dropped, then greedy
 * non-maximum suppression: best predicted IoU first (ties: larger area, then prompt order), a
 * mask is dropped when its IoU with a kept one exceeds `iouThreshold` (AffordDex: 0.7).
 */
export function selectProposals(
  masks: { mask: Uint8Array; score: number; point: [number, number] }[],
  id: Int32Array,
  opts: { minArea: number; iouThreshold?: number },
): Proposal[] {
  const thr = opts.iouThreshold ?? 0.7;
  const candidates: Proposal[] = [];
  for (const m of masks) {
    const mask = new Uint8Array(m.mask.length);
    let area = 0;
    for (let i = 0; i < mask.length; i++)
      if (m.mask[i] && id[i] >= 0) {
        mask[i] = 1;
        area++;
      }
    if (area >= opts.minArea) candidates.push({ mask, score: m.score, area, point: m.point });
  }
  const order = candidates.map((_, i) => i).sort((a, b) => candidates[b].score - candidates[a].score || candidates[b].area - candidates[a].area || a - b);
  const kept: Proposal[] = [];
  for (const i of order) {
    const c = candidates[i];
    if (kept.every((k) => maskIoU(k.mask, c.mask) <= thr)) kept.push(c);
  }
  return kept;
}

/** Pixels on the border of any proposal (4-neighbourhood), so a view can show every part SAM proposed without covering the render. */
export function proposalOutlines(masks: readonly Uint8Array[], width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (const m of masks)
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        if (!m[i]) continue;
        if (x === 0 || y === 0 || x === width - 1 || y === height - 1 || !m[i - 1] || !m[i + 1] || !m[i - width] || !m[i + width]) out[i] = 1;
      }
  return out;
}
