// Feeds the core WorkspaceIndex: a background scan of the workspace's Markdown files
// (files.exclude through findFiles, search.exclude applied here), then incremental
// updates from a file watcher, renames and unsaved edits of open documents. The index
// is cached in the extension's storage and keyed by content, so a second activation
// re-reads the files but parses none that did not change; the files that changed are
// parsed in the pool of worker threads, off the extension host's main thread. Files are
// read from disk, or through `workspace.fs` in virtual workspaces (fileSystem.ts).
import * as vscode from 'vscode';
import type { MinutesDocument } from '../../core/model';
import { matchesAny } from '../../core/glob';
import { WorkspaceIndex, indexHash, type IndexEntry } from '../../core/workspace/index';
import type { ConfigService } from '../config';
import { readBytes } from '../fileSystem';
import { forEachInWindow } from './window';

export const CACHE_FILE = 'workspace-index.json';
const UPDATE_DELAY = 300;
const CACHE_DELAY = 2000;
/** Files read and parsed at once during a scan, at least: kind to remote file systems. */
const READS_IN_FLIGHT = 16;
/**
 * A scan of this many files or fewer parses them here: starting worker threads (each
 * loads and compiles the bundle) took seconds on a busy machine, parsing a few files
 * milliseconds.
 */
const HOST_PARSE_FILES = 8;
const decoder = new TextDecoder('utf-8');

/** The `search.exclude` patterns that are on (`true`; conditional `when` entries are not). */
export function searchExcludes(scope?: vscode.ConfigurationScope): string[] {
  const value = vscode.workspace.getConfiguration('search', scope).get<Record<string, unknown>>('exclude') ?? {};
  return Object.entries(value).filter(([, on]) => on === true).map(([glob]) => glob);
}

export function filesExcludes(scope?: vscode.ConfigurationScope): string[] {
  const value = vscode.workspace.getConfiguration('files', scope).get<Record<string, unknown>>('exclude') ?? {};
  return Object.entries(value).filter(([, on]) => on === true).map(([glob]) => glob);
}

/** Whether a workspace-relative path or one of its folders matches an exclude glob. */
export function isExcludedPath(relative: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const parts = relative.split('/');
  for (let i = parts.length; i > 0; i--) if (matchesAny(parts.slice(0, i).join('/'), globs)) return true;
  return false;
}

/** Parses index entries off the main thread (the worker pool). */
export interface OffThread {
  entry(file: { uri: string; text: string; assumeMinutes: boolean; hash: string }): Promise<IndexEntry>;
  /** Threads it may run: the scan keeps enough files in flight to feed them all. */
  readonly size: number;
  /** Threads running now. */
  readonly threads: number;
}

/** What the last full scan did (the output channel's line, the tests and `npm run bench`). */
export interface ScanFigures {
  /** Markdown files found. */
  readonly files: number;
  /** Minutes among them. */
  readonly minutes: number;
  /** Texts parsed (not found unchanged in the index). */
  readonly parsed: number;
  /** Of those, parsed in a worker thread. */
  readonly inWorkers: number;
  /** Worker threads running at the end of the scan. */
  readonly threads: number;
  readonly ms: number;
}

export class WorkspaceIndexer implements vscode.Disposable {
  index: WorkspaceIndex;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private cacheTimer: ReturnType<typeof setTimeout> | undefined;
  private scanning: Promise<void> | undefined;
  private readonly scanned = new vscode.EventEmitter<void>();
  private readonly busy = new vscode.EventEmitter<boolean>();
  /** Fires when a full scan finished. */
  readonly onDidScan = this.scanned.event;
  /** Fires with true when a scan starts and false when it ends. */
  readonly onDidChangeBusy = this.busy.event;
  /** Set once the first scan (or the cache) gave a complete index. */
  ready = false;
  /** Where the cache was read from, and whether it held entries (for the logs and tests). */
  restoredEntries = 0;
  /** Entries the worker threads made (for the logs and tests). */
  workerEntries = 0;
  /** The last full scan, once one finished. */
  lastScan: ScanFigures | undefined;
  /** The latest read of each file being indexed: a result of an older one is dropped. */
  private readonly reads = new Map<string, number>();
  private nextRead = 1;
  private workerFailed = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    /** The project seam: which files are minutes, as the editor and the CLI decide it. */
    private readonly config: ConfigService,
    private readonly progressViewId: string,
    /** The editor's analysis of an open document, so unsaved edits are not parsed twice. */
    private readonly parsedOf: (document: vscode.TextDocument) => MinutesDocument | undefined = () => undefined,
    /** Makes index entries in other threads; without it (or when it fails) the text is parsed here. */
    private readonly offThread?: OffThread,
  ) {
    this.index = new WorkspaceIndex();
    this.disposables.push(this.scanned, this.busy);
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    const folderWatcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, true);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.schedule(uri, 0)),
      watcher.onDidChange((uri) => this.schedule(uri, 0)),
      watcher.onDidDelete((uri) => this.removed(uri)),
      // A new folder: files written into it before the OS watch on it existed raise no
      // event of their own, so the folder is searched once it appears.
      folderWatcher,
      folderWatcher.onDidCreate((uri) => void this.createdFolder(uri)),
      vscode.workspace.onDidCreateFiles((e) => e.files.forEach((uri) => void this.createdFolder(uri))),
      // A deleted folder: its files go with it.
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.removed(uri))),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const { oldUri, newUri } of e.files) {
          this.supersede(oldUri.toString());
          if (this.index.rename(oldUri.toString(), newUri.toString())) this.schedule(newUri, 0);
          else this.rescanUnder(oldUri, newUri);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.wanted(e.document.uri)) this.schedule(e.document.uri, UPDATE_DELAY);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.isDirty && this.wanted(d.uri)) this.schedule(d.uri, 0);
      }),
      // Closing an unsaved document drops its edits: back to the text on disk.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.wanted(d.uri)) this.schedule(d.uri, 0);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
      // A project file's `files` globs decide which files are minutes.
      config.onDidChangeProjectFiles(() => void this.rescan()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('justera.files') || e.affectsConfiguration('files.exclude') || e.affectsConfiguration('search.exclude')) void this.rescan();
      }),
    );
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    if (this.cacheTimer) {
      clearTimeout(this.cacheTimer);
      void this.writeCache();
    }
    for (const d of this.disposables) d.dispose();
  }

  /** Restores the cache, then scans in the background (activation does not wait for this). */
  start(): Promise<void> {
    this.scanning = (async () => {
      const cached = await this.readCache();
      if (cached) {
        const restored = WorkspaceIndex.restore(cached);
        restored.fullScans = this.index.fullScans;
        this.index = restored;
        this.restoredEntries = restored.uris().length;
        this.listenIndex();
      } else this.listenIndex();
      await this.scanWithProgress();
    })().catch((e) => this.output.error(`workspace index: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
    return this.scanning;
  }

  /** Resolves when the running scan (if any) is done. */
  whenReady(): Promise<void> {
    return this.scanning ?? Promise.resolve();
  }

  private indexUnsubscribe?: () => void;
  private readonly indexChanged = new vscode.EventEmitter<readonly string[]>();
  /** Fires with the URIs whose entries changed (in the current index object). */
  readonly onDidChangeIndex = this.indexChanged.event;

  private listenIndex(): void {
    this.indexUnsubscribe?.();
    this.indexUnsubscribe = this.index.onDidChange((c) => {
      this.indexChanged.fire(c.uris);
      this.scheduleCache();
    });
    this.disposables.push({ dispose: () => this.indexUnsubscribe?.() }, this.indexChanged);
  }

  /** A full scan again (refresh command, settings changed). */
  rescan(): Promise<void> {
    const previous = this.scanning ?? Promise.resolve();
    this.scanning = previous.then(() => this.scanWithProgress());
    return this.scanning;
  }

  private scanWithProgress(): Promise<void> {
    return Promise.resolve(
      vscode.window.withProgress({ location: { viewId: this.progressViewId } }, () => this.scan()),
    );
  }

  private async scan(): Promise<void> {
    const started = Date.now();
    this.busy.fire(true);
    const index = this.index;
    index.beginFullScan();
    // This scan's own work (edits and file events go on meanwhile).
    let parsed = 0;
    let inWorkers = 0;
    try {
      const found = await vscode.workspace.findFiles('**/*.md', undefined);
      const files = found.filter((uri) => this.wanted(uri));
      const seen = new Set(files.map((u) => u.toString()));
      // One change event when the scan is done, whatever order the threads finish in.
      await index.batchAsync(async () => {
        index.retain((uri) => seen.has(uri));
        const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
        // A sliding window: a bounded number of files in flight (read, then parsed in the
        // pool), the next one started as soon as one is done. Enough to keep every thread
        // fed, with a file waiting in each one's queue.
        const window = Math.max(READS_IN_FLIGHT, 4 * (this.offThread?.size ?? 1));
        const here = files.length <= HOST_PARSE_FILES;
        await forEachInWindow(files, window, async (uri) => {
          const how = await this.load(uri, open.get(uri.toString()), here);
          if (how === 'worker') inWorkers++;
          if (how === 'worker' || how === 'here') parsed++;
        });
      });
      this.ready = true;
      const figures: ScanFigures = {
        files: files.length,
        minutes: index.entries().length,
        parsed,
        inWorkers,
        threads: this.offThread?.threads ?? 0,
        ms: Date.now() - started,
      };
      this.lastScan = figures;
      this.output.info(
        `Workspace index: ${figures.minutes} minutes in ${figures.files} Markdown files, ${figures.parsed} parsed (${figures.inWorkers} in ${figures.threads} worker thread${figures.threads === 1 ? '' : 's'}), ${figures.ms} ms`,
      );
      await this.writeCache();
    } finally {
      this.busy.fire(false);
      this.scanned.fire();
    }
  }

  /**
   * Reads one file (or its open document) into the index, parsed in the pool unless
   * `here`; says where its text was parsed, if it was.
   */
  private async load(uri: vscode.Uri, document?: vscode.TextDocument, here = false): Promise<'worker' | 'here' | 'not parsed'> {
    const key = uri.toString();
    const assumeMinutes = await this.matchesFiles(uri);
    const doc = document ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    let text: string;
    if (doc && !doc.isClosed) text = doc.getText();
    else {
      try {
        text = decoder.decode(await readBytes(uri));
      } catch {
        this.index.remove(key);
        return 'not parsed';
      }
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const parsed = doc && !doc.isClosed ? this.parsedOf(doc) : undefined;
    // Hashed once here; the index and the worker take it as it is.
    const hash = indexHash(text, assumeMinutes);
    const options = { assumeMinutes, hash, ...(parsed ? { parsed } : {}) };
    const read = this.nextRead++;
    this.reads.set(key, read);
    if (parsed || here || !this.offThread || this.workerFailed || !this.index.isStale(key, text, options)) {
      this.reads.delete(key);
      const changed = this.index.update(key, text, options);
      this.reportError(key);
      return changed && !parsed ? 'here' : 'not parsed';
    }
    let entry: IndexEntry | undefined;
    try {
      entry = await this.offThread.entry({ uri: key, text, assumeMinutes, hash });
      this.workerEntries++;
    } catch (e) {
      // Several files were in flight: say it once.
      if (!this.workerFailed) this.output.warn(`workspace index: a worker thread failed (${e instanceof Error ? e.message : String(e)}); files are parsed on the main thread`);
      this.workerFailed = true;
    }
    // A later read of the file (or its removal) went on meanwhile: that one counts.
    if (this.reads.get(key) !== read) return 'not parsed';
    this.reads.delete(key);
    const changed = entry ? this.index.put(entry) : this.index.update(key, text, options);
    this.reportError(key);
    return !changed ? 'not parsed' : entry ? 'worker' : 'here';
  }

  /** A file the index could not read (a bug) is logged, not left out in silence. */
  private reportError(key: string): void {
    const error = this.index.get(key)?.error;
    if (error) this.output.error(`workspace index: ${key} was left out: ${error}`);
  }

  /** Results of reads still running for these files (or everything under a folder) are dropped. */
  private supersede(key: string): void {
    for (const k of this.reads.keys()) if (k === key || k.startsWith(key.endsWith('/') ? key : `${key}/`)) this.reads.delete(k);
  }

  /** Markdown in a workspace folder, not excluded by files.exclude or search.exclude. */
  wanted(uri: vscode.Uri): boolean {
    if (!/\.md$/i.test(uri.path)) return false;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const relative = vscode.workspace.asRelativePath(uri, false);
    return !isExcludedPath(relative, [...filesExcludes(folder), ...searchExcludes(folder)]);
  }

  /** DIALECT section 1, the path half: the same answer the editor and the CLI get from the project seam. */
  async matchesFiles(uri: vscode.Uri): Promise<boolean> {
    return (await this.config.forUriLoaded(uri)).assumeMinutes;
  }

  private schedule(uri: vscode.Uri, delay: number): void {
    if (!this.wanted(uri)) return;
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.load(uri).catch((e) => this.output.error(`workspace index: ${String(e)}`));
      }, delay),
    );
  }

  private removed(uri: vscode.Uri): void {
    const key = uri.toString();
    // Still open with unsaved edits: it lives on in the editor.
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && d.isDirty)) return;
    this.supersede(key);
    if (!this.index.remove(key)) this.index.removeUnder(key);
  }

  /** A renamed folder: move what was under it by re-reading the new folder. */
  private async createdFolder(uri: vscode.Uri): Promise<void> {
    // Cheap filters first: this sees every file created in the workspace.
    if (/\.[^/]*$/.test(uri.path) || !this.wanted(vscode.Uri.joinPath(uri, 'x.md'))) return;
    try {
      if (((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) === 0) return;
    } catch {
      return; // gone again
    }
    for (const file of await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.md'), undefined)) {
      if (this.wanted(file)) this.schedule(file, 0);
    }
  }

  private rescanUnder(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    const n = this.index.removeUnder(oldUri.toString());
    if (n === 0) return;
    void vscode.workspace.findFiles(new vscode.RelativePattern(newUri, '**/*.md'), undefined).then((uris) => {
      for (const uri of uris) this.schedule(uri, 0);
    });
  }

  // -------------------------------------------------------------------------
  // Cache

  /** Where the index is cached (the workspace's storage, else the global one). */
  cacheUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.context.storageUri ?? this.context.globalStorageUri, CACHE_FILE);
  }

  private async readCache(): Promise<string | undefined> {
    try {
      return decoder.decode(await vscode.workspace.fs.readFile(this.cacheUri()));
    } catch {
      return undefined;
    }
  }

  private scheduleCache(): void {
    if (!this.ready) return;
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => {
      this.cacheTimer = undefined;
      void this.writeCache();
    }, CACHE_DELAY);
  }

  async writeCache(): Promise<void> {
    try {
      const uri = this.cacheUri();
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(this.index.serialize()));
    } catch (e) {
      this.output.warn(`Workspace index: cannot write the cache: ${String(e)}`);
    }
  }
}
