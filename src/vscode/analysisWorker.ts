// Client of the worker thread (dist/worker.js). One worker, started on first use and
// stopped when idle; requests are answered in order.
import * as vscode from 'vscode';
import type { Worker as NodeWorker } from 'node:worker_threads';
import type { Finding } from '../core/lint/types';
import type { MinutesDocument } from '../core/model';
import type { CachedSection } from '../core/analysis';
import type { IndexEntry } from '../core/workspace/index';
import type { AnalyzeRequest, IndexRequest, WorkerRequest } from './worker';

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

export class AnalysisWorker implements vscode.Disposable {
  private worker: NodeWorker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The first full analysis of a document. */
  analyze(request: Omit<AnalyzeRequest, 'kind'>): Promise<WorkerResult> {
    return this.request<WorkerResult>({ kind: 'analyze', ...request });
  }

  /** The workspace index entry of a file's text. */
  async indexEntry(request: Omit<IndexRequest, 'kind'>): Promise<IndexEntry> {
    return (await this.request<{ entry: IndexEntry }>({ kind: 'index', ...request })).entry;
  }

  private request<T>(request: WorkerRequest): Promise<T> {
    const worker = this.start();
    const id = this.nextId++;
    if (this.idle) clearTimeout(this.idle);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  }

  private start(): NodeWorker {
    if (this.worker) return this.worker;
    // Required lazily: the module exists only in a Node extension host.
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    const worker = new Worker(vscode.Uri.joinPath(this.extensionUri, 'dist', 'worker.js').fsPath);
    worker.on('message', (msg: { id: number; error?: string }) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg);
      if (this.pending.size === 0) this.idle = setTimeout(() => this.stop(), IDLE_MS);
    });
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', () => this.fail(new Error('analysis worker exited')));
    this.worker = worker;
    return worker;
  }

  private fail(e: Error): void {
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private stop(): void {
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }

  dispose(): void {
    if (this.idle) clearTimeout(this.idle);
    this.stop();
    this.fail(new Error('disposed'));
  }
}
