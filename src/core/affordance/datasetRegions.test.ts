import { describe, expect, it } from 'vitest';
import type { LoadedDataset } from '../dataset/loadDataset';
import { keyRecord, ownEntry, setEntry } from '../dataset/ownEntry';
import { withRegion, withSavedRegions } from './datasetRegions';

function dataset(): LoadedDataset {
  const objects = keyRecord<LoadedDataset['objects'][string]>();
  setEntry(objects, 'knife', {
    spec: { mesh: 'knife.obj', category: 'knife', avoid: { file: 'knife-avoid.json', label: 'blade part' } },
    meshUrl: 'http://x/knife.obj',
    avoidUrl: 'http://x/knife-avoid.json',
  });
  setEntry(objects, 'mug', { spec: { mesh: 'mug.obj', category: 'mug' }, meshUrl: 'http://x/mug.obj' });
  setEntry(objects, '__proto__', { spec: { mesh: 'p.obj', category: 'p' }, meshUrl: 'http://x/p.obj' });
  return { name: 'd', manifestUrl: 'http://x/manifest.json', hands: keyRecord(), objects, grasps: [], issues: [] };
}

describe('withRegion', () => {
  it('replaces a file region by inline points and forgets the file, leaving the input and the other objects as they were', () => {
    const d = dataset();
    const next = withRegion(d, 'knife', { points: [[0, 0, 0.1]], label: 'blade part', source: 'manual' });
    expect(next).not.toBe(d);
    expect(next.objects.knife.spec.avoid).toEqual({ points: [[0, 0, 0.1]], label: 'blade part', source: 'manual' });
    expect(next.objects.knife.avoidUrl).toBeUndefined();
    expect(next.objects.mug).toBe(d.objects.mug);
    expect(d.objects.knife.spec.avoid).toEqual({ file: 'knife-avoid.json', label: 'blade part' });
  });

  it('removes the region when given none or no points', () => {
    expect(withRegion(dataset(), 'knife', null).objects.knife.spec.avoid).toBeUndefined();
    expect(withRegion(dataset(), 'knife', { points: [] }).objects.knife.spec).toEqual({ mesh: 'knife.obj', category: 'knife' });
  });

  it('treats "__proto__" as an ordinary object id and never touches a prototype', () => {
    const next = withRegion(dataset(), '__proto__', { points: [[1, 2, 3]] });
    const entry = ownEntry(next.objects, '__proto__');
    expect(entry?.spec.avoid).toEqual({ points: [[1, 2, 3]] });
    expect(Object.getPrototypeOf(next.objects)).toBeNull();
    expect(({} as Record<string, unknown>).spec).toBeUndefined();
    expect(withRegion(dataset(), 'toString', { points: [[1, 2, 3]] }).objects.toString).toBeUndefined();
  });
});

describe('withSavedRegions', () => {
  it('lays saved regions over the dataset, skipping unknown objects and records that no longer validate, by name', () => {
    const r = withSavedRegions(dataset(), [
      { object: 'mug', points: [[0.01, 0, 0]], label: 'rim', source: 'manual' },
      { object: 'knife', points: [] },
      { object: 'spoon', points: [[0, 0, 0]] },
      { object: '__proto__', points: [[NaN, 0, 0]] },
    ]);
    expect(r.applied).toEqual(['mug', 'knife']);
    expect(r.dataset.objects.mug.spec.avoid).toEqual({ points: [[0.01, 0, 0]], label: 'rim', source: 'manual' });
    expect(r.dataset.objects.knife.spec.avoid).toBeUndefined();
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatch(/object "spoon": the dataset has no such object/);
    expect(r.problems[1]).toMatch(/object "__proto__".*skipped/);
    expect(ownEntry(r.dataset.objects, '__proto__')?.spec.avoid).toBeUndefined();
  });

  it('gives back the same dataset when nothing was saved', () => {
    const d = dataset();
    expect(withSavedRegions(d, []).dataset).toBe(d);
  });
});
