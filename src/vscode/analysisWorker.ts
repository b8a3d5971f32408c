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

type Pending = Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>;

export class AnalysisWorker implements vscode.Disposable {
  /** The running worker and the requests it owes an answer: a stopped one's exit concerns only its own. */
  private current: { readonly worker: NodeWorker; readonly pending: Pending } | undefined;
  private nextId = 1;
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
    const { worker, pending } = this.start();
    const id = this.nextId++;
    if (this.idle) clearTimeout(this.idle);
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  }

  private start(): { readonly worker: NodeWorker; readonly pending: Pending } {
    if (this.current) return this.current;
    // Required lazily: the module exists only in a Node extension host.
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    const worker = new Worker(vscode.Uri.joinPath(this.extensionUri, 'dist', 'worker.js').fsPath);
    const pending: Pending = new Map();
    const current = { worker, pending };
    worker.on('message', (msg: { id: number; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg);
      if (pending.size === 0 && this.current === current) {
        if (this.idle) clearTimeout(this.idle);
        this.idle = setTimeout(() => this.stop(), IDLE_MS);
      }
    });
    const fail = (e: Error) => {
      if (this.current === current) this.current = undefined;
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('analysis worker exited')));
    this.current = current;
    return current;
  }

  /** Stops the worker when idle; a request after this starts a new one. */
  private stop(): void {
    const current = this.current;
    this.current = undefined;
    void current?.worker.terminate();
  }

  dispose(): void {
    if (this.idle) clearTimeout(this.idle);
    this.stop();
  }
}
