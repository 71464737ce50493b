import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDatasetStore } from '../state/datasetStore';
import { useReviewStore } from '../state/reviewStore';
import { setShowAll, sortBy } from '../state/reviewActions';
import { graspSaving } from '../state/decisionSaving';
import { DecisionBadge } from './review/DecisionBadge';
import { ListColumnPicker } from './review/ListColumnPicker';
import { ownEntry } from '../core/dataset/ownEntry';
import { METRIC_INFO } from '../core/review/metricNames';
import { formatMetric } from '../core/review/formatMetric';
import { sortedColumn, type SortColumn } from '../core/review/reviewQueue';
import { middleSplit } from '../core/text/middleTruncate';

const ROW_HEIGHT = 28;
/** characters of an id's end that are never cut */
const ID_TAIL = 7;

/** A heading that sorts the list (and the queue): click or Enter, ascending, descending, dataset order. */
function SortHeading({ column, label, title }: { column: SortColumn; label: string; title?: string }) {
  // A primitive from the selector: a fresh object per call would re-render without end.
  const dir = useReviewStore((s) => {
    const sort = sortedColumn(s.order);
    return sort?.column === column ? sort.direction : null;
  });
  return (
    <span className="list-heading" data-column={column} data-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
      <button
        className="sort-heading"
        title={`Sort by ${title ?? label}`}
        aria-label={`Sort by ${title ?? label}${dir ? (dir === 'asc' ? ', sorted ascending' : ', sorted descending') : ''}`}
        onClick={() => sortBy(column)}
      >
        {label}
        {dir === 'asc' ? ' ↑' : dir === 'desc' ? ' ↓' : ''}
      </button>
    </span>
  );
}

function IdText({ id }: { id: string }) {
  const [head, tail] = middleSplit(id, ID_TAIL);
  return (
    <>
      <span className="id-head">{head}</span>
      {tail && <span className="id-tail">{tail}</span>}
    </>
  );
}

/** Virtualized so 100,000 grasps scroll as smoothly as 10: only visible rows exist in the DOM. */
export function GraspList() {
  const dataset = useDatasetStore((s) => s.dataset);
  const selected = useDatasetStore((s) => s.selected);
  const select = useDatasetStore((s) => s.select);
  const parentRef = useRef<HTMLDivElement>(null);
  const grasps = dataset?.grasps ?? [];
  // The list's rows in queue order (filtered unless "Show all"), once the review table is built.
  const showAll = useReviewStore((s) => s.showAll);
  const table = useReviewStore((s) => (s.table && s.table.n === grasps.length ? s.table : null));
  const rows = useReviewStore((s) => (s.table && s.table.n === grasps.length && s.result ? s.rows : null));
  useReviewStore((s) => s.tableVersion);
  const columns = useReviewStore((s) => s.listColumns);
  const log = useReviewStore((s) => s.log);
  useReviewStore((s) => s.logVersion);
  const unsaved = useReviewStore((s) => s.unsaved);
  const count = rows ? rows.length : grasps.length;
  const position = rows ? rows.indexOf(selected) : selected;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => {
    if (count && position >= 0) virtualizer.scrollToIndex(position, { align: 'auto' });
  }, [position, count, virtualizer]);

  if (!dataset) return null;
  const template = `minmax(70px, 1fr) 72px 52px ${columns.map(() => '54px ').join('')}18px`;
  return (
    <div className="grasp-list" data-testid="grasp-list" data-count={count} data-total={grasps.length}>
      <div className="grasp-list-filter">
        <span data-testid="list-shown">
          {count.toLocaleString('en-US')} of {grasps.length.toLocaleString('en-US')} shown
        </span>
        <ListColumnPicker />
        <label>
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show all
        </label>
      </div>
      <div className="grasp-list-header" style={{ gridTemplateColumns: template }}>
        <SortHeading column="id" label="Grasp" title="grasp id" />
        <SortHeading column="category" label="Category" />
        <SortHeading column="hand" label="Hand" />
        {columns.map((m) => (
          <SortHeading key={m} column={m} label={METRIC_INFO[m].short ?? METRIC_INFO[m].label} title={`${METRIC_INFO[m].label} (${METRIC_INFO[m].unit})`} />
        ))}
        <SortHeading column="decision" label="✓" title="decision" />
      </div>
      {count === 0 && grasps.length > 0 && (
        <p className="muted list-empty" role="status" data-testid="list-empty">
          No grasp passes the filters. Loosen them in the Filter tab, or tick Show all.
        </p>
      )}
      <div ref={parentRef} className="grasp-list-scroll" role="listbox" aria-label="Grasps" tabIndex={-1}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const index = rows ? rows[item.index] : item.index;
            const g = grasps[index];
            const category = ownEntry(dataset.objects, g.object)?.spec.category ?? g.object;
            return (
              <div
                key={g.id}
                role="option"
                aria-selected={index === selected}
                className={'grasp-row' + (index === selected ? ' selected' : '')}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, gridTemplateColumns: template }}
                onClick={() => select(index)}
                data-grasp-id={g.id}
              >
                <span className="grasp-id" title={g.id}>
                  <IdText id={g.id} />
                </span>
                <span title={category}>{category}</span>
                <span title={g.hand}>{g.hand}</span>
                {columns.map((m) => (
                  <span key={m} className="num" data-metric={m}>
                    {table ? formatMetric(table.columns[m][index], m) : '…'}
                  </span>
                ))}
                <DecisionBadge state={log.state(g.id)} saving={graspSaving(unsaved, g.id)} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
