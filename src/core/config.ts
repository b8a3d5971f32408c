// Project configuration files: `.justera.json`, or a `justera` key in `package.json`.
// This module reads one file's text; finding the file (the upward search) and merging
// it with the editor's settings is the Project's job (project.ts).
import { resolveRules } from './lint/engine';

export interface JusteraConfig {
  /** Rule code or alias → `off` | `info` | `warning` | `error`. */
  readonly rules?: Readonly<Record<string, unknown>>;
  /** Globs of files that are minutes without a front matter profile (DIALECT section 1). */
  readonly files?: readonly string[];
}

export interface ParsedConfig {
  readonly config: JusteraConfig;
  /** Human-readable problems, each starting with the file name. */
  readonly errors: readonly string[];
}

export interface LoadedConfig extends ParsedConfig {
  /** Path of the file the configuration came from; undefined when none was found. */
  readonly file?: string;
}

export const CONFIG_FILE = '.justera.json';
export const PACKAGE_JSON = 'package.json';
const KNOWN_KEYS = new Set(['$schema', 'rules', 'files']);

function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? path : path.slice(i + 1);
}

/**
 * Parses a configuration file's text. For `package.json` the `justera` key is read;
 * returns undefined when a `package.json` has no such key (it is not a configuration).
 * Never throws: invalid JSON or values become `errors`, and what is valid is kept.
 */
export function parseConfig(text: string, fileName: string): ParsedConfig | undefined {
  const isPackage = baseName(fileName) === PACKAGE_JSON;
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    // A broken package.json is ours to report only when it looks like it holds our key.
    if (isPackage && !/"justera"\s*:/.test(text)) return undefined;
    return { config: {}, errors: [`${fileName}: invalid JSON: ${(e as Error).message}`] };
  }
  if (isPackage) {
    if (!json || typeof json !== 'object' || !('justera' in json)) return undefined;
    json = (json as Record<string, unknown>).justera;
  }
  const errors: string[] = [];
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { config: {}, errors: [`${fileName}: the configuration must be a JSON object`] };
  }
  const raw = json as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) errors.push(`${fileName}: unknown key "${key}": expected "rules" or "files"`);
  }
  let rules: Record<string, unknown> | undefined;
  if (raw.rules !== undefined) {
    const resolved = resolveRules(raw.rules);
    errors.push(...resolved.errors.map((e) => `${fileName}: ${e}`));
    if (raw.rules && typeof raw.rules === 'object' && !Array.isArray(raw.rules)) {
      // Keep only the entries that resolved, so one typo does not drop the whole object.
      rules = {};
      for (const [key, value] of Object.entries(raw.rules as Record<string, unknown>)) {
        if (resolveRules({ [key]: value }).errors.length === 0) rules[key] = value;
      }
    }
  }
  let files: string[] | undefined;
  if (raw.files !== undefined) {
    const list = typeof raw.files === 'string' ? [raw.files] : raw.files;
    if (Array.isArray(list) && list.every((f) => typeof f === 'string')) files = list as string[];
    else errors.push(`${fileName}: "files" must be a glob or a list of globs`);
  }
  return { config: { ...(rules ? { rules } : {}), ...(files ? { files } : {}) }, errors };
}

/** Parent directory of a `/`- or `\`-separated path; undefined at the root. */
export function parentDir(dir: string): string | undefined {
  const trimmed = dir.length > 1 ? dir.replace(/[\\/]+$/, '') : dir;
  const i = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (i < 0) return undefined;
  const parent = trimmed.slice(0, i);
  if (parent === '' ) return trimmed === '/' ? undefined : '/';
  if (/^[A-Za-z]:$/.test(parent)) return trimmed.length > 3 ? `${parent}\\` : undefined;
  return parent;
}

export function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : dir + sep + name;
}
