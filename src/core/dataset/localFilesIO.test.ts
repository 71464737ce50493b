import { describe, expect, it } from 'vitest';
import { localUrl } from './folderIO';
import { followLocalFiles, localFilesIO, LOCAL_FILES_CHANNEL, type LocalFilesMessage } from './localFilesIO';
import { memoryIO } from './memoryIO';

const blob = (s: string) => new Blob([s]);

describe('localFilesIO', () => {
  it('reads local URLs from the latest files and others from the fallback', async () => {
    const local = localFilesIO(memoryIO({ 'https://x.test/a.txt': 'remote' }));
    local.setFiles(1, { '1/set/a.txt': blob('one') });
    expect(await local.io.fetchText(localUrl('1/set/a.txt'))).toBe('one');
    expect(await local.io.fetchText('https://x.test/a.txt')).toBe('remote');
    // An older generation arriving late does not replace newer files.
    local.setFiles(2, { '2/set/a.txt': blob('two') });
    local.setFiles(1, { '1/set/a.txt': blob('stale') });
    expect(await local.io.fetchText(localUrl('2/set/a.txt'))).toBe('two');
  });

  it('waits for files of a newer generation, but fails a missing file at once', async () => {
    // A wait far longer than the test's timeout: had the missing file waited, the test would time out.
    const local = localFilesIO(memoryIO({}), 3_600_000);
    local.setFiles(1, { '1/a.obj': blob('a') });
    await expect(local.io.fetchText(localUrl('1/missing.obj'))).rejects.toThrow('not found in the opened folder: 1/missing.obj');
    const pending = local.io.fetchText(localUrl('2/b.obj'));
    setTimeout(() => local.setFiles(2, { '2/b.obj': blob('b') }), 30);
    expect(await pending).toBe('b');
  });

  it('follows files published on the broadcast channel', async () => {
    const page = new BroadcastChannel(LOCAL_FILES_CHANNEL);
    const requests: string[] = [];
    page.onmessage = (e: MessageEvent<LocalFilesMessage>) => {
      requests.push(e.data.type);
      if (e.data.type === 'request') page.postMessage({ type: 'files', generation: 5, files: { '5/m.json': blob('{"ok":1}') } });
    };
    const local = localFilesIO(memoryIO({}));
    const channel = new BroadcastChannel(LOCAL_FILES_CHANNEL);
    followLocalFiles(local, channel as never);
    try {
      expect(await local.io.fetchText(localUrl('5/m.json'))).toBe('{"ok":1}');
      expect(requests).toEqual(['request']);
    } finally {
      page.close();
      channel.close();
    }
  });
});
