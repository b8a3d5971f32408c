// Actions carried from meeting to meeting: where an action comes from (`[från:: date §N]`),
// which later action continues it, the follow-up item ("Utestående ärenden") of a meeting
// and the text inserted to carry open actions over. Pure: shared by the workspace index,
// the rules MIN042/MIN045 and the extension's "insert open actions" command.
import type { FieldKey } from '../keywords';
import { FIELD_KEYS } from '../keywords';
import type { ActionStatus, Item, Language, MinutesDocument, TextEdit } from '../model';
import { eolOf, lineStartAt, nextLineStart } from '../text';

/** Where an action comes from: the meeting date and (when known) the item number. */
export interface Origin {
  readonly date: string;
  readonly item: number | null;
}

const FROM = /(\d{4}-\d{2}-\d{2})(?:[^§\d]*§\s*(\d+))?/u;

/** Parses a `från`/`from` value: `2024-03-19 §38`, `2024-03-19, § 38`, `2024-03-19`. */
export function parseFrom(value: string | undefined | null): Origin | undefined {
  if (!value) return undefined;
  const m = FROM.exec(value);
  if (!m) return undefined;
  return { date: m[1]!, item: m[2] !== undefined ? Number(m[2]) : null };
}

/** `2024-03-19 §38` (or just the date). */
export function formatOrigin(origin: Origin): string {
  return origin.item === null ? origin.date : `${origin.date} §${origin.item}`;
}

/** The origin of an action: its `från` reference, else the meeting and item it stands in. */
export function originOf(meetingDate: string | null, itemNumber: number | null, from: string | undefined | null): Origin | undefined {
  return parseFrom(from) ?? (meetingDate ? { date: meetingDate, item: itemNumber } : undefined);
}

export function sameOrigin(a: Origin, b: Origin): boolean {
  return a.date === b.date && (a.item === null || b.item === null || a.item === b.item);
}

/** Comparable action text: case, punctuation and spacing do not matter. */
export function actionKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** What is needed to match two actions of different meetings. */
export interface CarriedAction {
  readonly origin: Origin | undefined;
  readonly key: string;
}

/**
 * Whether `later` (in a later meeting) continues `earlier`: same origin and the same text,
 * or the only action of that origin on both sides (a reworded carry-over).
 */
export function continues(later: CarriedAction, earlier: CarriedAction, onlyOfOrigin: boolean): boolean {
  if (!later.origin || !earlier.origin || !sameOrigin(later.origin, earlier.origin)) return false;
  return later.key === earlier.key || onlyOfOrigin;
}

// ---------------------------------------------------------------------------
// The follow-up item

const FOLLOW_UP_TITLE = new RegExp(
  [
    'utestående', 'uppföljning', 'föregående\\s+(?:mötes?|protokoll|sammanträde)', 'förra\\s+mötet', 'balanslista',
    'tidigare\\s+(?:möten|beslut|uppdrag)', 'previous\\s+meeting', 'matters\\s+arising', 'open\\s+actions', 'outstanding',
    'follow[- ]?up', 'action\\s+items', 'actions\\s+from',
  ].join('|'),
  'iu',
);

/** Whether an item title names a follow-up of earlier meetings. */
export function isFollowUpTitle(title: string): boolean {
  return FOLLOW_UP_TITLE.test(title);
}

/** The item where earlier meetings' actions are followed up: by title, else the first holding a carried action. */
export function followUpItem(doc: MinutesDocument): Item | undefined {
  return doc.items.find((i) => isFollowUpTitle(i.title)) ?? doc.items.find((i) => i.actions.some((a) => a.from));
}

// ---------------------------------------------------------------------------
// Inserting carried actions

export interface ActionToCarry {
  readonly text: string;
  readonly owners: readonly string[];
  readonly due: string | null;
  readonly status: ActionStatus;
  readonly origin: Origin | undefined;
}

const BOX: Record<ActionStatus, string> = { open: '[ ]', 'in-progress': '[/]', done: '[x]', cancelled: '[-]' };

function field(language: Language, key: FieldKey, value: string): string {
  return `[${FIELD_KEYS[key][language]}:: ${value}]`;
}

/** `- [ ] text [ansvarig:: A] [senast:: date] [från:: 2024-03-19 §38]` in the document's language. */
export function carriedActionLine(action: ActionToCarry, language: Language): string {
  const parts = [`- ${BOX[action.status]} ${action.text}`];
  if (action.owners.length > 0) parts.push(field(language, 'owner', action.owners.join(', ')));
  if (action.due) parts.push(field(language, 'due', action.due));
  if (action.origin) parts.push(field(language, 'from', formatOrigin(action.origin)));
  return parts.join(' ');
}

/**
 * Where carried task lines go in an item, as plain data (MIN045 works it out where the
 * document is parsed and builds the edit where the workspace is): after the item's last
 * action outside callouts, else at the end of the item's content after a blank line.
 */
export interface CarrySite {
  readonly at: number;
  /** Written before the lines, which are joined by `eol`, and after them. */
  readonly before: string;
  readonly after: string;
  readonly eol: string;
  readonly language: Language;
}

export function carrySite(doc: MinutesDocument, item: Item): CarrySite {
  const text = doc.text;
  const eol = eolOf(text);
  const language = doc.language;
  // After the item's last task list line outside callouts: the carried actions join that list.
  const plain = item.actions.filter((a) => !/^[ \t]*>/.test(text.slice(lineStartAt(text, a.span.start), a.span.start + 1))).at(-1);
  if (plain) {
    let at = Math.min(plain.span.end, text.length);
    while (at > plain.span.start && /\s/.test(text.charAt(at - 1))) at--;
    return { at, before: eol, after: '', eol, language };
  }
  // Else at the end of the item's content (before the blank lines ahead of the next heading).
  let end = item.span.end;
  while (end > item.heading.span.end && /\s/.test(text.charAt(end - 1))) end--;
  if (end <= item.heading.span.end) {
    // Only the heading: a blank line after it.
    const at = Math.min(nextLineStart(text, item.heading.span.start), text.length);
    const lead = at === text.length && !/\n$/.test(text) ? eol : '';
    return { at, before: `${lead}${eol}`, after: eol, eol, language };
  }
  return { at: end, before: eol + eol, after: '', eol, language };
}

/** The edit that inserts task lines for `actions` at a carry site. */
export function carryEditAt(site: CarrySite, actions: readonly ActionToCarry[]): TextEdit | undefined {
  if (actions.length === 0) return undefined;
  const lines = actions.map((a) => carriedActionLine(a, site.language));
  return { start: site.at, end: site.at, newText: site.before + lines.join(site.eol) + site.after };
}

/** One edit that inserts task lines into an item (see `carrySite`). */
export function carryOverEdit(doc: MinutesDocument, item: Item, actions: readonly ActionToCarry[]): TextEdit | undefined {
  return actions.length === 0 ? undefined : carryEditAt(carrySite(doc, item), actions);
}
