// Client of the worker threads (dist/worker.js): a pool sized to the machine, started
// as work arrives and stopped when idle. The workspace index spreads a scan over every
// thread; the first analysis of a large document goes before queued index work.
import * as vscode from 'vscode';
import type { Finding } from '../core/lint/types';
import type { MinutesDocument } from '../core/model';
import type { CachedSection } from '../core/analysis';
import type { IndexEntry } from '../core/workspace/index';
import type { AnalyzeRequest, IndexFileReply, IndexFileRequest, IndexRequest } from './worker';
import { WorkerPool, poolSize } from './workerPool';

export interface WorkerResult {
  readonly doc: MinutesDocument;
  readonly findings: Finding[];
  readonly sections: CachedSection[];
  /** Rules that threw during the analysis (their findings are missing). */
  readonly ruleErrors: readonly { readonly code: string; readonly message: string }[];
}

/** Documents from this size (UTF-16 code units) get their first analysis in the worker. */
export const WORKER_THRESHOLD = 1_000_000;

const IDLE_MS = 30_000;

/** Threads of the pool: the cores this process may use; `JUSTERA_WORKER_THREADS` overrides (benchmarks, tests). */
function threadsForMachine(): number {
  const os = require('node:os') as typeof import('node:os');
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return poolSize(cores, process.env.JUSTERA_WORKER_THREADS);
}

export class AnalysisWorker implements vscode.Disposable {
  readonly pool: WorkerPool;

  constructor(extensionUri: vscode.Uri) {
    const script = vscode.Uri.joinPath(extensionUri, 'dist', 'worker.js').fsPath;
    this.pool = new WorkerPool({
      size: threadsForMachine(),
      idleMs: IDLE_MS,
      spawn: () => {
        // Required lazily: the module exists only in a Node extension host.
        const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
        return new Worker(script);
      },
    });
  }

  /** Threads the pool may run. */
  get size(): number {
    return this.pool.size;
  }

  /** The first full analysis of a document (before any queued index work). */
  analyze(request: Omit<AnalyzeRequest, 'kind'>): Promise<WorkerResult> {
    return this.pool.submit<WorkerResult>({ kind: 'analyze', ...request }, true);
  }

  /** The workspace index entry of a file's text. */
  async indexEntry(request: Omit<IndexRequest, 'kind'>): Promise<IndexEntry> {
    return (await this.pool.submit<{ entry: IndexEntry }>({ kind: 'index', ...request })).entry;
  }

  /** A file read, hashed and indexed in a thread; `unreadable` when it could not be read there. */
  indexFile(request: Omit<IndexFileRequest, 'kind'>): Promise<IndexFileReply> {
    return this.pool.submit<IndexFileReply>({ kind: 'index-file', ...request });
  }

  /** Starts the threads ahead of a scan of many files. */
  warm(): void {
    this.pool.prestart();
  }

  dispose(): void {
    this.pool.dispose();
  }
}
