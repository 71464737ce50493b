import { describe, expect, it } from 'vitest';
import { DownloadTracker, type DownloadSnapshot } from './downloadTracker';

describe('DownloadTracker', () => {
  it('sums files in flight, throttles updates and reports the end at once', async () => {
    const seen: DownloadSnapshot[] = [];
    const t = new DownloadTracker((s) => seen.push(s), 20);
    t.track({ url: 'a', loaded: 0, total: 100, done: false });
    t.track({ url: 'b', loaded: 10, total: null, done: false });
    t.track({ url: 'a', loaded: 50, total: 100, done: false });
    expect(seen).toEqual([]);
    await new Promise((r) => setTimeout(r, 40));
    expect(seen).toEqual([{ files: 2, loaded: 60, total: 110, finished: 0, fromCache: 0 }]);
    t.track({ url: 'a', loaded: 100, total: 100, done: true });
    t.track({ url: 'c', loaded: 7, total: 7, done: true, cached: true });
    t.track({ url: 'b', loaded: 30, total: 30, done: true });
    expect(seen.at(-1)).toEqual({ files: 0, loaded: 0, total: 0, finished: 3, fromCache: 1 });
    // The counts restart for the next batch of downloads.
    t.track({ url: 'd', loaded: 1, total: 1, done: true });
    expect(seen.at(-1)!.finished).toBe(1);
  });
});
