import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDatasetStore } from '../state/datasetStore';
import { useReviewStore } from '../state/reviewStore';
import { setShowAll } from '../state/reviewActions';
import { graspSaving } from '../state/decisionSaving';
import { DecisionBadge } from './review/DecisionBadge';
import { ownEntry } from '../core/dataset/ownEntry';

const ROW_HEIGHT = 28;

/** Virtualized so 100,000 grasps scroll as smoothly as 10: only visible rows exist in the DOM. */
export function GraspList() {
  const dataset = useDatasetStore((s) => s.dataset);
  const selected = useDatasetStore((s) => s.selected);
  const select = useDatasetStore((s) => s.select);
  const parentRef = useRef<HTMLDivElement>(null);
  const grasps = dataset?.grasps ?? [];
  // The review's filtered rows in queue order, unless "Show all" (or the review table is not built yet).
  const showAll = useReviewStore((s) => s.showAll);
  const reviewRows = useReviewStore((s) => (s.table && s.table.n === grasps.length ? s.rows : null));
  const log = useReviewStore((s) => s.log);
  useReviewStore((s) => s.logVersion);
  const unsaved = useReviewStore((s) => s.unsaved);
  const rows = showAll ? null : reviewRows;
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
  return (
    <div className="grasp-list" data-testid="grasp-list" data-count={count} data-total={grasps.length}>
      <div className="grasp-list-filter">
        <span data-testid="list-shown">
          {count.toLocaleString('en-US')} of {grasps.length.toLocaleString('en-US')} shown
        </span>
        <label>
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show all
        </label>
      </div>
      <div className="grasp-list-header">
        <span>Grasp</span>
        <span>Category</span>
        <span>Hand</span>
        <span title="Decision">✓</span>
      </div>
      <div ref={parentRef} className="grasp-list-scroll" role="listbox" aria-label="Grasps" tabIndex={-1}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const index = rows ? rows[item.index] : item.index;
            const row = { index, start: item.start };
            const g = grasps[row.index];
            const category = ownEntry(dataset.objects, g.object)?.spec.category ?? g.object;
            return (
              <div
                key={g.id}
                role="option"
                aria-selected={row.index === selected}
                className={'grasp-row' + (row.index === selected ? ' selected' : '')}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
                onClick={() => select(row.index)}
                data-grasp-id={g.id}
              >
                <span className="grasp-id" title={g.id}>{g.id}</span>
                <span>{category}</span>
                <span>{g.hand}</span>
                <DecisionBadge state={log.state(g.id)} saving={graspSaving(unsaved, g.id)} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
