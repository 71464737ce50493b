import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedDataset, ResolvedGrasp } from '../core/dataset/loadDataset';
import { keyRecord, setEntry } from '../core/dataset/ownEntry';
import { withSavedRegions } from '../core/affordance/datasetRegions';
import { boxMesh } from '../core/mesh/meshFixtures';
import type { TriMesh } from '../core/mesh/triMesh';
import { datasetKey } from '../storage/datasetKey';
import { regionsOf } from '../storage/regionStore';
import {
  BRUSH_RADIUS,
  clearRegion,
  discardRegionEdits,
  followAffordanceSelection,
  paintAt,
  regionPointsFor,
  saveAffordanceRegion,
  setBrush,
  unsavedDrafts,
  useAffordanceStore,
} from './affordanceStore';
import { useDatasetStore } from './datasetStore';
import { useSceneStore } from './sceneStore';

const files: Record<string, string> = {
  'http://x/knife-avoid.json': JSON.stringify({ points: [[0, 0, 0.02]] }),
  'http://x/bad-avoid.json': '{"points": [[0, 0]]}',
};
vi.mock('./pageIO', () => ({
  pageIO: () => ({
    fetchText: async (url: string) => {
      if (!(url in files)) throw new Error('404');
      return files[url];
    },
  }),
}));

const plate: TriMesh = {
  positions: Float32Array.from([-0.05, -0.05, 0, 0.05, -0.05, 0, 0.05, 0.05, 0, -0.05, 0.05, 0]),
  indices: Uint32Array.from([0, 1, 2, 0, 2, 3]),
};
const grasp = (id: string, object: string): ResolvedGrasp => ({ id, object, hand: 'h', root: { position: [0, 0, 0], quaternion: [0, 0, 0, 1] }, joints: {}, source: 'x' });

let n = 0;
function openDataset(): LoadedDataset {
  const objects = keyRecord<LoadedDataset['objects'][string]>();
  setEntry(objects, 'plate', { spec: { mesh: 'plate.obj', category: 'plate' }, meshUrl: 'http://x/plate.obj' });
  setEntry(objects, '__proto__', { spec: { mesh: 'box.obj', category: 'box' }, meshUrl: 'http://x/box.obj' });
  // A fresh manifest URL per test: each has its own saved regions.
  const d: LoadedDataset = {
    name: 'd',
    manifestUrl: `http://x/${++n}/manifest.json`,
    hands: keyRecord(),
    objects,
    grasps: [grasp('g0', 'plate'), grasp('g1', '__proto__')],
    issues: [],
  };
  useDatasetStore.setState({ dataset: d, status: 'ready', selected: 0 });
  show(0, plate);
  return d;
}
function show(selected: number, mesh: TriMesh) {
  useDatasetStore.setState({ selected });
  useSceneStore.setState({ graspId: useDatasetStore.getState().dataset!.grasps[selected].id, object: mesh });
}
const state = () => useAffordanceStore.getState();
const shown = (objectId: string) => regionPointsFor(state(), useDatasetStore.getState().dataset, objectId);

beforeEach(() => {
  useAffordanceStore.setState({ drafts: new Map(), brush: 'off', brushRadius: BRUSH_RADIUS.default, browserSaved: [], error: null });
});

describe('region painting and saving', () => {
  it('paints only with a brush on, into a draft per object that survives switching grasps', () => {
    openDataset();
    paintAt([0, 0, 0]);
    expect(state().drafts.size).toBe(0);
    setBrush('add');
    paintAt([0, 0, 0]);
    const painted = shown('plate')!;
    expect(painted.length).toBeGreaterThan(10);
    for (const p of painted) expect(Math.hypot(...p)).toBeLessThanOrEqual(BRUSH_RADIUS.default + 1e-9);
    show(1, boxMesh(0.02, 0.02, 0.02));
    paintAt([0, 0, 0.01]);
    const d = unsavedDrafts(state(), useDatasetStore.getState().dataset);
    expect(d.map((x) => x.objectId).sort()).toEqual(['__proto__', 'plate']);
    expect(shown('plate')).toBe(painted);
    expect(d.find((x) => x.objectId === 'plate')!.source).toBe('manual');
    // the same key again turns the brush off
    setBrush('add');
    expect(state().brush).toBe('off');
  });

  it('erasing where it painted empties the region, and discarding goes back to what the dataset holds', () => {
    openDataset();
    setBrush('add');
    paintAt([0, 0, 0]);
    setBrush('erase');
    paintAt([0, 0, 0]);
    expect(shown('plate')).toEqual([]);
    discardRegionEdits('plate');
    expect(shown('plate')).toBeNull();
  });

  it('a save is in IndexedDB and in the open dataset, and comes back when the dataset is opened again', async () => {
    const original = openDataset();
    setBrush('add');
    paintAt([0.01, 0, 0]);
    const points = shown('plate')!;
    await saveAffordanceRegion('plate');
    const after = useDatasetStore.getState().dataset!;
    expect(after).not.toBe(original);
    expect(after.objects.plate.spec.avoid).toEqual({ points, label: 'part that must not be touched', source: 'manual' });
    expect(unsavedDrafts(state(), after)).toEqual([]);
    expect(state().browserSaved).toEqual(['plate']);
    const stored = await regionsOf(datasetKey(original.manifestUrl, original.name));
    expect(stored.map((r) => [r.object, r.points.length])).toEqual([['plate', points.length]]);
    expect(withSavedRegions(original, stored).dataset.objects.plate.spec.avoid).toEqual(after.objects.plate.spec.avoid);

    // Cleared and saved: removed from the dataset, and a reopen removes it too.
    clearRegion();
    await saveAffordanceRegion('plate');
    expect(useDatasetStore.getState().dataset!.objects.plate.spec.avoid).toBeUndefined();
    const again = await regionsOf(datasetKey(original.manifestUrl, original.name));
    expect(withSavedRegions(original, again).dataset.objects.plate.spec.avoid).toBeUndefined();
  });

  it('saves a region on the object "__proto__" as an ordinary object', async () => {
    const original = openDataset();
    show(1, boxMesh(0.02, 0.02, 0.02));
    setBrush('add');
    paintAt([0, 0, 0.01]);
    await saveAffordanceRegion('__proto__');
    const objects = useDatasetStore.getState().dataset!.objects;
    expect(Object.getOwnPropertyDescriptor(objects, '__proto__')?.value.spec.avoid.points.length).toBeGreaterThan(0);
    expect(Object.getPrototypeOf(objects)).toBeNull();
    expect((await regionsOf(datasetKey(original.manifestUrl, original.name)))[0].object).toBe('__proto__');
  });

  it('reads an avoid.file region for display, and names the file when it is bad', async () => {
    const d = openDataset();
    const withFile = (file: string) => {
      const objects = keyRecord<LoadedDataset['objects'][string]>();
      setEntry(objects, 'plate', { spec: { mesh: 'plate.obj', category: 'plate', avoid: { file } }, meshUrl: 'http://x/plate.obj', avoidUrl: `http://x/${file}` });
      const next = { ...d, objects };
      useDatasetStore.setState({ dataset: next });
      followAffordanceSelection(next, next.grasps[0]);
    };
    withFile('knife-avoid.json');
    await vi.waitFor(() => expect(shown('plate')).toEqual([[0, 0, 0.02]]));
    withFile('bad-avoid.json');
    await vi.waitFor(() => expect(state().fileRegion?.error).toMatch(/bad-avoid\.json/));
    expect(shown('plate')).toBeNull();
  });
});
