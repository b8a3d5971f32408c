// Who serves (tjänstgör) at a meeting and in each item, for the rules that read the
// Local Government Act (MIN016, MIN033–MIN039). "Serving" is: listed under `Beslutande`
// or `Tjänstgörande ersättare`, or with the role chair, member or approver, or replacing
// someone (`[ersätter:: Name]`). A `[närvaro:: § 47–48]` field limits it to those items.
import type { Callout, Item, MinutesDocument, Person } from '../model';
import { nameKey, stripParenthesis } from '../people';
import { findPerson } from './rule-utils';

export function isServing(p: Person): boolean {
  if (p.group === 'absent') return false;
  if (p.group === 'members' || p.group === 'substitutes') return true;
  return !!p.replaces || p.roles.some((r) => r === 'chair' || r === 'member' || r === 'approver');
}

/** The item numbers a presence field names (`§ 47–48`, `t.o.m. § 48`, `fr.o.m. § 47`); undefined: every item. */
function presenceRange(presence: string | undefined): { from: number; to: number } | undefined {
  if (!presence || !presence.includes('§')) return undefined;
  const m = /§+\s*(\d+)(?:\s*[–—-]\s*§?\s*(\d+))?/u.exec(presence);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  const before = presence.slice(0, m.index).toLowerCase();
  if (!m[2] && /t\.?\s*o\.?\s*m|till och med|until|up to/u.test(before)) return { from: -Infinity, to: a };
  if (!m[2] && /fr\.?\s*o\.?\s*m|från och med|from/u.test(before)) return { from: a, to: Infinity };
  return { from: a, to: b };
}

export function presentInItem(p: Person, item: Item): boolean {
  const range = presenceRange(p.presence);
  if (!range || item.number === undefined) return true;
  return item.number >= range.from && item.number <= range.to;
}

/** What decides who serves, as a key for keeping an item's findings between versions. */
export function servingContext(doc: MinutesDocument): string {
  const people = doc.attendance?.people;
  if (!people) return '';
  return people.map((p) => [p.name, p.group, p.roles.join(','), p.replaces ?? '', p.presence ?? '', p.party ?? ''].join('\u0002')).join('\u0001') + '\u0003';
}

/** Serving attendees, each name once. */
export function servingPeople(doc: MinutesDocument): Person[] {
  const seen = new Set<string>();
  const out: Person[] = [];
  for (const p of doc.attendance?.people ?? []) {
    const key = nameKey(p.name);
    if (!isServing(p) || seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/** The `[!jäv] Name` callouts of an item. */
export function conflictsOf(item: Item): Callout[] {
  return item.callouts.filter((c) => c.kind === 'conflict' && c.title !== '');
}

/** The attendee a callout title or roll-call name means (`Karin Lindqvist (S)`, `Karin`). */
export function personNamed(doc: MinutesDocument, name: string): Person | undefined {
  return findPerson(doc, stripParenthesis(name), false);
}

const keyOf = (doc: MinutesDocument, name: string) => {
  const p = personNamed(doc, name);
  return p ? nameKey(p.name) : nameKey(name);
};

/** Whether `name` declared a conflict of interest in the item. */
export function inConflict(doc: MinutesDocument, item: Item, name: string): boolean {
  const key = keyOf(doc, name);
  return conflictsOf(item).some((c) => keyOf(doc, c.title) === key);
}

/** Whether `name` serves in the item: an attendee who serves and is present there. */
export function servesIn(doc: MinutesDocument, item: Item, name: string): boolean {
  const p = personNamed(doc, name);
  return !!p && isServing(p) && presentInItem(p, item);
}

/** Serving people present in the item who did not declare a conflict there. */
export function takingPart(doc: MinutesDocument, item: Item): Person[] {
  return servingPeople(doc).filter((p) => presentInItem(p, item) && !inConflict(doc, item, p.name));
}

/** Words that make an item an election or an employment matter (closed votes, lot on a tie). */
const ELECTION = /\b(?:val|välja|väljer|väljs|utse|utser|utses|fyllnadsval|election|elect|elects|elected|appoint|appoints)\b/iu;
const EMPLOYMENT = /(?:anställ|tillsätt|rekryter|\bemploy|\bhire|\bhiring|\brecruit)/iu;

export function isElection(item: Item): boolean {
  return ELECTION.test(item.title);
}

export function isElectionOrEmployment(item: Item): boolean {
  return isElection(item) || EMPLOYMENT.test(item.title);
}

/** All prose and callout text of an item, for words like `utslagsröst`. */
export function itemText(doc: MinutesDocument, item: Item): string {
  return doc.text.slice(item.span.start, item.span.end);
}
