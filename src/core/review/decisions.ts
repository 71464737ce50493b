import { DECISION_CODE, type DecisionState } from './decisionStates';
import type { MetricName } from './metricNames';

export type Decision = 'accept' | 'reject' | 'skip';
export const DECISIONS: readonly Decision[] = ['accept', 'reject', 'skip'];

/**
 * One entry of a grasp's append-only history.
 *
 * Undo never deletes: it appends an 'undo' record whose `undoes` names the withdrawn record's id.
 * A grasp's decision is its last record that no undo withdraws, so every keystroke stays in the
 * history (and in exports) and an undo written in one tab composes with decisions from another.
 */
export interface DecisionRecord {
  /** unique and stable across export/import, so undos and de-duplication can refer to it */
  id: string;
  grasp: string;
  decision: Decision | 'undo';
  /** for 'undo' records: the id of the record it withdraws */
  undoes?: string;
  annotator: string;
  /** ISO-8601 */
  time: string;
  reasons: string[];
  note: string;
  /** the metric values shown when the decision was made */
  metrics: Partial<Record<MetricName, number | null>>;
  /** shared by the records of one batch action (accept every grasp passing the filters): undone together */
  batch?: string;
}

export interface NewDecision {
  grasp: string;
  decision: Decision;
  annotator: string;
  reasons?: string[];
  note?: string;
  metrics?: Partial<Record<MetricName, number | null>>;
  time?: Date;
  batch?: string;
}

export function makeDecision(d: NewDecision): DecisionRecord {
  if (!d.annotator.trim()) throw new Error('set the annotator name before making decisions');
  return {
    id: newRecordId(),
    grasp: d.grasp,
    decision: d.decision,
    annotator: d.annotator,
    time: (d.time ?? new Date()).toISOString(),
    reasons: [...(d.reasons ?? [])],
    note: d.note ?? '',
    metrics: { ...(d.metrics ?? {}) },
    ...(d.batch ? { batch: d.batch } : {}),
  };
}

/**
 * One batch action: the same decision for many grasps, one record each (so histories, exports
 * and agreement stay per grasp), tied by a batch id so one undo withdraws them all.
 */
export function makeBatch(grasps: readonly { grasp: string; metrics?: NewDecision['metrics'] }[], decision: Decision, annotator: string, time = new Date()): DecisionRecord[] {
  const batch = newRecordId();
  return grasps.map((g) => makeDecision({ grasp: g.grasp, decision, annotator, metrics: g.metrics, time, note: '', batch }));
}

/** Undo records for `targets` (one decision, or every record of a batch still in force). */
export function makeUndos(targets: readonly DecisionRecord[], annotator: string, time = new Date()): DecisionRecord[] {
  return targets.map((t) => ({ ...makeUndo(t, annotator, time), ...(t.batch ? { batch: t.batch } : {}) }));
}

export function makeUndo(target: DecisionRecord, annotator: string, time = new Date()): DecisionRecord {
  if (target.decision === 'undo') throw new Error('an undo cannot itself be undone; make a new decision instead');
  return { id: newRecordId(), grasp: target.grasp, decision: 'undo', undoes: target.id, annotator, time: time.toISOString(), reasons: [], note: '', metrics: {} };
}

/** crypto.randomUUID is missing outside secure contexts (a LAN address over http), hence the fallback. */
export function newRecordId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  let s = '';
  for (let i = 0; i < 4; i++)
    s += Math.floor(Math.random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The decision records of a history that no undo withdraws, oldest first. */
export function effectiveRecords(history: readonly DecisionRecord[]): DecisionRecord[] {
  const withdrawn = new Set(history.filter((r) => r.decision === 'undo').map((r) => r.undoes));
  return history.filter((r) => r.decision !== 'undo' && !withdrawn.has(r.id));
}

/**
 * All records of a dataset, folded into each grasp's history and latest decision. Adding is
 * idempotent (records are keyed by id), so the same record arriving from the local write and from
 * another tab's notification is counted once. Keep records in write order (storage sequence).
 */
export class DecisionLog {
  private readonly records: DecisionRecord[] = [];
  private readonly ids = new Set<string>();
  private readonly byGrasp = new Map<string, DecisionRecord[]>();
  private readonly withdrawn = new Set<string>();

  constructor(records: Iterable<DecisionRecord> = []) {
    this.add(records);
  }

  /** Returns the grasps whose history changed. */
  add(records: Iterable<DecisionRecord>): Set<string> {
    const changed = new Set<string>();
    for (const r of records) {
      if (this.ids.has(r.id)) continue;
      this.ids.add(r.id);
      this.records.push(r);
      let h = this.byGrasp.get(r.grasp);
      if (!h) this.byGrasp.set(r.grasp, (h = []));
      h.push(r);
      if (r.decision === 'undo' && r.undoes) this.withdrawn.add(r.undoes);
      changed.add(r.grasp);
    }
    return changed;
  }

  get size(): number {
    return this.records.length;
  }

  all(): readonly DecisionRecord[] {
    return this.records;
  }

  grasps(): IterableIterator<string> {
    return this.byGrasp.keys();
  }

  /** The full history of a grasp, undo records included, oldest first. */
  history(grasp: string): readonly DecisionRecord[] {
    return this.byGrasp.get(grasp) ?? [];
  }

  isWithdrawn(record: DecisionRecord): boolean {
    return this.withdrawn.has(record.id);
  }

  latest(grasp: string): DecisionRecord | undefined {
    const h = this.byGrasp.get(grasp);
    if (!h) return undefined;
    for (let k = h.length - 1; k >= 0; k--) {
      const r = h[k];
      if (r.decision !== 'undo' && !this.withdrawn.has(r.id)) return r;
    }
    return undefined;
  }

  state(grasp: string): DecisionState {
    return (this.latest(grasp)?.decision as Decision | undefined) ?? 'undecided';
  }

  /**
   * What backspace withdraws: the annotator's most recent decision still in force, or, when that
   * came from a batch action, every record of that batch still in force.
   */
  undoTargets(annotator: string): DecisionRecord[] {
    const last = this.lastUndoable(annotator);
    if (!last) return [];
    if (!last.batch) return [last];
    return this.records.filter((r) => r.batch === last.batch && r.annotator === annotator && r.decision !== 'undo' && !this.withdrawn.has(r.id));
  }

  /** The annotator's most recent decision still in force: what backspace withdraws. */
  lastUndoable(annotator: string): DecisionRecord | undefined {
    for (let k = this.records.length - 1; k >= 0; k--) {
      const r = this.records[k];
      if (r.annotator === annotator && r.decision !== 'undo' && !this.withdrawn.has(r.id)) return r;
    }
    return undefined;
  }

  /** DECISION_CODE per table row, for the filter and the queue. */
  codes(ids: readonly string[]): Uint8Array {
    const out = new Uint8Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const r = this.byGrasp.has(ids[i]) ? this.latest(ids[i]) : undefined;
      out[i] = r ? DECISION_CODE[r.decision as Decision] : 0;
    }
    return out;
  }

  /** Latest decision per grasp (grasps with none, or all undone, are absent). */
  latestAll(): Map<string, DecisionRecord> {
    const out = new Map<string, DecisionRecord>();
    for (const g of this.byGrasp.keys()) {
      const r = this.latest(g);
      if (r) out.set(g, r);
    }
    return out;
  }
}
