// The workspace index for the CLI: every Markdown file under the given paths, read from
// disk and fed to the same core index the extension uses.
import type { Project } from '../core/project';
import { csvCell } from '../core/text';
import { WorkspaceIndex } from '../core/workspace/index';
import { resolveFiles } from './documents';
import { CliError, type Warn } from './io';
import type { CommonOptions, Io } from './options';
import { checkProjectFiles } from './pool';

/** Indexes the files and directories named on the command line (file paths are the URIs), on `jobs` threads. */
export async function indexPaths(args: readonly string[], project: Project, io: Io, options: Pick<CommonOptions, 'maxSize' | 'jobs'>): Promise<WorkspaceIndex> {
  const warn = (m: string) => io.err(`justera: ${m}\n`);
  const files = await resolveFiles(args, project, warn);
  const checked = await checkProjectFiles(files, false, options, project, io);
  const index = new WorkspaceIndex();
  index.beginFullScan();
  files.forEach((file, i) => {
    const result = checked[i]!;
    if (result.kind === 'unreadable') throw new CliError(result.message);
    if (result.kind === 'minutes') index.put(result.entry);
    reportIndexError(index, file.path, warn);
  });
  return index;
}

/** Says so when a file could not be indexed (a bug in Justera) instead of leaving it out in silence. */
export function reportIndexError(index: WorkspaceIndex, path: string, warn: Warn): void {
  const error = index.get(path)?.error;
  if (error) warn(`${path}: could not be read into the index and was left out; please report it: ${error}`);
}

/**
 * RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF line
 * ends. Text fields that a spreadsheet would run as a formula are neutralised (`csvCell`).
 */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return `${fields
    .map((f) => {
      const s = f === null || f === undefined ? '' : typeof f === 'number' ? String(f) : csvCell(f);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',')}\r\n`;
}
