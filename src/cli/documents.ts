// The files named on the command line, each with its configuration, read and parsed
// once through the project seam. Every command starts here, so a broken configuration
// is reported the same way by all of them, before any file is read or written.
import type { MinutesDocument } from '../core/model';
import type { FileConfig, Project } from '../core/project';
import { CliError, expandPaths, projectPath, readSource, type SourceFile, type Warn } from './io';

export interface ProjectFile {
  readonly path: string;
  readonly explicit: boolean;
  readonly config: FileConfig;
  /** The path matches the `files` globs: minutes even without a profile. */
  readonly assumeMinutes: boolean;
}

export interface LoadedDocument extends ProjectFile {
  readonly source: SourceFile;
  readonly doc: MinutesDocument;
}

/** Expands the arguments and resolves every file's configuration; any problem with one is a usage error (exit 2). */
export async function resolveFiles(args: readonly string[], project: Project, warn?: Warn): Promise<ProjectFile[]> {
  const out: ProjectFile[] = [];
  const errors = new Set<string>();
  for (const { path, explicit } of await expandPaths(args, warn)) {
    const config = await project.configFor(projectPath(path));
    for (const e of config.errors) errors.add(e);
    out.push({ path, explicit, config, assumeMinutes: project.isMinutesPath(projectPath(path), config) });
  }
  if (errors.size > 0) throw new CliError(`invalid configuration:\n  ${[...errors].join('\n  ')}`);
  return out;
}

/**
 * Reads and parses every file; keeps only minutes. A file named explicitly that is not
 * minutes is reported through `notMinutes` so the user learns why nothing was shown.
 */
export async function loadDocuments(
  args: readonly string[],
  project: Project,
  notMinutes: (path: string) => void,
  warn?: Warn,
  maxSize?: number,
): Promise<LoadedDocument[]> {
  const out: LoadedDocument[] = [];
  for (const file of await resolveFiles(args, project, warn)) {
    const source = await readSource(file.path, file.explicit, maxSize);
    const doc = project.parse(source.text, project.parseOptions(projectPath(file.path), file.config));
    if (doc.isMinutes) out.push({ ...file, source, doc });
    else if (file.explicit) notMinutes(file.path);
  }
  return out;
}

export const NOT_MINUTES = 'not a minutes document (no typ/type profile in the front matter, and the path does not match "files")';
