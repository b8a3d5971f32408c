// Incremental analysis of one document across its versions: sections whose text did
// not change are taken from the previous parse instead of being parsed again.
import { lint, type ItemMemo, type ItemSlot, type LintOptions } from './lint/engine';
import type { Finding } from './lint/types';
import type { Language, MinutesDocument } from './model';
import { parseMinutes, type ParseOptions, type SectionCache, type SectionCacheEntry } from './parser';

export interface Analysis {
  readonly doc: MinutesDocument;
  readonly findings: readonly Finding[];
}

/** A section of the last parse: its text, its entry, and its distance to the text's end. */
export interface CachedSection {
  readonly text: string;
  readonly entry: SectionCacheEntry;
  readonly fromEnd: number;
}

/**
 * Keeps the section models of the last parse only: after an edit the untouched
 * sections hit, and memory stays bounded by one version of the document. A section
 * before the edit is found at its old start, one after it at its old distance to the
 * end, each confirmed by comparing its text, so typing hashes no section text. A
 * section found at neither place (moved, or pasted) is looked for among the last
 * parse's sections of the same length.
 */
export class GenerationalSectionCache implements SectionCache {
  /** The last parse's sections, in document order (so by start, and by distance to the end reversed). */
  private previous: CachedSection[] = [];
  private byLength: Map<number, CachedSection[]> | undefined;
  private current: CachedSection[] = [];
  hits = 0;
  misses = 0;

  get(text: string, start: number, textLength: number): SectionCacheEntry | undefined {
    const entry = this.at(text, start, textLength) ?? this.moved(text);
    if (entry) this.hits++;
    else this.misses++;
    return entry;
  }

  private same(i: number, text: string): SectionCacheEntry | undefined {
    const s = this.previous[i];
    return s && s.text.length === text.length && s.text === text ? s.entry : undefined;
  }

  /** The section that stood at the same start, or at the same distance to the end, with the same text. */
  private at(text: string, start: number, textLength: number): SectionCacheEntry | undefined {
    const p = this.previous;
    // Binary searches: starts ascend, distances to the end descend.
    let lo = 0;
    let hi = p.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (p[mid]!.entry.start < start) lo = mid + 1;
      else hi = mid;
    }
    if (p[lo]?.entry.start === start) {
      const hit = this.same(lo, text);
      if (hit) return hit;
    }
    const fromEnd = textLength - start;
    lo = 0;
    hi = p.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (p[mid]!.fromEnd > fromEnd) lo = mid + 1;
      else hi = mid;
    }
    return p[lo]?.fromEnd === fromEnd ? this.same(lo, text) : undefined;
  }

  private moved(text: string): SectionCacheEntry | undefined {
    if (this.previous.length === 0) return undefined;
    if (!this.byLength) {
      this.byLength = new Map();
      for (const s of this.previous) {
        const list = this.byLength.get(s.text.length);
        if (list) list.push(s);
        else this.byLength.set(s.text.length, [s]);
      }
    }
    return this.byLength.get(text.length)?.find((s) => s.text === text)?.entry;
  }

  set(text: string, entry: SectionCacheEntry, textLength: number): void {
    this.current.push({ text, entry, fromEnd: textLength - entry.start });
  }

  /** The sections of the last finished parse, to hand to another thread's cache. */
  lastSections(): CachedSection[] {
    return this.previous;
  }

  /** Takes sections computed elsewhere (a worker's full analysis) as the last generation. */
  seed(sections: readonly CachedSection[]): void {
    this.current = [...sections];
    this.endGeneration();
  }

  get size(): number {
    return this.current.length + this.previous.length;
  }

  /** Ends one parse: what it did not use is dropped at the end of the next. */
  endGeneration(): void {
    this.previous = this.current;
    this.byLength = undefined;
    this.current = [];
  }
}

export interface AnalyzeOptions extends LintOptions {
  readonly assumeMinutes?: boolean;
  /** Overrides the document's language (the editor's `justera.language`). */
  readonly language?: Language;
  /** Set to false to parse only (a document that is not lintable, say). */
  readonly lint?: boolean;
}

/** One per document: parse (incrementally) and lint. */
export class DocumentAnalyzer {
  private readonly cache = new GenerationalSectionCache();

  parse(text: string, options: Pick<AnalyzeOptions, 'assumeMinutes' | 'language'> = {}): MinutesDocument {
    const doc = parseMinutes(text, { ...parseOptions(options), cache: this.cache });
    this.cache.endGeneration();
    return doc;
  }

  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    const doc = this.parse(text, options);
    if (options.lint === false || !doc.isMinutes) return { doc, findings: [] };
    // An item's findings are kept with its section, so an unchanged item is not checked again.
    // Sections with an item are the document's items, in order.
    const slots: ItemSlot[] = [];
    for (const s of this.cache.lastSections()) {
      const item = s.entry.model.item;
      if (item) slots.push({ memo: s.entry.memo as ItemMemo, start: s.entry.start, content: item });
    }
    return { doc, findings: lint(doc, { ...options, itemSlots: slots }) };
  }

  /** Whether a version was analysed already (the next analysis is incremental). */
  get warm(): boolean {
    return this.cache.size > 0;
  }

  /** The sections of the last analysis, to continue from in another thread. */
  sections(): CachedSection[] {
    return this.cache.lastSections();
  }

  /** Continues from sections analysed in another thread. */
  seed(sections: readonly CachedSection[]): void {
    this.cache.seed(sections);
  }

  get cacheStats(): { hits: number; misses: number } {
    return { hits: this.cache.hits, misses: this.cache.misses };
  }
}

function parseOptions(options: Pick<AnalyzeOptions, 'assumeMinutes' | 'language'>): ParseOptions {
  return { assumeMinutes: !!options.assumeMinutes, ...(options.language ? { language: options.language } : {}) };
}

/** Parse and lint without any cache: the reference the incremental path must equal. */
export function analyzeFull(text: string, options: AnalyzeOptions = {}): Analysis {
  const doc = parseMinutes(text, parseOptions(options));
  return { doc, findings: options.lint === false || !doc.isMinutes ? [] : lint(doc, options) };
}
