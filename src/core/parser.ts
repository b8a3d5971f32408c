// The dialect parser: text → MinutesDocument. The document is cut into top-level
// sections (sections.ts); each is parsed by remark on its own into a section model
// with offsets relative to the section, so that an unchanged section can be reused
// from a cache after an edit elsewhere and only shifted into place.
import type { Blockquote, ListItem, Nodes, Paragraph as MdParagraph, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseFrontMatter } from './frontMatter';
import { moveSection } from './move';
import { remarkTaskListItem } from './remarkTaskList';
import {
  APPROVED_ITEMS_LABELS, IMMEDIATE_ITEMS_LABELS, ATTENDANCE_GROUPS, ATTENDANCE_TITLES, CALLOUT_WORDS, FIELD_KEYS, JUSTERING_TITLES,
  NOTICE_LABELS, NOTICE_TITLES, PROFILE_WORDS, ROLE_WORDS, SIGNER_LABELS, VOTE_WORDS, YES_WORDS, canonicalKey, lookup,
} from './keywords';
import type {
  Action, ActionStatus, Attendance, AttendanceGroup, Ballot, Callout, Decision, Field, FrontMatter, Heading, Item, Justering, Language,
  MinutesDocument, Notice, NoticeLine, Paragraph, ParseProblem, Person, Role, Section, Signer, Span, SubTopic,
} from './model';
import { splitNames, stripParenthesis } from './people';
import { scanSections, type RawSection } from './sections';
import { asDecision, type SectionModel } from './sectionModel';
import { collapseSpace, detach, lineEndAt } from './text';

export type { SectionModel };

export interface ParseOptions {
  /** The file's path matches `justera.files`: minutes even without a profile. */
  readonly assumeMinutes?: boolean;
  /** Reuse of section models between parses of versions of one document. */
  readonly cache?: SectionCache;
  /** The language of messages and inserted text, whatever the document says (a setting). */
  readonly language?: Language;
  /** Told each section's mdast as it is parsed (the renderer reuses it instead of parsing again). */
  readonly onSectionTree?: (start: number, tree: Root) => void;
}

/**
 * A section's model as it was placed last (at `start`): reused as it is while the section
 * does not move, else moved when it is read (`placeSection`), and then kept at its new
 * place (the two fields change together, nothing else does).
 */
export interface SectionCacheEntry {
  start: number;
  model: SectionModel;
  /** What others derive from the section (lint findings), kept with it as it moves. */
  readonly memo: Map<string, unknown>;
}

export interface SectionCache {
  /** The entry for a section's text; `start` and the document's length say where it stands now. */
  get(text: string, start: number, textLength: number): SectionCacheEntry | undefined;
  /** Records the entry a section of this parse uses, at `start` (every section, found or new). */
  set(text: string, entry: SectionCacheEntry, start: number, textLength: number): void;
}

/**
 * A parsed document as the incremental analyzer continues from it: its text, its front
 * matter, and where each body section starts with the entry of its model (which may be
 * placed elsewhere, in another version).
 */
export interface DocumentLayout {
  /** The text parsed (a leading BOM dropped). */
  readonly text: string;
  readonly bom: boolean;
  /** Whether `text` holds no `\r` (line scans then never search for one). */
  readonly noCR: boolean;
  readonly front?: { readonly raw: RawSection; readonly model: FrontMatter };
  readonly starts: readonly number[];
  readonly entries: readonly SectionCacheEntry[];
}

/** A section's model placed at `start`: the entry's own when it stands there, else moved there (and kept there). */
export function placeSection(entry: SectionCacheEntry, start: number): SectionModel {
  if (entry.start !== start) {
    entry.model = moveSection(entry.model, start - entry.start);
    entry.start = start;
  }
  return entry.model;
}

/** A body section parsed on its own and placed at `start`. */
export function parseBodySection(text: string, start: number, end: number, onTree?: (start: number, tree: Root) => void): SectionCacheEntry {
  // Copied out of the document first: its model is cached across versions and must not
  // keep this version's whole text alive.
  const own = detach(text.slice(start, end));
  const tree = () => {
    if (tooDeep(own, 0, own.length)) return undefined;
    const root = processor.parse(own) as Root;
    onTree?.(start, root);
    return root;
  };
  return { start, model: moveSection(safeParseSection(own, 0, own.length, tree), start), memo: new Map() };
}

export function parseFrontMatterSection(text: string, r: RawSection): { raw: RawSection; model: FrontMatter } {
  return { raw: r, model: parseFrontMatter(text.slice(r.contentStart!, r.contentEnd!), r.contentStart!, { start: r.start, end: r.end }, !!r.unterminated) };
}

/** The remark pipeline: CommonMark + GFM task list items. Exported for the benchmark baseline. */
export const processor = unified().use(remarkParse).use(remarkTaskListItem);

export function parseMinutes(input: string, options: ParseOptions = {}): MinutesDocument {
  return assembleDocument(parseLayout(input, options), options).doc;
}

/** Splits and parses a text (each section from the cache when it has it) into its layout. */
export function parseLayout(input: string, options: ParseOptions = {}): DocumentLayout {
  const bom = input.charCodeAt(0) === 0xfeff;
  const text = bom ? input.slice(1) : input;
  const noCR = text.indexOf('\r') < 0;
  const raw = scanSections(text, 0, { noCR }).sections;
  let front: DocumentLayout['front'];
  const starts: number[] = [];
  const entries: SectionCacheEntry[] = [];

  // A first parse of a small document: one remark call for the whole body. The front
  // matter is blanked (same length) so that the tree's offsets are the document's.
  const bodies = raw.filter((r) => r.kind === 'body');
  let wholeTrees: Root[] | undefined;
  const base = bodies[0]?.start ?? 0;
  if (
    bodies.length > 1 && text.length - base <= WHOLE_PARSE_LIMIT && !tooDeep(text, base, text.length)
    && !bodies.some((b) => options.cache?.get(text.slice(b.start, b.end), b.start, text.length))
  ) {
    const padded = base === 0 ? text : text.slice(0, base).replace(/[^\r\n]/g, ' ') + text.slice(base);
    try {
      wholeTrees = groupBySection(processor.parse(padded) as Root, bodies);
    } catch {
      // Each section is then parsed on its own, and the one that fails is kept opaque.
    }
  }
  let bodyIndex = 0;

  for (const r of raw) {
    if (r.kind === 'front-matter') {
      front = parseFrontMatterSection(text, r);
      continue;
    }
    const sectionText = text.slice(r.start, r.end);
    const whole = wholeTrees?.[bodyIndex++];
    let entry = options.cache?.get(sectionText, r.start, text.length);
    if (!entry) {
      entry = whole
        ? { start: r.start, model: safeParseSection(text, r.start, r.end, () => (options.onSectionTree?.(r.start, whole), whole)), memo: new Map() }
        : parseBodySection(text, r.start, r.end, options.onSectionTree);
    }
    // A section found elsewhere is placed here when it is read.
    options.cache?.set(sectionText, entry, r.start, text.length);
    starts.push(r.start);
    entries.push(entry);
  }
  return { text, bom, noCR, ...(front ? { front } : {}), starts, entries };
}

/** What a document took from its layout, for the next version's to start from. */
export interface Assembly {
  /** The body section of each item, and the item where it is placed already. */
  readonly itemBodies: readonly number[];
  readonly items: readonly (Item | undefined)[];
  /** The same for the body sections the document lists (a blank preamble it does not). */
  readonly sectionBodies: readonly number[];
  readonly sections: readonly (Section | undefined)[];
  /** Body sections the document takes more from (problems, title, attendance, justering, notice) or leaves out. */
  readonly specials: readonly number[];
}

/**
 * An edit in terms of body sections: `[0, head)` are as they were, then `fresh` new ones,
 * then the old ones from `tail` on, each moved by `delta`.
 */
export interface BodyEdit {
  readonly head: number;
  readonly fresh: number;
  readonly tail: number;
  readonly delta: number;
}

/**
 * The document of a layout. The models of sections that stand where they were placed are
 * used as they are; those of sections that moved are moved when `doc.items` or
 * `doc.sections` are read at their index (so an edit costs nothing for the sections it
 * moves until they are read). Given the assembly of the version before and the edit, only
 * the sections the edit touched are visited.
 */
export function assembleDocument(
  layout: DocumentLayout, options: Pick<ParseOptions, 'assumeMinutes' | 'language'> = {}, from?: { readonly assembly: Assembly; readonly edit: BodyEdit },
): { doc: MinutesDocument; assembly: Assembly } {
  const { text, entries, starts } = layout;
  const assembly = from ? spliceAssembly(layout, from.assembly, from.edit) : visitAll(layout);
  const frontMatter = layout.front?.model;
  const problems: ParseProblem[] = [];
  let title: Heading | undefined;
  let attendance: Attendance | undefined;
  let justering: Justering | undefined;
  let notice: Notice | undefined;
  if (layout.front && frontMatter?.yamlError) {
    problems.push({ kind: layout.front.raw.unterminated ? 'unterminated-front-matter' : 'yaml', message: frontMatter.yamlError.message, span: frontMatter.yamlError.span });
  }
  for (const i of assembly.specials) {
    if (skipped(text, layout, i)) continue;
    // What the document takes from the section besides its item is placed now (a few sections).
    const m = placeSection(entries[i]!, starts[i]!);
    for (const p of m.problems) problems.push(p);
    if (m.kind === 'title' && !title && m.heading) title = m.heading;
    if (m.attendance) attendance = mergeAttendance(attendance, m.attendance);
    if (m.justering && !justering) justering = m.justering;
    if (m.notice && !notice) notice = m.notice;
  }

  const at = (i: number) => placeSection(entries[i]!, starts[i]!);
  const { itemBodies, sectionBodies } = assembly;
  // The arrays read on are the assembly's, so that what is placed is there for the next version.
  const items = assembly.items.includes(undefined)
    ? placedOnRead(assembly.items as (Item | undefined)[], (k) => at(itemBodies[k]!).item!)
    : (assembly.items as Item[]);
  const bodySections = assembly.sections.includes(undefined)
    ? placedOnRead(assembly.sections as (Section | undefined)[], (k) => at(sectionBodies[k]!).section)
    : (assembly.sections as Section[]);
  const sections = frontMatter ? withFront({ kind: 'front-matter', span: frontMatter.span }, bodySections) : bodySections;
  const profile = frontMatter?.type;
  const typeWord = frontMatter?.values.type?.value;
  const spelledLanguage = typeof typeWord === 'string' ? lookup(PROFILE_WORDS, typeWord)?.language : undefined;
  const doc: MinutesDocument = {
    text,
    isMinutes: profile !== undefined || !!options.assumeMinutes,
    ...(profile ? { profile } : {}),
    effectiveProfile: profile ?? 'notes',
    language: options.language ?? frontMatter?.lang ?? spelledLanguage ?? 'sv',
    ...(frontMatter ? { frontMatter } : {}),
    ...(title ? { title } : {}),
    ...(attendance ? { attendance } : {}),
    items,
    ...(justering ? { justering } : {}),
    ...(notice ? { notice } : {}),
    sections,
    problems,
  };
  return { doc, assembly };
}

/** A preamble of white space only: no section of the document. */
function skipped(text: string, layout: DocumentLayout, i: number): boolean {
  const { entries, starts } = layout;
  if (entries[i]!.model.kind !== 'preamble') return false;
  return text.slice(starts[i]!, i + 1 < starts.length ? starts[i + 1] : text.length).trim() === '';
}

function isSpecial(m: SectionModel): boolean {
  return m.problems.length > 0 || m.kind === 'title' || m.kind === 'preamble' || !!m.attendance || !!m.justering || !!m.notice;
}

/** The front matter's section, then the body sections (placed on read when they are). */
function withFront(front: Section, bodies: readonly Section[]): readonly Section[] {
  if (!isPlacedOnRead(bodies)) return [front].concat(bodies);
  return placedOnRead(([front] as (Section | undefined)[]).concat(new Array<Section | undefined>(bodies.length).fill(undefined)), (k) => bodies[k - 1]!);
}

function visitAll(layout: DocumentLayout): Assembly {
  const { text, starts, entries } = layout;
  const itemBodies: number[] = [];
  const items: (Item | undefined)[] = [];
  const sectionBodies: number[] = [];
  const sections: (Section | undefined)[] = [];
  const specials: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const m = entry.model;
    const here = entry.start === starts[i];
    if (isSpecial(m)) specials.push(i);
    if (skipped(text, layout, i)) continue;
    sectionBodies.push(i);
    sections.push(here ? m.section : undefined);
    if (m.item) {
      itemBodies.push(i);
      items.push(here ? m.item : undefined);
    }
  }
  return { itemBodies, items, sectionBodies, sections, specials };
}

/** Index of the first of ascending `values` at or after `at`. */
export function firstAtOrAfter(values: readonly number[], at: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The assembly after an edit, from the one before it: only the fresh sections are visited. */
function spliceAssembly(layout: DocumentLayout, before: Assembly, edit: BodyEdit): Assembly {
  const { text, starts, entries } = layout;
  const shift = edit.head + edit.fresh - edit.tail;
  const splice = <T>(bodies: readonly number[], values: readonly (T | undefined)[], pick: (m: SectionModel) => T | undefined, listed: (i: number) => boolean) => {
    const a = firstAtOrAfter(bodies, edit.head);
    const b = firstAtOrAfter(bodies, edit.tail);
    const freshBodies: number[] = [];
    const freshValues: (T | undefined)[] = [];
    for (let i = edit.head; i < edit.head + edit.fresh; i++) {
      const entry = entries[i]!;
      if (!listed(i)) continue;
      freshBodies.push(i);
      freshValues.push(entry.start === starts[i] ? pick(entry.model) : undefined);
    }
    const tailBodies = bodies.slice(b);
    for (let k = 0; k < tailBodies.length; k++) tailBodies[k]! += shift;
    const tailValues = edit.delta === 0 ? values.slice(b) : new Array<T | undefined>(bodies.length - b).fill(undefined);
    return {
      bodies: bodies.slice(0, a).concat(freshBodies, tailBodies),
      values: values.slice(0, a).concat(freshValues, tailValues),
    };
  };
  const items = splice(before.itemBodies, before.items, (m) => m.item, (i) => !!entries[i]!.model.item);
  const sections = splice(before.sectionBodies, before.sections, (m) => m.section, (i) => !skipped(text, layout, i));
  const a = firstAtOrAfter(before.specials, edit.head);
  const b = firstAtOrAfter(before.specials, edit.tail);
  const specials = before.specials.slice(0, a);
  for (let i = edit.head; i < edit.head + edit.fresh; i++) if (isSpecial(entries[i]!.model)) specials.push(i);
  for (let k = b; k < before.specials.length; k++) specials.push(before.specials[k]! + shift);
  return { itemBodies: items.bodies, items: items.values, sectionBodies: sections.bodies, sections: sections.values, specials };
}

/**
 * An array whose missing elements (undefined in `target`) are made when first read, by any
 * means of reading an array (index, iteration, its methods, property descriptors).
 */
function placedOnRead<T>(target: (T | undefined)[], make: (i: number) => T): readonly T[] {
  const index = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const c = key.charCodeAt(0);
    if (c < 48 || c > 57) return -1;
    const i = Number(key);
    return Number.isInteger(i) && i < target.length ? i : -1;
  };
  const fill = (i: number): T => {
    let v = target[i];
    if (v === undefined) v = target[i] = make(i);
    return v;
  };
  const proxy = new Proxy(target as T[], {
    get(t, key, receiver) {
      const i = index(key);
      return i >= 0 ? fill(i) : Reflect.get(t, key, receiver);
    },
    getOwnPropertyDescriptor(t, key) {
      const i = index(key);
      if (i >= 0) fill(i);
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
  });
  onRead.add(proxy);
  return proxy;
}

const onRead = new WeakSet<object>();

function isPlacedOnRead(a: readonly unknown[]): boolean {
  return onRead.has(a);
}

function mergeAttendance(a: Attendance | undefined, b: Attendance): Attendance {
  return a ? { ...a, people: [...a.people, ...b.people] } : b;
}

/**
 * Builds one section's model. A section that cannot be read (`tree` gives undefined: it
 * nests too deep; or parsing throws) is kept as an opaque item with its heading and
 * number, and a problem that stops every fix, rather than dropped.
 */
function safeParseSection(text: string, start: number, end: number, tree: () => Root | undefined): SectionModel {
  let why: 'deep' | 'failed' = 'failed';
  try {
    const root = tree();
    if (root) return parseSection(text, start, end, root);
    why = 'deep';
  } catch {
    // Kept below.
  }
  return opaqueSection(text, start, end, why);
}

/** Nesting of quotes and lists beyond any real minutes: remark's time and memory grow superlinearly with it. */
export const MAX_NESTING = 100;

/**
 * Whether a line of `[start, end)` opens more than `MAX_NESTING` quotes and lists (`> `,
 * list markers, and the indentation of a nested list item). A cheap scan before parsing.
 */
function tooDeep(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    let depth = 0;
    let indent = 0;
    let markers = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09) {
        indent += c === 0x09 ? 4 : 1;
        i++;
      } else if (c === 0x3e /* > */) {
        markers++;
        i++;
      } else if ((c === 0x2d || c === 0x2a || c === 0x2b) && isGap(text.charCodeAt(i + 1))) {
        markers++;
        i += 2;
      } else if (c >= 0x30 && c <= 0x39) {
        let j = i;
        while (j < end && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
        const d = text.charCodeAt(j);
        if ((d === 0x2e || d === 0x29) && isGap(text.charCodeAt(j + 1))) {
          markers++;
          i = j + 2;
        } else break;
      } else break;
      depth = markers + (markers > 0 ? indent >> 1 : 0);
      if (depth > MAX_NESTING) return true;
    }
    // On to the next line.
    while (i < end && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    i++;
  }
  return false;
}

function isGap(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** The model of a section that could not be read: an item when it has a `##` heading. */
function opaqueSection(text: string, start: number, end: number, why: 'deep' | 'failed'): SectionModel {
  const span = { start, end };
  const firstEnd = lineEndAt(text, start);
  const marks = /^(#{1,2})(?:[ \t]|$)/.exec(text.slice(start, firstEnd));
  const message = why === 'deep'
    ? `The section nests quotes or lists more than ${MAX_NESTING} levels deep`
    : 'The section could not be parsed';
  const problem: ParseProblem = { kind: 'unreadable-section', message, span: { start, end: marks ? firstEnd : Math.min(end, firstEnd) } };
  if (!marks) return sectionModel('preamble', span, undefined, {}, [problem]);
  const heading = toHeading(text, marks[1]!.length, start, firstEnd);
  if (heading.depth === 1) return sectionModel('title', span, heading, {}, [problem]);
  const { fields, rest } = fieldsIn(text, heading.textSpan);
  const number = parseNumber(text, heading.textSpan, rest);
  const item = itemModel(heading, span, fields, number, rest, { subTopics: [], decisions: [], callouts: [], actions: [], paragraphs: [] }, true);
  return sectionModel('item', span, heading, { item }, [problem]);
}

/**
 * Model objects of one type all have the same properties in the same order (absent
 * ones undefined), here and in move.ts: the engine then handles them as one shape.
 */
function sectionModel(
  kind: SectionModel['kind'], span: Span, heading: Heading | undefined,
  part: Pick<SectionModel, 'item' | 'attendance' | 'justering' | 'notice'>, problems: readonly ParseProblem[],
): SectionModel {
  return {
    kind, span, heading, section: { kind, span, heading },
    item: part.item, attendance: part.attendance, justering: part.justering, notice: part.notice, problems,
  };
}

/**
 * Below this size a document without cached sections is parsed by remark in one go:
 * each remark call has a fixed cost that outweighs micromark's superlinear growth.
 */
const WHOLE_PARSE_LIMIT = 32_000;

/**
 * The root children of a whole-document parse, grouped by section; undefined when a
 * block straddles a section boundary (then every section is parsed on its own).
 */
function groupBySection(tree: Root, bodies: readonly RawSection[]): Root[] | undefined {
  const out: Root[] = bodies.map(() => ({ type: 'root', children: [] }));
  let i = 0;
  for (const node of tree.children) {
    const s = startOf(node);
    const e = endOf(node);
    while (i < bodies.length && s >= bodies[i]!.end) i++;
    const section = bodies[i];
    if (!section || s < section.start || e > section.end) return undefined;
    out[i]!.children.push(node);
  }
  return out;
}

// ---------------------------------------------------------------------------
// One section

/**
 * Builds the model of the section `[start, end)` of `text` from its mdast (`tree`, whose
 * offsets are offsets into `text`). Spans come out in `text`'s offsets.
 */
function parseSection(text: string, start: number, end: number, tree: Root): SectionModel {
  const span = { start, end };
  const first = tree.children[0];
  if (!first || first.type !== 'heading' || first.depth > 2 || startOf(first) !== start) {
    return sectionModel('preamble', span, undefined, {}, []);
  }
  const heading = toHeading(text, first.depth, startOf(first), endOf(first));
  if (first.depth === 1) return sectionModel('title', span, heading, {}, []);

  const { fields, rest } = fieldsIn(text, heading.textSpan);
  const number = parseNumber(text, heading.textSpan, rest);
  const plainTitle = normTitle(number ? number.title : rest);
  if (!number) {
    if (matchesTitle(plainTitle, ATTENDANCE_TITLES)) {
      return sectionModel('attendance', span, heading, { attendance: parseAttendance(text, tree, heading, end) }, []);
    }
    if (matchesTitle(plainTitle, JUSTERING_TITLES)) {
      return sectionModel('justering', span, heading, { justering: parseJustering(text, heading, end) }, []);
    }
    if (matchesTitle(plainTitle, NOTICE_TITLES)) {
      return sectionModel('notice', span, heading, { notice: parseNotice(text, heading, end) }, []);
    }
  }
  const problems: ParseProblem[] = [];
  const item = parseItem(text, end, tree, heading, fields, number, rest, problems);
  return sectionModel('item', span, heading, { item }, problems);
}

function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

function normTitle(s: string): string {
  return collapseSpace(s).replace(/[:.]$/, '').toLowerCase();
}

function matchesTitle(title: string, words: readonly string[]): boolean {
  return words.some((w) => title === w || title.startsWith(w + ' '));
}

function toHeading(text: string, depth: number, start: number, end: number): Heading {
  const line = text.slice(start, end);
  const marks = /^#{1,6}[ \t]*/.exec(line)?.[0].length ?? 0;
  let textEnd = end;
  // Closing #s of an ATX heading are not part of its text.
  const closing = /[ \t]+#+[ \t]*$/.exec(line);
  if (closing && closing.index >= marks) textEnd = start + closing.index;
  while (textEnd > start + marks && /\s/.test(text[textEnd - 1]!)) textEnd--;
  const textSpan = { start: start + marks, end: Math.max(start + marks, textEnd) };
  return { depth, text: text.slice(textSpan.start, textSpan.end), span: { start, end }, textSpan };
}

// ---------------------------------------------------------------------------
// Inline fields

const FIELD = /\[([^\[\]\n:]+?)::[ \t]*([^\]\n]*?)[ \t]*\]/gu;

/** Fields within `span` of `text`, and the text of the span with the fields removed. */
function fieldsIn(text: string, span: Span): { fields: Field[]; rest: string } {
  const slice = text.slice(span.start, span.end);
  const fields: Field[] = [];
  for (const m of slice.matchAll(FIELD)) {
    const rawKey = m[1]!.trim();
    const key = canonicalKey(FIELD_KEYS, rawKey) ?? rawKey.toLowerCase();
    const start = span.start + m.index!;
    const value = m[2]!;
    const afterColons = m[0].indexOf('::') + 2;
    const lead = m[0].slice(afterColons).length - m[0].slice(afterColons).trimStart().length;
    const valueStart = start + afterColons + lead;
    fields.push({ key, rawKey, value: value.trim(), span: { start, end: start + m[0].length }, valueSpan: { start: valueStart, end: valueStart + value.length } });
  }
  return { fields, rest: slice.replace(FIELD, ' ') };
}

function field(fields: readonly Field[], key: string): Field | undefined {
  return fields.find((f) => f.key === key);
}

function isYes(value: string | undefined): boolean {
  return !!value && YES_WORDS.includes(value.trim().toLowerCase());
}

// ---------------------------------------------------------------------------
// Items

interface ParsedNumber {
  readonly number: number;
  readonly style: 'paragraph' | 'dotted';
  readonly span: Span;
  readonly title: string;
}

function parseNumber(text: string, textSpan: Span, rest: string): ParsedNumber | undefined {
  const raw = text.slice(textSpan.start, textSpan.end);
  const m = /^(§[ \t]*(\d+)\.?)|^((\d+)[.)]?)(?=[ \t]|$)/u.exec(raw);
  if (!m) return undefined;
  const token = m[0];
  const number = Number(m[2] ?? m[4]);
  const style = m[1] ? 'paragraph' : 'dotted';
  const restMatch = rest.trimStart();
  const title = restMatch.slice(restMatch.indexOf(token) === 0 ? token.length : 0);
  return { number, style, span: { start: textSpan.start, end: textSpan.start + token.length }, title };
}

interface Walked {
  readonly node: Nodes;
  readonly ancestors: readonly Nodes[];
}

function walk(root: Root): Walked[] {
  const out: Walked[] = [];
  const visit = (node: Nodes, ancestors: Nodes[]) => {
    out.push({ node, ancestors });
    if ('children' in node) {
      const next = [...ancestors, node];
      for (const child of node.children as Nodes[]) visit(child, next);
    }
  };
  for (const child of root.children) visit(child, [root]);
  return out;
}

const CALLOUT_LINE = /^[ \t]*>[ \t]?\[!([^\]\s]+)\]([+-]?)[ \t]*(.*)$/u;

function parseItem(
  text: string, end: number, tree: Root, heading: Heading, fields: Field[], number: ParsedNumber | undefined, rest: string,
  problems: ParseProblem[],
): Item {
  const span = { start: heading.span.start, end };
  const nodes = walk(tree);
  const numberValue = number?.number;

  // Callouts first: actions and paragraphs need to know which callout they stand in.
  const calloutNodes: { node: Blockquote; kind: Callout['kind']; match: RegExpExecArray }[] = [];
  for (const { node } of nodes) {
    if (node.type !== 'blockquote') continue;
    const start = startOf(node);
    const line = text.slice(start, lineEndAt(text, start));
    const m = CALLOUT_LINE.exec(line);
    if (!m) continue;
    const kind = lookup(CALLOUT_WORDS, m[1]!);
    if (kind) calloutNodes.push({ node, kind, match: m });
  }
  const insideCallout = (offset: number) => calloutNodes.find((c) => offset >= startOf(c.node) && offset < endOf(c.node));

  const actions: Action[] = [];
  const decisionsBySpan = new Map<Blockquote, string>();
  let k = 0;
  for (const c of calloutNodes) {
    if (c.kind === 'decision') decisionsBySpan.set(c.node, `§${numberValue ?? '?'}.${++k}`);
  }

  const taskParagraphs = new Set<Nodes>();
  for (const { node } of nodes) {
    if (node.type !== 'listItem') continue;
    const host = insideCallout(startOf(node));
    const action = parseAction(text, node, problems, host ? decisionsBySpan.get(host.node) : undefined);
    if (!action) continue;
    const first = node.children[0];
    if (first) taskParagraphs.add(first);
    actions.push(action);
  }

  const callouts: Callout[] = [];
  const decisions: Decision[] = [];
  for (const c of calloutNodes) {
    const callout = parseCallout(text, c.node, c.kind, c.match, actions);
    const id = decisionsBySpan.get(c.node);
    if (id) {
      const decision = asDecision(callout, id, decisions.length + 1);
      decisions.push(decision);
      callouts.push(decision);
    } else callouts.push(callout);
  }

  const paragraphs: Paragraph[] = [];
  for (const { node, ancestors } of nodes) {
    if (node.type !== 'paragraph' || taskParagraphs.has(node)) continue;
    if (insideCallout(startOf(node))) continue;
    const parent = ancestors[ancestors.length - 1]!;
    const container = ancestors.some((a) => a.type === 'blockquote') ? 'blockquote' : parent.type === 'listItem' ? 'list-item' : 'section';
    paragraphs.push({ span: { start: startOf(node), end: endOf(node) }, text: text.slice(startOf(node), endOf(node)), container });
  }

  const subTopics: SubTopic[] = [];
  const subHeadings = tree.children.filter((n) => n.type === 'heading' && n.depth === 3);
  for (let i = 0; i < subHeadings.length; i++) {
    const h = subHeadings[i]!;
    const next = subHeadings[i + 1];
    subTopics.push({
      heading: toHeading(text, 3, startOf(h), endOf(h)),
      span: { start: startOf(h), end: next ? startOf(next) : end },
    });
  }

  return itemModel(heading, span, fields, number, rest, { subTopics, decisions, callouts, actions, paragraphs }, false);
}

/** An item, its properties in the one order move.ts copies them in. */
function itemModel(
  heading: Heading, span: Span, fields: Field[], number: ParsedNumber | undefined, rest: string,
  content: Pick<Item, 'subTopics' | 'decisions' | 'callouts' | 'actions' | 'paragraphs'>, opaque: boolean,
): Item {
  return {
    heading,
    span,
    number: number?.number,
    numberStyle: number ? number.style : 'none',
    numberSpan: number ? number.span : { start: heading.textSpan.start, end: heading.textSpan.start },
    title: collapseSpace(number ? number.title : rest),
    fields,
    dnr: field(fields, 'dnr')?.value || undefined,
    informational: isYes(field(fields, 'info')?.value),
    subTopics: content.subTopics,
    decisions: content.decisions,
    callouts: content.callouts,
    actions: content.actions,
    paragraphs: content.paragraphs,
    opaque,
  };
}

/** Strips blockquote prefixes and list/task markers from each line, drops fields. */
function plain(text: string): string {
  return collapseSpace(
    text
      .replace(FIELD, ' ')
      .split(/\r?\n|\r/)
      .map((l) => l.replace(/^[ \t]*(?:>[ \t]?)*/, '').replace(/^(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX/-]\][ \t]+)?/, ''))
      .join(' '),
  );
}

function parseCallout(text: string, node: Blockquote, kind: Callout['kind'], m: RegExpExecArray, allActions: Action[]): Callout {
  const start = startOf(node);
  const end = endOf(node);
  const firstLineEnd = lineEndAt(text, start);
  const markerStart = start + m[0].indexOf('[!');
  const markerEnd = markerStart + m[1]!.length + 3;
  const titleStart = start + m[0].length - m[3]!.length;
  const titleText = m[3]!.replace(FIELD, ' ');
  const titleSpan = { start: titleStart, end: titleStart + m[3]!.length };
  const body = text.slice(firstLineEnd, end);
  const { fields } = fieldsIn(text, { start, end });
  const title = collapseSpace(titleText);
  const bodyText = plain(body);
  // A decision or summary written on the marker line is its text; for the others the
  // title is the person (`[!reservation] Name`).
  const withTitle = kind === 'decision' || kind === 'summary';
  const content = withTitle ? collapseSpace(`${title} ${bodyText}`) : bodyText;

  let vote: Callout['vote'];
  let ballots: Callout['ballots'];
  if (kind === 'vote') {
    const counts: { yes?: number; no?: number; abstain?: number } = {};
    for (const vm of body.matchAll(/^[ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+)?([\p{L}]+)[ \t]*:[ \t]*(\d+)/gmu)) {
      const which = lookup(VOTE_WORDS, vm[1]!);
      if (which && counts[which] === undefined) counts[which] = Number(vm[2]);
    }
    vote = counts;
    ballots = parseBallots(text, firstLineEnd, end);
  }
  return {
    kind,
    typeWord: m[1]!,
    span: { start, end },
    markerSpan: { start: markerStart, end: markerEnd },
    title,
    titleSpan,
    text: content,
    fields,
    vote,
    ballots,
    immediateApproval: isYes(field(fields, 'immediate-approval')?.value),
    actions: allActions.filter((a) => a.span.start >= start && a.span.start < end),
  };
}

/** A roll-call line `> - Name (Party): ja`; count lines (`- Ja: 3`) are not ballots. */
const BALLOT_LINE = /^([ \t]*(?:>[ \t]?)+[ \t]*[-*+][ \t]+)([^:\n\r]+?)[ \t]*:[ \t]*([\p{L}]*)[ \t]*$/gmu;

function parseBallots(text: string, start: number, end: number): Ballot[] {
  const ballots: Ballot[] = [];
  for (const m of text.slice(start, end).matchAll(BALLOT_LINE)) {
    const rawName = m[2]!;
    if (lookup(VOTE_WORDS, rawName) || /\d/.test(rawName) || rawName.includes('[')) continue;
    const name = collapseSpace(stripParenthesis(rawName));
    if (!name) continue;
    const lineStart = start + m.index!;
    const nameStart = lineStart + m[1]!.length;
    const lineText = m[0].replace(/[ \t]+$/, '');
    ballots.push({
      name,
      nameSpan: { start: nameStart, end: nameStart + stripParenthesis(rawName).length },
      vote: m[3] ? lookup(VOTE_WORDS, m[3]) : undefined,
      word: m[3]!,
      span: { start: lineStart + m[1]!.search(/[-*+][ \t]+$/u), end: lineStart + lineText.length },
    });
  }
  return ballots;
}

const TASK = /^((?:[-*+]|\d+[.)])[ \t]+)\[([ xX/-])\](?=[ \t]|$)/;

function statusOf(box: string): ActionStatus {
  switch (box) {
    case 'x':
    case 'X':
      return 'done';
    case '/':
      return 'in-progress';
    case '-':
      return 'cancelled';
    default:
      return 'open';
  }
}

function parseAction(text: string, node: ListItem, problems: ParseProblem[], decisionId: string | undefined): Action | undefined {
  const start = startOf(node);
  // GFM marks `[ ]`/`[x]` (node.checked); `[/]` and `[-]` are the dialect's own, so the
  // source decides for all four.
  const m = TASK.exec(text.slice(start, lineEndAt(text, start)));
  if (!m) return undefined;
  const boxStart = start + m[1]!.length;
  const boxSpan = { start: boxStart, end: boxStart + 3 };
  const first = node.children[0] as MdParagraph | undefined;
  // The action is its first paragraph; nested lists under it are its own content.
  const textEnd = first && first.type === 'paragraph' ? Math.max(endOf(first), boxSpan.end) : lineEndAt(text, start);
  const ownSpan = { start, end: textEnd };
  const { fields } = fieldsIn(text, ownSpan);
  const body = plain(text.slice(boxSpan.end, textEnd));
  const span = { start, end: endOf(node) };
  if (!body) problems.push({ kind: 'empty-task', message: 'Task without text', span: { start, end: boxSpan.end } });
  const owner = field(fields, 'owner');
  const owners = owner ? splitNames(owner.value).map((n) => n.name) : [];
  const due = field(fields, 'due')?.value;
  const done = field(fields, 'done')?.value;
  const from = field(fields, 'from')?.value;
  return {
    text: body,
    span,
    boxSpan,
    status: statusOf(m[2]!),
    owners,
    due: due || undefined,
    done: done || undefined,
    from: from || undefined,
    fields,
    decisionId,
  };
}

// ---------------------------------------------------------------------------
// Attendance

function parseAttendance(text: string, tree: Root, heading: Heading, end: number): Attendance {
  const people: Person[] = [];
  let group: AttendanceGroup = 'unspecified';
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth >= 3) {
      const h = toHeading(text, node.depth, startOf(node), endOf(node));
      group = lookup(ATTENDANCE_GROUPS, collapseSpace(h.text.replace(FIELD, ' ')).replace(/:$/, '')) ?? 'unspecified';
      continue;
    }
    if (node.type !== 'list') continue;
    for (const li of node.children) {
      const person = parsePerson(text, li, group);
      if (person) people.push(person);
    }
  }
  return { heading, span: { start: heading.span.start, end }, people };
}

function parsePerson(text: string, li: ListItem, group: AttendanceGroup): Person | undefined {
  const first = li.children[0];
  if (!first || first.type !== 'paragraph') return undefined;
  const pStart = startOf(first);
  const pEnd = endOf(first);
  const { fields } = fieldsIn(text, { start: pStart, end: pEnd });
  // Blank out fields (keeping offsets) to find the name's position in the line.
  const line = text.slice(pStart, pEnd).replace(FIELD, (s) => ' '.repeat(s.length));
  const parts = splitTopLevelCommas(line);
  const namePart = parts[0];
  if (!namePart) return undefined;
  const rawName = namePart.text.trim();
  const party = /\(([^)]*)\)\s*$/.exec(rawName)?.[1]?.trim();
  const name = collapseSpace(stripParenthesis(rawName));
  if (!name) return undefined;
  const lead = namePart.text.length - namePart.text.trimStart().length;
  const nameStart = pStart + namePart.start + lead;
  const roles = new Set<Role>();
  let rest = parts.slice(1).map((p) => collapseSpace(p.text)).filter(Boolean);
  const last = rest[rest.length - 1];
  const trailingRole = last ? lookup(ROLE_WORDS, last) : undefined;
  if (trailingRole) {
    roles.add(trailingRole);
    rest = rest.slice(0, -1);
  }
  for (const f of fields) {
    if (f.key !== 'role') continue;
    for (const r of f.value.split(/[,;]/)) {
      const role = lookup(ROLE_WORDS, r);
      if (role) roles.add(role);
    }
  }
  const presence = field(fields, 'presence')?.value;
  const replaces = field(fields, 'replaces')?.value;
  return {
    name,
    nameSpan: { start: nameStart, end: nameStart + stripParenthesis(rawName).length },
    organisation: rest.length ? rest.join(', ') : undefined,
    party: party || undefined,
    roles: [...roles],
    presence: presence || undefined,
    replaces: replaces || undefined,
    group,
    span: { start: startOf(li), end: endOf(li) },
    fields,
  };
}

function splitTopLevelCommas(s: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      out.push({ text: s.slice(start, i), start });
      start = i + 1;
    }
  }
  out.push({ text: s.slice(start), start });
  return out;
}

// ---------------------------------------------------------------------------
// Justering and notice: line based, labels before a colon.

const LABEL_LINE = /^([ \t]*(?:[-*+][ \t]+)?)([^:\n\r]+?)[ \t]*:[ \t]*(.*?)[ \t]*$/gmu;

function parseJustering(text: string, heading: Heading, end: number): Justering {
  const signers: Signer[] = [];
  let approvedItems: Justering['approvedItems'];
  let immediateItems: Justering['immediateItems'];
  for (const m of text.slice(heading.span.end, end).matchAll(LABEL_LINE)) {
    const lineStart = heading.span.end + m.index!;
    const label = collapseSpace(m[2]!.replace(/\*/g, ''));
    const valueStart = lineStart + m[0].trimEnd().length - m[3]!.length;
    const valueSpan = { start: valueStart, end: valueStart + m[3]!.length };
    const span = { start: lineStart + m[1]!.length, end: lineStart + m[0].trimEnd().length };
    const lower = label.toLowerCase();
    if (APPROVED_ITEMS_LABELS.includes(lower)) {
      const range = /(\d+)\s*(?:[–—-]\s*§?\s*(\d+))?/u.exec(m[3]!);
      approvedItems = {
        text: m[3]!,
        span,
        valueSpan,
        from: range ? Number(range[1]) : undefined,
        to: range ? Number(range[2] ?? range[1]) : undefined,
      };
      continue;
    }
    if (IMMEDIATE_ITEMS_LABELS.includes(lower)) {
      if (immediateItems) continue;
      const { fields } = fieldsIn(text, valueSpan);
      const value = m[3]!.replace(FIELD, ' ');
      const numbers: number[] = [];
      // `§ 50`, `§§ 50, 52`, `§ 50–52`: ranges expand to every number in them.
      for (const r of value.matchAll(/(\d+)(?:\s*[–—-]\s*§?\s*(\d+))?/gu)) {
        const a = Number(r[1]);
        const b = r[2] ? Number(r[2]) : a;
        for (let n = a; n <= b && n - a < 1000; n++) numbers.push(n);
      }
      const signed = field(fields, 'signed')?.value;
      immediateItems = { text: m[3]!, span, valueSpan, numbers, signed: signed || undefined, fields };
      continue;
    }
    const role = lookup(SIGNER_LABELS, lower);
    if (!role) continue;
    const { fields } = fieldsIn(text, valueSpan);
    const blanked = m[3]!.replace(FIELD, (s) => ' '.repeat(s.length));
    const signed = field(fields, 'signed')?.value;
    const names = splitNames(blanked);
    if (names.length === 0) {
      // An empty line (`- Justeras:`) still says who should sign; keep it nameless.
      signers.push({ role, name: '', nameSpan: { start: valueStart, end: valueStart }, label, span, signed: signed || undefined, fields });
    }
    for (const n of names) {
      signers.push({
        role,
        name: collapseSpace(n.name),
        nameSpan: { start: valueStart + n.start, end: valueStart + n.end },
        label,
        span,
        signed: signed || undefined,
        fields,
      });
    }
  }
  return { heading, span: { start: heading.span.start, end }, signers, approvedItems, immediateItems };
}

function parseNotice(text: string, heading: Heading, end: number): Notice {
  const lines: Partial<Record<'posted' | 'removed' | 'storage' | 'immediatePosted', NoticeLine>> = {};
  for (const m of text.slice(heading.span.end, end).matchAll(LABEL_LINE)) {
    const which = lookup(NOTICE_LABELS, collapseSpace(m[2]!.replace(/\*/g, '')));
    if (!which || lines[which]) continue;
    const lineStart = heading.span.end + m.index!;
    const valueStart = lineStart + m[0].trimEnd().length - m[3]!.length;
    lines[which] = {
      value: m[3]!,
      span: { start: lineStart + m[1]!.length, end: lineStart + m[0].trimEnd().length },
      valueSpan: { start: valueStart, end: valueStart + m[3]!.length },
    };
  }
  return {
    heading, span: { start: heading.span.start, end }, posted: lines.posted, removed: lines.removed, storage: lines.storage,
    immediatePosted: lines.immediatePosted,
  };
}
