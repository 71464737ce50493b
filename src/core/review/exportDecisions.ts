import { z } from 'zod';
import { formatIssues } from '../dataset/schema';
import { csvCell, csvNumber, csvRawRow } from '../csv';
import { DecisionLog, effectiveRecords, type DecisionRecord } from './decisions';
import { METRIC_NAMES } from './metricNames';

export const DECISIONS_FORMAT = 'hoi-studio/decisions@1';

export interface DatasetRef {
  name: string;
  /** the manifest URL the decisions were made on, when known */
  manifest?: string;
}

export interface DecisionsFile {
  dataset: DatasetRef;
  records: DecisionRecord[];
  exportedAt?: string;
}

/**
 * JSON with the full history, undo records included:
 * { format, dataset: {name, manifest}, exportedAt, decisions: [{ grasp, decision, annotator, time,
 *   reasons, note, metrics, id, undoes?, batch? }] } (batch: one id shared by a batch action's records). Readers that only want decisions in force drop the
 * 'undo' entries and the entries they name.
 */
export function decisionsToJson(dataset: DatasetRef, records: readonly DecisionRecord[], exportedAt = new Date(), opts: { effectiveOnly?: boolean } = {}): string {
  // effectiveOnly: for tools that expect only accept/reject/skip, drop undos and what they withdrew.
  const list = opts.effectiveOnly ? effectiveRecords(records) : records;
  const decisions = list.map((r) => {
    const o: Record<string, unknown> = {
      grasp: r.grasp,
      decision: r.decision,
      annotator: r.annotator,
      time: r.time,
      reasons: r.reasons,
      note: r.note,
      metrics: r.metrics,
      id: r.id,
    };
    if (r.undoes !== undefined) o.undoes = r.undoes;
    if (r.batch !== undefined) o.batch = r.batch;
    return o;
  });
  return JSON.stringify({ format: DECISIONS_FORMAT, dataset, exportedAt: exportedAt.toISOString(), decisions }, null, 1) + '\n';
}

export const DECISIONS_CSV_COLUMNS = ['grasp', 'decision', 'annotator', 'time', 'reasons', 'note', ...METRIC_NAMES] as const;

/**
 * CSV, one row per grasp with its latest decision (RFC 4180, formula-guarded text cells; reasons
 * joined by "; "; metric columns hold the values shown at decision time). Pass `grasps` to also
 * list grasps without a decision (decision "undecided") in that order.
 */
export function decisionsToCsv(records: readonly DecisionRecord[], grasps?: readonly string[]): string {
  const log = new DecisionLog(records);
  const order = grasps ?? [...log.grasps()];
  const lines = [DECISIONS_CSV_COLUMNS.join(',')];
  for (const g of order) {
    const r = log.latest(g);
    if (!r && !grasps) continue;
    lines.push(
      csvRawRow([
        csvCell(g),
        csvCell(r ? r.decision : 'undecided'),
        csvCell(r?.annotator ?? ''),
        csvCell(r?.time ?? ''),
        csvCell(r ? r.reasons.join('; ') : ''),
        csvCell(r?.note ?? ''),
        ...METRIC_NAMES.map((m) => csvNumber(r?.metrics[m])),
      ]),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** A decisions file that cannot be imported; the message names the file. */
export class DecisionFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'DecisionFileError';
  }
}

const iso = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), { message: 'must be an ISO-8601 date-time' });
const metricValue = z.number().nullable();
const entrySchema = z
  .object({
    grasp: z.string().min(1),
    decision: z.enum(['accept', 'reject', 'skip', 'undo']),
    annotator: z.string().trim().min(1, 'must name the annotator'),
    time: iso,
    reasons: z.array(z.string()).default([]),
    note: z.string().nullable().default(''),
    metrics: z.record(z.string(), metricValue).default({}),
    id: z.string().min(1).optional(),
    undoes: z.string().min(1).optional(),
    batch: z.string().min(1).optional(),
  })
  .strict()
  .refine((e) => e.decision !== 'undo' || e.undoes, { message: '"undo" entries must name the record they undo in "undoes"' });

const fileSchema = z
  .object({
    format: z.literal(DECISIONS_FORMAT).optional(),
    dataset: z.union([
      z
        .string()
        .min(1)
        .transform((name) => ({ name })),
      z.object({ name: z.string().min(1), manifest: z.string().optional() }).strict(),
    ]),
    exportedAt: z.string().optional(),
    decisions: z.array(z.unknown()),
  })
  .strict();

/**
 * Reads a decisions JSON file (ours, or the plain shape without format/id/metrics). Any bad entry
 * rejects the whole file, listing the entries at fault: a partly imported annotator would skew
 * agreement without anyone noticing. Entries without an id get one derived from their content,
 * so importing the same file twice adds nothing.
 */
export function parseDecisionsFile(text: string, fileName = 'decisions file'): DecisionsFile {
  const head = text.trimStart();
  if (!head.startsWith('{')) {
    const looksCsv = /^grasp,decision/i.test(head);
    throw new DecisionFileError(
      fileName,
      looksCsv ? 'this is the CSV export (latest decisions only); import the JSON export, which holds the full history' : 'not a JSON decisions file',
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DecisionFileError(fileName, `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const fmt = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).format : undefined;
  if (fmt !== undefined && fmt !== DECISIONS_FORMAT) {
    throw new DecisionFileError(fileName, `"format" is ${JSON.stringify(fmt)}; this version reads "${DECISIONS_FORMAT}"`);
  }
  const file = fileSchema.safeParse(raw);
  if (!file.success) throw new DecisionFileError(fileName, formatIssues(file.error));
  const problems: string[] = [];
  const records: DecisionRecord[] = [];
  const derived = new Map<string, number>();
  file.data.decisions.forEach((value, k) => {
    const e = entrySchema.safeParse(value);
    if (!e.success) {
      problems.push(`decisions[${k}]: ${formatIssues(e.error)}`);
      return;
    }
    const d = e.data;
    const metrics: DecisionRecord['metrics'] = {};
    for (const m of METRIC_NAMES) if (m in d.metrics) metrics[m] = d.metrics[m];
    records.push({
      id: d.id ?? occurrence(derived, contentId(d)),
      grasp: d.grasp,
      decision: d.decision,
      ...(d.undoes !== undefined ? { undoes: d.undoes } : {}),
      annotator: d.annotator.trim(),
      time: new Date(d.time).toISOString(),
      reasons: d.reasons,
      note: d.note ?? '',
      metrics,
      ...(d.batch !== undefined ? { batch: d.batch } : {}),
    });
  });
  if (problems.length) {
    const shown = problems.slice(0, 10).join('; ');
    throw new DecisionFileError(fileName, `${problems.length} bad entr${problems.length === 1 ? 'y' : 'ies'}: ${shown}${problems.length > 10 ? '; …' : ''}`);
  }
  const ids = new Set<string>();
  for (const r of records) {
    if (ids.has(r.id)) throw new DecisionFileError(fileName, `record id "${r.id}" appears twice`);
    ids.add(r.id);
  }
  return { dataset: file.data.dataset, records, exportedAt: file.data.exportedAt };
}

/** Identical entries in one file stay distinct: the second gets "#2". */
function occurrence(seen: Map<string, number>, base: string): string {
  const k = (seen.get(base) ?? 0) + 1;
  seen.set(base, k);
  return k === 1 ? base : `${base}#${k}`;
}

function contentId(d: { annotator: string; time: string; grasp: string; decision: string }): string {
  return `imported:${d.annotator}:${d.time}:${d.grasp}:${d.decision}`;
}
