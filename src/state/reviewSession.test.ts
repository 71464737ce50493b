import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LoadedDataset } from '../core/dataset/loadDataset';
import { emptyMetrics } from '../core/metrics/types';
import { makeDecision } from '../core/review/decisions';
import { DecisionJournal } from '../storage/decisionJournal';
import { datasetKey } from '../storage/datasetKey';
import { loadDecisions } from '../storage/decisionStore';
import { MemoryStorage } from '../storage/memoryStorage';

// The page's localStorage, where the session keeps its write-ahead journal.
const storage = new MemoryStorage();
(globalThis as { localStorage?: unknown }).localStorage = storage;

// The scene worker does not exist in Node; prefetching is checked by what it is asked for.
const prefetched: string[] = [];
vi.mock('./sceneStore', () => ({ prefetchGrasp: (_d: unknown, g: { id: string }) => prefetched.push(g.id) }));

const { useDatasetStore } = await import('./datasetStore');
const { addMetricRows } = await import('./metricsStore');
const { useReviewStore } = await import('./reviewStore');
const { startReviewSession } = await import('./reviewSession');
const actions = await import('./reviewActions');

function dataset(name = 'session test'): LoadedDataset {
  const grasp = (id: string, object: string) => ({ id, object, hand: 'shadow', root: { position: [0, 0, 0], quaternion: [0, 0, 0, 1] }, joints: {}, source: 'manifest.json' });
  return {
    name,
    manifestUrl: 'https://example.org/session/manifest.json',
    hands: { shadow: { spec: { builtin: 'shadowhand' } } },
    objects: {
      mug: { spec: { mesh: 'mug.obj', category: 'mug' }, meshUrl: 'https://example.org/session/mug.obj' },
      pen: { spec: { mesh: 'pen.obj', category: 'pen' }, meshUrl: 'https://example.org/session/pen.obj' },
    },
    grasps: [grasp('g0', 'mug'), grasp('g1', 'pen'), grasp('g2', 'mug'), grasp('g3', 'pen')],
    issues: [],
  } as unknown as LoadedDataset;
}

const until = async (cond: () => boolean, what: string) => {
  for (let k = 0; k < 200 && !cond(); k++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
};
const selectedId = () => useDatasetStore.getState().dataset!.grasps[useDatasetStore.getState().selected].id;

describe('review session (fake IndexedDB)', () => {
  let stop: () => void;
  beforeAll(async () => {
    useDatasetStore.setState({ dataset: dataset(), status: 'ready', selected: 0 });
    stop = startReviewSession();
    await until(() => useReviewStore.getState().dbReady, 'the decision database');
  });
  afterAll(() => stop());

  it('asks for the annotator first, then decides and moves to the next undecided grasp', async () => {
    await actions.decide('accept');
    expect(useReviewStore.getState().annotatorDialog).toBe(true);
    expect(useReviewStore.getState().log.size).toBe(0);
    await actions.setAnnotator('  dana ');
    await actions.decisionsSettled();
    const s = useReviewStore.getState();
    expect(s.annotator).toBe('dana');
    expect(s.log.state('g0')).toBe('accept');
    expect(s.log.latest('g0')!.annotator).toBe('dana');
    expect(selectedId()).toBe('g1');
    expect(prefetched).toContain('g2');
  });

  it('records reasons, note and the metric values shown', async () => {
    addMetricRows([{ ...emptyMetrics(''), id: 'g1', penetration_depth_cm: 0.42 }]);
    await until(() => useReviewStore.getState().table!.computed[1] === 1, 'metrics in the table');
    actions.toggleReason('penetration');
    actions.setNote(' deep thumb ');
    await actions.decide('reject');
    const r = useReviewStore.getState().log.latest('g1')!;
    expect(r.reasons).toEqual(['penetration']);
    expect(r.note).toBe('deep thumb');
    expect(r.metrics.penetration_depth_cm).toBe(0.42);
    expect(selectedId()).toBe('g2');
    // the draft belongs to the grasp it was typed for
    expect(useReviewStore.getState().draft).toEqual({ grasp: 'g2', reasons: [], note: '' });
  });

  it('undo withdraws the last decision, goes back to it and restores its reasons', async () => {
    await actions.undo();
    await until(() => useReviewStore.getState().log.state('g1') === 'undecided', 'the undo record');
    expect(selectedId()).toBe('g1');
    expect(useReviewStore.getState().draft.reasons).toEqual(['penetration']);
    expect(
      useReviewStore
        .getState()
        .log.history('g1')
        .map((r) => r.decision),
    ).toEqual(['reject', 'undo']);
  });

  it('a filter narrows the list and the queue; arrows step within it', async () => {
    actions.setRules({ metrics: {}, perCategory: {}, categories: ['mug'] });
    const s = useReviewStore.getState();
    expect([...s.rows].map((i) => s.table!.ids[i])).toEqual(['g0', 'g2']);
    useDatasetStore.getState().select(0);
    actions.stepSelection(1);
    expect(selectedId()).toBe('g2');
    await actions.decide('skip');
    // nothing undecided is left in the mug queue
    expect(useReviewStore.getState().notice).toMatch(/Queue done/);
    actions.setRules({ metrics: {}, perCategory: {} });
  });

  it('clearing removes the decisions; importing the export restores them once', async () => {
    const { decisionsToJson } = await import('../core/review/exportDecisions');
    await actions.decisionsSettled();
    await until(() => useReviewStore.getState().log.size === 4, 'all records');
    const exported = decisionsToJson({ name: 'session test' }, useReviewStore.getState().log.all());
    await actions.clearDecisions();
    expect(useReviewStore.getState().log.size).toBe(0);
    await actions.importDecisionFiles([{ name: 'mine.json', text: exported }]);
    await until(() => useReviewStore.getState().log.size === 4, 'restored records');
    expect(useReviewStore.getState().log.state('g0')).toBe('accept');
    expect(useReviewStore.getState().notice).toContain('4 of your 4 restored');
    await actions.importDecisionFiles([{ name: 'mine.json', text: exported }]);
    expect(useReviewStore.getState().notice).toContain('0 of your 4 restored');
    expect(useReviewStore.getState().log.size).toBe(4);
  });
});

describe('decisions survive the page closing (fake IndexedDB, in-memory localStorage)', () => {
  let stop: () => void;
  const name = 'burst test';
  const key = datasetKey('https://example.org/session/manifest.json', name);
  // A decision the previous page made and journaled but never got into IndexedDB.
  const leftOver = makeDecision({ grasp: 'g3', decision: 'reject', annotator: 'dana', note: 'from before the reload' });
  beforeAll(async () => {
    new DecisionJournal(key, storage).write(leftOver);
    useReviewStore.setState({ dbReady: false, annotator: 'dana' });
    useDatasetStore.setState({ dataset: dataset(name), status: 'ready', selected: 0 });
    stop = startReviewSession();
    await until(() => useReviewStore.getState().dbReady, 'the decision database');
  });
  afterAll(() => stop());

  it('replays the journal left by the last page before the decisions are shown', async () => {
    const s = useReviewStore.getState();
    expect(s.datasetKey).toBe(key);
    await until(() => useReviewStore.getState().log.size === 1, 'the replayed record');
    expect(useReviewStore.getState().log.latest('g3')).toEqual(leftOver);
    expect(useReviewStore.getState().notice).toMatch(/^1 decision made just before the page closed was restored/);
    expect(new DecisionJournal(key, storage).pending()).toEqual([]);
  });

  it('a burst of key presses: each is journaled and moves on at once, shown unsaved until committed', async () => {
    const journal = new DecisionJournal(key, storage);
    const made = [actions.decide('accept'), actions.decide('skip'), actions.decide('reject')];
    // Nothing awaited yet: the decisions are in the view and the journal, none committed.
    const s = useReviewStore.getState();
    expect(['g0', 'g1', 'g2'].map((g) => s.log.state(g))).toEqual(['accept', 'skip', 'reject']);
    expect(s.unsaved.size).toBe(3);
    expect([...s.unsaved.values()].sort()).toEqual(['g0', 'g1', 'g2']);
    expect(journal.pending().map((r) => r.grasp)).toEqual(['g0', 'g1', 'g2']);
    await Promise.all(made);
    await actions.decisionsSettled();
    expect(useReviewStore.getState().unsaved.size).toBe(0);
    expect(journal.pending()).toEqual([]);
  });

  it('undo right after a decision withdraws that decision, before either is committed', async () => {
    useDatasetStore.getState().select(0);
    const decided = actions.decide('reject');
    const undone = actions.undo();
    expect(selectedId()).toBe('g0');
    expect(useReviewStore.getState().log.state('g0')).toBe('accept');
    await Promise.all([decided, undone]);
    await actions.decisionsSettled();
    const db = (await import('./reviewSession')).currentReviewDb()!;
    const g0 = (await loadDecisions(db)).filter((r) => r.grasp === 'g0').map((r) => r.decision);
    expect(g0).toEqual(['accept', 'reject', 'undo']);
  });
});
