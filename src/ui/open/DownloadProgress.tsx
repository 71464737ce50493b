import { useEffect } from 'react';
import * as Comlink from 'comlink';
import { useDownloadStore } from '../../state/downloadStore';
import { sceneWorker } from '../../state/sceneWorkerClient';
import type { DownloadSnapshot } from '../../core/dataset/downloadTracker';

let subscribed = false;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** The viewport's line about files in flight: meshes and URDFs (scene worker), shards (page). */
export function DownloadProgress() {
  const page = useDownloadStore((s) => s.page);
  const scene = useDownloadStore((s) => s.scene);

  useEffect(() => {
    if (subscribed) return;
    subscribed = true;
    void sceneWorker().onDownloads(Comlink.proxy((s: DownloadSnapshot) => useDownloadStore.setState({ scene: s })));
  }, []);

  const files = page.files + scene.files;
  if (files === 0) return null;
  const loaded = page.loaded + scene.loaded;
  const total = page.total + scene.total;
  const known = total > 0 && total >= loaded;
  return (
    <div className="download-progress" role="status" aria-live="polite" data-testid="download-progress" data-files={files} data-loaded={loaded}>
      <span>
        Downloading {files} file{files === 1 ? '' : 's'}: {formatBytes(loaded)}
        {known ? ` of ${formatBytes(total)}` : ''}
      </span>
      <progress max={known ? total : undefined} value={known ? loaded : undefined} aria-label="Download progress" />
    </div>
  );
}
