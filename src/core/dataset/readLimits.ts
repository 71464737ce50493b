/**
 * Caps on decoded file sizes, so a small compressed file that inflates to gigabytes (a gzip
 * bomb served with Content-Encoding: gzip) is stopped while it streams instead of
 * freezing the tab. Documented in docs/dataset-format.md; overridable per page with URL
 * parameters (maxManifestMB, maxShardMB, maxMeshMB, maxUrdfMB, maxModelMB) and per call in code.
 */
export type FileKind = 'manifest' | 'shard' | 'mesh' | 'urdf' | 'model';

export type ReadLimits = Record<FileKind, number>;

const MiB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = {
  manifest: 64 * MiB,
  shard: 512 * MiB,
  mesh: 256 * MiB,
  urdf: 16 * MiB,
  // ONNX graphs (DRO, SAM, CLIP): the official-width DRO embed is 50 MB, a SAM ViT-B encoder ~360 MB.
  model: 1024 * MiB,
};

/** What a reader is asked to stop at: the cap and the kind of file, for the message. */
export interface ReadLimit {
  maxBytes: number;
  kind: FileKind;
}

export function limitFor(kind: FileKind, limits: Partial<ReadLimits> = {}): ReadLimit {
  return { kind, maxBytes: limits[kind] ?? DEFAULT_READ_LIMITS[kind] };
}

const PARAM: Record<FileKind, string> = { manifest: 'maxManifestMB', shard: 'maxShardMB', mesh: 'maxMeshMB', urdf: 'maxUrdfMB', model: 'maxModelMB' };

/** Limits given in a page's query string (`?maxMeshMB=1024`); anything unreadable keeps the default. */
export function limitsFromSearch(search: string): Partial<ReadLimits> {
  const params = new URLSearchParams(search);
  const out: Partial<ReadLimits> = {};
  for (const kind of Object.keys(PARAM) as FileKind[]) {
    const v = Number(params.get(PARAM[kind]));
    if (params.has(PARAM[kind]) && Number.isFinite(v) && v > 0) out[kind] = Math.round(v * MiB);
  }
  return out;
}

export function formatBytes(n: number): string {
  if (n >= MiB) return `${+(n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/** Thrown when a file decodes to more than its cap; the message says how to raise it. */
export class FileTooLargeError extends Error {
  constructor(
    readonly limit: ReadLimit,
    readonly seen: number,
  ) {
    super(`decodes to more than ${formatBytes(limit.maxBytes)} (the limit for a ${limit.kind}; ` + `stopped after ${formatBytes(seen)}; raise it with ?${PARAM[limit.kind]}=…)`);
    this.name = 'FileTooLargeError';
  }
}

export function checkSize(bytes: number, limit: ReadLimit | undefined): void {
  if (limit && bytes > limit.maxBytes) throw new FileTooLargeError(limit, bytes);
}

/**
 * Reads a byte stream to its end, stopping (and cancelling the stream) as soon as it passes the
 * cap. `onChunk` sees the running count (download progress).
 */
export async function readCapped(stream: ReadableStream<Uint8Array>, limit: ReadLimit | undefined, onChunk?: (loaded: number) => void): Promise<ArrayBuffer> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    if (limit && loaded > limit.maxBytes) {
      // Not awaited: a cancelled decompression pipe need not settle promptly, and nothing waits on it.
      reader.cancel().catch(() => {});
      throw new FileTooLargeError(limit, loaded);
    }
    chunks.push(value);
    onChunk?.(loaded);
  }
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out.buffer;
}
