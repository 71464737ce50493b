import { parseCsv as parseCsvRecords } from '../csv';
import type { MetricsParams } from './params';
import type { ShardSpec } from './shard';
import { METRIC_COLUMNS, emptyMetrics, type GraspMetricsRow } from './types';

export const RESULTS_FORMAT = 'hoi-studio/metrics@1';
export const CSV_COLUMNS = ['id', ...METRIC_COLUMNS, 'error'] as const;

export interface ResultsFile {
  rows: GraspMetricsRow[];
  /** parameters the file was computed with (JSON files only) */
  params?: Partial<MetricsParams>;
  dataset?: string;
  /** which slice of the dataset the file holds, when computed with --shard (JSON files only) */
  shard?: ShardSpec;
  /** problems reading the file that did not stop it (bad numbers, unknown columns) */
  issues: string[];
}

/** Enough digits for sub-micrometre lengths in cm without float noise in the file. */
function formatNumber(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '';
  return String(Number(v.toPrecision(7)));
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with the columns id, the six metrics (reporting units) and error; RFC 4180 quoting. */
export function toCsv(rows: GraspMetricsRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push([csvField(r.id), ...METRIC_COLUMNS.map((c) => formatNumber(r[c])), csvField(r.error ?? '')].join(','));
  }
  return lines.join('\n') + '\n';
}

/** JSON with the same rows plus object extents, the parameters and the dataset name. */
export interface ResultsMeta {
  params?: MetricsParams;
  dataset?: string;
  shard?: ShardSpec;
}

export function toJson(rows: GraspMetricsRow[], meta: ResultsMeta = {}): string {
  const out = {
    format: RESULTS_FORMAT,
    dataset: meta.dataset,
    params: meta.params,
    shard: meta.shard,
    columns: CSV_COLUMNS,
    rows: rows.map((r) => {
      const o: Record<string, unknown> = { id: r.id };
      for (const c of METRIC_COLUMNS) o[c] = r[c] === null || !Number.isFinite(r[c]!) ? null : Number(r[c]!.toPrecision(7));
      o.object_extents_cm = r.object_extents_cm ? r.object_extents_cm.map((v) => Number(v.toPrecision(7))) : null;
      o.error = r.error ?? '';
      return o;
    }),
  };
  return JSON.stringify(out, null, 1) + '\n';
}

export function writeResults(rows: GraspMetricsRow[], format: 'csv' | 'json', meta: ResultsMeta = {}): string {
  return format === 'csv' ? toCsv(rows) : toJson(rows, meta);
}

export class ResultsFileError extends Error {}

/** Reads a file written by toCsv/toJson (detected by content), so the browser can load CLI results. */
export function parseResultsFile(text: string, fileName = 'results'): ResultsFile {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  return trimmed.startsWith('{') || trimmed.startsWith('[') ? parseJson(trimmed, fileName) : parseCsv(trimmed, fileName);
}

function parseJson(text: string, fileName: string): ResultsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ResultsFileError(`${fileName}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const obj = Array.isArray(raw) ? { rows: raw } : (raw as Record<string, unknown>);
  if (!obj || !Array.isArray(obj.rows)) throw new ResultsFileError(`${fileName}: expected an object with a "rows" array`);
  if (obj.format !== undefined && obj.format !== RESULTS_FORMAT)
    throw new ResultsFileError(`${fileName}: unsupported format ${JSON.stringify(obj.format)} (expected "${RESULTS_FORMAT}")`);
  const issues: string[] = [];
  const rows: GraspMetricsRow[] = [];
  obj.rows.forEach((r: unknown, i: number) => {
    if (!r || typeof r !== 'object' || typeof (r as { id?: unknown }).id !== 'string') {
      issues.push(`${fileName}: rows[${i}] has no string "id"; skipped`);
      return;
    }
    const src = r as Record<string, unknown>;
    const row = blankRow(src.id as string, typeof src.error === 'string' ? src.error : '');
    for (const c of METRIC_COLUMNS) row[c] = readNumber(src[c], `${fileName}: rows[${i}].${c}`, issues);
    const ext = src.object_extents_cm;
    if (Array.isArray(ext) && ext.length === 3 && ext.every((v) => typeof v === 'number' && Number.isFinite(v))) row.object_extents_cm = ext as [number, number, number];
    rows.push(row);
  });
  return {
    rows,
    params: obj.params && typeof obj.params === 'object' ? (obj.params as Partial<MetricsParams>) : undefined,
    dataset: typeof obj.dataset === 'string' ? obj.dataset : undefined,
    shard: readShard(obj.shard),
    issues,
  };
}

function parseCsv(text: string, fileName: string): ResultsFile {
  const records = parseCsvRecords(text);
  if (records.length === 0) throw new ResultsFileError(`${fileName}: empty file`);
  const header = records[0].map((h) => h.trim());
  const col = new Map(header.map((h, i) => [h, i]));
  if (!col.has('id')) throw new ResultsFileError(`${fileName}: no "id" column (found ${header.join(', ')})`);
  const issues: string[] = [];
  for (const h of header) if (!(CSV_COLUMNS as readonly string[]).includes(h)) issues.push(`${fileName}: unknown column "${h}" ignored`);
  const rows: GraspMetricsRow[] = [];
  for (let li = 1; li < records.length; li++) {
    const rec = records[li];
    if (rec.length === 1 && rec[0] === '') continue;
    const id = rec[col.get('id')!] ?? '';
    if (!id) {
      issues.push(`${fileName}: line ${li + 1} has no id; skipped`);
      continue;
    }
    const row = blankRow(id, col.has('error') ? (rec[col.get('error')!] ?? '') : '');
    for (const c of METRIC_COLUMNS) {
      const k = col.get(c);
      if (k === undefined) continue;
      const s = (rec[k] ?? '').trim();
      row[c] = s === '' ? null : readNumber(Number(s), `${fileName}: line ${li + 1} ${c} "${s}"`, issues);
    }
    rows.push(row);
  }
  return { rows, issues };
}

function readShard(v: unknown): ShardSpec | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const { index, count } = v as Record<string, unknown>;
  if (!Number.isInteger(count) || !Number.isInteger(index) || (count as number) < 1 || (index as number) < 0 || (index as number) >= (count as number)) return undefined;
  return { index: index as number, count: count as number };
}

function readNumber(v: unknown, where: string, issues: string[]): number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  issues.push(`${where} is not a number; left empty`);
  return null;
}

function blankRow(id: string, error: string): GraspMetricsRow {
  return { id, ...emptyMetrics(error) };
}
