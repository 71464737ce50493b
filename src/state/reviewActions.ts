import { DecisionLog, makeBatch, makeDecision, makeUndos, type Decision, type DecisionRecord } from '../core/review/decisions';
import { parseDecisionsFile } from '../core/review/exportDecisions';
import type { FilterRules } from '../core/review/filterRules';
import { metricValuesAt } from '../core/review/metricTable';
import { exportPresets, mergePresets, parsePresetsFile, removePreset, upsertPreset, type FilterPreset } from '../core/review/presets';
import { normalizeReasons } from '../core/review/reasons';
import { toggleSort, type QueueOrder, type SortColumn } from '../core/review/reviewQueue';
import { METRIC_NAMES, type MetricName } from '../core/review/metricNames';
import { appendRecords, clearDecisions as clearStoredDecisions, removeImport, saveImport, loadImports } from '../storage/decisionStore';
import { saveAnnotator, savePresets, saveReasons } from '../storage/settingsStore';
import { guard } from '../storage/storageError';
import { useDatasetStore } from './datasetStore';
import { followSelection, nextQueueRow, stepInRows } from './reviewDerive';
import { saveBatch, saveRecord, savesSettled } from './decisionSaving';
import { addRecords, announceClear, currentDataset, currentJournal, currentReviewDb, currentSettingsDb, reloadLog } from './reviewSession';
import { errorMessage, pushError, recompute, useReviewStore, type ReviewState } from './reviewStore';

const get = useReviewStore.getState;
const set = useReviewStore.setState;

// Clearing runs after what was asked before it (decisions are not queued: each starts its own write).
let chain: Promise<unknown> = Promise.resolve();
function serial<T>(f: () => Promise<T>): Promise<T | undefined> {
  const run = chain.then(f).catch((e) => {
    pushError(errorMessage(e));
    return undefined;
  });
  chain = run;
  return run;
}

/** Resolves when every decision asked for so far is written (tests, export). */
export const decisionsSettled = async () => {
  await savesSettled();
  await chain;
};

/**
 * Records accept/reject/skip for the selected grasp and moves to the next undecided grasp in the
 * queue. Everything happens in the key's own task: the record is journaled, its IndexedDB write
 * started and the selection moved, so a second key press acts on the grasp the first moved to
 * and a reload right after still finds the decision. Should the write fail, the decision is taken
 * back out of the view and the failure shown.
 */
export function decide(decision: Decision): Promise<unknown> {
  const db = currentReviewDb();
  const s = get();
  const ds = useDatasetStore.getState();
  if (!s.table || !ds.dataset || ds.dataset.grasps.length === 0 || s.table.n !== ds.dataset.grasps.length) return Promise.resolve();
  if (!s.annotator.trim()) {
    set({ annotatorDialog: true, pendingDecision: decision });
    return Promise.resolve();
  }
  if (!db) {
    pushError('Decisions cannot be saved: the decision database is not open (see the message above). Nothing was recorded.');
    return Promise.resolve();
  }
  const row = ds.selected;
  const grasp = s.table.ids[row];
  const draft = s.draft.grasp === grasp ? s.draft : { reasons: [], note: '' };
  const record = makeDecision({
    grasp,
    decision,
    annotator: s.annotator,
    reasons: draft.reasons,
    note: draft.note.trim(),
    metrics: metricValuesAt(s.table, row),
  });
  const saved = saveRecord(db, currentJournal(), record);
  addRecords([record]);
  moveOn(row);
  return saved.catch((e) => {
    withdrawUnsaved(record);
    set({ draft: { grasp: record.grasp, reasons: record.reasons, note: record.note } });
    useDatasetStore.getState().select(row);
    pushError(errorMessage(e));
  });
}

/** Takes records whose write failed back out of the view. */
function withdrawUnsaved(...records: DecisionRecord[]): void {
  const s = get();
  const ids = new Set(records.map((r) => r.id));
  set({
    log: new DecisionLog(s.log.all().filter((r) => !ids.has(r.id))),
    logVersion: s.logVersion + 1,
  });
  recompute('decisions');
}

/** The grasps a batch action would decide: those passing the filters whose decision would change. */
export function batchTargets(s: Pick<ReviewState, 'table' | 'result' | 'log'>, decision: Decision): number[] {
  if (!s.table || !s.result) return [];
  const out: number[] = [];
  for (let i = 0; i < s.table.n; i++) if (s.result.pass[i] && s.log.state(s.table.ids[i]) !== decision) out.push(i);
  return out;
}

/**
 * Accepts or rejects every grasp passing the filters (after the UI's confirmation), durable like
 * one decision: journaled and written in one transaction in this call; backspace undoes the batch.
 */
export function batchDecide(decision: 'accept' | 'reject'): Promise<unknown> {
  const db = currentReviewDb();
  const s = get();
  if (!s.table) return Promise.resolve();
  if (!s.annotator.trim()) {
    set({ annotatorDialog: true });
    return Promise.resolve();
  }
  if (!db) {
    pushError('Decisions cannot be saved: the decision database is not open (see the message above). Nothing was recorded.');
    return Promise.resolve();
  }
  const table = s.table;
  const rows = batchTargets(s, decision);
  if (rows.length === 0) return Promise.resolve();
  const records = makeBatch(
    rows.map((i) => ({ grasp: table.ids[i], metrics: metricValuesAt(table, i) })),
    decision,
    s.annotator,
  );
  const saved = saveBatch(db, currentJournal(), records);
  addRecords(records);
  set({ notice: `${records.length} grasp${records.length === 1 ? '' : 's'} ${decision === 'accept' ? 'accepted' : 'rejected'} (Backspace undoes the batch).` });
  return saved.catch((e) => {
    withdrawUnsaved(...records);
    pushError(errorMessage(e));
  });
}

function moveOn(row: number): void {
  const s = get();
  const next = nextQueueRow(s.queue, row, s.codes);
  if (next.row < 0) {
    set({ notice: s.queue.length ? 'Queue done: every grasp in it has a decision.' : 'The queue is empty: no grasp passes the filters.' });
    return;
  }
  useDatasetStore.getState().select(next.row);
}

/**
 * Withdraws this annotator's last decision (an appended undo record) and goes back to its grasp.
 * The target is the last decision this page knows of (its own, saved or still saving, and those
 * that arrived from other tabs), so backspace right after a burst undoes what the user sees last.
 */
export function undo(): Promise<unknown> {
  const db = currentReviewDb();
  const s = get();
  if (!db || !s.table) return Promise.resolve();
  if (!s.annotator.trim()) {
    set({ notice: 'Nothing to undo: no annotator is set.' });
    return Promise.resolve();
  }
  const targets = s.log.undoTargets(s.annotator);
  if (targets.length === 0) {
    set({ notice: 'Nothing to undo.' });
    return Promise.resolve();
  }
  const undos = makeUndos(targets, s.annotator);
  const saved = saveBatch(db, currentJournal(), undos);
  addRecords(undos);
  const target = targets[targets.length - 1];
  if (targets.length > 1) set({ notice: `Batch of ${targets.length} decisions undone.` });
  else {
    const row = s.table.indexOf.get(target.grasp);
    if (row !== undefined) useDatasetStore.getState().select(row);
  }
  // The reasons and note come back so a slip of the key does not cost the typing.
  set({ draft: { grasp: target.grasp, reasons: target.reasons, note: target.note } });
  return saved.catch((e) => {
    withdrawUnsaved(...undos);
    pushError(errorMessage(e));
  });
}

export async function setAnnotator(name: string): Promise<void> {
  const db = currentSettingsDb();
  const clean = name.trim();
  if (!clean) return;
  set({ annotator: clean, annotatorDialog: false });
  try {
    if (!db) throw new Error('the settings database is not open, so the name is kept for this page only');
    await saveAnnotator(db, clean);
  } catch (e) {
    pushError(`Could not save the annotator name: ${errorMessage(e)}`);
  }
  const pending = get().pendingDecision;
  if (pending) {
    set({ pendingDecision: null });
    void decide(pending);
  }
}

export function cancelAnnotatorDialog(): void {
  set({ annotatorDialog: false, pendingDecision: null });
}

/**
 * Re-derives after a change of what the list holds; a selected grasp that left the list gives
 * the selection to its neighbour (none when nothing is listed), so the viewport never shows a
 * grasp the list hides.
 */
function relist(): void {
  const before = get().rows;
  recompute('all');
  const s = get();
  const ds = useDatasetStore.getState();
  if (!s.table || s.table.n !== (ds.dataset?.grasps.length ?? -1)) return;
  const next = followSelection(before, s.rows, ds.selected);
  if (next !== ds.selected) ds.select(next);
}

export function setRules(rules: FilterRules, keepPreset = false): void {
  set((s) => ({ rules, activePreset: keepPreset ? s.activePreset : null }));
  relist();
}

export function setOrder(order: QueueOrder): void {
  set({ order });
  recompute('all');
}

/** A click or Enter on a list heading: ascending, descending, then dataset order (the queue follows). */
export function sortBy(column: SortColumn): void {
  setOrder(toggleSort(get().order, column));
}

export function setListColumns(columns: MetricName[]): void {
  set({ listColumns: METRIC_NAMES.filter((m) => columns.includes(m)) });
}

export function setShowAll(showAll: boolean): void {
  set({ showAll });
  relist();
}

/** Arrow keys: previous/next in the list as shown (the filtered rows unless "Show all"). */
export function stepSelection(delta: number): void {
  const s = get();
  const ds = useDatasetStore.getState();
  if (!s.table || s.table.n !== (ds.dataset?.grasps.length ?? -1)) {
    ds.step(delta);
    return;
  }
  const row = stepInRows(s.rows, ds.selected, delta);
  if (row >= 0) ds.select(row);
}

export function selectGrasp(id: string): boolean {
  const row = get().table?.indexOf.get(id);
  if (row === undefined) return false;
  useDatasetStore.getState().select(row);
  return true;
}

export function toggleReason(reason: string): void {
  set((s) => {
    const has = s.draft.reasons.includes(reason);
    return { draft: { ...s.draft, reasons: has ? s.draft.reasons.filter((r) => r !== reason) : [...s.draft.reasons, reason] } };
  });
}

export function setNote(note: string): void {
  set((s) => ({ draft: { ...s.draft, note } }));
}

export async function setReasons(list: string[]): Promise<void> {
  const reasons = normalizeReasons(list);
  set({ reasons });
  const db = currentSettingsDb();
  if (!db) return pushError('Could not save the reasons list: the settings database is not open.');
  try {
    await saveReasons(db, reasons);
  } catch (e) {
    pushError(errorMessage(e));
  }
}

async function persistPresets(presets: FilterPreset[]): Promise<void> {
  set({ presets });
  const db = currentSettingsDb();
  if (!db) return pushError('Could not save the filter presets: the settings database is not open.');
  try {
    await savePresets(db, presets);
  } catch (e) {
    pushError(errorMessage(e));
  }
}

export async function savePreset(name: string): Promise<void> {
  const clean = name.trim();
  if (!clean) return;
  await persistPresets(upsertPreset(get().presets, { name: clean, rules: get().rules, savedAt: new Date().toISOString() }));
  set({ activePreset: clean });
}

export function loadPreset(name: string): void {
  const p = get().presets.find((x) => x.name === name);
  if (!p) return;
  set({ rules: p.rules, activePreset: p.name });
  relist();
}

export async function deletePreset(name: string): Promise<void> {
  await persistPresets(removePreset(get().presets, name));
  if (get().activePreset === name) set({ activePreset: null });
}

export const presetsFileText = () => exportPresets(get().presets);

export async function importPresetsFile(fileName: string, text: string): Promise<void> {
  try {
    const { presets, warnings } = parsePresetsFile(text, fileName);
    await persistPresets(mergePresets(get().presets, presets));
    set({ notice: `${fileName}: ${presets.length} preset${presets.length === 1 ? '' : 's'} imported${warnings.length ? ` (${warnings.join('; ')})` : ''}` });
  } catch (e) {
    pushError(errorMessage(e));
  }
}

/**
 * Imports decision files. Records by the current annotator go back into this browser's decisions
 * (appended idempotently by id, so re-importing one's own export restores it and adds nothing
 * twice); every file is also kept for the agreement view.
 */
export async function importDecisionFiles(files: { name: string; text: string }[]): Promise<void> {
  const db = currentReviewDb();
  if (!db) return pushError('Cannot import: the decision database is not open.');
  const messages: string[] = [];
  for (const f of files) {
    try {
      const data = parseDecisionsFile(f.text, f.name);
      const me = get().annotator;
      const mine = data.records.filter((r) => r.annotator === me);
      const added = mine.length ? await guard(`import ${f.name}`, () => appendRecords(db, mine)) : 0;
      await saveImport(db, f.name, data);
      const others = new Set(data.records.filter((r) => r.annotator !== me).map((r) => r.annotator));
      messages.push(
        `${f.name}: ${data.records.length} records` +
          (mine.length ? `; ${added} of your ${mine.length} restored${added < mine.length ? ` (${mine.length - added} already here)` : ''}` : '') +
          (others.size ? `; kept for agreement: ${[...others].join(', ')}` : ''),
      );
    } catch (e) {
      pushError(errorMessage(e));
    }
  }
  try {
    set({ imports: await loadImports(db) });
  } catch (e) {
    pushError(errorMessage(e));
  }
  if (messages.length) set({ notice: messages.join(' · ') });
}

export async function forgetImport(file: string): Promise<void> {
  const db = currentReviewDb();
  if (!db) return;
  try {
    await removeImport(db, file);
    set({ imports: await loadImports(db) });
  } catch (e) {
    pushError(errorMessage(e));
  }
}

/**
 * Deletes this dataset's decisions from this browser (after the user confirmed). The only delete
 * in the review: the records are append-only otherwise.
 */
export function clearDecisions(): Promise<unknown> {
  return serial(async () => {
    const db = currentReviewDb();
    if (!db) return;
    await savesSettled();
    currentJournal()?.clear();
    await clearStoredDecisions(db);
    await reloadLog();
    announceClear();
    set({ notice: 'Decisions for this dataset were cleared in this browser.' });
  });
}

/** Every record this browser holds for the dataset plus the imported files' records. */
export function agreementRecords(s: Pick<ReviewState, 'log' | 'imports'>): DecisionRecord[] {
  const out: DecisionRecord[] = [...s.log.all()];
  for (const imp of s.imports) out.push(...imp.data.records);
  return out;
}

export function dismissError(k: number): void {
  set((s) => ({ errors: s.errors.filter((_, i) => i !== k) }));
}

export const datasetForExport = () => currentDataset();
