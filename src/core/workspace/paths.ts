// Which URIs lie under a folder URI, and the bookkeeping that lets the extension's index
// follow file events in bursts without a race: pending folders reduced to the outermost
// ones, and a clock that says whether a file (or a folder above it) had an event after an
// operation on it began, so that the later event wins. Pure: URIs are strings as
// `Uri.toString()` writes them.

/** A folder URI without a trailing slash (events and joins write it either way). */
export function folderKey(uri: string): string {
  return uri.length > 1 && uri.endsWith('/') ? uri.slice(0, -1) : uri;
}

/** Whether `uri` lies under `folder` (a path prefix ending at a `/`: `a/bc` is not under `a/b`). */
export function isUnder(uri: string, folder: string): boolean {
  const base = `${folderKey(folder)}/`;
  return uri.length > base.length && uri.startsWith(base);
}

/** Whether `uri` is `folder` itself or lies under it. */
export function isSameOrUnder(uri: string, folder: string): boolean {
  return folderKey(uri) === folderKey(folder) || isUnder(uri, folder);
}

/** The URIs that lie under a folder (a deleted folder takes these with it). */
export function urisUnder(uris: Iterable<string>, folder: string): string[] {
  const out: string[] = [];
  for (const uri of uris) if (isUnder(uri, folder)) out.push(uri);
  return out;
}

/** Of a set of paths, the one that is `uri` or a folder above it, if any. */
export function containing(paths: Iterable<string>, uri: string): string | undefined {
  for (const p of paths) if (isSameOrUnder(uri, p)) return p;
  return undefined;
}

/** The paths not under another of them, each once, in order: a created tree is scanned from its top. */
export function outermost(uris: Iterable<string>): string[] {
  const keys = [...new Set([...uris].map(folderKey))];
  return keys.filter((k) => !keys.some((other) => other !== k && isUnder(k, other)));
}

/**
 * Folders waiting to be scanned. A burst of events (a checkout creates a folder and its
 * subfolders) becomes one scan of each outermost folder; a deletion drops what was
 * pending under it.
 */
export class PendingFolders {
  private readonly paths = new Set<string>();

  get size(): number {
    return this.paths.size;
  }

  add(uri: string): void {
    this.paths.add(folderKey(uri));
  }

  /** Whether `uri` is a pending folder or lies under one (its search will read it). */
  covers(uri: string): boolean {
    return containing(this.paths, uri) !== undefined;
  }

  /** Forgets the folder and everything pending under it. */
  dropUnder(folder: string): void {
    for (const p of [...this.paths]) if (isSameOrUnder(p, folder)) this.paths.delete(p);
  }

  /** Takes every pending folder, the outermost ones only. */
  take(): string[] {
    const out = outermost(this.paths);
    this.paths.clear();
    return out;
  }
}

/**
 * Tells whether a file had an event after an operation on it began. An operation (a read,
 * a search of a folder) notes `now()` or `touch(uri)` when it starts and, before it
 * changes the index, asks `touchedSince(uri, start)`: true when the file or a folder
 * above it was touched later (deleted, created again, read again), and then its result
 * is stale. Times are kept only while an operation is running (`run`).
 */
export class PathClock {
  private time = 0;
  private running = 0;
  private readonly stamps = new Map<string, number>();

  /** The time an operation starting now compares with. */
  now(): number {
    return this.time;
  }

  /** Records an event of a file or folder; returns its time. */
  touch(uri: string): number {
    this.time++;
    // With nothing running no operation can be stale: nothing to keep.
    if (this.running > 0) this.stamps.set(folderKey(uri), this.time);
    return this.time;
  }

  /** Whether `uri` or a folder above it was touched after `since`. */
  touchedSince(uri: string, since: number): boolean {
    if (this.stamps.size === 0) return false;
    let path = folderKey(uri);
    for (;;) {
      if ((this.stamps.get(path) ?? 0) > since) return true;
      const slash = path.lastIndexOf('/');
      if (slash <= 0) return false;
      path = path.slice(0, slash);
    }
  }

  /** Runs an operation; the times are dropped when the last one running ends. */
  async run<T>(operation: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await operation();
    } finally {
      if (--this.running === 0) this.stamps.clear();
    }
  }
}
