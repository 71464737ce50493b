import { useMemo } from 'react';
import { flagsFor } from '../../core/review/decisionStates';
import { METRIC_INFO } from '../../core/review/metricNames';
import { SUMMARY_METRICS, formatSummaryCell, summaryTable, summaryToCsv } from '../../core/review/summaryTable';
import { useReviewStore } from '../../state/reviewStore';
import { downloadText } from '../download';

/** Web2Grasp Table 1: mean metrics for all grasps, those passing the filters, and those accepted. */
export function SummaryTab() {
  const table = useReviewStore((s) => s.table);
  const tableVersion = useReviewStore((s) => s.tableVersion);
  const result = useReviewStore((s) => s.result);
  const codes = useReviewStore((s) => s.codes);
  const rows = useMemo(
    () => (table && result && codes.length === table.n ? summaryTable(table, result.pass, flagsFor(codes, 'accept')) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- tableVersion: the columns are updated in place as metrics arrive
    [table, tableVersion, result, codes],
  );
  if (!rows || !table) return null;
  return (
    <div className="summary-tab">
      <table className="summary-table" data-testid="summary-table">
        <thead>
          <tr>
            <th>Set</th>
            <th>Grasps</th>
            {SUMMARY_METRICS.map((m) => (
              <th key={m} title={METRIC_INFO[m].label}>
                {METRIC_INFO[m].label.replace('Penetration', 'Pen.')} ({METRIC_INFO[m].unit})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} data-set={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.count.toLocaleString('en-US')}</td>
              {SUMMARY_METRICS.map((m) => (
                <td key={m} title={r.missing[m] ? `${r.missing[m]} grasps without a value are left out of this mean` : undefined}>
                  {formatSummaryCell(r, m).replace(` ${METRIC_INFO[m].unit}`, '')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Means over grasps that have the value; hover a cell to see how many lack it.</p>
      <button onClick={() => downloadText(`summary-table1.csv`, summaryToCsv(rows), 'text/csv')}>Export CSV</button>
    </div>
  );
}
