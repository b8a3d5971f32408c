// Builders for the text blocks and inline fields that fixes (and editor commands such
// as "Insert justering block") insert. Pure: the text is derived from the document, in
// its language and line-break style; unknown values are left empty, never invented.
import type { Action, Language, MinutesDocument, SignerRole, Span } from '../model';
import {
  APPROVED_ITEMS_LABELS, FIELD_KEYS, NOTICE_LABELS, PROTOKOLL_RECORDER_LABEL, SECTION_SPELLING, SIGNER_SPELLING,
  type FieldKey,
} from '../keywords';
import { addDays, isIsoDate } from '../dates';
import { sameName } from '../people';
import { openBlockCloser } from '../sections';
import { eolOf, lineEndAt, nextLineStart, escapeRegExp } from '../text';
import type { TextEdit } from './types';

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
}

function present(name: string | undefined): string | undefined {
  const t = name?.trim();
  return t ? t : undefined;
}

// ---------------------------------------------------------------------------
// People named by the front matter or attendance roles

/** The recorder: `sekreterare` in the front matter, else the attendee with that role. */
export function recorderName(doc: MinutesDocument): string | undefined {
  return present(doc.frontMatter?.secretary) ?? present(doc.attendance?.people.find((p) => p.roles.includes('secretary'))?.name);
}

export function chairName(doc: MinutesDocument): string | undefined {
  return present(doc.frontMatter?.chair) ?? present(doc.attendance?.people.find((p) => p.roles.includes('chair'))?.name);
}

/** `justerare` in the front matter, else the attendees with that role. */
export function approverNames(doc: MinutesDocument): string[] {
  const fromFrontMatter = (doc.frontMatter?.approvers ?? []).map((n) => n.trim()).filter((n) => n !== '');
  if (fromFrontMatter.length > 0) return dedupe(fromFrontMatter);
  return dedupe((doc.attendance?.people ?? []).filter((p) => p.roles.includes('approver')).map((p) => p.name.trim()).filter((n) => n));
}

function dedupe(names: string[]): string[] {
  const out: string[] = [];
  for (const n of names) if (!out.some((o) => sameName(o, n))) out.push(n);
  return out;
}

// ---------------------------------------------------------------------------
// Justering block

/** The label of a signer line in the document's language (`Vid protokollet` for Swedish protokoll). */
export function signerLabel(doc: MinutesDocument, role: SignerRole): string {
  if (role === 'recorder' && doc.language === 'sv' && doc.effectiveProfile === 'protokoll') return PROTOKOLL_RECORDER_LABEL;
  return SIGNER_SPELLING[role][doc.language];
}

export function approvedItemsLabel(language: Language): string {
  // The table lists the Swedish spelling first, then the English one.
  return capitalize(APPROVED_ITEMS_LABELS[language === 'sv' ? 0 : 1] ?? APPROVED_ITEMS_LABELS[0]!);
}

/** `§ 45–52` from the first and last numbered items; empty when no item is numbered. */
export function approvedItemsValue(doc: MinutesDocument): string {
  const numbered = doc.items.filter((i) => i.number !== undefined);
  if (numbered.length === 0) return '';
  const first = numbered[0]!;
  const last = numbered[numbered.length - 1]!;
  const mark = doc.language === 'sv' || first.numberStyle === 'paragraph' ? '§ ' : '';
  return first.number === last.number ? `${mark}${first.number}` : `${mark}${first.number}–${last.number}`;
}

/** `- Label: value` (no trailing space when the value is empty: the user fills it in). */
export function labelLine(label: string, value: string | undefined): string {
  const v = value?.trim() ?? '';
  return v ? `- ${label}: ${v}` : `- ${label}:`;
}

export function signerLine(doc: MinutesDocument, role: SignerRole, name: string | undefined): string {
  return labelLine(signerLabel(doc, role), name);
}

/**
 * The list lines of a justering section: recorder, chair (protokoll), one line per
 * approver (one empty line when none is known), approved items (protokoll).
 */
export function justeringLines(doc: MinutesDocument): string[] {
  const protokoll = doc.effectiveProfile === 'protokoll';
  const lines = [signerLine(doc, 'recorder', recorderName(doc))];
  if (protokoll) lines.push(signerLine(doc, 'chair', chairName(doc)));
  const approvers = approverNames(doc);
  if (approvers.length === 0) lines.push(signerLine(doc, 'approver', undefined));
  for (const a of approvers) lines.push(signerLine(doc, 'approver', a));
  if (protokoll) lines.push(labelLine(approvedItemsLabel(doc.language), approvedItemsValue(doc)));
  return lines;
}

/** The whole justering section: heading, blank line, list lines; ends with a line break. */
export function justeringBlock(doc: MinutesDocument): string {
  const eol = eolOf(doc.text);
  return [`## ${SECTION_SPELLING.justering[doc.language]}`, '', ...justeringLines(doc)].join(eol) + eol;
}

// ---------------------------------------------------------------------------
// Notice (anslag) block

function noticeLabel(kind: 'posted' | 'removed' | 'storage', language: Language): string {
  const spellings = Object.entries(NOTICE_LABELS).filter(([, k]) => k === kind).map(([label]) => label);
  // Swedish spelling first in the table, English second.
  return capitalize(spellings[language === 'sv' ? 0 : 1] ?? spellings[0] ?? kind);
}

export function noticeLabels(language: Language): { posted: string; removed: string; storage: string } {
  return { posted: noticeLabel('posted', language), removed: noticeLabel('removed', language), storage: noticeLabel('storage', language) };
}

/** Days a notice must stay up (Kommunallagen 8 kap. 12 §: at least three weeks). */
export const NOTICE_MIN_DAYS = 21;
/** A notice is posted at the latest this many days after the justering. */
export const NOTICE_MAX_DELAY = 2;

/**
 * The date the minutes were approved: `justering.datum` in the front matter, else the
 * latest `signerat` date of the signers; undefined when neither is a valid date.
 */
export function justeringDate(doc: MinutesDocument): string | undefined {
  const approval = doc.frontMatter?.approval?.date;
  if (approval && isIsoDate(approval)) return approval;
  const signed = (doc.justering?.signers ?? []).map((s) => s.signed).filter((d): d is string => !!d && isIsoDate(d)).sort();
  return signed[signed.length - 1];
}

/** Posting dates for a new notice: posted on the justering date, removed 21 days later. */
export function noticeDates(doc: MinutesDocument): { posted?: string; removed?: string } {
  const posted = justeringDate(doc);
  return posted ? { posted, removed: addDays(posted, NOTICE_MIN_DAYS) } : {};
}

/** What an inserted `Förvaringsplats:` says until the secretary fills it in (MIN053 reports it). */
export const STORAGE_PLACEHOLDER = { sv: '(ange var protokollet förvaras)', en: '(state where the minutes are kept)' } as const;

export function noticeLines(doc: MinutesDocument): string[] {
  const labels = noticeLabels(doc.language);
  const { posted, removed } = noticeDates(doc);
  return [labelLine(labels.posted, posted), labelLine(labels.removed, removed), labelLine(labels.storage, STORAGE_PLACEHOLDER[doc.language])];
}

/** The whole notice section: heading, blank line, list lines; ends with a line break. */
export function noticeBlock(doc: MinutesDocument): string {
  const eol = eolOf(doc.text);
  return [`## ${SECTION_SPELLING.notice[doc.language]}`, '', ...noticeLines(doc)].join(eol) + eol;
}

// ---------------------------------------------------------------------------
// Where blocks go

/** Where a report about the whole document goes: the `typ` line, the title, or the first line. */
export function documentAnchor(doc: MinutesDocument): Span {
  const type = doc.frontMatter?.values.type;
  if (type) return { start: type.keySpan.start, end: Math.max(type.keySpan.end, type.valueSpan.end) };
  if (doc.title) return doc.title.span;
  return { start: 0, end: lineEndAt(doc.text, 0) };
}

/**
 * An edit that inserts a section block (ending with a line break) at `offset`: at the
 * end of the text with a blank line before it, or before a heading with a blank line
 * after it.
 */
export function sectionInsertion(doc: MinutesDocument, block: string, offset: number = doc.text.length): TextEdit {
  const text = doc.text;
  const eol = eolOf(text);
  const at = Math.max(0, Math.min(offset, text.length));
  const before = text.slice(0, at);
  const closing = closeOpenBlock(doc, at);
  if (closing) return { start: at, end: at, newText: closing + eol + block + (at < text.length ? eol : '') };
  let lead = '';
  if (before.trim() !== '') {
    if (!/(?:\r\n|\r|\n)$/.test(before)) lead = eol + eol;
    else if (!/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)$/.test(before)) lead = eol;
  }
  const trail = at < text.length ? eol : '';
  return { start: at, end: at, newText: lead + block + trail };
}

/**
 * Text that closes a fenced code or HTML block left open at `at` (an unclosed fence in
 * the last item), ending with a line break; empty when none is open. An insertion after
 * it lands outside the block, where the next lint sees it.
 */
export function closeOpenBlock(doc: MinutesDocument, at: number, from = doc.frontMatter?.span.end ?? 0): string {
  // A block left open runs to the end of the text: only the last section can hold one.
  const last = doc.sections[doc.sections.length - 1]?.span.start ?? 0;
  if (at < last) return '';
  const closer = openBlockCloser(doc.text, Math.min(Math.max(from, last), at), at);
  if (closer === undefined) return '';
  const eol = eolOf(doc.text);
  const lead = /(?:\r\n|\r|\n)$/.test(doc.text.slice(0, at)) || at === 0 ? '' : eol;
  return lead + closer + eol;
}

/** The justering block goes at the end, before an anslag/notice section that follows the items. */
export function justeringInsertOffset(doc: MinutesDocument): number {
  const notice = doc.notice;
  const lastItemStart = doc.items.length > 0 ? doc.items[doc.items.length - 1]!.span.start : 0;
  if (notice && notice.span.start >= lastItemStart) return notice.heading.span.start;
  return doc.text.length;
}

// ---------------------------------------------------------------------------
// Inline fields on actions

/** `[ansvarig:: value]` / `[owner:: value]` in the document's language. */
export function fieldText(language: Language, key: FieldKey, value: string): string {
  return `[${FIELD_KEYS[key][language]}:: ${value}]`;
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** Strips blockquote markers and indentation from a line. */
function lineContent(line: string): string {
  return line.replace(/^(?:[ \t]*>[ \t]?)*/, '').trim();
}

/**
 * Where a new inline field goes on an action: after its last field, else at the end
 * of its text (the task line and its continuation lines, before trailing whitespace;
 * nested lists and following paragraphs are not part of it).
 */
export function actionFieldOffset(doc: MinutesDocument, action: Action): number {
  const text = doc.text;
  if (action.fields.length > 0) return action.fields.reduce((end, f) => Math.max(end, f.span.end), 0);
  const limit = Math.min(action.span.end, text.length);
  let end = lineEndAt(text, action.boxSpan.end);
  let next = nextLineStart(text, action.boxSpan.end);
  while (next < limit && next > end) {
    const lineEnd = Math.min(lineEndAt(text, next), limit);
    const content = lineContent(text.slice(next, lineEnd));
    if (content === '' || LIST_MARKER.test(content)) break;
    end = lineEnd;
    const after = nextLineStart(text, next);
    if (after <= next) break;
    next = after;
  }
  while (end > action.boxSpan.end && /[ \t]/.test(text.charAt(end - 1))) end--;
  return end;
}

/** An edit that adds `[key:: value]` to an action, separated by one space. */
export function actionFieldInsertion(doc: MinutesDocument, action: Action, key: FieldKey, value: string): TextEdit {
  const at = actionFieldOffset(doc, action);
  return { start: at, end: at, newText: ` ${fieldText(doc.language, key, value)}` };
}

/** The first line of an action from its box, trailing whitespace excluded (a finding's span). */
export function actionLineSpan(doc: MinutesDocument, action: Action): Span {
  const text = doc.text;
  let end = Math.min(lineEndAt(text, action.boxSpan.start), action.span.end);
  while (end > action.boxSpan.end && /[ \t]/.test(text.charAt(end - 1))) end--;
  return { start: action.boxSpan.start, end: Math.max(end, action.boxSpan.end) };
}

// ---------------------------------------------------------------------------
// Names mentioned in text

/** Everyone the document names as a person: attendance, then front matter roles. */
export function knownPeople(doc: MinutesDocument): string[] {
  const fm = doc.frontMatter;
  const names = [
    ...(doc.attendance?.people ?? []).map((p) => p.name),
    ...(fm?.chair ? [fm.chair] : []),
    ...(fm?.secretary ? [fm.secretary] : []),
    ...(fm?.approvers ?? []),
  ].map((n) => n.trim()).filter((n) => n !== '');
  return dedupe(names);
}

/** A regex for a name in running text: any whitespace between its words, whole words only. */
function nameRegExp(name: string, flags = 'giu'): RegExp {
  const words = name.replace(/\s*\([^)]*\)\s*$/, '').trim().split(/\s+/).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, flags);
}

/** Known people mentioned in `text`, in order of first mention. */
export function namesMentioned(doc: MinutesDocument, text: string): string[] {
  const hits: { name: string; at: number }[] = [];
  for (const name of knownPeople(doc)) {
    const m = nameRegExp(name).exec(text);
    if (m) hits.push({ name, at: m.index });
  }
  // A longer name found at the same place wins (`Anna Berg Ek` over `Anna Berg`).
  hits.sort((a, b) => a.at - b.at || b.name.length - a.name.length);
  const out: { name: string; at: number }[] = [];
  for (const h of hits) if (!out.some((o) => o.at === h.at)) out.push(h);
  return out.map((h) => h.name);
}

/**
 * Known people named at the very start of `text` as its subject: `Anna Berg och Per Ek
 * tar fram…` → both. A name later in the text (a recipient, say) is not an owner.
 */
export function leadingNames(doc: MinutesDocument, text: string): string[] {
  const people = knownPeople(doc).sort((a, b) => b.length - a.length);
  const out: string[] = [];
  let rest = text.trimStart();
  for (;;) {
    const name = people.find((p) => {
      const m = nameRegExp(p, 'iu').exec(rest);
      return m !== null && m.index === 0;
    });
    if (!name) break;
    out.push(name);
    rest = rest.replace(nameRegExp(name, 'iu'), '').replace(/^\s*\([^)]*\)/, '');
    const sep = /^\s*(?:,|&|\boch\b|\band\b|\bsamt\b)\s*/iu.exec(rest);
    if (!sep) break;
    rest = rest.slice(sep[0].length);
  }
  return dedupe(out);
}
