// The one project seam: which files are minutes, with which rules, in which language,
// as of which day. The editor (DocumentModel), its workspace indexer and the CLI all ask
// a Project, so they cannot disagree. File access is injected (as the Markdown language
// service injects its IWorkspace): the CLI reads from disk, the editor through
// `workspace.fs`, the tests from memory.
import { CONFIG_FILE, PACKAGE_JSON, joinPath, parentDir, parseConfig, type LoadedConfig } from './config';
import { matchesAny } from './glob';
import { resolveRules, todayIso, type LintOptions, type ResolvedRules } from './lint/engine';
import type { Language, MinutesDocument } from './model';
import { parseMinutes, type ParseOptions } from './parser';
import type { WorkspaceView } from './workspace/view';

/** The files a Project reads: `/`- or `\`-separated paths. */
export interface ProjectFileSystem {
  /**
   * The text of a file; undefined when nothing is there. Throws (with a short reason as
   * the message) when something is there that cannot be read as a file: a directory
   * named `.justera.json` is a configuration error, not an absence.
   */
  readFile(path: string): Promise<string | undefined>;
  /** Whether anything exists at `path` (a `.git` folder or file marks a repository root). */
  exists(path: string): Promise<boolean>;
}

export interface ProjectOptions {
  /** The user's home folder: the configuration search stops there. */
  readonly home?: string;
  /** The date rules compare with ("today"); defaults to the local date. */
  readonly today?: () => string;
}

/** The editor's settings for one resource; the CLI has none. */
export interface ProjectSettings {
  readonly files?: unknown;
  readonly rules?: unknown;
  readonly language?: unknown;
  /** The folder the settings' `files` globs are relative to (the workspace folder). */
  readonly root?: string;
}

export type LanguageSetting = 'auto' | Language;

/** The one default of `files` (DIALECT section 1). */
export const DEFAULT_FILES: readonly string[] = ['**/*.minutes.md'];

/** Everything that decides how one file is read and checked. */
export interface FileConfig {
  /** Globs of the project file, relative to its folder. */
  readonly projectFiles: readonly string[];
  /** Globs of the settings, relative to `settingsRoot`. */
  readonly settingFiles: readonly string[];
  readonly settingsRoot?: string;
  /** Rules of the settings merged with the project file's, the project file winning per rule. */
  readonly rules: ResolvedRules;
  readonly language: LanguageSetting;
  /** The project file the configuration came from, if any. */
  readonly configFile?: string;
  /** Problems of the project file, each starting with its path. */
  readonly errors: readonly string[];
  /** Problems of the settings' rules. */
  readonly settingErrors: readonly string[];
}

/**
 * A rule failure sink that tells once per rule (a broken rule would otherwise be
 * reported for every item and every keystroke); `where` names the document.
 */
export function ruleErrorReporter(tell: (message: string) => void, where?: string): (code: string, error: unknown) => void {
  const told = new Set<string>();
  return (code, error) => {
    if (told.has(code)) return;
    told.add(code);
    tell(ruleFailureMessage(code, error, where));
  };
}

export function ruleFailureMessage(code: string, error: unknown, where?: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${where ? `${where}: ` : ''}rule ${code} failed and was skipped; please report it: ${message}`;
}

function normalize(path: string): string {
  return path.replace(/\\/g, '/');
}

/** `path` relative to `dir`, or undefined when it is not inside it. */
export function relativeTo(dir: string, path: string): string | undefined {
  const d = normalize(dir).replace(/\/+$/, '');
  const p = normalize(path);
  if (d === '') return p.replace(/^\/+/, '');
  return p.startsWith(`${d}/`) ? p.slice(d.length + 1) : undefined;
}

function globsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return [];
}

/** Matches globs relative to `base`; a file outside `base` (or with none) by its full path. */
function matchesUnder(path: string, globs: readonly string[], base: string | undefined): boolean {
  if (globs.length === 0) return false;
  const relative = base === undefined ? undefined : relativeTo(base, path);
  return matchesAny(relative ?? normalize(path), globs);
}

export function dirOf(path: string): string {
  return parentDir(path) ?? path;
}

export class Project {
  private readonly configs = new Map<string, Promise<LoadedConfig>>();
  private readonly loadedConfigs = new Map<string, LoadedConfig>();
  /** Texts parsed through `parse` (the CLI's count; tests check each file is parsed once). */
  parses = 0;

  constructor(
    private readonly fs: ProjectFileSystem,
    private readonly options: ProjectOptions = {},
  ) {}

  /** "Today" for the rules and views. */
  today(): string {
    return this.options.today?.() ?? todayIso();
  }

  /** Forgets every loaded configuration (a project file changed). */
  invalidate(): void {
    this.configs.clear();
    this.loadedConfigs.clear();
  }

  /** The project configuration that governs files in `dir` (loaded once per folder). */
  projectConfig(dir: string): Promise<LoadedConfig> {
    let pending = this.configs.get(dir);
    if (!pending) {
      pending = this.search(dir).then((loaded) => {
        if (this.configs.get(dir) === pending) this.loadedConfigs.set(dir, loaded);
        return loaded;
      });
      this.configs.set(dir, pending);
    }
    return pending;
  }

  /** The configuration of `dir` if it was loaded already (synchronous, for the editor). */
  loadedProjectConfig(dir: string): LoadedConfig | undefined {
    return this.loadedConfigs.get(dir);
  }

  /**
   * Walks upward from `dir`: in each folder `.justera.json` first, then a `package.json`
   * with a `justera` key. Stops after the repository root (a folder holding `.git`) or
   * the user's home, so a project file in a shared folder above them governs nothing.
   */
  private async search(startDir: string): Promise<LoadedConfig> {
    const seen = new Set<string>();
    const home = this.options.home === undefined ? undefined : normalize(this.options.home).replace(/\/+$/, '');
    for (let dir: string | undefined = startDir; dir !== undefined && !seen.has(dir); dir = parentDir(dir)) {
      seen.add(dir);
      // The three probes of a folder at once: on a remote or busy file system each is a round trip.
      const at = dir;
      const read = (name: string) =>
        this.fs.readFile(joinPath(at, name)).then(
          (text) => ({ text, error: undefined as string | undefined }),
          (e: unknown) => ({ text: undefined, error: e instanceof Error ? e.message : String(e) }),
        );
      const [config, pkg, repo] = await Promise.all([read(CONFIG_FILE), read(PACKAGE_JSON), this.fs.exists(joinPath(at, '.git')).catch(() => false)]);
      // Something named `.justera.json` that cannot be read is the user's mistake to see;
      // an unreadable package.json may not be ours at all.
      const configPath = joinPath(at, CONFIG_FILE);
      if (config.error !== undefined) return { config: {}, errors: [`${configPath}: cannot read: ${config.error}`], file: configPath };
      if (config.text !== undefined) return { ...parseConfig(config.text, configPath)!, file: configPath };
      if (pkg.text !== undefined) {
        const pkgPath = joinPath(at, PACKAGE_JSON);
        const parsed = parseConfig(pkg.text, pkgPath);
        if (parsed) return { ...parsed, file: pkgPath };
      }
      if (home !== undefined && normalize(dir).replace(/\/+$/, '') === home) break;
      if (repo) break;
    }
    return { config: {}, errors: [] };
  }

  /** Merges a loaded project configuration with the settings. */
  merge(project: LoadedConfig | undefined, settings: ProjectSettings = {}): FileConfig {
    const fromSettings = resolveRules(settings.rules);
    const fromProject = resolveRules(project?.config.rules);
    const lang = settings.language;
    return {
      projectFiles: project?.config.files ?? [],
      settingFiles: globsOf(settings.files),
      ...(settings.root !== undefined ? { settingsRoot: settings.root } : {}),
      // Project file entries override settings entries for the same rule, so the editor agrees with CI.
      rules: { settings: new Map([...fromSettings.settings, ...fromProject.settings]), errors: [...fromSettings.errors, ...fromProject.errors] },
      language: lang === 'sv' || lang === 'en' ? lang : 'auto',
      ...(project?.file ? { configFile: project.file } : {}),
      errors: project?.errors ?? [],
      settingErrors: fromSettings.errors,
    };
  }

  /** The configuration of a file (`path`), loading its project file if needed. */
  async configFor(path: string, settings?: ProjectSettings): Promise<FileConfig> {
    return this.merge(await this.projectConfig(dirOf(path)), settings);
  }

  /**
   * DIALECT section 1, the path half: the project file's `files` globs relative to its
   * folder, the settings' relative to the workspace folder; the one default when
   * neither names any. `path` undefined (an untitled document) matches nothing.
   */
  isMinutesPath(path: string | undefined, config: FileConfig): boolean {
    if (path === undefined) return false;
    const projectDir = config.configFile === undefined ? undefined : dirOf(config.configFile);
    if (config.projectFiles.length === 0 && config.settingFiles.length === 0) {
      return matchesUnder(path, DEFAULT_FILES, projectDir ?? config.settingsRoot);
    }
    return matchesUnder(path, config.projectFiles, projectDir) || matchesUnder(path, config.settingFiles, config.settingsRoot);
  }

  parseOptions(path: string | undefined, config: FileConfig): { assumeMinutes: boolean; language?: Language } {
    return { assumeMinutes: this.isMinutesPath(path, config), ...(config.language === 'auto' ? {} : { language: config.language }) };
  }

  /** Parses a text as the file at `path` (counted, see `parses`). */
  parse(text: string, options: ParseOptions): MinutesDocument {
    this.parses++;
    return parseMinutes(text, options);
  }

  lintOptions(
    config: FileConfig,
    extra: { workspace?: WorkspaceView; uri?: string; onRuleError?: (code: string, error: unknown) => void } = {},
  ): LintOptions {
    return {
      rules: config.rules,
      today: this.today(),
      ...(extra.workspace ? { workspace: extra.workspace, ...(extra.uri !== undefined ? { uri: extra.uri } : {}) } : {}),
      ...(extra.onRuleError ? { onRuleError: extra.onRuleError } : {}),
    };
  }
}
