// A pool of worker threads for the extension: started one by one as work arrives (up
// to `size`), stopped together when idle. A worker takes the next request as soon as it
// has room; requests are not bound to a worker in advance. No vscode import: the
// scheduling is tested on its own.

/** What the pool needs of a thread (node:worker_threads' Worker, or a stand-in in the tests). */
export interface PoolThread {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: any) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): unknown;
}

export interface PoolOptions {
  /** Threads at most. */
  readonly size: number;
  readonly spawn: () => PoolThread;
  /** Stops every thread after this long without a request. */
  readonly idleMs: number;
  /**
   * Requests handed to one thread at a time. Two: the next one is already in its queue
   * when it posts an answer, so it does not wait for the main thread to send more.
   */
  readonly perThread?: number;
}

interface Task {
  readonly id: number;
  readonly request: object;
  readonly resolve: (r: unknown) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  readonly thread: PoolThread;
  readonly pending: Map<number, Task>;
  /** Whether it ever answered: one that fails before that cannot start at all. */
  answered: boolean;
}

export class WorkerPool {
  private readonly queue: Task[] = [];
  private readonly slots = new Set<Slot>();
  private nextId = 1;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** Threads started since creation (for the logs and tests). */
  started = 0;
  /** Most threads running at once since creation. */
  peak = 0;

  constructor(private readonly options: PoolOptions) {}

  get size(): number {
    return Math.max(1, Math.floor(this.options.size));
  }

  /** Threads running now. */
  get threads(): number {
    return this.slots.size;
  }

  /**
   * Runs a request on a thread; the thread answers `{ id, ...result }` or `{ id, error }`.
   * `urgent` goes before the queued requests (an open document before files of a scan).
   */
  submit<T>(request: object, urgent = false): Promise<T> {
    if (this.disposed) return Promise.reject(new Error('the worker pool is disposed'));
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    return new Promise<T>((resolve, reject) => {
      const task: Task = { id: this.nextId++, request, resolve: resolve as (r: unknown) => void, reject };
      if (urgent) this.queue.unshift(task);
      else this.queue.push(task);
      this.pump();
    });
  }

  private pump(): void {
    const perThread = Math.max(1, this.options.perThread ?? 2);
    while (this.queue.length > 0) {
      let slot = this.leastBusy();
      // A new thread only when every running one is busy: one request starts one thread.
      if ((!slot || slot.pending.size > 0) && this.slots.size < this.size) slot = this.start() ?? slot;
      if (!slot || slot.pending.size >= perThread) return;
      const task = this.queue.shift()!;
      slot.pending.set(task.id, task);
      try {
        slot.thread.postMessage({ ...task.request, id: task.id });
      } catch (e) {
        this.failed(slot, e instanceof Error ? e : new Error(String(e)));
      }
    }
  }

  /** Starts every thread now, ahead of a batch of work, so that their start overlaps what comes before it. */
  prestart(): void {
    if (this.disposed) return;
    while (this.slots.size < this.size) if (!this.start()) break;
    this.idleCheck();
  }

  private leastBusy(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) if (!best || s.pending.size < best.pending.size) best = s;
    return best;
  }

  private start(): Slot | undefined {
    let thread: PoolThread;
    try {
      thread = this.options.spawn();
    } catch (e) {
      this.rejectAll(e instanceof Error ? e : new Error(String(e)));
      return undefined;
    }
    const slot: Slot = { thread, pending: new Map(), answered: false };
    this.slots.add(slot);
    this.started++;
    this.peak = Math.max(this.peak, this.slots.size);
    thread.on('message', (msg: { id: number; error?: string }) => {
      const task = slot.pending.get(msg.id);
      if (!task) return;
      slot.pending.delete(msg.id);
      slot.answered = true;
      if (msg.error !== undefined) task.reject(new Error(msg.error));
      else task.resolve(msg);
      this.pump();
      this.idleCheck();
    });
    thread.on('error', (e) => this.failed(slot, e instanceof Error ? e : new Error(String(e))));
    thread.on('exit', () => this.failed(slot, new Error('analysis worker exited')));
    return slot;
  }

  /** A thread died: its requests fail (their callers fall back); the queue goes to the others. */
  private failed(slot: Slot, error: Error): void {
    if (!this.slots.delete(slot)) return;
    for (const t of slot.pending.values()) t.reject(error);
    slot.pending.clear();
    void Promise.resolve(slot.thread.terminate()).catch(() => undefined);
    // One that never answered cannot start (a missing bundle, no memory): neither would the next.
    if (!slot.answered) this.rejectAll(error);
    else this.pump();
    this.idleCheck();
  }

  private rejectAll(error: Error): void {
    for (const t of this.queue.splice(0)) t.reject(error);
  }

  private idleCheck(): void {
    if (this.queue.length > 0 || this.disposed) return;
    for (const s of this.slots) if (s.pending.size > 0) return;
    if (this.idle) clearTimeout(this.idle);
    this.idle = this.slots.size > 0 ? setTimeout(() => this.stop(), this.options.idleMs) : undefined;
  }

  /** Stops every thread; a request after this starts new ones. */
  stop(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    const slots = [...this.slots];
    this.slots.clear();
    for (const s of slots) {
      for (const t of s.pending.values()) t.reject(new Error('the worker pool stopped'));
      void Promise.resolve(s.thread.terminate()).catch(() => undefined);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.rejectAll(new Error('the worker pool is disposed'));
    this.stop();
  }
}

/** Threads for this machine: one per core the process may use. */
/**
 * At most this many threads by default: each is a V8 instance with its own heap inside
 * the editor, and past a few the extension host's reading of files is what limits a scan.
 */
export const MAX_DEFAULT_THREADS = 8;

export function poolSize(cores: number, override?: string): number {
  const n = override === undefined || override.trim() === '' ? NaN : Number(override);
  return Number.isInteger(n) && n >= 1 ? n : Math.min(MAX_DEFAULT_THREADS, Math.max(1, cores));
}
