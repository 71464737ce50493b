import { folderIO, localPath, type BlobLike } from './folderIO';
import type { DatasetIO } from './loadDataset';

/**
 * Local folders opened in the page are handed to every worker (scene, metrics) over one
 * BroadcastChannel, so workers started by any part of the studio can read `local:///` URLs with
 * no extra wiring. File objects are structured-cloneable: nothing is copied or uploaded.
 */
export const LOCAL_FILES_CHANNEL = 'hoi-studio:local-files';

export type LocalFilesMessage =
  | { type: 'files'; generation: number; files: Record<string, BlobLike> }
  /** a worker that started after the page published asks for the current files */
  | { type: 'request' };

/** The part of BroadcastChannel used here. */
export interface ChannelLike {
  postMessage(m: LocalFilesMessage): void;
  addEventListener(type: 'message', fn: (e: { data: LocalFilesMessage }) => void): void;
}

export interface LocalFilesIO {
  io: DatasetIO;
  setFiles(generation: number, files: Record<string, BlobLike>): void;
}

/** Published paths start with their generation ('3/myset/manifest.json'): one folder per open. */
export function generationOf(path: string): number {
  const n = Number(path.slice(0, path.indexOf('/')));
  return Number.isInteger(n) ? n : -1;
}

/**
 * DatasetIO that reads `local:///` URLs from the latest published file map and everything else
 * through `fallback`. A path from a newer generation than the worker has seen waits up to
 * `waitMs` for those files, since the channel and a worker's own message port do not keep order
 * with each other; a path that is simply missing fails at once.
 */
export function localFilesIO(fallback: DatasetIO, waitMs = 4000): LocalFilesIO {
  let generation = -1;
  let current = folderIO({}, fallback);
  let files: Record<string, BlobLike> = {};
  let waiters: (() => void)[] = [];

  const waitForNewer = (since: number) =>
    new Promise<void>((resolve) => {
      if (generation > since) return resolve();
      const t = setTimeout(done, waitMs);
      function done() {
        clearTimeout(t);
        resolve();
      }
      waiters.push(done);
    });

  const read = async <T>(url: string, how: (io: DatasetIO) => Promise<T>): Promise<T> => {
    const path = localPath(url);
    if (path !== undefined && !Object.prototype.hasOwnProperty.call(files, path) && generationOf(path) > generation) await waitForNewer(generation);
    return how(current);
  };

  return {
    io: {
      fetchText: (url, limit) => read(url, (io) => io.fetchText(url, limit)),
      fetchBytes: (url, limit) => read(url, (io) => io.fetchBytes(url, limit)),
    },
    setFiles(gen, next) {
      if (gen < generation) return;
      generation = gen;
      files = next;
      current = folderIO(next, fallback);
      const w = waiters;
      waiters = [];
      w.forEach((f) => f());
    },
  };
}

/** Worker side: follow the files the page publishes (and ask for the current ones at start). */
export function followLocalFiles(target: LocalFilesIO, channel: ChannelLike | null = openChannel()): void {
  if (!channel) return;
  channel.addEventListener('message', (e) => {
    if (e.data?.type === 'files') target.setFiles(e.data.generation, e.data.files);
  });
  channel.postMessage({ type: 'request' });
}

export function openChannel(): ChannelLike | null {
  const BC = (globalThis as { BroadcastChannel?: new (name: string) => ChannelLike }).BroadcastChannel;
  return BC ? new BC(LOCAL_FILES_CHANNEL) : null;
}
