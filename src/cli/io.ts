// File access for the CLI: strict UTF-8 reading, directory search, atomic writes.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { Project } from '../core/project';

/** A usage or I/O problem: reported on stderr, exit code 2. */
export class CliError extends Error {}

export interface SourceFile {
  /** Path as shown to the user. */
  readonly path: string;
  /** Text without a BOM. */
  readonly text: string;
  readonly bom: boolean;
  /** Named on the command line (rather than found in a directory). */
  readonly explicit: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export async function readSource(file: string, explicit: boolean): Promise<SourceFile> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : readProblem(e);
    throw new CliError(`${file}: cannot read: ${why}`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new CliError(`${file}: not UTF-8 text`);
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { path: file, text: bom ? text.slice(1) : text, bom, explicit };
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/** Expands the arguments: files as they are, directories into their Markdown files. */
export async function expandPaths(args: readonly string[]): Promise<{ path: string; explicit: boolean }[]> {
  const out: { path: string; explicit: boolean }[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch {
      throw new CliError(`${arg}: cannot read: no such file or directory`);
    }
    if (stat.isDirectory()) {
      for (const f of await walk(arg)) out.push({ path: f, explicit: false });
    } else out.push({ path: arg, explicit: true });
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => {
    throw new CliError(`${dir}: cannot read directory`);
  });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) files.push(...(await walk(p)));
    } else if (e.isFile() && /\.md$/i.test(e.name)) files.push(p);
  }
  return files;
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.justera-${process.pid}.tmp`);
  try {
    const mode = (await fs.stat(file)).mode;
    await fs.writeFile(tmp, text, { encoding: 'utf8', mode });
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new CliError(`${file}: cannot write: ${(e as Error).message}`);
  }
}

/** Why a file could not be read, in words (not the errno code). */
function readProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
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
          throw new Error(readProblem(e));
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
