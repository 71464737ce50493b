import { DecisionLog, type Decision, type DecisionRecord } from './decisions';

export interface PairAgreement {
  a: string;
  b: string;
  /** grasps both annotators decided (see `labels`) */
  n: number;
  observed: number;
  expected: number;
  /**
   * Cohen's kappa = (observed - expected) / (1 - expected).
   * When expected = 1 (both gave every grasp the same single label) the formula is 0/0; observed
   * is then 1 as well, and perfect agreement is reported as 1. NaN when n = 0 (see `note`).
   */
  kappa: number;
  note?: string;
}

export interface Disagreement {
  grasp: string;
  /** annotator -> latest decision, for every annotator who decided the grasp */
  decisions: Record<string, Decision>;
}

export interface AgreementOptions {
  /**
   * Labels that count as decisions. Default accept and reject: a skip defers judgement, so it is
   * neither an agreement nor a disagreement.
   */
  labels?: readonly Decision[];
}

/**
 * Agreement between annotators, from any mix of records (one's own and imported files): each
 * annotator's latest decision per grasp (their own undos applied), Cohen's kappa per pair over
 * the grasps both decided, and the grasps on which those who decided them differ.
 */
export function agreement(records: Iterable<DecisionRecord>, opts: AgreementOptions = {}): { annotators: string[]; pairs: PairAgreement[]; disagreements: Disagreement[] } {
  const labels = new Set<Decision>(opts.labels ?? ['accept', 'reject']);
  const perAnnotator = new Map<string, DecisionRecord[]>();
  for (const r of records) {
    let list = perAnnotator.get(r.annotator);
    if (!list) perAnnotator.set(r.annotator, (list = []));
    list.push(r);
  }
  const annotators = [...perAnnotator.keys()].sort();
  const latest = new Map<string, Map<string, Decision>>();
  for (const a of annotators) {
    const m = new Map<string, Decision>();
    for (const [g, r] of new DecisionLog(perAnnotator.get(a)!).latestAll()) {
      const d = r.decision as Decision;
      if (labels.has(d)) m.set(g, d);
    }
    latest.set(a, m);
  }

  const pairs: PairAgreement[] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      pairs.push(cohensKappa(annotators[i], annotators[j], latest.get(annotators[i])!, latest.get(annotators[j])!));
    }
  }

  const grasps = new Set<string>();
  for (const m of latest.values()) for (const g of m.keys()) grasps.add(g);
  const disagreements: Disagreement[] = [];
  for (const g of [...grasps].sort()) {
    const decisions: Record<string, Decision> = {};
    const seen = new Set<Decision>();
    for (const a of annotators) {
      const d = latest.get(a)!.get(g);
      if (d) {
        decisions[a] = d;
        seen.add(d);
      }
    }
    if (seen.size > 1) disagreements.push({ grasp: g, decisions });
  }
  return { annotators, pairs, disagreements };
}

export function cohensKappa(a: string, b: string, la: Map<string, string>, lb: Map<string, string>): PairAgreement {
  let n = 0,
    agree = 0;
  const ca = new Map<string, number>(),
    cb = new Map<string, number>();
  for (const [g, x] of la) {
    const y = lb.get(g);
    if (y === undefined) continue;
    n++;
    if (x === y) agree++;
    ca.set(x, (ca.get(x) ?? 0) + 1);
    cb.set(y, (cb.get(y) ?? 0) + 1);
  }
  if (n === 0) return { a, b, n, observed: NaN, expected: NaN, kappa: NaN, note: 'no grasps decided by both' };
  const observed = agree / n;
  let expected = 0;
  for (const [label, k] of ca) expected += (k / n) * ((cb.get(label) ?? 0) / n);
  if (Math.abs(1 - expected) < 1e-12) {
    return { a, b, n, observed, expected, kappa: 1, note: 'both gave every grasp the same label; kappa is undefined (0/0), reported as 1 (perfect agreement)' };
  }
  return { a, b, n, observed, expected, kappa: (observed - expected) / (1 - expected) };
}
