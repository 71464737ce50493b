import type { ClipTokenizer } from './clipTokenizer';
import type { ClipModel, RgbImage, SamMask, SamModel } from './models';

/**
 * SAM and CLIP on onnxruntime sessions, with the Hugging Face / transformers.js export layout
 * (docs/affordance.md). ORT is injected: onnxruntime-web/webgpu in the affordance worker, its
 * WASM build in Node tests, so this file imports no runtime.
 */
export interface AffTensor {
  readonly data: unknown;
  readonly dims: readonly number[];
}
export interface AffSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, AffTensor>): Promise<Record<string, AffTensor>>;
}
export interface AffOrt {
  createSession(bytes: Uint8Array, name: string): Promise<AffSession>;
  float32(data: Float32Array, dims: number[]): AffTensor;
  int64(data: BigInt64Array, dims: number[]): AffTensor;
}

export interface SamFiles {
  visionEncoder: Uint8Array;
  decoder: Uint8Array;
  /** preprocessor_config.json's image_mean / image_std (ImageNet when absent) */
  mean?: number[];
  std?: number[];
}
export interface ClipFiles {
  visionModel: Uint8Array;
  textModel: Uint8Array;
  mean?: number[];
  std?: number[];
  size?: number;
}

function checkNames(s: AffSession, name: string, inputs: string[], outputs: string[]): void {
  const miss = [...inputs.filter((n) => !s.inputNames.includes(n)), ...outputs.filter((n) => !s.outputNames.includes(n))];
  if (miss.length) throw new Error(`${name}: expected inputs ${inputs.join(', ')} and outputs ${outputs.join(', ')}; missing ${miss.join(', ')}`);
}

/**
 * Bilinear resample of an RGB image into a CHW float tensor, normalised; pixels beyond `w`×`h` of
 * the target stay 0 (padding). Runs per pixel of every CLIP crop and SAM frame, so no closures.
 */
function toPixelValues(img: RgbImage, outW: number, outH: number, tw: number, th: number, mean: number[], std: number[]): Float32Array {
  const out = new Float32Array(3 * tw * th);
  const rgb = img.rgb,
    W = img.width;
  const sx = img.width / outW,
    sy = img.height / outH;
  const plane = tw * th;
  const scale = [1 / (255 * std[0]), 1 / (255 * std[1]), 1 / (255 * std[2])];
  const shift = [mean[0] / std[0], mean[1] / std[1], mean[2] / std[2]];
  for (let y = 0; y < outH; y++) {
    const fy = Math.min(img.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy),
      y1 = Math.min(img.height - 1, y0 + 1),
      ay = fy - y0;
    for (let x = 0; x < outW; x++) {
      const fx = Math.min(img.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx),
        x1 = Math.min(img.width - 1, x0 + 1),
        ax = fx - x0;
      const i00 = 3 * (y0 * W + x0),
        i01 = 3 * (y0 * W + x1),
        i10 = 3 * (y1 * W + x0),
        i11 = 3 * (y1 * W + x1);
      const w00 = (1 - ay) * (1 - ax),
        w01 = (1 - ay) * ax,
        w10 = ay * (1 - ax),
        w11 = ay * ax;
      const o = y * tw + x;
      for (let c = 0; c < 3; c++) {
        const v = w00 * rgb[i00 + c] + w01 * rgb[i01 + c] + w10 * rgb[i10 + c] + w11 * rgb[i11 + c];
        out[c * plane + o] = v * scale[c] - shift[c];
      }
    }
  }
  return out;
}

const SAM_SIZE = 1024;

export class OnnxSam implements SamModel {
  private constructor(
    private readonly ort: AffOrt,
    private readonly enc: AffSession,
    private readonly dec: AffSession,
    private readonly files: SamFiles,
  ) {}

  static async create(ort: AffOrt, files: SamFiles): Promise<OnnxSam> {
    const enc = await ort.createSession(files.visionEncoder, 'vision_encoder.onnx');
    checkNames(enc, 'vision_encoder.onnx', ['pixel_values'], ['image_embeddings']);
    const dec = await ort.createSession(files.decoder, 'prompt_encoder_mask_decoder.onnx');
    checkNames(dec, 'prompt_encoder_mask_decoder.onnx', ['image_embeddings', 'input_points', 'input_labels'], ['iou_scores', 'pred_masks']);
    return new OnnxSam(ort, enc, dec, files);
  }

  /** The image scaled so its longest side is 1024, padded bottom-right (SAM's preprocessing). */
  private frame(img: RgbImage) {
    const k = SAM_SIZE / Math.max(img.width, img.height);
    return { k, w: Math.round(img.width * k), h: Math.round(img.height * k) };
  }

  async embed(img: RgbImage): Promise<unknown> {
    const { w, h } = this.frame(img);
    const px = toPixelValues(img, w, h, SAM_SIZE, SAM_SIZE, this.files.mean ?? [0.485, 0.456, 0.406], this.files.std ?? [0.229, 0.224, 0.225]);
    const out = await this.enc.run({ pixel_values: this.ort.float32(px, [1, 3, SAM_SIZE, SAM_SIZE]) });
    return out.image_embeddings;
  }

  async segment(embedding: unknown, img: RgbImage, points: [number, number][]): Promise<SamMask[]> {
    const { k } = this.frame(img);
    const P = points.length;
    const pts = new Float32Array(P * 2);
    points.forEach(([x, y], i) => {
      pts[2 * i] = x * k;
      pts[2 * i + 1] = y * k;
    });
    const out = await this.dec.run({
      image_embeddings: embedding as AffTensor,
      input_points: this.ort.float32(pts, [1, P, 1, 2]),
      input_labels: this.ort.int64(new BigInt64Array(P).fill(1n), [1, P, 1]),
    });
    const iou = out.iou_scores.data as Float32Array;
    const masks = out.pred_masks.data as Float32Array;
    const C = out.iou_scores.dims[2];
    const [mh, mw] = out.pred_masks.dims.slice(-2);
    // Low-res logits cover the padded 1024 frame: an image pixel's centre maps to (x + ½)·k / 1024 of it.
    return points.map((_, i) => {
      let best = 0;
      for (let c = 1; c < C; c++) if (iou[i * C + c] > iou[i * C + best]) best = c;
      const base = (i * C + best) * mh * mw;
      const mask = new Uint8Array(img.width * img.height);
      for (let y = 0; y < img.height; y++) {
        const my = ((y + 0.5) * k * mh) / SAM_SIZE - 0.5;
        for (let x = 0; x < img.width; x++) {
          const mx = ((x + 0.5) * k * mw) / SAM_SIZE - 0.5;
          mask[y * img.width + x] = bilinear(masks, base, mw, mh, mx, my) > 0 ? 1 : 0;
        }
      }
      return { mask, score: iou[i * C + best] };
    });
  }
}

function bilinear(a: Float32Array, base: number, w: number, h: number, x: number, y: number): number {
  const cx = Math.min(w - 1, Math.max(0, x)),
    cy = Math.min(h - 1, Math.max(0, y));
  const x0 = Math.floor(cx),
    y0 = Math.floor(cy),
    x1 = Math.min(w - 1, x0 + 1),
    y1 = Math.min(h - 1, y0 + 1);
  const ax = cx - x0,
    ay = cy - y0;
  const r0 = base + y0 * w,
    r1 = base + y1 * w;
  return (1 - ay) * ((1 - ax) * a[r0 + x0] + ax * a[r0 + x1]) + ay * ((1 - ax) * a[r1 + x0] + ax * a[r1 + x1]);
}

export class OnnxClip implements ClipModel {
  private constructor(
    private readonly ort: AffOrt,
    private readonly vision: AffSession,
    private readonly text: AffSession,
    private readonly tokenizer: ClipTokenizer,
    private readonly files: ClipFiles,
  ) {}

  static async create(ort: AffOrt, files: ClipFiles, tokenizer: ClipTokenizer): Promise<OnnxClip> {
    const vision = await ort.createSession(files.visionModel, 'vision_model.onnx');
    checkNames(vision, 'vision_model.onnx', ['pixel_values'], ['image_embeds']);
    const text = await ort.createSession(files.textModel, 'text_model.onnx');
    checkNames(text, 'text_model.onnx', ['input_ids'], ['text_embeds']);
    return new OnnxClip(ort, vision, text, tokenizer, files);
  }

  async embedImages(images: RgbImage[]): Promise<Float32Array[]> {
    const size = this.files.size ?? 224;
    const out: Float32Array[] = [];
    // One image per run: the proposals of a view differ in count, and a batch of 1 keeps memory flat.
    for (const img of images) {
      const px = toPixelValues(img, size, size, size, size, this.files.mean ?? [0.48145466, 0.4578275, 0.40821073], this.files.std ?? [0.26862954, 0.26130258, 0.27577711]);
      const r = await this.vision.run({ pixel_values: this.ort.float32(px, [1, 3, size, size]) });
      out.push(Float32Array.from(r.image_embeds.data as Float32Array));
    }
    return out;
  }

  async embedText(query: string): Promise<Float32Array> {
    const t = this.tokenizer.encode(query);
    const feeds: Record<string, AffTensor> = { input_ids: this.ort.int64(t.inputIds, [1, t.inputIds.length]) };
    if (this.text.inputNames.includes('attention_mask')) feeds.attention_mask = this.ort.int64(t.attentionMask, [1, t.attentionMask.length]);
    const r = await this.text.run(feeds);
    return Float32Array.from(r.text_embeds.data as Float32Array);
  }
}
