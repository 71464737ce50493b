import type { LoadedDataset } from '../core/dataset/loadDataset';
import { DecisionLog, type DecisionRecord } from '../core/review/decisions';
import { buildMetricTable, updateMetrics } from '../core/review/metricTable';
import { upcoming } from '../core/review/reviewQueue';
import { datasetKey } from '../storage/datasetKey';
import { browserJournalStorage, DecisionJournal } from '../storage/decisionJournal';
import { loadDecisions, loadImports, replayJournal, subscribeDecisions } from '../storage/decisionStore';
import { openReviewDb, type ReviewDb } from '../storage/reviewDb';
import { loadLastFilters, saveLastFilters } from '../storage/lastFilters';
import { EMPTY_RULES } from '../core/review/filterRules';
import { parseFilterRules } from '../core/review/filterRulesSchema';
import { openSettingsDb, subscribeSettings, type SettingsDb } from '../storage/settingsStore';
import { useDatasetStore } from './datasetStore';
import { warnIfUnsaved } from './decisionSaving';
import { useMetricsStore } from './metricsStore';
import { metricRowsFromStore, stepInRows } from './reviewDerive';
import { errorMessage, pushError, recompute, useReviewStore } from './reviewStore';
import { prefetchGrasp } from './sceneStore';

/*
 * Wires the review store to the dataset, the metrics and IndexedDB: one decision database per
 * dataset (keyed by its stable identity), the settings database, and the subscriptions that keep
 * the log current with writes from this and other tabs.
 */

let settingsDb: SettingsDb | null = null;
let reviewDb: ReviewDb | null = null;
let journal: DecisionJournal | null = null;
let attached: LoadedDataset | null = null;
let attachToken = 0;
let stopDecisions: (() => void) | null = null;
let clearChannel: BroadcastChannel | null = null;

export const currentReviewDb = () => reviewDb;
export const currentJournal = () => journal;
export const currentSettingsDb = () => settingsDb;
export const currentDataset = () => attached;

/** Adds records to the log (idempotent by id) and re-derives what depends on decisions. */
export function addRecords(records: readonly DecisionRecord[]): void {
  const s = useReviewStore.getState();
  if (s.log.add(records).size === 0) return;
  useReviewStore.setState({ logVersion: s.logVersion + 1 });
  recompute('decisions');
}

/** Replaces the log with what the database holds now (after a clear, here or in another tab). */
export async function reloadLog(): Promise<void> {
  const db = reviewDb;
  if (!db) return;
  try {
    const log = new DecisionLog(await loadDecisions(db));
    if (db !== reviewDb) return;
    useReviewStore.setState((s) => ({ log, logVersion: s.logVersion + 1 }));
    recompute('decisions');
  } catch (e) {
    pushError(errorMessage(e));
  }
}

/** Tells the other tabs on this dataset that its decisions were cleared (IndexedDB has no delete notification here). */
export function announceClear(): void {
  clearChannel?.postMessage('cleared');
}

function detach(): void {
  stopDecisions?.();
  stopDecisions = null;
  clearChannel?.close();
  clearChannel = null;
  reviewDb?.close();
  reviewDb = null;
  journal = null;
  attached = null;
}

async function attach(dataset: LoadedDataset | null): Promise<void> {
  if (dataset === attached) return;
  const token = ++attachToken;
  detach();
  attached = dataset;
  const metrics = useMetricsStore.getState();
  metricsRowsSeen = metrics.rows;
  metricsRowCount = metrics.rows.size;
  const table = dataset ? buildMetricTable(dataset, metricRowsFromStore(metrics.rows.values())) : null;
  const key = dataset ? datasetKey(dataset.manifestUrl, dataset.name) : null;
  useReviewStore.setState((s) => ({
    datasetKey: key,
    dbReady: false,
    table,
    tableVersion: s.tableVersion + 1,
    log: new DecisionLog(),
    logVersion: s.logVersion + 1,
    imports: [],
    queue: new Int32Array(0),
    result: null,
  }));
  if (key) restoreLastFilters(key);
  recompute('all');
  if (!dataset || !key) return;
  try {
    const db = await openReviewDb(key);
    if (token !== attachToken) {
      db.close();
      return;
    }
    reviewDb = db;
    journal = new DecisionJournal(key, browserJournalStorage());
    // Decisions made just before the last page closed (reload, crash) that IndexedDB did not get.
    try {
      const restored = await replayJournal(db, journal);
      if (restored && token === attachToken)
        useReviewStore.setState({ notice: `${restored} decision${restored === 1 ? '' : 's'} made just before the page closed ${restored === 1 ? 'was' : 'were'} restored.` });
    } catch (e) {
      if (token === attachToken) pushError(errorMessage(e));
    }
    if (token !== attachToken) return;
    const imports = await loadImports(db);
    if (token !== attachToken) return;
    useReviewStore.setState({ imports });
    stopDecisions = subscribeDecisions(
      db,
      (records) => addRecords(records),
      (e) => pushError(e.message),
    );
    useReviewStore.setState({ dbReady: true });
    if (typeof BroadcastChannel === 'function') {
      clearChannel = new BroadcastChannel(`hoi-review-clear:${key}`);
      clearChannel.onmessage = () => void reloadLog();
    }
  } catch (e) {
    if (token === attachToken) pushError(errorMessage(e));
  }
}

/**
 * A plain reload (no `filters=` in the URL, so no rules yet) brings back the dataset's last
 * filters; a link's filters win because they are set before the dataset opens.
 */
function restoreLastFilters(key: string): void {
  if (JSON.stringify(useReviewStore.getState().rules) !== JSON.stringify(EMPTY_RULES)) return;
  const stored = loadLastFilters(key);
  if (stored === undefined) return;
  try {
    useReviewStore.setState({ rules: parseFilterRules(stored), activePreset: null });
  } catch {
    // written by an older or newer studio: start without filters
  }
}

// Metrics arrive in many small batches: fold them in at most once per animation frame.
let metricsRowsSeen: unknown = null;
let metricsRowCount = 0;
let metricsFrame = 0;
function onMetricsChanged(): void {
  if (metricsFrame) return;
  const run = () => {
    metricsFrame = 0;
    const s = useReviewStore.getState();
    const dataset = attached;
    if (!s.table || !dataset) return;
    const { rows } = useMetricsStore.getState();
    const rowList = metricRowsFromStore(rows.values());
    // Rows replaced or cleared (a recompute): rebuild so values of dropped rows do not linger.
    const reset = rows !== metricsRowsSeen || rows.size < metricsRowCount;
    const table = reset ? buildMetricTable(dataset, rowList) : s.table;
    if (!reset) updateMetrics(table, rowList);
    metricsRowsSeen = rows;
    metricsRowCount = rows.size;
    useReviewStore.setState({ table, tableVersion: s.tableVersion + 1 });
    recompute('all');
  };
  metricsFrame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : (setTimeout(run, 16) as unknown as number);
}

function onSelectionChanged(): void {
  const ds = useDatasetStore.getState();
  const grasp = ds.dataset?.grasps[ds.selected];
  const s = useReviewStore.getState();
  if (!grasp) return;
  if (s.draft.grasp !== grasp.id) useReviewStore.setState({ draft: { grasp: grasp.id, reasons: [], note: '' } });
  // Warm the scene caches for where the user goes next: the next undecided grasps (after a
  // decision) and the next row of the list (arrow key), so moving on is instant.
  const pos = s.queue.indexOf(ds.selected);
  const nextRow = s.rows.length === 0 ? ds.selected + 1 : stepInRows(s.rows, ds.selected, 1);
  for (const row of new Set([...upcoming(s.queue, pos, s.codes, 2), nextRow])) {
    const g = ds.dataset!.grasps[row];
    if (g) prefetchGrasp(ds.dataset!, g);
  }
}

let users = 0;
let teardown: (() => void) | null = null;

/** Starts the wiring (idempotent; the returned function releases it). */
export function startReviewSession(): () => void {
  users++;
  if (!teardown) {
    const stops: (() => void)[] = [];
    void openSettingsDb()
      .then((db) => {
        if (!teardown) {
          db.close();
          return;
        }
        settingsDb = db;
        stops.push(
          subscribeSettings(
            db,
            (st) => useReviewStore.setState({ annotator: st.annotator, reasons: st.reasons, presets: st.presets }),
            (e) => pushError(e.message),
          ),
        );
      })
      .catch((e) => pushError(errorMessage(e)));
    stops.push(
      useDatasetStore.subscribe((s, prev) => {
        if (s.dataset !== prev.dataset) void attach(s.dataset);
        if (s.selected !== prev.selected || s.dataset !== prev.dataset) onSelectionChanged();
      }),
    );
    stops.push(useMetricsStore.subscribe((s, prev) => s.version !== prev.version && onMetricsChanged()));
    stops.push(useReviewStore.subscribe((s, prev) => s.rules !== prev.rules && s.datasetKey && s.datasetKey === prev.datasetKey && saveLastFilters(s.datasetKey, s.rules)));
    if (typeof window !== 'undefined') {
      window.addEventListener('beforeunload', warnIfUnsaved);
      stops.push(() => window.removeEventListener('beforeunload', warnIfUnsaved));
    }
    void attach(useDatasetStore.getState().dataset).then(onSelectionChanged);
    teardown = () => {
      stops.forEach((f) => f());
      detach();
      attachToken++;
      settingsDb?.close();
      settingsDb = null;
    };
  }
  return () => {
    if (--users > 0) return;
    // Deferred: React's StrictMode stops and restarts effects at once; do not drop the databases for that.
    setTimeout(() => {
      if (users === 0 && teardown) {
        const t = teardown;
        teardown = null;
        t();
      }
    }, 0);
  };
}
