// The editor's adapter to the project seam (core/project.ts): reads project files (from
// disk, or through `workspace.fs` in virtual workspaces), hands the core the `justera.*`
// settings of a resource, and reports configuration problems once. The decisions
// themselves (which files are minutes, which rules win) are the core's, shared with the CLI.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { Project, dirOf, type FileConfig, type ProjectSettings } from '../core/project';
import { textOfBytes } from './decode';
import { readBytes, typeOf } from './fileSystem';

export type { LanguageSetting } from '../core/project';

export interface EffectiveConfig extends FileConfig {
  /** The document's path as the project sees it; undefined for an untitled document. */
  readonly path?: string;
  /** DIALECT section 1, the path half: the path matches the `files` globs. */
  readonly assumeMinutes: boolean;
  readonly lintDelay: number;
  /** Size (UTF-16 code units) above which live analysis pauses. */
  readonly maxFileSize: number;
}

export const DEFAULT_LINT_DELAY = 300;
export const DEFAULT_MAX_FILE_SIZE_MB = 20;

/** Schemes whose project files we read. */
const PROJECT_SCHEMES = new Set(['file', 'vscode-vfs', 'vscode-remote']);

/** The `justera.*` settings of a workspace folder, as the project seam takes them. */
interface FolderSettings {
  readonly project: ProjectSettings;
  readonly lintDelay: number;
  readonly maxFileSize: number;
}

export class ConfigService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when settings or a project configuration file changed. */
  readonly onDidChange = this.changed.event;
  private readonly projectFilesChanged = new vscode.EventEmitter<void>();
  /** Fires when a project configuration file was created, changed or deleted. */
  readonly onDidChangeProjectFiles = this.projectFilesChanged.event;
  /** One project per file system (scheme and authority). */
  private readonly projects = new Map<string, Project>();
  /** Effective configurations by resource, until the next change (one analysis asks several times). */
  private readonly memo = new Map<string, EffectiveConfig>();
  /** The settings of each workspace folder (a resource's are its folder's), until the next change. */
  private readonly settingsMemo = new Map<string, FolderSettings>();
  private readonly reported = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.disposables.push(
      this.changed,
      this.projectFilesChanged,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('justera')) return;
        this.memo.clear();
        this.settingsMemo.clear();
        this.changed.fire();
      }),
      // A folder's settings file comes and goes with it.
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.settingsMemo.clear()),
    );
    // Watch the project files; a change invalidates every cached lookup (they are cheap).
    const watcher = vscode.workspace.createFileSystemWatcher('**/{.justera.json,package.json}');
    const invalidate = () => {
      for (const p of this.projects.values()) p.invalidate();
      this.memo.clear();
      this.changed.fire();
      this.projectFilesChanged.fire();
    };
    this.disposables.push(watcher, watcher.onDidChange(invalidate), watcher.onDidCreate(invalidate), watcher.onDidDelete(invalidate));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** The project of a URI's file system. */
  projectOf(uri: vscode.Uri): Project {
    const key = `${uri.scheme}://${uri.authority}`;
    let project = this.projects.get(key);
    if (!project) {
      const at = (path: string) => uri.with({ path, query: '', fragment: '' });
      project = new Project(
        {
          async readFile(path) {
            try {
              return textOfBytes(await readBytes(at(path)));
            } catch (e) {
              if (e instanceof vscode.FileSystemError && e.code === 'FileIsADirectory') throw new Error('is a directory');
              if (e instanceof vscode.FileSystemError && e.code === 'NoPermissions') throw new Error('permission denied');
              return undefined;
            }
          },
          exists: async (path) => (await typeOf(at(path))) !== undefined,
        },
        uri.scheme === 'file' || uri.scheme === 'vscode-remote' ? { home: os.homedir() } : {},
      );
      this.projects.set(key, project);
    }
    return project;
  }

  /** Where a resource is, for the project: its path, and the folder its configuration is searched from. */
  private locate(uri: vscode.Uri): { base: vscode.Uri; path?: string; dir: string } | undefined {
    if (uri.scheme === 'untitled') {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      return folder && PROJECT_SCHEMES.has(folder.scheme) ? { base: folder, dir: folder.path } : undefined;
    }
    if (!PROJECT_SCHEMES.has(uri.scheme)) return undefined;
    return { base: uri, path: uri.path, dir: dirOf(uri.path) };
  }

  /** A resource's settings: its workspace folder's, read once per folder (a scan asks for every file). */
  private settingsOf(uri: vscode.Uri): FolderSettings {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';
    let settings = this.settingsMemo.get(key);
    if (!settings) this.settingsMemo.set(key, (settings = this.readSettings(folder?.uri ?? uri, folder?.uri.path)));
    return settings;
  }

  private readSettings(scope: vscode.Uri, root: string | undefined): FolderSettings {
    const settings = vscode.workspace.getConfiguration('justera', scope);
    const delay = settings.get<number>('lintDelay');
    const maxMb = settings.get<number>('maxFileSizeMB');
    return {
      project: { files: explicitFiles(settings), rules: settings.get<unknown>('rules'), language: settings.get<unknown>('language'), ...(root !== undefined ? { root } : {}) },
      lintDelay: typeof delay === 'number' && delay >= 0 ? Math.min(delay, 10000) : DEFAULT_LINT_DELAY,
      maxFileSize: (typeof maxMb === 'number' && maxMb > 0 ? maxMb : DEFAULT_MAX_FILE_SIZE_MB) * 1_000_000,
    };
  }

  /** The effective configuration for a document, from what is loaded now (synchronous). */
  forDocument(document: vscode.TextDocument): EffectiveConfig {
    return this.forUri(document.uri);
  }

  /** The effective configuration of a resource, from what is loaded now (synchronous). */
  forUri(uri: vscode.Uri): EffectiveConfig {
    const key = uri.toString();
    const known = this.memo.get(key);
    if (known) return known;
    const where = this.locate(uri);
    const project = where ? this.projectOf(where.base) : undefined;
    const loaded = where && project ? project.loadedProjectConfig(where.dir) : undefined;
    const settings = this.settingsOf(uri);
    const merged = (project ?? this.projectOf(uri)).merge(loaded, settings.project);
    this.report('settings', merged.settingErrors.map((e) => vscode.l10n.t('Setting justera.rules: {0}', e)));
    const config: EffectiveConfig = {
      ...merged,
      ...(where?.path !== undefined ? { path: where.path } : {}),
      assumeMinutes: project ? project.isMinutesPath(where?.path, merged) : false,
      lintDelay: settings.lintDelay,
      maxFileSize: settings.maxFileSize,
    };
    // Only complete answers are kept: one without its project file yet is asked again.
    if (loaded || !where) this.memo.set(key, config);
    return config;
  }

  /** Loads the project configuration for a document (once per folder; cached). */
  ensureLoaded(document: vscode.TextDocument): Promise<void> {
    return this.ensureLoadedUri(document.uri);
  }

  async ensureLoadedUri(uri: vscode.Uri): Promise<void> {
    const where = this.locate(uri);
    if (!where) return;
    const project = this.projectOf(where.base);
    if (project.loadedProjectConfig(where.dir)) return;
    let result;
    try {
      result = await project.projectConfig(where.dir);
    } catch (e) {
      this.report(where.dir, [String(e)]);
      return;
    }
    if (result.file) this.output.info(`Using ${result.file}`);
    this.report(result.file ?? where.dir, result.errors);
  }

  /** The configuration of a resource once its project file is loaded (the workspace indexer's question). */
  async forUriLoaded(uri: vscode.Uri): Promise<EffectiveConfig> {
    await this.ensureLoadedUri(uri);
    return this.forUri(uri);
  }

  /** Shows each configuration problem once as a notification, and logs it. */
  private report(source: string, errors: readonly string[]): void {
    for (const error of errors) {
      const key = `${source}\u0000${error}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      this.output.error(error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Justera configuration: {0}', error));
    }
  }
}

/**
 * `justera.files` only where the user set it: the manifest's default is the core's
 * `DEFAULT_FILES`, which a project file's `files` replaces, as in the CLI.
 */
function explicitFiles(settings: vscode.WorkspaceConfiguration): unknown {
  const i = settings.inspect<unknown>('files');
  return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
}
