import { wrap, releaseProxy, type Endpoint, type Remote } from 'comlink';

/** One worker as the pool sees it; the same shape wraps a browser Worker or a Node worker thread. */
export interface WorkerHandle {
  endpoint: Endpoint;
  terminate(): void;
  /** registers a callback for a crash (uncaught error, out of memory, unexpected exit) */
  onFailure(cb: (error: Error) => void): void;
}

export class PoolCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PoolCancelledError';
  }
}

export class WorkerFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerFailedError';
  }
}

interface Slot<T> {
  handle: WorkerHandle;
  api: Remote<T>;
  ready: Promise<void>;
  busy: boolean;
  /** rejects the task in flight when the worker dies or is terminated */
  abort: ((e: Error) => void) | null;
}

export interface WorkerPoolOptions<T> {
  size: number;
  create: () => WorkerHandle;
  /** run on every new worker before its first task (e.g. send it the dataset) */
  init?: (api: Remote<T>) => Promise<void>;
}

/**
 * A fixed-size pool of Comlink workers with a FIFO task queue. A task that hangs past its
 * timeout, or whose worker crashes, rejects and its worker is replaced, so one bad input never
 * stalls the rest. `cancel()` stops dispatching and terminates busy workers at once.
 */
export class WorkerPool<T> {
  private slots: (Slot<T> | null)[];
  private queue: { run: (api: Remote<T>) => Promise<unknown>; timeoutMs: number; resolve: (v: unknown) => void; reject: (e: Error) => void }[] = [];
  private cancelled = false;

  constructor(private readonly opts: WorkerPoolOptions<T>) {
    this.slots = new Array(Math.max(1, opts.size)).fill(null);
  }

  get size(): number {
    return this.slots.length;
  }

  run<R>(task: (api: Remote<T>) => Promise<R>, timeoutMs = 0): Promise<R> {
    if (this.cancelled) return Promise.reject(new PoolCancelledError());
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ run: task, timeoutMs, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Rejects every queued and running task and terminates busy workers; the pool can be reused after `reset()`. */
  cancel(): void {
    this.cancelled = true;
    const queued = this.queue.splice(0);
    for (const q of queued) q.reject(new PoolCancelledError());
    this.slots.forEach((slot, i) => {
      if (slot?.busy) this.kill(i, new PoolCancelledError());
    });
  }

  reset(): void {
    this.cancelled = false;
  }

  destroy(): void {
    this.cancel();
    this.slots.forEach((_, i) => this.kill(i, new PoolCancelledError()));
  }

  private spawn(i: number): Slot<T> {
    const handle = this.opts.create();
    const api = wrap<T>(handle.endpoint);
    const slot: Slot<T> = { handle, api, ready: Promise.resolve(), busy: false, abort: null };
    slot.ready = this.opts.init ? this.opts.init(api) : Promise.resolve();
    slot.ready.catch(() => undefined);
    handle.onFailure((e) => {
      if (this.slots[i] === slot) this.kill(i, new WorkerFailedError(`worker failed: ${e.message}`));
    });
    this.slots[i] = slot;
    return slot;
  }

  private kill(i: number, reason: Error): void {
    const slot = this.slots[i];
    if (!slot) return;
    this.slots[i] = null;
    slot.abort?.(reason);
    try {
      slot.api[releaseProxy]();
    } catch {
      /* the endpoint may already be gone */
    }
    slot.handle.terminate();
    this.pump();
  }

  private pump(): void {
    if (this.cancelled) return;
    for (let i = 0; i < this.slots.length && this.queue.length; i++) {
      const existing = this.slots[i];
      if (existing?.busy) continue;
      const slot = existing ?? this.spawn(i);
      const job = this.queue.shift()!;
      slot.busy = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const aborted = new Promise<never>((_, reject) => {
        slot.abort = reject;
      });
      if (job.timeoutMs > 0) timer = setTimeout(() => this.kill(i, new WorkerFailedError(`timed out after ${Math.round(job.timeoutMs / 1000)} s`)), job.timeoutMs);
      Promise.race([slot.ready.then(() => job.run(slot.api)), aborted])
        .then(job.resolve, job.reject)
        .finally(() => {
          if (timer) clearTimeout(timer);
          slot.abort = null;
          slot.busy = false;
          this.pump();
        });
    }
  }
}
