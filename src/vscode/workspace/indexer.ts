// Feeds the core WorkspaceIndex: a background scan of the workspace's Markdown files
// (without those files.exclude and search.exclude leave out), then incremental
// updates from a file watcher, renames and unsaved edits of open documents. Folders
// created, deleted or renamed outside VS Code arrive as one event for the folder (the
// watcher reports neither the files of a folder written at once nor those of a deleted
// one), so a folder's event is answered by a search of it or by dropping what was under
// it; a later event always wins over work begun before it (PathClock). The index
// is cached in the extension's storage and keyed by content, so a second activation
// re-reads the files but parses none that did not change; the files that changed are
// parsed in the pool of worker threads, off the extension host's main thread. Files are
// read from disk, or through `workspace.fs` in virtual workspaces (fileSystem.ts).
import * as vscode from 'vscode';
import type { MinutesDocument } from '../../core/model';
import { matchesAny } from '../../core/glob';
import { WorkspaceIndex, indexHash, type IndexEntry } from '../../core/workspace/index';
import { PathClock, PendingFolders, containing, folderKey, isSameOrUnder, isUnder } from '../../core/workspace/paths';
import type { ConfigService } from '../config';
import { textOfBytes } from '../decode';
import { readBytes, typeOf } from '../fileSystem';
import type { IndexFileReply } from '../worker';
import { markdownUnder } from './walk';
import { forEachInWindow, stepProgress } from './window';

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
/** The scan's progress bar moves in this many steps (every 5 %). */
const PROGRESS_STEPS = 20;
/** Created folders gathered before they are searched (a checkout reports many at once). */
const FOLDER_BURST_DELAY = 50;
/**
 * A new folder is searched again this long after each search, until one finds nothing
 * new: a checkout or unzip may still be writing into a subfolder that was made with it
 * and that the OS watcher never watched, so those files raise no event of their own.
 */
const SETTLE_DELAY = 1000;
/** Searches again at most this many times (a folder written into for good stops being followed). */
const SETTLE_ROUNDS = 30;

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
  /** A file on disk read, hashed and (unless its hash is `known`) indexed in a thread. */
  file(file: { uri: string; path: string; assumeMinutes: boolean; known?: string }): Promise<IndexFileReply>;
  /** Starts the threads now: a scan found more files than it parses here. */
  warm(): void;
  /** Threads it may run: the scan keeps enough files in flight to feed them all. */
  readonly size: number;
  /** Threads running now. */
  readonly threads: number;
}

/** What `load` did with a file: whether a worker thread read it, and where it was parsed if it changed. */
interface Loaded {
  readonly readInWorker: boolean;
  readonly parsed?: 'here' | 'worker';
}

const READ_HERE: Loaded = { readInWorker: false };
const READ_IN_WORKER: Loaded = { readInWorker: true };

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
  /** Files read and hashed in a worker thread (parsed there too unless unchanged). */
  readonly readInWorkers: number;
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
  /** Events and reads of files and folders: the result of work begun before a later event is dropped. */
  private readonly clock = new PathClock();
  /** files.exclude and search.exclude of each workspace folder (read for every file of a scan), until either changes. */
  private readonly excludes = new Map<string, string[]>();
  /** Created (or replaced) folders waiting to be searched, gathered over a burst of events. */
  private readonly pendingFolders = new PendingFolders();
  private folderTimer: ReturnType<typeof setTimeout> | undefined;
  /** New folders searched again until a search finds nothing new, by folder URI. */
  private readonly settling = new Map<string, Settling>();
  /** Full scans asked for and not done: a followed folder waits for them (they read every file). */
  private scansPending = 0;
  /** Deleted paths whose entries go in one batch (one change event for a burst). */
  private pendingDeletes: string[] = [];
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
    // Every path, not only `*.md`: a folder's creation, deletion or replacement (the
    // watcher reports a folder deleted and made again as a change) stands for its files.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.created(uri)),
      watcher.onDidChange((uri) => this.changed(uri)),
      watcher.onDidDelete((uri) => this.deleted(uri)),
      vscode.workspace.onDidCreateFiles((e) => e.files.forEach((uri) => this.created(uri))),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.deleted(uri))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri, newUri }) => this.renamed(oldUri, newUri))),
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
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.excludes.clear();
        void this.rescan();
      }),
      // A project file's `files` globs decide which files are minutes.
      config.onDidChangeProjectFiles(() => void this.rescan()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        const excludes = e.affectsConfiguration('files.exclude') || e.affectsConfiguration('search.exclude');
        if (excludes) this.excludes.clear();
        // The walk follows symbolic links as search.followSymlinks says.
        if (excludes || e.affectsConfiguration('search.followSymlinks') || e.affectsConfiguration('justera.files')) void this.rescan();
      }),
    );
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    clearTimeout(this.folderTimer);
    for (const s of this.settling.values()) clearTimeout(s.timer);
    this.settling.clear();
    if (this.cacheTimer) {
      clearTimeout(this.cacheTimer);
      void this.writeCache();
    }
    for (const d of this.disposables) d.dispose();
  }

  /** Restores the cache, then scans in the background (activation does not wait for this). */
  start(): Promise<void> {
    this.scansPending++;
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
    })()
      .catch((e) => this.output.error(`workspace index: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`))
      .finally(() => this.scansPending--);
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
    this.scansPending++;
    this.scanning = previous.then(() => this.scanWithProgress()).finally(() => this.scansPending--);
    return this.scanning;
  }

  private scanWithProgress(): Promise<void> {
    return Promise.resolve(
      vscode.window.withProgress({ location: { viewId: this.progressViewId } }, (progress) => this.scan(progress)),
    );
  }

  private scan(progress?: vscode.Progress<{ increment?: number }>): Promise<void> {
    return this.clock.run(() => this.scanRunning(progress));
  }

  /** A full scan; `progress` moves in steps once the files are found. */
  private async scanRunning(progress?: vscode.Progress<{ increment?: number }>): Promise<void> {
    const started = Date.now();
    const since = this.clock.now();
    this.busy.fire(true);
    const index = this.index;
    index.beginFullScan();
    // This scan's own work (edits and file events go on meanwhile).
    let parsed = 0;
    let inWorkers = 0;
    let readInWorkers = 0;
    try {
      // The threads start while the search goes on, once it is clear they will be needed.
      let count = 0;
      const files = await this.markdownFiles(undefined, () => {
        if (++count === HOST_PARSE_FILES + 1 && !this.workerFailed) this.offThread?.warm();
      });
      const seen = new Set(files.map((u) => u.toString()));
      // One change event when the scan is done, whatever order the threads finish in.
      await index.batchAsync(async () => {
        // A file created after the search began is not dropped: its event brought it in.
        index.retain((uri) => seen.has(uri) || this.clock.touchedSince(uri, since));
        const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
        const here = files.length <= HOST_PARSE_FILES;
        const fileDone = stepProgress(files.length, PROGRESS_STEPS, (increment) => progress?.report({ increment }));
        await forEachInWindow(files, this.window(), async (uri) => {
          const how = await this.load(uri, open.get(uri.toString()), here);
          fileDone();
          if (how.parsed) parsed++;
          if (how.parsed === 'worker') inWorkers++;
          if (how.readInWorker) readInWorkers++;
        });
      });
      this.ready = true;
      const figures: ScanFigures = {
        files: files.length,
        minutes: index.entries().length,
        parsed,
        inWorkers,
        readInWorkers,
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
   * Files read at once: a sliding window, the next one started as soon as one is done.
   * Enough to keep every thread of the pool fed, with a file waiting in each one's queue.
   */
  private window(): number {
    return Math.max(READS_IN_FLIGHT, 4 * (this.offThread?.size ?? 1));
  }

  /**
   * Reads one file (or its open document) into the index, parsed in the pool unless
   * `here`; says where its text was read and, if it was parsed, where. A later event of the
   * file or a folder above it (or a later read of it) makes this read stale: its result is
   * dropped. A closed file on disk is read in the thread that parses it.
   */
  private load(uri: vscode.Uri, document?: vscode.TextDocument, here = false): Promise<Loaded> {
    return this.clock.run(async () => {
      const key = uri.toString();
      const started = this.clock.touch(key);
      const stale = () => this.clock.touchedSince(key, started);
      const assumeMinutes = await this.matchesFiles(uri);
      const doc = document ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      const open = !!doc && !doc.isClosed;
      if (!open && !here && uri.scheme === 'file' && this.offThread && !this.workerFailed) {
        const loaded = await this.loadInThread(this.offThread, uri, assumeMinutes, stale);
        if (loaded) return loaded;
        // The thread failed: read and parsed here, below.
      }
      let text: string;
      if (open) text = doc.getText();
      else {
        try {
          text = textOfBytes(await readBytes(uri));
        } catch {
          if (!stale()) this.index.remove(key);
          return READ_HERE;
        }
      }
      if (stale()) return READ_HERE;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const parsed = open ? this.parsedOf(doc) : undefined;
      // Hashed once here; the index and the worker take it as it is.
      const hash = indexHash(text, assumeMinutes);
      const options = { assumeMinutes, hash, ...(parsed ? { parsed } : {}) };
      if (parsed || here || !this.offThread || this.workerFailed || !this.index.isStale(key, text, options)) {
        const changed = this.index.update(key, text, options);
        this.reportError(key);
        return changed && !parsed ? { readInWorker: false, parsed: 'here' } : READ_HERE;
      }
      let entry: IndexEntry | undefined;
      try {
        entry = await this.offThread.entry({ uri: key, text, assumeMinutes, hash });
        this.workerEntries++;
      } catch (e) {
        this.threadFailed(e);
      }
      if (stale()) return READ_HERE;
      const changed = entry ? this.index.put(entry) : this.index.update(key, text, options);
      this.reportError(key);
      return !changed ? READ_HERE : { readInWorker: false, parsed: entry ? 'worker' : 'here' };
    });
  }

  /** A closed file read, hashed and (if it changed) parsed in a thread; undefined when the thread failed. */
  private async loadInThread(offThread: OffThread, uri: vscode.Uri, assumeMinutes: boolean, stale: () => boolean): Promise<Loaded | undefined> {
    const key = uri.toString();
    let reply: IndexFileReply;
    try {
      reply = await offThread.file({ uri: key, path: uri.fsPath, assumeMinutes, known: this.index.hashOf(key) });
    } catch (e) {
      this.threadFailed(e);
      return undefined;
    }
    if (stale() || 'unchanged' in reply) return READ_IN_WORKER;
    if ('unreadable' in reply) {
      this.index.remove(key);
      return READ_IN_WORKER;
    }
    this.workerEntries++;
    const changed = this.index.put(reply.entry);
    this.reportError(key);
    return changed ? { readInWorker: true, parsed: 'worker' } : READ_IN_WORKER;
  }

  /** From the first failure of a worker thread on, files are read and parsed on this thread. */
  private threadFailed(e: unknown): void {
    // Several files were in flight: say it once.
    if (!this.workerFailed) this.output.warn(`workspace index: a worker thread failed (${e instanceof Error ? e.message : String(e)}); files are parsed on the main thread`);
    this.workerFailed = true;
  }

  /** A file the index could not read (a bug) is logged, not left out in silence. */
  private reportError(key: string): void {
    const error = this.index.get(key)?.error;
    if (error) this.output.error(`workspace index: ${key} was left out: ${error}`);
  }

  /** Markdown in a workspace folder, not excluded by files.exclude or search.exclude. */
  wanted(uri: vscode.Uri): boolean {
    if (!/\.md$/i.test(uri.path)) return false;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    return !isExcludedPath(vscode.workspace.asRelativePath(uri, false), this.excludeGlobs(folder));
  }

  private excludeGlobs(folder: vscode.WorkspaceFolder): string[] {
    const key = folder.uri.toString();
    let globs = this.excludes.get(key);
    if (!globs) this.excludes.set(key, (globs = [...filesExcludes(folder), ...searchExcludes(folder)]));
    return globs;
  }

  /**
   * The wanted Markdown files of the workspace, or of those under `under`. Folders on disk
   * are walked here (see walk.ts), each file with the excludes of its innermost workspace
   * folder; others are searched through the workbench.
   */
  private async markdownFiles(under?: vscode.Uri, onFile?: () => void): Promise<vscode.Uri[]> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const found = new Map<string, vscode.Uri>();
    const add = (uri: vscode.Uri) => {
      found.set(uri.toString(), uri);
      onFile?.();
    };
    await Promise.all(
      folders.map(async (folder) => {
        const root = folder.uri;
        // Where this folder's part of the search begins, if it has one.
        const start = !under ? root : isSameOrUnder(under.toString(), root.toString()) ? under : isUnder(root.toString(), under.toString()) ? root : undefined;
        if (!start) return;
        if (root.scheme !== 'file') {
          for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(start, '**/*.md'), undefined)) if (this.wanted(uri)) add(uri);
          return;
        }
        const nested = folders.filter((f) => f !== folder && f.uri.scheme === 'file' && isUnder(f.uri.toString(), root.toString()));
        // Inside a nested workspace folder: that folder's own walk finds these.
        if (nested.some((f) => isSameOrUnder(start.toString(), f.uri.toString()))) return;
        const globs = this.excludeGlobs(folder);
        const below = start.path.slice(root.path.length).replace(/^\/+/, '');
        if (below !== '' && isExcludedPath(below, globs)) return;
        await markdownUnder(root.fsPath, start.fsPath, {
          excluded: (path) => matchesAny(path, globs),
          skip: new Set(nested.map((f) => f.uri.fsPath)),
          followLinks: vscode.workspace.getConfiguration('search', folder).get<boolean>('followSymlinks', true),
          onFile: (path) => add(vscode.Uri.joinPath(root, path)),
        });
      }),
    );
    return [...found.values()];
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

  // -------------------------------------------------------------------------
  // File events

  /** A file or folder appeared: a Markdown file is read, anything else may be a folder to search. */
  private created(uri: vscode.Uri): void {
    const key = uri.toString();
    this.noteActivity(key);
    if (/\.md$/i.test(uri.path)) {
      // Its folder's search, pending, reads it anyway.
      if (!this.pendingFolders.covers(key)) this.schedule(uri, 0);
      return;
    }
    // Excluded, outside the workspace, or a workspace folder itself (scanned when it is added).
    if (!this.wanted(vscode.Uri.joinPath(uri, 'x.md')) || vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === key) return;
    // Work in flight under this path began before it was made (again): stale.
    this.clock.touch(key);
    this.pendingFolders.add(key);
    this.folderTimer ??= setTimeout(() => {
      this.folderTimer = undefined;
      void this.searchPendingFolders();
    }, FOLDER_BURST_DELAY);
  }

  /**
   * A changed file is read again. A "changed" folder was deleted and made again within
   * one burst (the watcher merges the two): searched like a new one. Other files change
   * all the time (builds, saves), so a path with an extension counts as a folder only when
   * the index has entries under it.
   */
  private changed(uri: vscode.Uri): void {
    const key = uri.toString();
    if (/\.md$/i.test(uri.path)) {
      this.noteActivity(key);
      this.schedule(uri, 0);
    } else if (!/\.[^/]*$/.test(uri.path) || this.index.hasUnder(key)) this.created(uri);
  }

  /** A file or folder is gone: its entry and every entry under it go (the watcher reports a deleted folder alone). */
  private deleted(uri: vscode.Uri): void {
    const key = uri.toString();
    // Still open with unsaved edits: it lives on in the editor.
    if (this.dirtyUris().has(key)) return;
    // Now, not in the batch: a creation right after this deletion must not be undone.
    this.clock.touch(key);
    for (const [k, t] of this.timers) if (isSameOrUnder(k, key)) (clearTimeout(t), this.timers.delete(k));
    this.pendingFolders.dropUnder(key);
    for (const k of [...this.settling.keys()]) if (isSameOrUnder(k, key)) this.stopSettling(k);
    this.noteActivity(key);
    if (this.pendingDeletes.push(key) > 1) return;
    // The rest of this burst of events (fired together) joins the batch.
    queueMicrotask(() => {
      const keys = this.pendingDeletes;
      this.pendingDeletes = [];
      const dirty = this.dirtyUris();
      this.index.batch(() => {
        for (const k of keys) {
          this.index.remove(k);
          this.index.removeUnder(k, (u) => dirty.has(u));
        }
      });
    });
  }

  /** Renamed in VS Code: a file's entry moves (read again, parsed only if it changed); a folder is deleted and searched. */
  private renamed(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    const from = oldUri.toString();
    if (this.index.has(from) && this.wanted(newUri)) {
      this.clock.touch(from);
      this.index.rename(from, newUri.toString());
      this.schedule(newUri, 0);
      return;
    }
    this.deleted(oldUri);
    this.created(newUri);
  }

  /** Searches the folders created in the last burst of events, the outermost ones, and follows each until it settles. */
  private async searchPendingFolders(): Promise<void> {
    await forEachInWindow(this.pendingFolders.take(), READS_IN_FLIGHT, async (key) => {
      const uri = vscode.Uri.parse(key);
      const type = await typeOf(uri);
      // A file: nothing under it.
      if (type !== undefined && (type & vscode.FileType.Directory) === 0) return;
      try {
        // Gone again (its deletion may come late or not at all): nothing stays under it.
        await this.searchFolder(uri, 'all', false, type !== undefined);
      } catch (e) {
        this.output.error(`workspace index: cannot search ${key}: ${String(e)}`);
      }
      if (type === undefined) return;
      // Under a folder already followed (or that one again): followed with it.
      const outer = containing(this.settling.keys(), key);
      if (outer) this.settling.get(outer)!.busy = true;
      else this.settle(uri);
    });
  }

  private async isFolder(uri: vscode.Uri): Promise<boolean> {
    return (((await typeOf(uri)) ?? 0) & vscode.FileType.Directory) !== 0;
  }

  /**
   * Makes the index under a folder match a search of it (the same excludes as the full
   * scan): entries of files not found go, the files found are read (`all`, or only the
   * ones not indexed yet). Files and folders with a later event of their own are left to
   * it, and with `behindScans` files are left to a full scan asked for meanwhile. No folder
   * there (`exists` false when the caller knows): every entry under it goes. Returns the
   * number of entries that changed.
   */
  private searchFolder(folder: vscode.Uri, read: 'all' | 'new', behindScans = false, exists?: boolean): Promise<number> {
    const key = folderKey(folder.toString());
    return this.clock.run(async () => {
      const since = this.clock.now();
      // Not a folder (any more): no file under it.
      const found = !(exists ?? (await this.isFolder(folder)))
        ? []
        : await this.markdownFiles(folder);
      // Deleted or made again meanwhile: that event's own work counts.
      if (this.clock.touchedSince(key, since)) return 0;
      if (found.length === 0 && !this.index.hasUnder(key)) return 0;
      const seen = new Set(found.map((u) => u.toString()));
      const dirty = this.dirtyUris();
      let changes = 0;
      await this.index.batchAsync(async () => {
        changes += this.index.removeUnder(key, (u) => seen.has(u) || dirty.has(u) || this.clock.touchedSince(u, since));
        const files = read === 'all' ? found : found.filter((u) => !this.index.has(u.toString()));
        await forEachInWindow(files, this.window(), async (uri) => {
          if (this.clock.touchedSince(uri.toString(), since) || (behindScans && this.scansPending > 0)) return;
          if ((await this.load(uri)).parsed) changes++;
        });
      });
      return changes;
    });
  }

  /**
   * Follows a new folder: searched again after a pause while each search finds new files
   * or other events come from under it, then once more reading every file (one may have
   * been read before it was completely written).
   */
  private settle(folder: vscode.Uri): void {
    const key = folderKey(folder.toString());
    // Folders under it are followed with it.
    for (const k of [...this.settling.keys()]) if (isSameOrUnder(k, key)) this.stopSettling(k);
    const state: Settling = { rounds: 0, busy: false };
    this.settling.set(key, state);
    const followed = () => this.settling.get(key) === state;
    const round = async () => {
      state.timer = undefined;
      if (!followed()) return;
      // A full scan to come reads every file (with the settings of then): not twice.
      if (this.scansPending > 0) return void (state.timer = setTimeout(round, SETTLE_DELAY));
      state.rounds++;
      state.busy = false;
      try {
        const found = await this.searchFolder(folder, 'new', true);
        if (followed() && (found > 0 || state.busy) && state.rounds < SETTLE_ROUNDS) return void (state.timer = setTimeout(round, SETTLE_DELAY));
        if (followed()) await this.searchFolder(folder, 'all', true);
      } catch (e) {
        this.output.error(`workspace index: ${String(e)}`);
      }
      if (!followed()) return;
      // Something came while the last search ran: one more round.
      if (state.busy && state.rounds < SETTLE_ROUNDS) return void (state.timer = setTimeout(round, SETTLE_DELAY));
      this.settling.delete(key);
    };
    state.timer = setTimeout(round, SETTLE_DELAY);
  }

  private stopSettling(key: string): void {
    clearTimeout(this.settling.get(key)?.timer);
    this.settling.delete(key);
  }

  /** An event under a folder still followed: it is searched again. */
  private noteActivity(key: string): void {
    if (this.settling.size === 0) return;
    for (const [folder, state] of this.settling) if (isUnder(key, folder)) state.busy = true;
  }

  private dirtyUris(): Set<string> {
    return new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
  }

  // -------------------------------------------------------------------------
  // Cache

  /** Where the index is cached (the workspace's storage, else the global one). */
  cacheUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.context.storageUri ?? this.context.globalStorageUri, CACHE_FILE);
  }

  private async readCache(): Promise<string | undefined> {
    try {
      return textOfBytes(await vscode.workspace.fs.readFile(this.cacheUri()));
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

/** A new folder followed until a search of it finds nothing new. */
interface Settling {
  rounds: number;
  /** An event under it since its last search. */
  busy: boolean;
  timer?: ReturnType<typeof setTimeout>;
}
