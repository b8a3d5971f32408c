// The pool's workers as child processes (dist/worker.js run by Node), where the extension
// host is Node. Node gives every process four V8 helper threads; in the extension host
// they competed with the pool on a 2-core machine, and a worker in a process of its own,
// started with one helper, indexed the 2,000-file archive about a tenth faster than a
// worker thread (bench/extensionIndex.mjs, interleaved rounds). No vscode import.
import type { ChildProcess } from 'node:child_process';
import type { PoolThread } from './workerPool';

/** Node's options for a worker process: one V8 helper thread (GC, compilation) beside its one thread of work. */
export const WORKER_PROCESS_FLAGS: readonly string[] = ['--v8-pool-size=1'];

/** The end of a failed process's stderr that is kept for its error message. */
const STDERR_KEPT = 2000;

/**
 * Starts `script` as a worker process. Messages go both ways by structured clone, as they
 * do to a thread. It is stopped by `terminate`, and stops itself when the extension host's
 * end of the channel closes (worker.ts).
 */
export function spawnWorkerProcess(script: string, flags: readonly string[] = WORKER_PROCESS_FLAGS): PoolThread {
  // Required lazily: the module exists only in a Node extension host.
  const { fork } = require('node:child_process') as typeof import('node:child_process');
  const child = fork(script, [], {
    // Not the extension host's own options (an inspector port, say): these alone.
    execArgv: [...flags],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // Electron's executable runs as Node with this; Node ignores it.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  return new WorkerProcess(child);
}

class WorkerProcess implements PoolThread {
  private stderr = '';
  private readonly errorListeners: ((e: Error) => void)[] = [];

  constructor(private readonly child: ChildProcess) {
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      this.stderr = (this.stderr + text).slice(-STDERR_KEPT);
    });
    child.on('error', (e) => this.errorListeners.forEach((l) => l(e)));
    // After stderr is read to its end: why it stopped, in its own words.
    child.on('close', (code, signal) => {
      const why = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
      const said = this.stderr.trim().split('\n').slice(-3).join(' | ');
      const error = new Error(`the worker process ${why}${said ? `: ${said}` : ''}`);
      this.errorListeners.forEach((l) => l(error));
    });
  }

  postMessage(message: unknown): void {
    this.child.send(message as object);
  }

  on(event: 'message', listener: (message: any) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  on(event: 'message' | 'error' | 'exit', listener: (arg: any) => void): unknown {
    if (event === 'error') this.errorListeners.push(listener);
    // 'close' (above) tells the pool, with the reason; 'exit' comes before stderr is read.
    else if (event === 'message') this.child.on('message', listener);
    return this;
  }

  terminate(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}
