import type { FetchProgress } from './fetchIO';

/** What the viewport's progress line shows: the files in flight and their bytes. */
export interface DownloadSnapshot {
  files: number;
  loaded: number;
  /** sum of the known sizes; files without Content-Length count their bytes so far */
  total: number;
  /** files finished since the tracker went idle, and how many of them came from the cache */
  finished: number;
  fromCache: number;
}

export const IDLE_DOWNLOADS: DownloadSnapshot = { files: 0, loaded: 0, total: 0, finished: 0, fromCache: 0 };

/**
 * Sums FetchProgress events into one snapshot and tells a listener at most every `intervalMs`
 * (and at once when the last file finishes), so a worker can report over postMessage cheaply.
 */
export class DownloadTracker {
  private inFlight = new Map<string, { loaded: number; total: number | null }>();
  private finished = 0;
  private fromCache = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private listener: (s: DownloadSnapshot) => void,
    private intervalMs = 100,
  ) {}

  readonly track = (p: FetchProgress): void => {
    if (p.done) {
      this.inFlight.delete(p.url);
      this.finished++;
      if (p.cached) this.fromCache++;
    } else this.inFlight.set(p.url, { loaded: p.loaded, total: p.total });
    if (this.inFlight.size === 0) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.intervalMs);
  };

  snapshot(): DownloadSnapshot {
    let loaded = 0;
    let total = 0;
    for (const f of this.inFlight.values()) {
      loaded += f.loaded;
      total += f.total ?? f.loaded;
    }
    return { files: this.inFlight.size, loaded, total, finished: this.finished, fromCache: this.fromCache };
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const s = this.snapshot();
    this.listener(s);
    if (s.files === 0) {
      this.finished = 0;
      this.fromCache = 0;
    }
  }
}
