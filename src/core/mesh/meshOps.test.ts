import { describe, expect, it } from 'vitest';
import { boxMesh, unweld } from './meshFixtures';
import { meshArea, meshVolume } from './meshMeasures';
import { mergeMeshes } from './mergeMeshes';
import { edgeStats, isClosedMesh } from './meshTopology';
import { transformMesh } from './transformMesh';
import { meshBounds } from './triMesh';
import { sanitizeMesh, validateMesh } from './validateMesh';
import { weldVertices } from './weldVertices';

describe('meshVolume / meshArea', () => {
  it('measures a 1x2x3 box exactly and flips sign with the winding', () => {
    const box = boxMesh(1, 2, 3, [5, -4, 2]);
    expect(meshVolume(box)).toBeCloseTo(6, 5);
    expect(meshArea(box)).toBeCloseTo(2 * (2 + 3 + 6), 5);
    const flipped = { ...box, indices: box.indices.slice() };
    for (let t = 0; t < flipped.indices.length; t += 3) {
      [flipped.indices[t + 1], flipped.indices[t + 2]] = [flipped.indices[t + 2], flipped.indices[t + 1]];
    }
    expect(meshVolume(flipped)).toBeCloseTo(-6, 5);
  });
});

describe('weldVertices', () => {
  it('restores the 8 shared corners of a triangle-soup box and keeps it closed', () => {
    const soup = unweld(boxMesh());
    expect(soup.positions.length / 3).toBe(36);
    expect(isClosedMesh(soup)).toBe(false);
    const welded = weldVertices(soup);
    expect(welded.positions.length / 3).toBe(8);
    expect(welded.indices.length).toBe(36);
    expect(isClosedMesh(welded)).toBe(true);
    expect(meshVolume(welded)).toBeCloseTo(1, 6);
  });

  it('treats -0 and +0 as one position, keeps near-duplicates apart, drops unused vertices', () => {
    const mesh = {
      positions: new Float32Array([0, 0, 0, -0, 0, 0, 1e-7, 0, 0, 1, 0, 0, 0, 1, 0, 9, 9, 9]),
      indices: new Uint32Array([0, 3, 4, 1, 4, 3, 2, 3, 4]),
    };
    const w = weldVertices(mesh);
    expect(w.positions.length / 3).toBe(4); // 0/-0 merged, 1e-7 kept, (9,9,9) unused
    expect(Array.from(w.positions.slice(0, 3))).toEqual([0, 0, 0]);
    expect(w.indices[0]).toBe(w.indices[3]);
    expect(w.indices[6]).not.toBe(w.indices[0]);
  });
});

describe('transformMesh', () => {
  it('applies a column-major translation+scale and keeps volume positive under mirroring', () => {
    const box = boxMesh();
    // scale 2 along x, translate (1,2,3)
    const m = [2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 2, 3, 1] as const;
    const t = transformMesh(box, m as unknown as number[] & { length: 16 });
    const b = meshBounds(t);
    expect(b.min).toEqual([0, 1.5, 2.5]);
    expect(b.max).toEqual([2, 2.5, 3.5]);
    expect(meshVolume(t)).toBeCloseTo(2, 6);
    const mirror = [-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    const mm = transformMesh(box, mirror as number[] & { length: 16 });
    expect(meshVolume(mm)).toBeCloseTo(1, 6);
    expect(isClosedMesh(mm)).toBe(true);
  });
});

describe('mergeMeshes', () => {
  it('offsets indices so each input stays closed and volumes add up', () => {
    const merged = mergeMeshes([boxMesh(1, 1, 1), boxMesh(2, 2, 2, [5, 0, 0])]);
    expect(merged.positions.length / 3).toBe(16);
    expect(merged.indices.length).toBe(72);
    expect(Math.max(...merged.indices)).toBe(15);
    expect(isClosedMesh(merged)).toBe(true);
    expect(meshVolume(merged)).toBeCloseTo(9, 5);
  });
});

describe('edgeStats', () => {
  it('counts the boundary of an open box and inconsistent winding', () => {
    const box = boxMesh();
    const open = { positions: box.positions, indices: box.indices.slice(0, 30) };
    expect(edgeStats(open).boundary).toBe(4);
    const bad = { positions: box.positions, indices: box.indices.slice() };
    [bad.indices[1], bad.indices[2]] = [bad.indices[2], bad.indices[1]];
    expect(edgeStats(bad).misoriented).toBe(3);
    expect(isClosedMesh(bad)).toBe(false);
  });
});

describe('sanitizeMesh / validateMesh', () => {
  it('drops non-finite, out-of-range and degenerate triangles and reports each', () => {
    const positions = new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0, NaN, 0, 0, 2, 0, 0]);
    const indices = new Uint32Array([
      0,
      1,
      2, // good
      0,
      1,
      3, // NaN vertex
      0,
      1,
      7, // out of range
      0,
      0,
      2, // repeated index
      0,
      1,
      4, // collinear
    ]);
    expect(() => validateMesh({ positions, indices }, 'x.obj')).toThrow(/out of range/);
    const { mesh, dropped } = sanitizeMesh({ positions, indices });
    expect(dropped).toEqual({ nonFinite: 1, outOfRange: 1, degenerate: 2, unusedVertices: 2 });
    expect(Array.from(mesh.indices)).toEqual([0, 1, 2]);
    expect(mesh.positions.length).toBe(9);
    expect(() => validateMesh(mesh, 'x.obj')).not.toThrow();
    expect(() => validateMesh({ positions, indices: new Uint32Array([0, 1, 2, 0, 1, 3]) }, 'nan.ply')).toThrow(
      /nan\.ply: 1 vertices have NaN\/Infinity coordinates \(1 triangles affected\)/,
    );
  });
});
