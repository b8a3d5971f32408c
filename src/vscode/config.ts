// Settings (`justera.*`, resource scope) merged with the project's `.justera.json` /
// `package.json` `justera` key, the same files the CLI reads. Project files win over
// settings for the rules they name, so the editor agrees with the CLI in CI.
import * as vscode from 'vscode';
import { loadConfig, type LoadedConfig } from '../core/config';
import { resolveRules, type ResolvedRules } from '../core/lint/engine';

export type LanguageSetting = 'auto' | 'sv' | 'en';

export interface EffectiveConfig {
  readonly files: readonly string[];
  readonly rules: ResolvedRules;
  readonly language: LanguageSetting;
  readonly lintDelay: number;
  /** Size (UTF-16 code units) above which live analysis pauses. */
  readonly maxFileSize: number;
  /** The project file the rules came from, if any. */
  readonly configFile?: string;
}

export const DEFAULT_FILES = ['**/*.minutes.md'];
export const DEFAULT_LINT_DELAY = 300;
export const DEFAULT_MAX_FILE_SIZE_MB = 20;

export class ConfigService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when settings or a project configuration file changed. */
  readonly onDidChange = this.changed.event;
  /** Directory URI (string) → loaded project configuration. */
  private readonly projects = new Map<string, Promise<LoadedConfig>>();
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly reported = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('justera')) this.changed.fire();
      }),
    );
    // Watch the project files; a change invalidates every cached lookup (they are cheap).
    const watcher = vscode.workspace.createFileSystemWatcher('**/{.justera.json,package.json}');
    const invalidate = () => {
      this.projects.clear();
      this.loaded.clear();
      this.changed.fire();
    };
    this.disposables.push(watcher, watcher.onDidChange(invalidate), watcher.onDidCreate(invalidate), watcher.onDidDelete(invalidate));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** The effective configuration for a document, from what is loaded now (synchronous). */
  forDocument(document: vscode.TextDocument): EffectiveConfig {
    const settings = vscode.workspace.getConfiguration('justera', document);
    const project = this.loaded.get(this.dirKey(document) ?? '');
    const files = [...(project?.config.files ?? []), ...readFiles(settings.get<unknown>('files'))];
    const settingRules = settings.get<unknown>('rules');
    const fromSettings = resolveRules(settingRules);
    this.report('settings', fromSettings.errors.map((e) => vscode.l10n.t('Setting justera.rules: {0}', e)));
    const fromProject = resolveRules(project?.config.rules);
    // Project file entries override settings entries for the same rule.
    const merged = new Map([...fromSettings.settings, ...fromProject.settings]);
    const lang = settings.get<string>('language');
    const delay = settings.get<number>('lintDelay');
    const maxMb = settings.get<number>('maxFileSizeMB');
    return {
      files: files.length > 0 ? files : DEFAULT_FILES,
      rules: { settings: merged, errors: [...fromSettings.errors, ...fromProject.errors] },
      language: lang === 'sv' || lang === 'en' ? lang : 'auto',
      lintDelay: typeof delay === 'number' && delay >= 0 ? Math.min(delay, 10000) : DEFAULT_LINT_DELAY,
      maxFileSize: (typeof maxMb === 'number' && maxMb > 0 ? maxMb : DEFAULT_MAX_FILE_SIZE_MB) * 1_000_000,
      ...(project?.file ? { configFile: project.file } : {}),
    };
  }

  /** Loads the project configuration for a document (once per directory; cached). */
  async ensureLoaded(document: vscode.TextDocument): Promise<void> {
    const key = this.dirKey(document);
    if (key === undefined || this.loaded.has(key)) return;
    let pending = this.projects.get(key);
    if (!pending) {
      pending = this.load(vscode.Uri.parse(key));
      this.projects.set(key, pending);
    }
    const result = await pending;
    if (this.projects.get(key) !== pending) return; // invalidated meanwhile
    this.loaded.set(key, result);
    if (result.file) this.output.info(`Using ${result.file}`);
    this.report(result.file ?? key, result.errors);
  }

  private async load(dir: vscode.Uri): Promise<LoadedConfig> {
    const readFile = async (path: string): Promise<string | undefined> => {
      try {
        const bytes = await vscode.workspace.fs.readFile(dir.with({ path }));
        return new TextDecoder('utf-8').decode(bytes);
      } catch {
        return undefined;
      }
    };
    try {
      return await loadConfig(dir.path, readFile);
    } catch (e) {
      return { config: {}, errors: [String(e)] };
    }
  }

  /** The folder to start the search from: the document's, or for untitled ones the first workspace folder. */
  private dirKey(document: vscode.TextDocument): string | undefined {
    if (document.uri.scheme === 'untitled') {
      return vscode.workspace.workspaceFolders?.[0]?.uri.toString();
    }
    if (document.uri.scheme === 'file' || document.uri.scheme === 'vscode-vfs' || document.uri.scheme === 'vscode-remote') {
      return vscode.Uri.joinPath(document.uri, '..').toString();
    }
    return undefined;
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

function readFiles(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return [];
}
