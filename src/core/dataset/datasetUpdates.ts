import { loadDataset, type DatasetIO, type DatasetIssue, type LoadOptions, type LoadedDataset, type ResolvedGrasp } from './loadDataset';

/**
 * A dataset loaded in a worker reaches the page in pieces: the manifest's hands and objects once,
 * then only the grasps added since the last piece, so a 100,000-grasp dataset crosses the thread
 * boundary once instead of once per shard. Issues are capped per file, so they are resent whole.
 * Pieces are numbered: callbacks and the call's own answer travel on different message ports,
 * which keep no order with each other.
 */
export interface DatasetUpdate {
  seq: number;
  head?: Omit<LoadedDataset, 'grasps' | 'issues'>;
  grasps: ResolvedGrasp[];
  issues: DatasetIssue[];
  final: boolean;
}

/** Emits every partial piece through `emit` and returns the last one. */
export async function loadDatasetUpdates(manifestUrl: string, io: DatasetIO, opts: Omit<LoadOptions, 'onPartial'>, emit: (u: DatasetUpdate) => void): Promise<DatasetUpdate> {
  let sent = 0;
  let seq = 0;
  const piece = (ds: LoadedDataset, final: boolean): DatasetUpdate => {
    const { grasps, issues, ...head } = ds;
    const u = { seq, head: seq === 0 ? head : undefined, grasps: grasps.slice(sent), issues, final };
    seq++;
    sent = grasps.length;
    return u;
  };
  const ds = await loadDataset(manifestUrl, io, { ...opts, onPartial: (partial) => emit(piece(partial, false)) });
  return piece(ds, true);
}

/**
 * Page side: puts the pieces back together in order, whatever order they arrive in. `push`
 * returns the dataset after each piece it could apply (a fresh object and grasps array each).
 */
export function datasetAssembler(): { push(u: DatasetUpdate): { dataset: LoadedDataset; final: boolean }[] } {
  let head: DatasetUpdate['head'];
  let next = 0;
  const waiting = new Map<number, DatasetUpdate>();
  const grasps: ResolvedGrasp[] = [];
  return {
    push(u) {
      waiting.set(u.seq, u);
      const out: { dataset: LoadedDataset; final: boolean }[] = [];
      for (let p = waiting.get(next); p; p = waiting.get(next)) {
        waiting.delete(next++);
        head = p.head ?? head;
        if (!head) throw new Error('dataset piece without its manifest part');
        for (const g of p.grasps) grasps.push(g);
        out.push({ dataset: { ...head, grasps: grasps.slice(), issues: p.issues }, final: p.final });
      }
      return out;
    },
  };
}
