import type { DecisionRecord } from './decisions';

export interface ThroughputOptions {
  now?: number;
  /** sliding window, default 5 minutes */
  windowMs?: number;
  /** only this annotator's decisions */
  annotator?: string;
}

/**
 * Decisions per minute over a sliding window. The rate divides by the time since the first
 * decision in the window (not the whole window), so a session that started a minute ago is not
 * under-reported; that span is at least 30 s so the first few decisions do not read as thousands
 * per minute. Undo records do not count.
 */
export function decisionsPerMinute(records: readonly DecisionRecord[], opts: ThroughputOptions = {}): number {
  const now = opts.now ?? Date.now();
  const windowMs = opts.windowMs ?? 5 * 60_000;
  let count = 0;
  let first = Infinity;
  for (const r of records) {
    if (r.decision === 'undo' || (opts.annotator !== undefined && r.annotator !== opts.annotator)) continue;
    const t = Date.parse(r.time);
    if (!(t > now - windowMs && t <= now)) continue;
    count++;
    if (t < first) first = t;
  }
  if (count === 0) return 0;
  const span = Math.min(windowMs, Math.max(30_000, now - first));
  return (count * 60_000) / span;
}
