// Helpers shared by rule files: spelling inserted text in the document's language,
// finding insertion points, collecting fields and names. Pure (no Node, no vscode).
import {
  ATTENDANCE_GROUP_SPELLING, CALLOUT_SPELLING, FIELD_KEYS, FRONT_MATTER_KEYS, ROLE_SPELLING, SECTION_SPELLING, type FieldKey,
} from '../keywords';
import type { AttendanceGroup, CalloutKind, FrontMatterKey, Language, MinutesDocument, Person, Role, Span } from '../model';
import { nameKey } from '../people';
import { eolOf, lineEndAt, lineStartAt, nextLineStart } from '../text';
import type { Localized, TextEdit } from './types';

export function loc(sv: string, en: string): Localized {
  return { sv, en };
}

export const fmKey = (lang: Language, key: FrontMatterKey): string => FRONT_MATTER_KEYS[key][lang];
export const fieldKey = (lang: Language, key: FieldKey): string => FIELD_KEYS[key][lang];
/** `[roll:: ordförande]` / `[role:: chair]`. */
export const roleField = (lang: Language, role: Role): string => `[${FIELD_KEYS.role[lang]}:: ${ROLE_SPELLING[role][lang]}]`;
/** `> [!beslut]` / `> [!decision]`. */
export const calloutMarker = (lang: Language, kind: CalloutKind): string => `> [!${CALLOUT_SPELLING[kind][lang]}]`;
export const attendanceTitle = (lang: Language): string => SECTION_SPELLING.attendance[lang];

export const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** End of the last non-whitespace character in `[start, end)`, or `start`. */
export function contentEnd(text: string, start: number, end: number): number {
  let i = Math.min(end, text.length);
  while (i > start && isSpace(text[i - 1])) i--;
  return i;
}

export function eol(doc: MinutesDocument): string {
  return eolOf(doc.text);
}


/** People of the attendance list who are there (not in the `absent` group). */
interface PeopleIndex {
  /** nameKey → attendees with that name, in list order. */
  readonly byName: Map<string, Person[]>;
  /** First name → attendees with it. */
  readonly byFirst: Map<string, Person[]>;
}

const peopleIndexes = new WeakMap<readonly Person[], PeopleIndex>();

/** Attendees by name key, built once per parsed attendance list. */
function peopleIndex(people: readonly Person[]): PeopleIndex {
  let index = peopleIndexes.get(people);
  if (!index) {
    index = { byName: new Map(), byFirst: new Map() };
    for (const p of people) {
      const key = nameKey(p.name);
      if (!key) continue;
      const add = (map: Map<string, Person[]>, k: string) => (map.get(k) ?? map.set(k, []).get(k)!).push(p);
      add(index.byName, key);
      add(index.byFirst, key.split(' ')[0]!);
    }
    peopleIndexes.set(people, index);
  }
  return index;
}

export function findPerson(doc: MinutesDocument, name: string, includeAbsent = true): Person | undefined {
  const people = doc.attendance?.people ?? [];
  const index = peopleIndex(people);
  const present = (p: Person) => includeAbsent || p.group !== 'absent';
  const key = nameKey(name);
  if (!key) return undefined;
  const exact = index.byName.get(key)?.find(present);
  if (exact) return exact;
  // A lone first name ("Anna") matches when exactly one attendee has it.
  if (!key.includes(' ')) {
    const byFirst = (index.byFirst.get(key) ?? []).filter(present);
    if (byFirst.length === 1) return byFirst[0];
  }
  return undefined;
}

/** Where a list item's own content ends (no trailing whitespace), to append a field to it. */
export function personContentEnd(doc: MinutesDocument, person: Person): number {
  const end = contentEnd(doc.text, person.span.start, person.span.end);
  // A field left open (`[roll::` with no `]`) would swallow the new one: go before it.
  const lineStart = lineStartAt(doc.text, end);
  const line = doc.text.slice(Math.max(lineStart, person.span.start), end);
  const open = line.lastIndexOf('[');
  if (open < 0 || line.indexOf(']', open) >= 0) return end;
  return contentEnd(doc.text, person.span.start, end - (line.length - open));
}

/** `[roll:: ordförande, justerare]`: one field, since a person's first role field is the one read. */
export function rolesField(lang: Language, roles: readonly Role[]): string {
  return `[${FIELD_KEYS.role[lang]}:: ${roles.map((r) => ROLE_SPELLING[r][lang]).join(', ')}]`;
}

/**
 * Gives an attendee a role: appended to their existing role field (`[roll:: justerare,
 * ordförande]`), else a new ` [roll:: …]` at the end of their list item.
 */
export function addRoleEdit(doc: MinutesDocument, person: Person, role: Role): TextEdit {
  const existing = person.fields.find((f) => f.key === 'role');
  if (existing) {
    const at = existing.valueSpan.end;
    const sep = existing.value.trim() === '' ? '' : ', ';
    return { start: at, end: at, newText: `${sep}${ROLE_SPELLING[role][doc.language]}` };
  }
  const at = personContentEnd(doc, person);
  return { start: at, end: at, newText: ` ${roleField(doc.language, role)}` };
}

/**
 * A name that reads back as the same person once written as a list item: letters, spaces,
 * hyphens, apostrophes and periods, optionally a party or organisation in parentheses.
 * Anything else (Markdown marks, brackets, digits) is not offered as a new attendee.
 */
export function isPlausibleName(name: string): boolean {
  return /^\p{L}[\p{L}\p{M} .'’-]*(?:\s*\([^()[\]\n]*\))?$/u.test(name.trim()) && name.trim().length <= 80;
}

/**
 * An edit adding a list item (`- Name [roll:: …]`) to the attendance list: after the last
 * person of the preferred group, else after the last person who is not absent. Undefined
 * when the document has no attendance list or the name would not read back as a person.
 */
export function addAttendeeEdit(
  doc: MinutesDocument, name: string, roles: readonly Role[], prefer?: Exclude<AttendanceGroup, 'unspecified'>,
): TextEdit | undefined {
  const attendance = doc.attendance;
  if (!attendance || !isPlausibleName(name)) return undefined;
  const line = roles.length > 0 ? `${name.trim()} ${rolesField(doc.language, roles)}` : name.trim();
  const people = attendance.people;
  const lastOf = (pred: (p: Person) => boolean) => [...people].reverse().find(pred);
  const anchor =
    (prefer ? lastOf((p) => p.group === prefer) : undefined) ??
    lastOf((p) => p.group !== 'absent') ??
    lastOf(() => true);
  const nl = eol(doc);
  if (anchor) {
    const at = lineEndAt(doc.text, personContentEnd(doc, anchor));
    return { start: at, end: at, newText: `${nl}- ${line}` };
  }
  // An empty attendance section: add the list after its heading.
  const headingEnd = lineEndAt(doc.text, attendance.heading.span.start);
  return { start: headingEnd, end: headingEnd, newText: `${nl}${nl}- ${line}` };
}

export function groupTitle(lang: Language, group: Exclude<AttendanceGroup, 'unspecified'>): string {
  return ATTENDANCE_GROUP_SPELLING[group][lang];
}

/** Span of the first line of the document (for findings with nothing better to point at). */
export function firstLineSpan(doc: MinutesDocument): Span {
  return { start: 0, end: lineEndAt(doc.text, 0) };
}

/** Span of the opening `---` of the front matter, else the first line. */
export function frontMatterAnchor(doc: MinutesDocument): Span {
  const fm = doc.frontMatter;
  if (!fm) return firstLineSpan(doc);
  return { start: fm.span.start, end: lineEndAt(doc.text, fm.span.start) };
}

/**
 * Where a missing part of the attendance is best reported: the title, else the front
 * matter, else line 1. (blocks.ts's `documentAnchor` is for findings about the whole
 * document: the `typ` line first.)
 */
export function titleAnchor(doc: MinutesDocument): Span {
  if (doc.title) return doc.title.span;
  return frontMatterAnchor(doc);
}

/** Start of the line holding `offset`, and the start of the following line. */
export function lineBounds(text: string, offset: number): { start: number; end: number; next: number } {
  return { start: lineStartAt(text, offset), end: lineEndAt(text, offset), next: nextLineStart(text, offset) };
}

/** The text of a span. */
export function slice(doc: MinutesDocument, span: Span): string {
  return doc.text.slice(span.start, span.end);
}
