import { useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { effectiveBounds, passingExcept } from '../../core/review/filterRules';
import { histogramCounts, histogramEdges, histogramRange } from '../../core/review/histogram';
import { METRIC_INFO, type MetricName } from '../../core/review/metricNames';
import { roundToStep, setBound } from '../../state/reviewDerive';
import { setRules } from '../../state/reviewActions';
import { useReviewStore } from '../../state/reviewStore';

const W = 300;
const H = 44;

/**
 * One metric over the grasps in scope (the whole dataset, or one category), the grasps passing
 * every other rule highlighted, and the scope's min/max as draggable handles. Dragging a handle
 * to its end of the axis removes that bound.
 */
export function MetricHistogram({ metric, scope }: { metric: MetricName; scope: string }) {
  const table = useReviewStore((s) => s.table);
  const tableVersion = useReviewStore((s) => s.tableVersion);
  const result = useReviewStore((s) => s.result);
  const rules = useReviewStore((s) => s.rules);
  const svgRef = useRef<SVGSVGElement>(null);
  const [dragging, setDragging] = useState<'min' | 'max' | null>(null);

  // The grasps in scope: their values (and, below, pass flags) as compact arrays.
  const inScope = useMemo(() => {
    if (!table) return null;
    const col = table.columns[metric];
    if (!scope) return { column: col, rows: null as Int32Array | null };
    const c = table.categories.indexOf(scope);
    const rows: number[] = [];
    for (let i = 0; i < table.n; i++) if (table.category[i] === c) rows.push(i);
    return { column: Float64Array.from(rows, (i) => col[i]), rows: Int32Array.from(rows) };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- tableVersion: the columns are updated in place as metrics arrive
  }, [table, tableVersion, metric, scope]);
  const range = useMemo(() => (inScope ? histogramRange(inScope.column, { bins: 40 }) : null), [inScope]);
  const counts = useMemo(() => {
    if (!inScope || !range || !result) return null;
    const passAll = passingExcept(result, metric);
    const passing = inScope.rows ? Uint8Array.from(inScope.rows, (i) => passAll[i]) : passAll;
    return histogramCounts(inScope.column, range, passing);
  }, [inScope, range, result, metric]);

  if (!range || !counts) return null;
  const edges = histogramEdges(range);
  const lo = edges[0];
  const hi = edges[range.bins];
  const peak = Math.max(1, ...counts.all);
  const bw = W / range.bins;
  const toX = (v: number) => ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * W;
  const bounds = effectiveBounds(rules, scope)[metric];
  const minX = Number.isFinite(bounds.min) ? toX(bounds.min) : 0;
  const maxX = Number.isFinite(bounds.max) ? toX(bounds.max) : W;
  const noData = counts.missing.all === inScope!.column.length;

  const valueAt = (clientX: number) => {
    const rect = svgRef.current!.getBoundingClientRect();
    const x = ((clientX - rect.left) / rect.width) * W;
    return { x, v: roundToStep(lo + (x / W) * (hi - lo), range.step) };
  };
  const onMove = (e: ReactPointerEvent) => {
    if (!dragging) return;
    const { x, v } = valueAt(e.clientX);
    const off = dragging === 'min' ? x <= 0 : x >= W;
    setRules(setBound(useReviewStore.getState().rules, scope, metric, dragging, off ? undefined : v), true);
  };
  const grab = (which: 'min' | 'max') => (e: ReactPointerEvent) => {
    e.preventDefault();
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
    setDragging(which);
  };
  // Handles are sliders for the keyboard too: arrows step (Shift: x10), Delete or End/Home removes the bound.
  const onKey = (which: 'min' | 'max') => (e: ReactKeyboardEvent) => {
    const current = which === 'min' ? bounds.min : bounds.max;
    const start = Number.isFinite(current) ? current : which === 'min' ? lo : hi;
    const step = range.step * (e.shiftKey ? 10 : 1);
    let next: number | undefined | null = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = roundToStep(start + step, range.step);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = roundToStep(start - step, range.step);
    else if (e.key === 'Delete' || e.key === 'Backspace' || (which === 'min' ? e.key === 'Home' : e.key === 'End')) next = undefined;
    if (next === null) return;
    // The key belongs to the slider, not to the studio's shortcuts (Backspace would undo a decision).
    e.preventDefault();
    e.stopPropagation();
    setRules(setBound(useReviewStore.getState().rules, scope, metric, which, next), true);
  };
  const { label, unit } = METRIC_INFO[metric];
  const extra = [
    counts.underflow.all ? `${counts.underflow.all} below` : '',
    counts.overflow.all ? `${counts.overflow.all} above ${Number(hi.toPrecision(3))}` : '',
    counts.missing.all ? `${counts.missing.all} missing` : '',
  ].filter(Boolean);

  return (
    <div className="histogram" data-testid={`histogram-${metric}`}>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${W} ${H + 12}`}
        preserveAspectRatio="none"
        role="group"
        aria-label={`${label} histogram`}
        onPointerMove={onMove}
        onPointerUp={() => setDragging(null)}
        onPointerCancel={() => setDragging(null)}
      >
        {noData ? (
          <text x={W / 2} y={H / 2} textAnchor="middle" className="hist-empty">
            no values yet
          </text>
        ) : (
          Array.from(counts.all, (n, k) => {
            const h = (n / peak) * H;
            const hp = (counts.passing[k] / peak) * H;
            return (
              <g key={k}>
                <rect x={k * bw + 0.5} y={H - h} width={Math.max(0.5, bw - 1)} height={h} className="hist-all" />
                <rect x={k * bw + 0.5} y={H - hp} width={Math.max(0.5, bw - 1)} height={hp} className="hist-pass" />
              </g>
            );
          })
        )}
        <rect x={0} y={0} width={minX} height={H} className="hist-out" />
        <rect x={maxX} y={0} width={W - maxX} height={H} className="hist-out" />
        {(['min', 'max'] as const).map((which) => {
          const x = which === 'min' ? minX : maxX;
          const set = which === 'min' ? Number.isFinite(bounds.min) : Number.isFinite(bounds.max);
          return (
            <g
              key={which}
              className={`hist-handle${set ? ' set' : ''}`}
              onPointerDown={grab(which)}
              onKeyDown={onKey(which)}
              data-handle={which}
              role="slider"
              tabIndex={0}
              aria-label={`${which === 'min' ? 'Minimum' : 'Maximum'} ${label} (${unit})`}
              aria-valuemin={lo}
              aria-valuemax={hi}
              aria-valuenow={set ? (which === 'min' ? bounds.min : bounds.max) : which === 'min' ? lo : hi}
              aria-valuetext={set ? `${which === 'min' ? bounds.min : bounds.max} ${unit}` : 'no bound'}
            >
              <line x1={x} x2={x} y1={0} y2={H} />
              <rect x={x - 5} y={0} width={10} height={H + 12} className="hist-grab">
                <title>{`Drag to set the ${which} ${label} (${unit}); drag to the ${which === 'min' ? 'left' : 'right'} end to remove it`}</title>
              </rect>
            </g>
          );
        })}
        <text x={1} y={H + 11} className="hist-axis">
          {Number(lo.toPrecision(3))}
        </text>
        <text x={W - 1} y={H + 11} textAnchor="end" className="hist-axis">
          {Number(hi.toPrecision(3))} {unit}
        </text>
      </svg>
      {extra.length > 0 && <div className="hist-extra muted">{extra.join(' · ')}</div>}
    </div>
  );
}
