import { useState } from 'react';
import { METRIC_INFO, METRIC_NAMES, isMetricName } from '../../core/review/metricNames';
import type { QueueOrder } from '../../core/review/reviewQueue';
import { setOrder } from '../../state/reviewActions';
import { useReviewStore } from '../../state/reviewStore';

const COLUMN_LABEL = { id: 'grasp id', category: 'category', hand: 'hand', decision: 'decision' } as const;

function orderValue(o: QueueOrder): string {
  return o.kind === 'metric' ? `${o.metric}:${o.direction}` : o.kind === 'column' ? `column:${o.column}:${o.direction}` : o.kind;
}

/** The queue's order: dataset order, by a metric, or shuffled with a seed (shared seeds share orders). */
export function QueueOrderPicker() {
  const order = useReviewStore((s) => s.order);
  const [open, setOpen] = useState(false);
  const onChange = (v: string) => {
    if (v === 'dataset') setOrder({ kind: 'dataset' });
    else if (v === 'shuffle') setOrder({ kind: 'shuffle', seed: order.kind === 'shuffle' ? order.seed : 1 });
    else if (v.startsWith('column:')) {
      const [, column, direction] = v.split(':');
      if (column in COLUMN_LABEL) setOrder({ kind: 'column', column: column as keyof typeof COLUMN_LABEL, direction: direction === 'desc' ? 'desc' : 'asc' });
    } else {
      const [metric, direction] = v.split(':');
      if (isMetricName(metric)) setOrder({ kind: 'metric', metric, direction: direction === 'desc' ? 'desc' : 'asc' });
    }
  };
  // Folded, and the <select> only rendered when open: its many <option>s would otherwise crowd the
  // page's accessibility tree next to the grasp list's options.
  return (
    <details className="queue-order" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Queue order: <span data-testid="queue-order">{orderLabel(order)}</span>
      </summary>
      {open && (
        <label>
          Queue order{' '}
          <select value={orderValue(order)} onChange={(e) => onChange(e.target.value)}>
            <option value="dataset">dataset order</option>
            <option value="shuffle">shuffled</option>
            {order.kind === 'column' && <option value={orderValue(order)}>{orderLabel(order)}</option>}
            {METRIC_NAMES.flatMap((m) => [
              <option key={`${m}:asc`} value={`${m}:asc`}>
                {METRIC_INFO[m].label} ↑
              </option>,
              <option key={`${m}:desc`} value={`${m}:desc`}>
                {METRIC_INFO[m].label} ↓
              </option>,
            ])}
          </select>
        </label>
      )}
      {open && order.kind === 'shuffle' && (
        <label>
          seed{' '}
          <input
            type="number"
            className="seed"
            value={order.seed}
            onChange={(e) => {
              const seed = Math.trunc(Number(e.target.value));
              if (Number.isFinite(seed)) setOrder({ kind: 'shuffle', seed });
            }}
          />
        </label>
      )}
    </details>
  );
}

function orderLabel(o: QueueOrder): string {
  if (o.kind === 'metric') return `${METRIC_INFO[o.metric].label} ${o.direction === 'asc' ? '↑' : '↓'}`;
  if (o.kind === 'column') return `${COLUMN_LABEL[o.column]} ${o.direction === 'asc' ? '↑' : '↓'}`;
  return o.kind === 'shuffle' ? `shuffled (seed ${o.seed})` : 'dataset order';
}
