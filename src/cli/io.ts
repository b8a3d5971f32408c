// File access for the CLI: strict UTF-8 reading, directory search, atomic writes.
import { createHash, randomBytes } from 'node:crypto';
import { constants, promises as fs, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { Project } from '../core/project';

/** A usage or I/O problem: reported on stderr, exit code 2. */
export class CliError extends Error {
  // Known by name as well: `export` and `import` are bundles of their own (see main.ts),
  // each with its own copy of this class.
  override readonly name = 'CliError';
}

/** A CliError from this bundle or from a command loaded from another one. */
export function isCliError(e: unknown): e is CliError {
  return e instanceof CliError || (e instanceof Error && e.name === 'CliError');
}

export interface SourceFile {
  /** Path as shown to the user. */
  readonly path: string;
  /** Text without a BOM. */
  readonly text: string;
  readonly bom: boolean;
  /** Named on the command line (rather than found in a directory). */
  readonly explicit: boolean;
  /** The file as it was read, to notice a change made while `--fix` works on it. */
  readonly stamp: FileStamp;
}

export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly hash: string;
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Files larger than this (bytes) are refused unless `--max-size` says otherwise. */
export const DEFAULT_MAX_SIZE = 20 * 1024 * 1024;

export async function readSource(file: string, explicit: boolean, maxSize = DEFAULT_MAX_SIZE): Promise<SourceFile> {
  let bytes: Uint8Array;
  let stat;
  try {
    // Synchronous: a file at a time per thread, and the promise API cost more than the
    // read itself (3 % of a worker's time over the archive).
    stat = statSync(file);
    // A FIFO or a device would block the read forever (or never end).
    if (!stat.isFile()) throw new CliError(`${file}: cannot read: ${stat.isDirectory() ? 'is a directory' : 'not a regular file'}`);
    if (stat.size > maxSize) throw new CliError(`${file}: cannot read: ${formatSize(stat.size)}, larger than --max-size ${formatSize(maxSize)}`);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${file}: cannot read: ${errnoText(e)}`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new CliError(`${file}: not UTF-8 text`);
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { path: file, text: bom ? text.slice(1) : text, bom, explicit, stamp: { size: bytes.length, mtimeMs: stat.mtimeMs, hash: hashOf(bytes) } };
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/** Told of what a directory walk leaves out (a link loop, a broken link), once each. */
export type Warn = (message: string) => void;

/**
 * Expands the arguments: files as they are, directories into their Markdown files.
 * Symbolic links inside a directory are followed, each directory once (a loop ends there).
 */
export async function expandPaths(args: readonly string[], warn: Warn = () => undefined): Promise<{ path: string; explicit: boolean }[]> {
  const out: { path: string; explicit: boolean }[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch (e) {
      throw new CliError(`${arg}: cannot read: ${errnoText(e)}`);
    }
    if (stat.isDirectory()) await walk(arg, out, seen, warn);
    else if (stat.isFile()) out.push({ path: arg, explicit: true });
    else throw new CliError(`${arg}: cannot read: not a regular file or directory`);
  }
  return out;
}

async function walk(dir: string, out: { path: string; explicit: boolean }[], seen: Set<string>, warn: Warn): Promise<void> {
  const real = await fs.realpath(dir).catch(() => dir);
  if (seen.has(real)) {
    warn(`${dir}: skipped: a directory already searched (a symbolic link loop?)`);
    return;
  }
  seen.add(real);
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new CliError(`${dir}: cannot read directory: ${errnoText(e)}`);
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const target = await fs.stat(p);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (err) {
        if (!e.name.startsWith('.')) warn(`${p}: skipped: ${errnoText(err)}`);
        continue;
      }
    }
    if (isDir) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(p, out, seen, warn);
    } else if (isFile && /\.md$/i.test(e.name)) out.push({ path: p, explicit: false });
  }
}

/**
 * Replaces a file's text as careful tools do: through the symlink to its target, into an
 * exclusively created, randomly named temporary file beside it, synced, then renamed over
 * it, with the target's mode and (where allowed) owner. Refuses, leaving the file as it
 * is, what is not a regular file, a read-only file, a file with other hard links (a rename
 * would split them) and a file that changed since it was read (`stamp`).
 */
export async function writeAtomic(file: string, text: string, stamp?: FileStamp): Promise<void> {
  let target: string;
  let stat;
  try {
    target = await fs.realpath(file);
    stat = await fs.stat(target);
  } catch (e) {
    throw new CliError(`${file}: cannot write: ${errnoText(e)}`);
  }
  if (!stat.isFile()) throw new CliError(`${file}: not changed: not a regular file`);
  // Root may write anything: the mode bits say what the owner meant.
  if ((stat.mode & 0o222) === 0) throw new CliError(`${file}: not changed: the file is read-only`);
  try {
    await fs.access(target, constants.W_OK);
  } catch {
    throw new CliError(`${file}: not changed: permission denied`);
  }
  if (stat.nlink > 1) throw new CliError(`${file}: not changed: it has ${stat.nlink} hard links, which replacing it would split`);
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.justera-${randomBytes(8).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx', 0o600);
    await handle.writeFile(text, 'utf8');
    await handle.chmod(stat.mode & 0o7777);
    // Keep the owner when the file belongs to someone else; only root may, so try.
    if (stat.uid !== process.getuid?.() || stat.gid !== process.getgid?.()) await handle.chown(stat.uid, stat.gid).catch(() => undefined);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (stamp) await checkUnchanged(file, target, stamp);
    await fs.rename(tmp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    // Only ever remove our own temporary file: `wx` failed if the name was taken.
    if ((e as NodeJS.ErrnoException)?.code !== 'EEXIST') await fs.rm(tmp, { force: true });
    if (e instanceof CliError) throw e;
    throw new CliError(`${file}: cannot write: ${errnoText(e)}`);
  }
  const dirHandle = await fs.open(dir, 'r').catch(() => undefined);
  await dirHandle?.sync().catch(() => undefined);
  await dirHandle?.close();
}

async function checkUnchanged(file: string, target: string, stamp: FileStamp): Promise<void> {
  const now = await fs.stat(target);
  const same = now.size === stamp.size && now.mtimeMs === stamp.mtimeMs && hashOf(await fs.readFile(target)) === stamp.hash;
  if (!same) throw new CliError(`${file}: not changed: the file was changed while it was being fixed; run again`);
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}

/** What went wrong with a file, in words (not Node's message with its path). */
export function errnoText(e: unknown): string {
  switch ((e as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links (a link loop)';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on device';
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** The project seam on the local disk: configuration search stops at a repository root or the home folder. */
export function nodeProject(options: { today?: () => string } = {}): Project {
  return new Project(
    {
      async readFile(p) {
        try {
          return await fs.readFile(p, 'utf8');
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
          throw new Error(errnoText(e));
        }
      },
      exists: (p) => fs.stat(p).then(() => true, () => false),
    },
    { home: os.homedir(), ...options },
  );
}

/** A file's path as the project sees it (absolute, so globs are relative to the project file's folder). */
export function projectPath(file: string): string {
  return path.resolve(file);
}
