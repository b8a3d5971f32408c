// Loading the minutes documents named on the command line.
import { parseMinutes } from '../core/parser';
import type { MinutesDocument } from '../core/model';
import { configFor, expandPaths, matchesFiles, readSource, type SourceFile, type Warn } from './io';
import type { LoadedConfig } from '../core/config';

export interface LoadedDocument {
  readonly source: SourceFile;
  readonly doc: MinutesDocument;
  readonly config: LoadedConfig;
}

/**
 * Reads and parses every file; keeps only minutes. A file named explicitly that is not
 * minutes is reported through `notMinutes` so the user learns why nothing was shown.
 */
export async function loadDocuments(args: readonly string[], notMinutes: (path: string) => void, warn: Warn, maxSize?: number): Promise<LoadedDocument[]> {
  const out: LoadedDocument[] = [];
  for (const { path, explicit } of await expandPaths(args, warn)) {
    const source = await readSource(path, explicit, maxSize);
    const config = await configFor(path);
    const doc = parseMinutes(source.text, { assumeMinutes: matchesFiles(path, config) });
    if (doc.isMinutes) out.push({ source, doc, config });
    else if (explicit) notMinutes(path);
  }
  return out;
}

export const NOT_MINUTES = 'not a minutes document (no typ/type profile in the front matter, and the path does not match "files")';
