/**
 * What NAA needs from its two models, whatever runs them (onnxruntime-web sessions in a worker,
 * onnxruntime-node in tests, or plain functions with known behaviour in unit tests).
 */

/** An RGB image, row-major from the top-left. */
export interface RgbImage {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/** One prompt's answer: SAM's best candidate (by predicted IoU), at the image's resolution. */
export interface SamMask {
  /** 1 inside */
  mask: Uint8Array;
  /** SAM's predicted IoU of that candidate */
  score: number;
}

export interface SamModel {
  /** The image encoder, once per view (the expensive half of SAM). */
  embed(image: RgbImage): Promise<unknown>;
  /**
   * The prompt encoder + mask decoder for a batch of single-point prompts (pixel coordinates,
   * foreground label), each answered with its best candidate.
   */
  segment(embedding: unknown, image: RgbImage, points: [number, number][]): Promise<SamMask[]>;
}

export interface ClipModel {
  /** L2-normalised or not; NAA normalises */
  embedImages(images: RgbImage[]): Promise<Float32Array[]>;
  embedText(text: string): Promise<Float32Array>;
}
