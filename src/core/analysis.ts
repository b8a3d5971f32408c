// Incremental analysis of one document across its versions: sections whose text did
// not change are taken from the previous parse instead of being parsed again.
import { lint, type LintOptions } from './lint/engine';
import type { Finding } from './lint/types';
import type { MinutesDocument } from './model';
import { parseMinutes, type SectionCache, type SectionCacheEntry } from './parser';

export interface Analysis {
  readonly doc: MinutesDocument;
  readonly findings: readonly Finding[];
}

/**
 * Keeps the section models of the last parse only: after an edit the untouched
 * sections hit, and memory stays bounded by one version of the document.
 */
export class GenerationalSectionCache implements SectionCache {
  private previous = new Map<string, SectionCacheEntry>();
  private current = new Map<string, SectionCacheEntry>();
  hits = 0;
  misses = 0;

  get(text: string): SectionCacheEntry | undefined {
    const entry = this.current.get(text) ?? this.previous.get(text);
    if (entry) {
      this.hits++;
      this.current.set(text, entry);
    } else this.misses++;
    return entry;
  }

  set(text: string, entry: SectionCacheEntry): void {
    this.current.set(text, entry);
  }

  /** The entries of the current generation, to hand to another thread's cache. */
  entries(): [string, SectionCacheEntry][] {
    return [...this.current];
  }

  /** Takes entries computed elsewhere (a worker's full analysis) as the last generation. */
  seed(entries: Iterable<[string, SectionCacheEntry]>): void {
    for (const [text, entry] of entries) this.previous.set(text, entry);
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }

  /** Ends one parse: what it did not use is dropped at the end of the next. */
  endGeneration(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

export interface AnalyzeOptions extends LintOptions {
  readonly assumeMinutes?: boolean;
}

/** One per document: parse (incrementally) and lint. */
export class DocumentAnalyzer {
  private readonly cache = new GenerationalSectionCache();

  parse(text: string, assumeMinutes = false): MinutesDocument {
    const doc = parseMinutes(text, { assumeMinutes, cache: this.cache });
    this.cache.endGeneration();
    return doc;
  }

  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    const doc = this.parse(text, options.assumeMinutes);
    return { doc, findings: lint(doc, options) };
  }

  get cacheStats(): { hits: number; misses: number } {
    return { hits: this.cache.hits, misses: this.cache.misses };
  }
}

/** Parse and lint without any cache: the reference the incremental path must equal. */
export function analyzeFull(text: string, options: AnalyzeOptions = {}): Analysis {
  const doc = parseMinutes(text, { assumeMinutes: !!options.assumeMinutes });
  return { doc, findings: lint(doc, options) };
}
