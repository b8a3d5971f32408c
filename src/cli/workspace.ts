// The workspace index for the CLI: every Markdown file under the given paths, read from
// disk and fed to the same core index the extension uses.
import type { Project } from '../core/project';
import { WorkspaceIndex } from '../core/workspace/index';
import { resolveFiles } from './documents';
import { readSource } from './io';

/** Indexes the files and directories named on the command line (file paths are the URIs). */
export async function indexPaths(args: readonly string[], project: Project): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex((text, options) => project.parse(text, options));
  index.beginFullScan();
  for (const { path, explicit, assumeMinutes } of await resolveFiles(args, project)) {
    const source = await readSource(path, explicit);
    index.update(path, source.text, { assumeMinutes });
  }
  return index;
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF line ends. */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return `${fields
    .map((f) => {
      const s = f === null || f === undefined ? '' : String(f);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',')}\r\n`;
}
