import { METRIC_INFO, METRIC_NAMES } from '../../core/review/metricNames';
import { setListColumns } from '../../state/reviewActions';
import { useReviewStore } from '../../state/reviewStore';

/** Which metric columns the grasp list shows (every metric of the registry can be one). */
export function ListColumnPicker() {
  const columns = useReviewStore((s) => s.listColumns);
  return (
    <details className="list-columns">
      <summary>Columns</summary>
      <fieldset aria-label="Metric columns">
        {METRIC_NAMES.map((m) => (
          <label key={m}>
            <input type="checkbox" checked={columns.includes(m)} onChange={(e) => setListColumns(e.target.checked ? [...columns, m] : columns.filter((c) => c !== m))} />{' '}
            {METRIC_INFO[m].label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
