// Incremental analysis of one document across its versions: sections whose text did
// not change are taken from the previous parse instead of being parsed again. Told what
// changed (the editor's change ranges), the analyzer splits the text only around the
// change, takes every other section from the last version without comparing texts, and
// moves no section: a model that moved is placed when it is read. The result is always
// that of a full analysis (`analyzeFull`).
import { ItemLintState, lint, type ItemEdit, type ItemMemo, type ItemSlots, type LintOptions } from './lint/engine';
import type { Finding } from './lint/types';
import type { Language, MinutesDocument } from './model';
import {
  assembleDocument, firstAtOrAfter, parseBodySection, parseFrontMatterSection, parseLayout, parseMinutes, type Assembly, type BodyEdit, type DocumentLayout,
  type ParseOptions, type SectionCache, type SectionCacheEntry,
} from './parser';
import { resplit, type ChangeRange } from './sections';

export interface Analysis {
  readonly doc: MinutesDocument;
  readonly findings: readonly Finding[];
}

/** A section of the last parse: its text, its entry, where it starts and its distance to the text's end. */
export interface CachedSection {
  readonly text: string;
  readonly entry: SectionCacheEntry;
  readonly start: number;
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
      if (p[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    if (p[lo]?.start === start) {
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

  set(text: string, entry: SectionCacheEntry, start: number, textLength: number): void {
    this.current.push({ text, entry, start, fromEnd: textLength - start });
  }

  /** The sections of the last finished parse, to hand to another thread's cache. */
  lastSections(): CachedSection[] {
    return this.previous;
  }

  /** Takes sections computed elsewhere (a worker's full analysis, the last layout) as the last generation. */
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

/**
 * An edit the editor reports: `[start, end)` of the text analysed last was replaced by
 * `newLength` characters. A list of them applies in order, each to the text the ones
 * before it left (VS Code's `contentChanges`, over as many change events as came).
 */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly newLength: number;
}

/**
 * One range that covers a list of changes: `[start, oldEnd)` of the text before them is
 * `[start, newEnd)` of the text after them. Undefined for a change that cannot be.
 */
export function composeChanges(changes: readonly TextChange[], before?: ChangeRange): ChangeRange | undefined {
  let hull = before;
  for (const c of changes) {
    if (!(c.start >= 0 && c.end >= c.start && c.newLength >= 0)) return undefined;
    const newEnd = c.start + c.newLength;
    if (!hull) {
      hull = { start: c.start, oldEnd: c.end, newEnd };
      continue;
    }
    // In the text between the changes: before the hull it is the old text, after it the old text moved.
    const lo = Math.min(hull.start, c.start);
    const hi = Math.max(hull.newEnd, c.end);
    hull = { start: lo, oldEnd: hull.oldEnd + (hi - hull.newEnd), newEnd: hi + c.newLength - (c.end - c.start) };
  }
  return hull;
}

export interface AnalyzeOptions extends LintOptions {
  readonly assumeMinutes?: boolean;
  /** Overrides the document's language (the editor's `justera.language`). */
  readonly language?: Language;
  /** Set to false to parse only (a document that is not lintable, say). */
  readonly lint?: boolean;
  /**
   * What changed since the text this analyzer analysed last, if the caller knows: the text
   * is then split only around it and no other section is compared. Offsets are the
   * editor's (a leading BOM counts). Without it, or when it does not fit the texts, every
   * section is looked up by its text.
   */
  readonly change?: TextChange | readonly TextChange[];
}

/**
 * Whether an analysis of a text of `size` has `threshold` or more of text to parse that its
 * analyzer has not seen: a document that large not analysed yet (`warm` false), an edit
 * that brought that much (a paste), or, when the edits since the last analysis are not
 * known, a text that grew by that much since (`lastSize`). The editor parses such text in
 * a worker thread.
 */
export function hasLargeNewText(
  o: { readonly size: number; readonly warm: boolean; readonly change?: TextChange; readonly lastSize?: number },
  threshold: number,
): boolean {
  if (o.size < threshold) return false;
  if (!o.warm) return true;
  if (o.change) return o.change.newLength >= threshold;
  return o.lastSize === undefined || o.size - o.lastSize >= threshold;
}

/** More sections than this between the edges of a change: the whole text is split and looked up instead. */
const RESCAN_LIMIT = 64;

/** One per document: parse (incrementally) and lint. */
export class DocumentAnalyzer {
  private readonly cache = new GenerationalSectionCache();
  /** The last version, as the next one continues from it. */
  private layout: DocumentLayout | undefined;
  private assembly: Assembly | undefined;
  /** How the last version came from the one before, when it was told. */
  private edit: BodyEdit | undefined;
  /** What the last lint found in the items; `linted` says whether it ran on the version before the last. */
  private readonly itemState = new ItemLintState();
  private linted = false;
  /** Whether the cache's last generation is the layout's sections (after an analysis told its change it is filled when needed). */
  private cacheCurrent = true;
  private hits = 0;
  private misses = 0;

  parse(text: string, options: Pick<AnalyzeOptions, 'assumeMinutes' | 'language' | 'change'> = {}): MinutesDocument {
    this.linted = false;
    return this.parsed(text, options);
  }

  private parsed(text: string, options: Pick<AnalyzeOptions, 'assumeMinutes' | 'language' | 'change'>): MinutesDocument {
    const continued = options.change === undefined ? undefined : this.continued(text, options.change);
    const before = this.assembly;
    if (continued) {
      this.layout = continued.layout;
      // The cache's sections are those of an earlier version now: dropped, not kept alive.
      if (this.cacheCurrent) this.cache.seed([]);
      this.cacheCurrent = false;
      const { doc, assembly } = assembleDocument(continued.layout, parseOptions(options), before && { assembly: before, edit: continued.edit });
      this.assembly = assembly;
      this.edit = before && continued.edit;
      return doc;
    }
    if (!this.cacheCurrent && this.layout) this.cache.seed(cachedSections(this.layout));
    this.cacheCurrent = true;
    const layout = parseLayout(text, { ...parseOptions(options), cache: this.cache });
    this.cache.endGeneration();
    this.layout = layout;
    const { doc, assembly } = assembleDocument(layout, parseOptions(options));
    this.assembly = assembly;
    this.edit = undefined;
    return doc;
  }

  /** The layout of `input` from the last one and what changed; undefined when the change does not fit. */
  private continued(input: string, change: TextChange | readonly TextChange[]): { layout: DocumentLayout; edit: BodyEdit } | undefined {
    const last = this.layout;
    if (!last) return undefined;
    const range = composeChanges(isList(change) ? change : [change]);
    if (!range) return undefined;
    const bom = input.charCodeAt(0) === 0xfeff;
    const lead = last.bom ? 1 : 0;
    if (bom !== last.bom || range.start < lead || range.oldEnd > last.text.length + lead) return undefined;
    if (input.length !== last.text.length + lead + range.newEnd - range.oldEnd) return undefined;
    const text = bom ? input.slice(1) : input;
    const at: ChangeRange = { start: range.start - lead, oldEnd: range.oldEnd - lead, newEnd: range.newEnd - lead };
    const noCR = last.noCR && !hasCR(text, at.start, at.newEnd);
    const split = resplit(text, { ...(last.front ? { front: last.front.raw } : {}), starts: last.starts }, at, { noCR, limit: RESCAN_LIMIT });
    if (!split) return undefined;

    const delta = at.newEnd - at.oldEnd;
    // Arrays of their final length: growing them by push reallocated them as they grew,
    // on every keystroke (at 10 MB, 7 % of what an edit allocated).
    const length = split.head + split.fresh.length + last.starts.length - split.tail;
    const starts = new Array<number>(length);
    const entries = new Array<SectionCacheEntry>(length);
    let n = 0;
    for (; n < split.head; n++) {
      starts[n] = last.starts[n]!;
      entries[n] = last.entries[n]!;
    }
    for (const r of split.fresh) {
      starts[n] = r.start;
      // A section the scan passed before the change is the one that stood there.
      const i = r.end <= at.start ? sectionAt(last, r.start, r.end) : -1;
      if (i >= 0) {
        entries[n] = last.entries[i]!;
        this.hits++;
      } else {
        entries[n] = parseBodySection(text, r.start, r.end);
        this.misses++;
      }
      n++;
    }
    for (let j = split.tail; j < last.starts.length; j++, n++) {
      starts[n] = last.starts[j]! + delta;
      entries[n] = last.entries[j]!;
    }
    this.hits += split.head + last.starts.length - split.tail;
    let front = last.front;
    if (split.rescannedFront) {
      const raw = split.front;
      front = raw && last.front && raw.end <= at.start && sameRaw(raw, last.front.raw) ? last.front : raw && parseFrontMatterSection(text, raw);
    }
    return {
      layout: { text, bom, noCR, ...(front ? { front } : {}), starts, entries },
      edit: { head: split.head, fresh: split.fresh.length, tail: split.tail, delta },
    };
  }

  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    const before = this.assembly;
    const doc = this.parsed(text, options);
    const linted = this.linted;
    this.linted = false;
    if (options.lint === false || !doc.isMinutes) return { doc, findings: [] };
    // An item's findings are kept with its section, so an unchanged item is not checked again;
    // told the edit, the engine visits only the items it touched.
    const { starts, entries } = this.layout!;
    const { itemBodies } = this.assembly!;
    const edit = linted && before && this.edit ? itemEdit(before.itemBodies, itemBodies, this.edit) : undefined;
    const slots: ItemSlots = {
      length: itemBodies.length,
      memo: (k) => entries[itemBodies[k]!]!.memo as ItemMemo,
      start: (k) => starts[itemBodies[k]!]!,
      content: (k) => entries[itemBodies[k]!]!.model.item!,
      state: this.itemState,
      ...(edit ? { edit } : {}),
    };
    const findings = lint(doc, { ...options, itemSlots: slots });
    this.linted = true;
    return { doc, findings };
  }

  /** Whether a version was analysed already (the next analysis is incremental). */
  get warm(): boolean {
    return this.layout !== undefined || this.cache.size > 0;
  }

  /** The sections of the last analysis, to continue from in another thread. */
  sections(): CachedSection[] {
    if (!this.cacheCurrent && this.layout) {
      this.cache.seed(cachedSections(this.layout));
      this.cacheCurrent = true;
    }
    return this.cache.lastSections();
  }

  /** Continues from sections analysed in another thread. */
  seed(sections: readonly CachedSection[]): void {
    this.cache.seed(sections);
    this.layout = undefined;
    this.assembly = undefined;
    this.edit = undefined;
    this.linted = false;
    this.cacheCurrent = true;
  }

  get cacheStats(): { hits: number; misses: number } {
    return { hits: this.cache.hits + this.hits, misses: this.cache.misses + this.misses };
  }
}

/** An edit of body sections as an edit of items. */
function itemEdit(before: readonly number[], after: readonly number[], edit: BodyEdit): ItemEdit {
  const head = firstAtOrAfter(before, edit.head);
  return {
    head,
    fresh: firstAtOrAfter(after, edit.head + edit.fresh) - head,
    tail: firstAtOrAfter(before, edit.tail),
    delta: edit.delta,
  };
}

function isList(change: TextChange | readonly TextChange[]): change is readonly TextChange[] {
  return Array.isArray(change);
}

function hasCR(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 13) return true;
  return false;
}

/** The index of the body section of `layout` that is `[start, end)`, or -1. */
function sectionAt(layout: DocumentLayout, start: number, end: number): number {
  const { starts } = layout;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  if (starts[lo] !== start) return -1;
  return (lo + 1 < starts.length ? starts[lo + 1] : layout.text.length) === end ? lo : -1;
}

function sameRaw(a: { start: number; end: number; contentStart?: number; contentEnd?: number; unterminated?: boolean }, b: typeof a): boolean {
  return a.start === b.start && a.end === b.end && a.contentStart === b.contentStart && a.contentEnd === b.contentEnd && !!a.unterminated === !!b.unterminated;
}

/** A layout's body sections as the cache keeps them. */
function cachedSections(layout: DocumentLayout): CachedSection[] {
  const { text, starts, entries } = layout;
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]! : text.length;
    return { text: text.slice(start, end), entry: entries[i]!, start, fromEnd: text.length - start };
  });
}

function parseOptions(options: Pick<AnalyzeOptions, 'assumeMinutes' | 'language'>): ParseOptions {
  return { assumeMinutes: !!options.assumeMinutes, ...(options.language ? { language: options.language } : {}) };
}

/** Parse and lint without any cache: the reference the incremental path must equal. */
export function analyzeFull(text: string, options: AnalyzeOptions = {}): Analysis {
  const doc = parseMinutes(text, parseOptions(options));
  return { doc, findings: options.lint === false || !doc.isMinutes ? [] : lint(doc, options) };
}
