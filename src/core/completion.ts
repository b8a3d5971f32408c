// Completion candidates at an offset of a minutes document: attendee names where the
// dialect expects a person, role words in `[roll:: ]`, and the dates that matter
// (meeting date, next meeting, today) where it expects a date. Pure: the editor layer
// only localises the date labels and turns candidates into CompletionItems.
import { isIsoDate } from './dates';
import { APPROVAL_KEYS, CALLOUT_WORDS, FIELD_KEYS, FRONT_MATTER_KEYS, ROLE_SPELLING, SIGNER_LABELS, canonicalKey, lookup } from './keywords';
import type { FrontMatterKey, Language, MinutesDocument, Role, Span } from './model';
import { nameKey, stripParenthesis } from './people';
import { isServing } from './lint/serving';
import { lineStartAt } from './text';

export type DateSource = 'meeting-date' | 'next-meeting' | 'today';

export type CompletionContextKind =
  | 'owner' | 'replaces' | 'role' | 'field-date' | 'signer' | 'callout-name' | 'front-matter-name' | 'front-matter-date'
  | 'yes-no' | 'vote' | 'voter' | 'correction-date';

interface CandidateBase {
  /** Shown in the list and used for filtering. */
  readonly label: string;
  /** Text that replaces `replace` (may start with a space when the value has none before it). */
  readonly insertText: string;
  readonly replace: Span;
}

export interface PersonCandidate extends CandidateBase {
  readonly kind: 'person';
  /** Organisation / party and roles, e.g. `Haninge, ordförande`. */
  readonly detail: string;
}

export interface RoleCandidate extends CandidateBase {
  readonly kind: 'role';
  readonly role: Role;
}

export interface DateCandidate extends CandidateBase {
  readonly kind: 'date';
  /** Why this date is offered (one date may be several things). */
  readonly sources: readonly DateSource[];
}

/** A fixed word of the dialect: `ja`/`nej` for yes-no fields, `ja`/`nej`/`avstår` in a roll call. */
export interface WordCandidate extends CandidateBase {
  readonly kind: 'word';
}

export type CompletionCandidate = PersonCandidate | RoleCandidate | DateCandidate | WordCandidate;

export interface CompletionResult {
  readonly context: CompletionContextKind;
  readonly candidates: CompletionCandidate[];
}

export interface CompletionOptions {
  /** ISO date for "today". */
  readonly today: string;
}

const FIELD_AT_END = /\[([^[\]:\n]+)::([^\]\n]*)$/;
const SIGNER_LINE = /^[ \t]*(?:>[ \t]?)*[ \t]*[-*+][ \t]+([^:[\]\n]+?)[ \t]*:([^[\]\n]*)$/;
const CALLOUT_LINE = /^[ \t]*(?:>[ \t]*)+\[!([^\]\n]+)\][+-]?([^\n]*)$/;
/** A roll-call line in a vote: `> - Name` (group 1) or `> - Name: word` (group 2). */
const BALLOT_LINE = /^[ \t]*(?:>[ \t]?)+[ \t]*[-*+][ \t]+(?:[^:[\]\n]*:[ \t]*(\p{L}*)|([^:[\]\n]*))$/u;
const YAML_LINE = /^([ \t]*)(?:-[ \t]+)?([^\s:#][^:\n]*?)[ \t]*:([^\n]*)$/;

/** Candidates at `offset`, or undefined when the offset is not where a name, role or date goes. */
export function completionsAt(doc: MinutesDocument, offset: number, options: CompletionOptions): CompletionResult | undefined {
  const text = doc.text;
  const lineStart = lineStartAt(text, offset);
  const prefix = text.slice(lineStart, offset);

  const fm = doc.frontMatter;
  if (fm && offset >= fm.contentSpan.start && offset <= fm.contentSpan.end) {
    return frontMatterCompletions(doc, lineStart, prefix, options);
  }

  const field = FIELD_AT_END.exec(prefix);
  if (field) {
    const key = canonicalKey(FIELD_KEYS, field[1]!);
    const valueStart = lineStart + field.index + field[0].length - field[2]!.length;
    switch (key) {
      case 'owner':
        return { context: 'owner', candidates: personCandidates(doc, listValue(text, valueStart, offset)) };
      case 'replaces': {
        // The one replaced is usually absent: absent members first.
        const people = personCandidates(doc, singleValue(text, valueStart, offset));
        const absent = new Set((doc.attendance?.people ?? []).filter((p) => p.group === 'absent').map((p) => nameKey(p.name)));
        return { context: 'replaces', candidates: [...people.filter((c) => absent.has(nameKey(c.label))), ...people.filter((c) => !absent.has(nameKey(c.label)))] };
      }
      case 'immediate-approval':
      case 'secret': {
        const language: Language = field[1]!.trim().toLowerCase() === FIELD_KEYS[key].en ? 'en' : 'sv';
        return { context: 'yes-no', candidates: wordCandidates(language === 'sv' ? ['ja', 'nej'] : ['yes', 'no'], singleValue(text, valueStart, offset)) };
      }
      case 'role': {
        const language: Language = field[1]!.trim().toLowerCase() === FIELD_KEYS.role.en ? 'en' : 'sv';
        return { context: 'role', candidates: roleCandidates(singleValue(text, valueStart, offset), language) };
      }
      case 'due':
      case 'done':
      case 'signed': {
        const order: DateSource[] = key === 'due' ? ['next-meeting', 'meeting-date', 'today'] : ['today', 'meeting-date', 'next-meeting'];
        return { context: 'field-date', candidates: dateCandidates(doc, singleValue(text, valueStart, offset), order, options) };
      }
      default:
        return undefined;
    }
  }
  // Inside a closed field (`[x:: y]`) or any other bracket: nothing to add.
  if (prefix.lastIndexOf('[') > prefix.lastIndexOf(']')) return undefined;

  const callout = CALLOUT_LINE.exec(prefix);
  if (callout && lookup(CALLOUT_WORDS, callout[1]!) === 'correction') {
    const valueStart = offset - callout[2]!.length;
    return { context: 'correction-date', candidates: dateCandidates(doc, singleValue(text, valueStart, offset), ['today', 'meeting-date'], options) };
  }
  const ballot = voteAt(doc, offset) ? BALLOT_LINE.exec(prefix) : null;
  if (ballot) {
    if (ballot[1] !== undefined) {
      const words = doc.language === 'sv' ? ['ja', 'nej', 'avstår'] : ['yes', 'no', 'abstain'];
      return { context: 'vote', candidates: wordCandidates(words, singleValue(text, offset - ballot[1].length, offset)) };
    }
    // `> - |`: the members who serve, as a roll call lists them.
    const serving = new Set((doc.attendance?.people ?? []).filter(isServing).map((p) => nameKey(p.name)));
    const slot = singleValue(text, offset - ballot[2]!.length, offset);
    return { context: 'voter', candidates: personCandidates(doc, slot).filter((c) => serving.size === 0 || serving.has(nameKey(c.label))) };
  }
  if (callout) {
    const kind = lookup(CALLOUT_WORDS, callout[1]!);
    if (kind !== 'motion' && kind !== 'dissent' && kind !== 'statement' && kind !== 'conflict') return undefined;
    const valueStart = offset - callout[2]!.length;
    return { context: 'callout-name', candidates: personCandidates(doc, singleValue(text, valueStart, offset)) };
  }

  const signer = SIGNER_LINE.exec(prefix);
  if (signer && lookup(SIGNER_LABELS, signer[1]!) !== undefined && !/^\s*[-*+]\s+\[[ xX/-]\]/.test(prefix.replace(/^[ \t>]*/, ''))) {
    const valueStart = offset - signer[2]!.length;
    return { context: 'signer', candidates: personCandidates(doc, singleValue(text, valueStart, offset)) };
  }
  return undefined;
}

function frontMatterCompletions(doc: MinutesDocument, lineStart: number, prefix: string, options: CompletionOptions): CompletionResult | undefined {
  const m = YAML_LINE.exec(prefix);
  if (!m) return undefined;
  const indent = m[1]!.length;
  const offset = lineStart + prefix.length;
  const valueStart = offset - m[3]!.length;
  const key: FrontMatterKey | 'approval-date' | undefined =
    indent > 0 ? (canonicalKey(APPROVAL_KEYS, m[2]!) === 'date' && insideApproval(doc, lineStart) ? 'approval-date' : undefined) : canonicalKey(FRONT_MATTER_KEYS, m[2]!);
  switch (key) {
    case 'date':
      return { context: 'front-matter-date', candidates: dateCandidates(doc, singleValue(doc.text, valueStart, offset), ['today', 'meeting-date', 'next-meeting'], options) };
    case 'next-meeting':
    case 'approval-date':
      return { context: 'front-matter-date', candidates: dateCandidates(doc, singleValue(doc.text, valueStart, offset), ['meeting-date', 'today', 'next-meeting'], options) };
    case 'chair':
    case 'secretary':
      return { context: 'front-matter-name', candidates: personCandidates(doc, singleValue(doc.text, valueStart, offset)) };
    case 'approvers':
      return { context: 'front-matter-name', candidates: personCandidates(doc, listValue(doc.text, valueStart, offset, true)) };
    default:
      return undefined;
  }
}

/** Is the indented line at `lineStart` part of the `justering:`/`approval:` map? */
function insideApproval(doc: MinutesDocument, lineStart: number): boolean {
  const before = doc.text.slice(doc.frontMatter!.contentSpan.start, lineStart);
  const tops = [...before.matchAll(/^([^\s:#][^:\n]*?)[ \t]*:/gm)];
  const last = tops[tops.length - 1];
  return !!last && canonicalKey(FRONT_MATTER_KEYS, last[1]!) === 'approval';
}

interface ValueSlot {
  /** What to replace: the partial value the user typed. */
  readonly replace: Span;
  /** Insert a space first (the value directly follows `::`, `:` or `,`). */
  readonly needsSpace: boolean;
  /** Names already given earlier in the same list (not offered again). */
  readonly taken: readonly string[];
}

function singleValue(text: string, valueStart: number, offset: number): ValueSlot {
  let start = valueStart;
  while (start < offset && /[ \t]/.test(text[start]!)) start++;
  const needsSpace = start === valueStart && valueStart > 0 && !/\s/.test(text[valueStart - 1]!);
  return { replace: { start, end: offset }, needsSpace, taken: [] };
}

/** A comma-separated list (`A, B, |`): the slot is the part after the last comma. */
function listValue(text: string, valueStart: number, offset: number, yamlList = false): ValueSlot {
  let value = text.slice(valueStart, offset);
  let base = valueStart;
  if (yamlList) {
    const bracket = value.indexOf('[');
    if (bracket >= 0) {
      base += bracket + 1;
      value = value.slice(bracket + 1);
    }
  }
  const comma = value.lastIndexOf(',');
  const partStart = comma >= 0 ? base + comma + 1 : base;
  const taken = comma >= 0 ? value.slice(0, comma).split(',').map((s) => s.trim()).filter(Boolean) : [];
  const slot = singleValue(text, partStart, offset);
  // After `[` in a YAML flow list no space is wanted.
  const needsSpace = slot.needsSpace && !(yamlList && text[partStart - 1] === '[');
  return { ...slot, needsSpace, taken };
}

/** Attendees first (document order), then names only the front matter or justering give. */
export function knownPeople(doc: MinutesDocument): { name: string; detail: string }[] {
  const out = new Map<string, { name: string; detail: string }>();
  for (const p of doc.attendance?.people ?? []) {
    const key = nameKey(p.name);
    if (!key || out.has(key)) continue;
    const roles = p.roles.map((r) => ROLE_SPELLING[r][doc.language]);
    out.set(key, { name: p.name, detail: [p.organisation ?? p.party, ...roles].filter(Boolean).join(', ') });
  }
  const fm = doc.frontMatter;
  const extra = [fm?.chair, fm?.secretary, ...(fm?.approvers ?? []), ...(doc.justering?.signers.map((s) => s.name) ?? [])];
  for (const n of extra) {
    if (!n) continue;
    const key = nameKey(n);
    if (key && !out.has(key)) out.set(key, { name: stripParenthesis(n), detail: '' });
  }
  return [...out.values()];
}

function personCandidates(doc: MinutesDocument, slot: ValueSlot): PersonCandidate[] {
  const taken = new Set(slot.taken.map(nameKey));
  return knownPeople(doc)
    .filter((p) => !taken.has(nameKey(p.name)))
    .map((p) => ({ kind: 'person', label: p.name, insertText: (slot.needsSpace ? ' ' : '') + p.name, replace: slot.replace, detail: p.detail }));
}

/** Is `offset` inside a vote callout (`> [!omröstning]`)? */
function voteAt(doc: MinutesDocument, offset: number): boolean {
  return doc.items.some((i) => i.callouts.some((c) => c.kind === 'vote' && offset > c.markerSpan.end && offset <= c.span.end));
}

function wordCandidates(words: readonly string[], slot: ValueSlot): WordCandidate[] {
  return words.map((w) => ({ kind: 'word', label: w, insertText: (slot.needsSpace ? ' ' : '') + w, replace: slot.replace }));
}

function roleCandidates(slot: ValueSlot, language: Language): RoleCandidate[] {
  return (['chair', 'secretary', 'approver', 'member'] as const).map((role) => {
    const word = ROLE_SPELLING[role][language];
    return { kind: 'role', role, label: word, insertText: (slot.needsSpace ? ' ' : '') + word, replace: slot.replace };
  });
}

function dateCandidates(doc: MinutesDocument, slot: ValueSlot, order: readonly DateSource[], options: CompletionOptions): DateCandidate[] {
  const value: Record<DateSource, string | undefined> = {
    'meeting-date': doc.frontMatter?.date,
    'next-meeting': doc.frontMatter?.nextMeeting,
    today: options.today,
  };
  const byDate = new Map<string, DateSource[]>();
  for (const source of order) {
    const date = value[source];
    if (!date || !isIsoDate(date)) continue;
    const sources = byDate.get(date);
    if (sources) sources.push(source);
    else byDate.set(date, [source]);
  }
  return [...byDate].map(([date, sources]) => ({ kind: 'date', label: date, insertText: (slot.needsSpace ? ' ' : '') + date, replace: slot.replace, sources }));
}
