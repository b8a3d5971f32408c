// The one analysis per document version: parse + lint once, shared by diagnostics,
// code actions, commands, the tree, symbols and folding. Linting is debounced per
// document; superseded runs are dropped by a per-document generation counter.
import * as vscode from 'vscode';
import type { Language, MinutesDocument } from '../core/model';
import { composeChanges, DocumentAnalyzer, hasLargeNewText } from '../core/analysis';
import { parseMinutes } from '../core/parser';
import type { LintOptions } from '../core/lint/engine';
import type { WorkspaceView } from '../core/workspace/view';
import type { Finding } from '../core/lint/types';
import type { ChangeRange } from '../core/sections';
import { LineIndex } from '../core/text';
import { AnalysisWorker, WORKER_THRESHOLD } from './analysisWorker';
import type { ConfigService, EffectiveConfig } from './config';

/** URI schemes we analyse: real files, new files and remote/virtual workspaces (not git:, output:, ...). */
export const SUPPORTED_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-vfs', 'vscode-remote'];

export interface Analysis {
  readonly uri: vscode.Uri;
  /** The `document.version` this analysis was computed for. */
  readonly version: number;
  /** The parsed document; `doc.language` follows `justera.language` when it is not `auto`. */
  readonly doc: MinutesDocument;
  /** Lint findings; empty when the document is not minutes or not lintable. */
  readonly findings: readonly Finding[];
  /** Offset ↔ position conversion for `doc.text`. */
  readonly lines: LineIndex;
  readonly config: EffectiveConfig;
  /** Set when the document is over `justera.maxFileSizeMB` and was not analysed. */
  readonly paused?: boolean;
}

export interface AnalysisChange {
  readonly document: vscode.TextDocument;
  readonly analysis: Analysis;
}

interface Cached {
  /** The document analysed: a new untitled document reuses a closed one's URI and version 1. */
  readonly document: vscode.TextDocument;
  readonly analysis: Analysis;
  readonly configGeneration: number;
}

/** The document's length without building its text (`getText()` joins every line). */
export function textLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

export function isMarkdown(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown';
}

/** Markdown in a scheme we lint (diagnostics, code actions). */
export function isLintable(document: vscode.TextDocument): boolean {
  return isMarkdown(document) && SUPPORTED_SCHEMES.includes(document.uri.scheme);
}

export class DocumentModel implements vscode.Disposable {
  private readonly cache = new Map<string, Cached>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  /** One incremental analyzer per open document. */
  private readonly analyzers = new Map<string, DocumentAnalyzer>();
  /** The version each analyzer analysed last, and that version's length. */
  private readonly analyzed = new Map<string, { readonly version: number; readonly length: number }>();
  /**
   * What changed in each document from version `from` to `to`, as the change events said
   * (undefined range: nothing, or a change that could not be followed). Told it, the
   * analyzer splits the text only around the change.
   */
  private readonly edits = new Map<string, { readonly from: number; readonly to: number; readonly range: ChangeRange | undefined; readonly broken?: boolean }>();
  private configGeneration = 0;
  private workspace: WorkspaceView | undefined;
  private readonly changed = new vscode.EventEmitter<AnalysisChange>();
  private readonly closed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The worker thread, shared with the workspace index. */
  readonly worker: AnalysisWorker;
  /** Large documents whose first analysis is running in the worker. */
  private readonly inWorker = new Map<string, Promise<void>>();
  /** Analyses the worker completed (for tests and the output channel). */
  workerAnalyses = 0;

  /** Fires (debounced per document) when a document's analysis was brought up to date. */
  readonly onDidChange = this.changed.event;
  /** Fires when a document was closed and its analysis dropped. */
  readonly onDidClose = this.closed.event;

  /** Rule failures already logged (`code: message`), so a broken rule is logged once, not per keystroke. */
  private readonly loggedFailures = new Set<string>();

  constructor(
    readonly config: ConfigService,
    extensionUri: vscode.Uri,
    private readonly log?: vscode.LogOutputChannel,
  ) {
    this.worker = new AnalysisWorker(extensionUri);
    this.disposables.push(
      this.worker,
      this.changed,
      this.closed,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        this.followEdit(e);
        this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      config.onDidChange(() => this.refreshAll()),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.cache.clear();
    this.analyzers.clear();
    this.analyzed.clear();
    this.edits.clear();
    for (const d of this.disposables) d.dispose();
  }

  /** DIALECT section 1, the path half: does the document match the `files` globs (project file or settings)? */
  matchesFiles(document: vscode.TextDocument, config: EffectiveConfig = this.config.forDocument(document)): boolean {
    return config.assumeMinutes;
  }

  /** How this document's texts are parsed: minutes by path, the language setting (the project seam decides). */
  parseOptions(document: vscode.TextDocument, config: EffectiveConfig = this.config.forDocument(document)): { assumeMinutes: boolean; language?: Language } {
    return this.config.projectOf(document.uri).parseOptions(config.path, config);
  }

  /** Parser for this document's texts (used by fix-all to re-parse between passes). */
  parserFor(document: vscode.TextDocument, config: EffectiveConfig = this.config.forDocument(document)): (text: string) => MinutesDocument {
    const options = this.parseOptions(document, config);
    return (text) => parseMinutes(text, options);
  }

  lintOptions(config: EffectiveConfig, document?: vscode.TextDocument): LintOptions {
    const project = this.config.projectOf(document?.uri ?? vscode.Uri.file('/'));
    return project.lintOptions(config, {
      onRuleError: (code, error) => this.ruleFailed(code, error, document),
      ...(this.workspace ? { workspace: this.workspace, ...(document ? { uri: document.uri.toString() } : {}) } : {}),
    });
  }

  /**
   * Gives the rules that read other meetings (MIN022, MIN045...) the workspace index;
   * re-lints every open document. Without one those rules are skipped.
   */
  setWorkspace(view: WorkspaceView | undefined): void {
    this.workspace = view;
    this.refreshAll();
  }

  /** The analysis of the document's current version if one is cached; never computes one. */
  peek(document: vscode.TextDocument): Analysis | undefined {
    const cached = this.cache.get(document.uri.toString());
    return cached && cached.document === document && cached.analysis.version === document.version && cached.configGeneration === this.configGeneration
      ? cached.analysis
      : undefined;
  }

  /**
   * The analysis of the document's current version: cached, else computed now. A large
   * document whose analysis belongs in the worker (or one over the size limit) gets an
   * empty analysis until then, rather than blocking the editor.
   */
  get(document: vscode.TextDocument): Analysis {
    const current = this.peek(document);
    if (current) return current;
    const key = document.uri.toString();
    const config = this.config.forDocument(document);
    const size = textLength(document);
    if (size > config.maxFileSize) return this.emptyAnalysis(document, config, true);
    const change = this.changeSinceAnalysis(document);
    if (this.needsWorker(document, size, change)) return this.emptyAnalysis(document, config, false);
    const { doc, findings } = this.analyzerFor(document).analyze(document.getText(), {
      ...this.parseOptions(document, config),
      ...this.lintOptions(config, document),
      lint: isLintable(document),
      ...(change ? { change } : {}),
    });
    this.analysedAt(key, document.version, size);
    const analysis: Analysis = { uri: document.uri, version: document.version, doc, findings, lines: new LineIndex(doc.text), config };
    // Closed documents are not cached: nothing would evict them.
    if (!document.isClosed) this.cache.set(key, { document, analysis, configGeneration: this.configGeneration });
    return analysis;
  }

  /** Follows a change event: the changes since the version analysed last, as one range. */
  private followEdit(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const version = e.document.version;
    const changes = e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, newLength: c.text.length }));
    const known = this.edits.get(key);
    // The events of one document come in order, one version each; a gap breaks the chain.
    if (known && known.to === version - 1) {
      const range = known.broken ? undefined : composeChanges(changes, known.range);
      this.edits.set(key, { from: known.from, to: version, range, broken: !range });
    } else {
      const range = composeChanges(changes);
      this.edits.set(key, { from: version - 1, to: version, range, broken: !range });
    }
  }

  /** What changed since the version the document's analyzer analysed last, when that is known. */
  private changeSinceAnalysis(document: vscode.TextDocument): { start: number; end: number; newLength: number } | undefined {
    const key = document.uri.toString();
    const known = this.edits.get(key);
    if (!known || known.broken || known.to !== document.version || this.analyzed.get(key)?.version !== known.from) return undefined;
    // The same version again (the configuration changed, say): nothing changed.
    if (!known.range) return known.from === known.to ? { start: 0, end: 0, newLength: 0 } : undefined;
    return { start: known.range.start, end: known.range.oldEnd, newLength: known.range.newEnd - known.range.start };
  }

  private analysedAt(key: string, version: number, length: number): void {
    this.analyzed.set(key, { version, length });
    this.edits.set(key, { from: version, to: version, range: undefined });
  }

  private emptyAnalysis(document: vscode.TextDocument, config: EffectiveConfig, paused: boolean): Analysis {
    const doc = parseMinutes('');
    return { uri: document.uri, version: document.version, doc, findings: [], lines: new LineIndex(''), config, ...(paused ? { paused } : {}) };
  }

  /** A rule threw (a bug): its findings are missing, so say so in the log, once per failure. */
  ruleFailed(code: string, error: unknown, document?: vscode.TextDocument): void {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${code}: ${message}`;
    if (this.loggedFailures.has(key) || this.loggedFailures.size > 100) return;
    this.loggedFailures.add(key);
    const where = document ? ` on ${vscode.workspace.asRelativePath(document.uri)}` : '';
    this.log?.error(`Rule ${code} failed${where} and was skipped; please report this: ${error instanceof Error ? (error.stack ?? message) : message}`);
  }

  /** The document's analyzer; a closed document gets a throwaway one (nothing would evict it). */
  private analyzerFor(document: vscode.TextDocument): DocumentAnalyzer {
    const key = document.uri.toString();
    let analyzer = this.analyzers.get(key);
    if (!analyzer) {
      analyzer = new DocumentAnalyzer();
      if (!document.isClosed) this.analyzers.set(key, analyzer);
    }
    return analyzer;
  }

  /** A megabyte or more of text to parse (see `hasLargeNewText`): that parse belongs in the worker, not on the editor's thread. */
  private needsWorker(document: vscode.TextDocument, size: number, change = this.changeSinceAnalysis(document)): boolean {
    const key = document.uri.toString();
    const last = this.analyzed.get(key);
    return hasLargeNewText({ size, warm: !!this.analyzers.get(key)?.warm, ...(change ? { change } : {}), ...(last ? { lastSize: last.length } : {}) }, WORKER_THRESHOLD);
  }

  /**
   * A large document's full analysis in the worker (its first, or after a large paste);
   * seeds the section cache. A run scheduled while it is under way waits for the same one
   * (and then reports it).
   */
  private analyzeInWorker(document: vscode.TextDocument, key: string): Promise<void> {
    let running = this.inWorker.get(key);
    if (!running) {
      running = this.workerAnalysis(document, key).finally(() => this.inWorker.delete(key));
      this.inWorker.set(key, running);
    }
    return running;
  }

  private async workerAnalysis(document: vscode.TextDocument, key: string): Promise<void> {
    const config = this.config.forDocument(document);
    const version = document.version;
    const length = textLength(document);
    // Stamped with the configuration it ran with: a change meanwhile makes it stale.
    const configGeneration = this.configGeneration;
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Justera: checking {0}', vscode.workspace.asRelativePath(document.uri)) },
        () =>
          this.worker.analyze({
            text: document.getText(),
            ...this.parseOptions(document, config),
            lint: isLintable(document),
            rules: [...config.rules.settings],
          }),
      );
      this.workerAnalyses++;
      for (const e of result.ruleErrors) this.ruleFailed(e.code, e.message, document);
      if (document.isClosed) return;
      // A fresh analyzer: one that analysed an earlier version would take the seed as an edit of it.
      const analyzer = new DocumentAnalyzer();
      analyzer.seed(result.sections);
      this.analyzers.set(key, analyzer);
      this.analysedAt(key, version, length);
      if (document.version === version) {
        const analysis: Analysis = { uri: document.uri, version, doc: result.doc, findings: result.findings, lines: new LineIndex(result.doc.text), config };
        this.cache.set(key, { document, analysis, configGeneration });
      }
    } catch (e) {
      // No worker (or it failed): analyse here; slower, but the user still gets results.
      console.error('[justera] analysis worker failed', e);
      const text = document.getText();
      this.analyzerFor(document).parse(text, this.parseOptions(document, config));
      this.analysedAt(key, document.version, text.length);
    }
  }

  /** Converts a span of `analysis.doc.text` to a range. */
  static range(analysis: Analysis, span: { start: number; end: number }): vscode.Range {
    const s = analysis.lines.positionAt(span.start);
    const e = analysis.lines.positionAt(span.end);
    return new vscode.Range(s.line, s.character, e.line, e.character);
  }

  /** Re-analyses every open Markdown document now (configuration changed). */
  refreshAll(): void {
    this.configGeneration++;
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private schedule(document: vscode.TextDocument, delay?: number): void {
    if (!isMarkdown(document)) {
      // A document switched away from Markdown: drop what we knew about it.
      if (this.cache.has(document.uri.toString())) this.forget(document);
      return;
    }
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const wait = delay ?? this.config.forDocument(document).lintDelay;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.run(document, key, generation);
      }, wait),
    );
  }

  private async run(document: vscode.TextDocument, key: string, generation: number): Promise<void> {
    try {
      await this.config.ensureLoaded(document);
      // Superseded by a newer edit or closed while the configuration loaded.
      if (this.generations.get(key) !== generation || document.isClosed) return;
      // An analysis computed (by a get() of the tree, say) before the project file loaded is stale.
      const cached = this.cache.get(key);
      const config = this.config.forDocument(document);
      if (cached && cached.analysis.config.configFile !== config.configFile) this.cache.delete(key);
      const size = textLength(document);
      if (size <= config.maxFileSize && this.needsWorker(document, size)) {
        await this.analyzeInWorker(document, key);
        if (this.generations.get(key) !== generation || document.isClosed) return;
      }
      const analysis = this.get(document);
      this.changed.fire({ document, analysis });
    } catch (e) {
      console.error('[justera] analysis failed', e);
    }
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.generations.delete(key);
    this.cache.delete(key);
    this.analyzers.delete(key);
    this.analyzed.delete(key);
    this.edits.delete(key);
    this.closed.fire(document.uri);
  }
}
