import { describe, expect, it } from 'vitest';
import { folderCycles, folderEdges, folderOf } from './folderCycles';

describe('folderOf', () => {
  it('groups core by area, the other layers whole, and ignores files outside src and workers', () => {
    expect(folderOf('src/core/mesh/triMesh.ts')).toBe('src/core/mesh');
    expect(folderOf('src/core/sample/objects/index.ts')).toBe('src/core/sample');
    expect(folderOf('src/core/csv.ts')).toBe('src/core');
    expect(folderOf('src/ui/review/DataTab.tsx')).toBe('src/ui');
    expect(folderOf('workers/metrics.worker.ts')).toBe('workers');
    expect(folderOf('scripts/bench.ts')).toBeNull();
  });
});

describe('folderCycles', () => {
  it('finds two folders importing each other through different files', () => {
    const edges = folderEdges([
      { from: 'src/core/dataset/folderIO.ts', to: 'src/core/importers/detect.ts' },
      { from: 'src/core/importers/build.ts', to: 'src/core/dataset/schema.ts' },
    ]);
    expect(folderCycles(edges)).toEqual([['src/core/dataset', 'src/core/importers']]);
    expect(edges.get('src/core/importers')!.get('src/core/dataset')!.from).toBe('src/core/importers/build.ts');
  });

  it('finds a cycle through three folders and none in a layered graph', () => {
    const ring = folderEdges([
      { from: 'src/core/a/x.ts', to: 'src/core/b/x.ts' },
      { from: 'src/core/b/x.ts', to: 'src/core/c/x.ts' },
      { from: 'src/core/c/x.ts', to: 'src/core/a/x.ts' },
    ]);
    expect(folderCycles(ring)).toEqual([['src/core/a', 'src/core/b', 'src/core/c']]);
    const layered = folderEdges([
      { from: 'src/ui/App.tsx', to: 'src/state/store.ts' },
      { from: 'src/state/store.ts', to: 'src/core/a/x.ts' },
      { from: 'src/ui/App.tsx', to: 'src/core/a/x.ts' },
      { from: 'src/core/a/x.ts', to: 'src/core/a/y.ts' },
    ]);
    expect(folderCycles(layered)).toEqual([]);
  });
});
