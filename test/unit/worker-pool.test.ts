// The extension's worker pool and the scan's sliding window: a thread takes the next
// request as soon as it has room, threads start only as work needs them and stop when
// idle, a failure falls back, and the index is the same whatever the number of threads.
import { strict as assert } from 'node:assert';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { generateArchive } from '../../bench/archive';
import { WorkspaceIndex, indexEntry, indexHash, type IndexEntry } from '../../src/core/workspace/index';
import { WorkerPool, poolSize, type PoolThread } from '../../src/vscode/workerPool';
import { forEachInWindow, stepProgress } from '../../src/vscode/workspace/window';

class FakeThread extends EventEmitter implements PoolThread {
  readonly received: { id: number; n?: number }[] = [];
  terminated = false;
  postMessage(message: unknown): void {
    this.received.push(message as { id: number });
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answers the oldest request it has not answered yet. */
  answer(extra: object = {}): void {
    const msg = this.received.find((m) => !(m as { done?: boolean }).done) as { id: number; done?: boolean };
    msg.done = true;
    this.emit('message', { id: msg.id, ...extra });
  }
  open(): number {
    return this.received.filter((m) => !(m as { done?: boolean }).done).length;
  }
}

function fakePool(size: number, idleMs = 60_000): { pool: WorkerPool; threads: FakeThread[] } {
  const threads: FakeThread[] = [];
  const pool = new WorkerPool({ size, idleMs, spawn: () => (threads.push(new FakeThread()), threads.at(-1)!) });
  return { pool, threads };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('worker pool (extension)', () => {
  it('is sized by the cores unless JUSTERA_WORKER_THREADS says otherwise', () => {
    assert.equal(poolSize(8), 8);
    // Capped by default (each thread is a heap in the editor); an override is taken as it is.
    assert.equal(poolSize(64), 8);
    assert.equal(poolSize(64, '16'), 16);
    assert.equal(poolSize(0), 1);
    assert.equal(poolSize(8, '1'), 1);
    assert.equal(poolSize(2, '6'), 6);
    assert.equal(poolSize(4, ''), 4);
    assert.equal(poolSize(4, 'many'), 4);
    assert.equal(poolSize(4, '0'), 4);
  });

  it('starts a thread only when the running ones are busy, never more than its size', () => {
    const { pool, threads } = fakePool(2);
    void pool.submit({ n: 1 });
    assert.equal(threads.length, 1, 'one request, one thread');
    void pool.submit({ n: 2 });
    assert.equal(threads.length, 2, 'the first is busy: a second starts');
    for (let n = 3; n <= 10; n++) void pool.submit({ n });
    assert.equal(threads.length, 2);
    // Two requests per thread at most: the next is waiting in its queue.
    assert.deepEqual(threads.map((t) => t.open()), [2, 2]);
    pool.dispose();
  });

  it('starts every thread ahead of a scan; they take the work when it comes, and stop if none does', async () => {
    const { pool, threads } = fakePool(3, 20);
    pool.prestart();
    assert.equal(threads.length, 3);
    for (let n = 1; n <= 3; n++) void pool.submit({ n });
    assert.equal(threads.length, 3, 'no thread more for the work');
    assert.deepEqual(threads.map((t) => t.open()), [1, 1, 1]);
    pool.prestart();
    assert.equal(threads.length, 3, 'never more than its size');
    threads.forEach((t) => t.answer());
    await tick();
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(pool.threads, 0, 'stopped when idle');
    pool.dispose();
    pool.prestart();
    assert.equal(threads.length, 3, 'a disposed pool starts nothing');
  });

  it('a free thread takes the next request, whichever thread it is', async () => {
    const { pool, threads } = fakePool(2);
    const answers: number[] = [];
    for (let n = 1; n <= 8; n++) void pool.submit<{ n: number }>({ n }).then(() => answers.push(n)).catch(() => undefined);
    const [a, b] = threads as [FakeThread, FakeThread];
    // Thread b is fast: it takes every request that comes free while a works on its first.
    for (let i = 0; i < 5; i++) b.answer();
    await tick();
    assert.equal(a.received.length, 2);
    assert.equal(b.received.length, 6);
    assert.deepEqual(b.received.map((m) => m.n), [2, 4, 5, 6, 7, 8]);
    assert.equal(answers.length, 5);
    pool.dispose();
  });

  it('resolves each request with its own answer and rejects only the one that failed', async () => {
    const { pool, threads } = fakePool(1);
    const one = pool.submit<{ value: number }>({ n: 1 });
    const two = pool.submit<{ value: number }>({ n: 2 });
    threads[0]!.answer({ value: 10 });
    threads[0]!.answer({ error: 'bad input' });
    assert.equal((await one).value, 10);
    await assert.rejects(two, /bad input/);
    pool.dispose();
  });

  it('puts urgent requests (an open document) before queued ones', async () => {
    const { pool, threads } = fakePool(1);
    for (let n = 1; n <= 4; n++) void pool.submit({ n }).catch(() => undefined);
    void pool.submit({ n: 99 }, true).catch(() => undefined);
    threads[0]!.answer();
    await tick();
    assert.deepEqual(threads[0]!.received.map((m) => m.n), [1, 2, 99]);
    pool.dispose();
  });

  it('a thread that dies fails its own requests; the others carry on with the queue', async () => {
    const { pool, threads } = fakePool(2);
    const results = Array.from({ length: 8 }, (_, n) => pool.submit({ n }).then(() => 'ok', () => 'failed'));
    const [a, b] = threads as [FakeThread, FakeThread];
    a.answer();
    b.answer();
    await tick();
    assert.deepEqual(a.received.map((m) => m.n), [0, 2, 4]);
    a.emit('error', new Error('out of memory'));
    assert.ok(a.terminated);
    // Its two open requests failed; the queue went to b and to a new thread.
    assert.equal(threads.length, 3);
    const live = () => threads.filter((t) => !t.terminated && t.open() > 0);
    for (let guard = 0; live().length > 0 && guard < 20; guard++) live()[0]!.answer();
    assert.deepEqual(await Promise.all(results), ['ok', 'ok', 'failed', 'ok', 'failed', 'ok', 'ok', 'ok']);
    pool.dispose();
  });

  it('a thread that cannot start fails the whole queue (the caller parses on its own)', async () => {
    const { pool, threads } = fakePool(2);
    const results = Array.from({ length: 6 }, (_, n) => pool.submit({ n }).then(() => 'ok', (e: Error) => e.message));
    threads[0]!.emit('error', new Error('Cannot find module dist/worker.js'));
    threads[1]!.emit('exit', 1);
    const out = await Promise.all(results);
    assert.ok(out.every((r) => r !== 'ok'), out.join());
    assert.ok(out.filter((r) => r.includes('Cannot find module')).length >= 4, out.join());
    pool.dispose();
  });

  it('stops every thread when idle, and starts again on the next request', async () => {
    const { pool, threads } = fakePool(2, 20);
    const a = pool.submit({ n: 1 });
    const b = pool.submit({ n: 2 });
    threads[0]!.answer();
    threads[1]!.answer();
    await Promise.all([a, b]);
    assert.equal(pool.threads, 2);
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(pool.threads, 0);
    assert.ok(threads.every((t) => t.terminated));
    void pool.submit({ n: 3 }).catch(() => undefined);
    assert.equal(threads.length, 3);
    pool.dispose();
    assert.ok(threads[2]!.terminated);
  });
});

describe('sliding window (scan reads)', () => {
  it('keeps at most `limit` calls in flight and starts the next as soon as one ends', async () => {
    const log: string[] = [];
    let inFlight = 0;
    let most = 0;
    const delays = [40, 1, 1, 1, 1, 30, 1, 1];
    await forEachInWindow(delays, 3, async (ms, i) => {
      log.push(`start ${i}`);
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, ms));
      inFlight--;
      log.push(`end ${i}`);
    });
    assert.equal(most, 3);
    assert.equal(log.filter((l) => l.startsWith('end')).length, delays.length);
    // No barrier: the short ones went on while the first (slow) one was still running.
    assert.ok(log.indexOf('start 4') < log.indexOf('end 0'), log.join(', '));
  });

  it('starts nothing new after a failure, waits for those in flight, throws the first error', async () => {
    const started: number[] = [];
    let finished = 0;
    await assert.rejects(
      forEachInWindow([0, 1, 2, 3, 4, 5], 2, async (i) => {
        started.push(i);
        await new Promise((r) => setTimeout(r, i === 0 ? 20 : 1));
        if (i === 1) throw new Error('read failed');
        finished++;
      }),
      /read failed/,
    );
    assert.deepEqual(started, [0, 1]);
    assert.equal(finished, 1, 'the call in flight was waited for');
  });

  it('does nothing on no items', async () => {
    await forEachInWindow([], 16, async () => assert.fail('called'));
  });
});

describe('scan progress in steps', () => {
  const run = (total: number, steps: number, calls = total) => {
    const increments: number[] = [];
    const done = stepProgress(total, steps, (i) => increments.push(i));
    for (let n = 0; n < calls; n++) done();
    return increments;
  };
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  it('moves the bar every 5 % of 2,000 files, 20 times, to 100', () => {
    const increments = run(2000, 20);
    assert.equal(increments.length, 20);
    assert.ok(increments.every((i) => i === 5));
    // Not before a part is complete: 99 files are not yet 5 %.
    assert.deepEqual(run(2000, 20, 99), []);
    assert.deepEqual(run(2000, 20, 100), [5]);
  });

  it('moves once per file when there are fewer files than steps, and never past 100', () => {
    const increments = run(7, 20, 10);
    assert.equal(increments.length, 7);
    assert.ok(Math.abs(sum(increments) - 100) < 1e-9, String(sum(increments)));
    assert.ok(Math.abs(sum(run(333, 20)) - 100) < 1e-9);
    assert.deepEqual(run(0, 20, 3), []);
  });
});

describe('workspace index on worker threads (the real worker)', function () {
  // Workers load the sources through tsx here (dist/worker.js in real use).
  this.timeout(120_000);
  const files = generateArchive(2, 2, 6, true).map((f, i) => ({ uri: `file:///ws/${f.path}`, text: f.text, assumeMinutes: i % 5 !== 0 }));
  const spawn = () => new Worker(`require('tsx/cjs'); require(${JSON.stringify(join(__dirname, '../../src/vscode/worker.ts'))});`, { eval: true });

  async function entriesOn(size: number): Promise<IndexEntry[]> {
    const pool = new WorkerPool({ size, idleMs: 60_000, spawn });
    try {
      const out: IndexEntry[] = [];
      await forEachInWindow(files, 8, async (f) => {
        const r = await pool.submit<{ entry: IndexEntry }>({ kind: 'index', uri: f.uri, text: f.text, assumeMinutes: f.assumeMinutes, hash: indexHash(f.text, f.assumeMinutes) });
        out.push(r.entry);
      });
      assert.equal(pool.peak, size);
      return out;
    } finally {
      pool.dispose();
    }
  }

  function contents(index: WorkspaceIndex): unknown {
    return {
      entries: index.uris().sort().map((u) => index.get(u)),
      ordered: index.entries().map((e) => e.uri),
      decisions: index.decisions(),
      actions: index.actions(),
      bodies: index.bodies(),
    };
  }

  it('gives the same index on one thread, on three, and parsed here', async () => {
    const reference = new WorkspaceIndex();
    for (const f of files) reference.update(f.uri, f.text, { assumeMinutes: f.assumeMinutes });
    const one = await entriesOn(1);
    const three = await entriesOn(3);
    for (const entries of [one, three]) {
      const index = new WorkspaceIndex();
      const events: string[][] = [];
      index.onDidChange((c) => events.push([...c.uris]));
      // In the order the threads finished, inside one batch as the scan does.
      index.batch(() => entries.forEach((e) => index.put(e)));
      assert.deepEqual(contents(index), contents(reference));
      assert.equal(index.serialize(), reference.serialize(), 'the same cache file');
      assert.equal(events.length, 1, 'one change event for the scan');
      assert.equal(new Set(events[0]).size, files.length);
    }
    // Each entry equals the one made on the main thread.
    const byUri = new Map(three.map((e) => [e.uri, e]));
    for (const f of files) assert.deepEqual(byUri.get(f.uri), indexEntry(f.uri, f.text, { assumeMinutes: f.assumeMinutes }));
  });
});
