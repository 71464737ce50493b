import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv';
import { formatSummaryCell, summaryTable, summaryToCsv } from './summaryTable';
import { tableOf } from './testTable.testutil';

const v = (pd: number | null, pv: number, dd: number, cr: number) => ({
  penetration_depth_cm: pd,
  penetration_volume_cm3: pv,
  disjoint_distance_cm: dd,
  contact_ratio_pct: cr,
});

describe('summary table (Web2Grasp Table 1)', () => {
  const table = tableOf([
    { id: 'a', category: 'mug', values: v(0.1, 1, 0.2, 30) },
    { id: 'b', category: 'mug', values: v(0.3, 3, 0.4, 50) },
    { id: 'c', category: 'mug', values: v(null, 5, 0.6, 10) },
    { id: 'd', category: 'mug', values: v(0.9, 7, 1.0, 70) },
  ]);
  const passing = Uint8Array.from([1, 1, 1, 0]);
  const accepted = Uint8Array.from([0, 1, 0, 1]);
  const rows = summaryTable(table, passing, accepted);

  it('averages each set, leaving missing values out of the mean', () => {
    expect(rows.map((r) => r.label)).toEqual(['All', 'Passing filters', 'Accepted']);
    expect(rows.map((r) => r.count)).toEqual([4, 3, 2]);
    expect(rows[0].means.penetration_depth_cm).toBeCloseTo((0.1 + 0.3 + 0.9) / 3, 12);
    expect(rows[0].missing.penetration_depth_cm).toBe(1);
    expect(rows[0].means.penetration_volume_cm3).toBeCloseTo(4, 12);
    expect(rows[1].means.disjoint_distance_cm).toBeCloseTo(0.4, 12);
    expect(rows[1].means.contact_ratio_pct).toBeCloseTo(30, 12);
    expect(rows[2].means.penetration_depth_cm).toBeCloseTo(0.6, 12);
    expect(rows[2].means.contact_ratio_pct).toBeCloseTo(60, 12);
  });

  it('reports an empty set as NaN, shown as a dash and an empty CSV cell', () => {
    const empty = summaryTable(table, passing, new Uint8Array(4))[2];
    expect(empty.count).toBe(0);
    expect(Number.isNaN(empty.means.contact_ratio_pct)).toBe(true);
    expect(formatSummaryCell(empty, 'contact_ratio_pct')).toBe('–');
    expect(formatSummaryCell(rows[2], 'contact_ratio_pct')).toBe('60.00 %');
    const csv = parseCsv(summaryToCsv([empty]));
    expect(csv[1]).toEqual(['Accepted', '0', '', '', '', '']);
  });

  it('exports CSV with a labelled header including units', () => {
    const csv = parseCsv(summaryToCsv(rows));
    expect(csv[0]).toEqual(['Set', 'Grasps', 'Penetration depth (cm)', 'Penetration volume (cm3)', 'Disjoint distance (cm)', 'Contact ratio (%)']);
    expect(csv).toHaveLength(4);
    expect(csv[2][0]).toBe('Passing filters');
    expect(Number(csv[2][1])).toBe(3);
    expect(Number(csv[2][2])).toBeCloseTo(0.2, 4);
    expect(Number(csv[3][5])).toBeCloseTo(60, 4);
  });
});
