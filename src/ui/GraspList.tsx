import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDatasetStore } from '../state/datasetStore';

const ROW_HEIGHT = 28;

/** Virtualized so 100,000 grasps scroll as smoothly as 10: only visible rows exist in the DOM. */
export function GraspList() {
  const dataset = useDatasetStore((s) => s.dataset);
  const selected = useDatasetStore((s) => s.selected);
  const select = useDatasetStore((s) => s.select);
  const parentRef = useRef<HTMLDivElement>(null);
  const grasps = dataset?.grasps ?? [];

  const virtualizer = useVirtualizer({
    count: grasps.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => {
    if (grasps.length) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, grasps.length, virtualizer]);

  if (!dataset) return null;
  return (
    <div className="grasp-list" data-testid="grasp-list" data-count={grasps.length}>
      <div className="grasp-list-header">
        <span>Grasp</span>
        <span>Category</span>
        <span>Hand</span>
      </div>
      <div ref={parentRef} className="grasp-list-scroll" role="listbox" aria-label="Grasps" tabIndex={-1}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const g = grasps[row.index];
            const category = dataset.objects[g.object]?.spec.category ?? g.object;
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
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
