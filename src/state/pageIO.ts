import { DATASET_CACHE, fetchIO } from '../core/dataset/fetchIO';
import { DownloadTracker } from '../core/dataset/downloadTracker';
import type { BlobLike } from '../core/dataset/folderIO';
import type { DatasetIO } from '../core/dataset/loadDataset';
import { localFilesIO, openChannel, type ChannelLike, type LocalFilesMessage } from '../core/dataset/localFilesIO';
import { useDownloadStore } from './downloadStore';

/*
 * The page's dataset IO: http(s) through the shared Cache API cache with byte progress, and the
 * local folder the user opened. Workers get the same folder over the local-files channel.
 */

const tracker = new DownloadTracker((page) => useDownloadStore.setState({ page }));
const local = localFilesIO(fetchIO({ cacheName: DATASET_CACHE, onProgress: tracker.track }));
let channel: ChannelLike | null = null;
let published: Extract<LocalFilesMessage, { type: 'files' }> | null = null;
let generation = 0;

export function pageIO(): DatasetIO {
  return local.io;
}

/**
 * Makes a folder's files readable by the page and every worker. Returns the generation: paths
 * are published as `<generation>/<path>` so a worker never confuses two folders of one name.
 */
export function publishLocalFiles(files: Record<string, BlobLike>): { generation: number; prefix: string } {
  generation++;
  const prefixed: Record<string, BlobLike> = {};
  for (const [path, f] of Object.entries(files)) prefixed[`${generation}/${path}`] = f;
  local.setFiles(generation, prefixed);
  published = { type: 'files', generation, files: prefixed };
  if (!channel) {
    channel = openChannel();
    // Workers started later ask for the files; answer with the latest folder.
    channel?.addEventListener('message', (e) => {
      if (e.data?.type === 'request' && published) channel!.postMessage(published);
    });
  }
  channel?.postMessage(published);
  return { generation, prefix: `${generation}/` };
}
