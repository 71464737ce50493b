import { describe, expect, it } from 'vitest';
import type { LoadedDataset, ResolvedGrasp } from '../core/dataset/loadDataset';
import { createDatasetStore } from './datasetStore';

const grasp = (id: string): ResolvedGrasp => ({ id, object: 'o', hand: 'h', root: { position: [0, 0, 0], quaternion: [0, 0, 0, 1] }, joints: {}, source: 'x' });
const dataset = (name: string, n: number): LoadedDataset => ({
  name,
  manifestUrl: `https://d.org/${name}.json`,
  hands: {},
  objects: {},
  grasps: Array.from({ length: n }, (_, i) => grasp(`${name}-${i}`)),
  issues: [],
});

describe('dataset store', () => {
  it('keeps only the latest of two opens and clamps the selection, -1 meaning none', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const store = createDatasetStore(async (url) => {
      if (url.endsWith('a.json')) await slow;
      return dataset(url.endsWith('a.json') ? 'a' : 'b', 3);
    });
    const first = store.getState().open('https://d.org/a.json');
    await store.getState().open('https://d.org/b.json');
    release();
    await first;
    expect(store.getState().dataset?.name).toBe('b');
    store.getState().select(10);
    expect(store.getState().selected).toBe(2);
    store.getState().select(-5);
    expect(store.getState().selected).toBe(-1);
    store.getState().step(1);
    expect(store.getState().selected).toBe(0);
    // A second store is independent: fresh state per test.
    expect(createDatasetStore().getState().dataset).toBeNull();
  });
});
