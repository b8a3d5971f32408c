// The extension's worker pool and the scan's sliding window: a thread takes the next
// request as soon as it has room, threads start only as work needs them and stop when
// idle, a failure falls back, and the index is the same whatever the number of threads.
import { strict as assert } from 'node:assert';
import { EventEmitter } from 'node:events';
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { generateArchive } from '../../bench/archive';
import { DocumentAnalyzer } from '../../src/core/analysis';
import type { Finding } from '../../src/core/lint/types';
import { WorkspaceIndex, indexEntry, indexHash, type IndexEntry } from '../../src/core/workspace/index';
import { WorkerPool, poolSize, workerKind, type PoolThread } from '../../src/vscode/workerPool';
import { spawnWorkerProcess } from '../../src/vscode/workerProcess';
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

  it('a worker process that cannot start hands its requests to threads, and the pool starts threads from then on', async () => {
    const processes: FakeThread[] = [];
    const threads: FakeThread[] = [];
    const why: string[] = [];
    const pool = new WorkerPool({
      size: 2,
      idleMs: 60_000,
      spawn: () => (processes.push(new FakeThread()), processes.at(-1)!),
      fallback: () => (threads.push(new FakeThread()), threads.at(-1)!),
      onFallback: (e) => why.push(e.message),
    });
    const results = Array.from({ length: 6 }, (_, n) => pool.submit<{ n?: number }>({ n }).then((r: { n?: number }) => r.n, (e: Error) => e.message));
    assert.equal(processes.length, 2);
    processes[0]!.emit('error', new Error('the worker process exited with code 9: bad option: --v8-pool-size=1'));
    assert.ok(pool.fallenBack);
    assert.deepEqual(why, ['the worker process exited with code 9: bad option: --v8-pool-size=1']);
    // The other process never answered either: the same, said once.
    processes[1]!.emit('error', new Error('the worker process exited with code 9'));
    assert.equal(why.length, 1);
    assert.ok(processes.every((p) => p.terminated));
    for (let guard = 0; threads.some((t) => t.open() > 0) && guard < 20; guard++) {
      const t = threads.find((x) => x.open() > 0)!;
      const m = t.received.find((x) => !(x as { done?: boolean }).done)!;
      t.answer({ n: m.n });
    }
    // Every request answered, by threads, none lost or failed.
    assert.deepEqual(await Promise.all(results), [0, 1, 2, 3, 4, 5]);
    assert.equal(threads.length, 2);
    pool.dispose();
  });

  it('falls back when starting a process throws, and fails the queue when the fallback cannot start either', async () => {
    const threads: FakeThread[] = [];
    const pool = new WorkerPool({
      size: 1,
      idleMs: 60_000,
      spawn: () => {
        throw new Error('spawn EAGAIN');
      },
      fallback: () => (threads.push(new FakeThread()), threads.at(-1)!),
    });
    const results = Array.from({ length: 3 }, (_, n) => pool.submit({ n }).then(() => 'ok', (e: Error) => e.message));
    assert.equal(threads.length, 1);
    threads[0]!.emit('error', new Error('Cannot find module dist/worker.js'));
    assert.deepEqual(await Promise.all(results), Array(3).fill('Cannot find module dist/worker.js'));
    pool.dispose();
  });

  it('does not fall back for a process that had answered: only its own requests fail', async () => {
    const threads: FakeThread[] = [];
    const pool = new WorkerPool({ size: 1, idleMs: 60_000, spawn: () => (threads.push(new FakeThread()), threads.at(-1)!), fallback: () => assert.fail('fallback') });
    const results = Array.from({ length: 3 }, (_, n) => pool.submit({ n }).then(() => 'ok', () => 'failed'));
    threads[0]!.answer();
    await tick();
    threads[0]!.emit('error', new Error('the worker process was stopped by SIGKILL'));
    assert.equal(pool.fallenBack, false);
    assert.deepEqual(await Promise.all(results), ['ok', 'failed', 'failed']);
    // The next request starts a process again.
    const next = pool.submit({ n: 3 });
    assert.equal(threads.length, 2);
    threads[1]!.answer();
    await next;
    pool.dispose();
  });

  it('runs workers in processes where the extension host is Node, in threads in Electron, unless JUSTERA_WORKERS says', () => {
    assert.equal(workerKind(false), 'process');
    assert.equal(workerKind(true), 'thread');
    assert.equal(workerKind(false, 'thread'), 'thread');
    assert.equal(workerKind(true, 'process'), 'process');
    assert.equal(workerKind(false, 'fibers'), 'process');
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

describe('workspace index on worker threads and processes (the real worker)', function () {
  // Workers load the sources through tsx here (dist/worker.js in real use).
  this.timeout(120_000);
  const files = generateArchive(2, 2, 6, true).map((f, i) => ({ uri: `file:///ws/${f.path}`, text: f.text, assumeMinutes: i % 5 !== 0 }));
  const workerTs = join(__dirname, '../../src/vscode/worker.ts');
  const loadWorker = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(workerTs)});`;
  const spawnThread = () => new Worker(loadWorker, { eval: true });
  const dir = mkdtempSync(join(tmpdir(), 'justera-worker-'));
  const script = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
  const launcher = script('worker.js', loadWorker);
  const spawnProcess = () => spawnWorkerProcess(launcher);
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function entriesOn(size: number, start: () => PoolThread = spawnThread): Promise<IndexEntry[]> {
    const pool = new WorkerPool({ size, idleMs: 60_000, spawn: start });
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
    const processes = await entriesOn(2, spawnProcess);
    for (const entries of [one, three, processes]) {
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

  it('analyzes a document in a worker process as on this thread', async () => {
    const text = files[0]!.text;
    const pool = new WorkerPool({ size: 1, idleMs: 60_000, spawn: spawnProcess });
    try {
      const r = await pool.submit<{ findings: Finding[]; ruleErrors: unknown[] }>({ kind: 'analyze', text, assumeMinutes: true, lint: true, rules: [] });
      const here = new DocumentAnalyzer().analyze(text, { assumeMinutes: true, lint: true });
      assert.deepEqual(r.findings, here.findings);
      assert.deepEqual(r.ruleErrors, []);
    } finally {
      pool.dispose();
    }
  });

  it('a worker process that fails says why, in its own words', async () => {
    const failing = script('failing.js', "process.stderr.write('Error: Cannot find module dist/core.js\\n'); process.exit(3);");
    const pool = new WorkerPool({ size: 1, idleMs: 60_000, spawn: () => spawnWorkerProcess(failing) });
    try {
      await assert.rejects(pool.submit({ kind: 'index', uri: 'file:///x.md', text: '', assumeMinutes: true, hash: '' }), /the worker process exited with code 3: Error: Cannot find module dist\/core\.js/);
    } finally {
      pool.dispose();
    }
  });

  it('a worker process ends when the extension host lets go of it', async () => {
    const child = fork(launcher, [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Alive and answering first.
    const answered = new Promise((resolve) => child.once('message', resolve));
    child.send({ id: 1, kind: 'index', uri: 'file:///x.md', text: '# Protokoll\n', assumeMinutes: true, hash: 'h' });
    assert.equal(((await answered) as { id: number }).id, 1);
    child.disconnect();
    assert.equal(await exited, 0);
  });

  it('a worker process ends when the extension host dies (no process is left behind)', async () => {
    const host = spawn(
      process.execPath,
      ['-e', `const c = require('child_process').fork(${JSON.stringify(launcher)}, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
c.on('message', () => console.log(c.pid));
c.send({ id: 1, kind: 'index', uri: 'file:///x.md', text: '', assumeMinutes: true, hash: 'h' });`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const pid = await new Promise<number>((resolve) => host.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    assert.ok(alive());
    host.kill('SIGKILL');
    for (let waited = 0; alive() && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    assert.equal(alive(), false, `worker process ${pid} outlived its host`);
  });
});
