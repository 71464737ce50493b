import { describe, expect, it } from 'vitest';
import { parseResultsFile, toCsv, toJson, CSV_COLUMNS } from './resultsFile';
import type { GraspMetricsRow } from './types';

const rows: GraspMetricsRow[] = [
  {
    id: 'g1',
    penetration_depth_cm: 0.1234567,
    penetration_volume_cm3: 0,
    disjoint_distance_cm: 1.5,
    contact_ratio_pct: 12.5,
    object_diagonal_cm: 17.32,
    d2_wasserstein_cm: null,
    affordance_score: 3,
    avoid_distance_cm: 2.25,
    object_extents_cm: [10, 10, 10],
    error: '',
  },
  {
    id: 'weird, "id"',
    penetration_depth_cm: null,
    penetration_volume_cm3: null,
    disjoint_distance_cm: null,
    contact_ratio_pct: null,
    object_diagonal_cm: null,
    d2_wasserstein_cm: null,
    affordance_score: null,
    avoid_distance_cm: null,
    object_extents_cm: null,
    error: 'object mesh: a.obj: cannot read (ENOENT)\nsecond line, with "quotes"',
  },
];

describe('results files', () => {
  it('CSV has exactly the columns id, eight metrics, error, and round-trips', () => {
    const csv = toCsv(rows);
    expect(csv.split('\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(CSV_COLUMNS).toEqual([
      'id',
      'penetration_depth_cm',
      'penetration_volume_cm3',
      'disjoint_distance_cm',
      'contact_ratio_pct',
      'object_diagonal_cm',
      'd2_wasserstein_cm',
      'affordance_score',
      'avoid_distance_cm',
      'error',
    ]);
    const back = parseResultsFile(csv, 'r.csv');
    expect(back.issues).toEqual([]);
    expect(back.rows).toEqual(rows.map((r) => ({ ...r, object_extents_cm: null })));
  });

  it('JSON keeps extents and parameters', () => {
    const back = parseResultsFile(
      toJson(rows, { dataset: 'demo', params: { samples: 1, voxelMm: 5, contactMm: 5, avoidMm: 20, seed: 3, geometry: 'visual', d2Pairs: 16, insideRays: 5, maxTriangles: 10 } }),
      'r.json',
    );
    expect(back.rows).toEqual(rows);
    expect(back.params?.seed).toBe(3);
    expect(back.dataset).toBe('demo');
  });

  it('reports bad cells and rejects files without ids', () => {
    const back = parseResultsFile('id,contact_ratio_pct,extra\ng,abc,1\n', 'x.csv');
    expect(back.rows[0].contact_ratio_pct).toBeNull();
    expect(back.issues).toEqual(['x.csv: unknown column "extra" ignored', 'x.csv: line 2 contact_ratio_pct "abc" is not a number; left empty']);
    expect(() => parseResultsFile('a,b\n1,2\n', 'y.csv')).toThrow(/no "id" column/);
    expect(() => parseResultsFile('{"format":"other","rows":[]}', 'z.json')).toThrow(/unsupported format/);
  });
});
