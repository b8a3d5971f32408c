// Reading people from attendance lists as secretaries write them:
// `Per Malm (M), ordförande`, `Emil Forsberg (S) ersätter Elpida Georgitsi (S)`,
// `Leif Eriksson, Botkyrka`, `Magnus Gyllestad Haninge, ordförande`, `Cllr D Hollins (Chair)`,
// `Stefan Hollmark Tyresö, t o m kl 10.00`, `Vera Lindqvist X, mötesordförande § 94 - § 106`.
import type { AttendanceGroup, Role } from '../model';

export interface ImportedPerson {
  name: string;
  organisation?: string;
  party?: string;
  roles: Role[];
  presence?: string;
  replaces?: string;
  group: AttendanceGroup;
  /** Input line it was read from. */
  source: number;
  /** What was guessed, for notes. */
  guesses: ('organisation' | 'role' | 'presence')[];
}

const ROLE_WORDS: [RegExp, Role][] = [
  [/^(?:mötes)?ordf(?:örande|\.)?$|^ordf$|^(?:chair|chairman|chairwoman|chairperson|in the chair)$|^mayor$|^town mayor$/i, 'chair'],
  [/^(?:sekreterare|sekr\.?|protokollförare|mötessekreterare|vid protokollet|vid anteckningarna|secretary|clerk|minute taker|minutes|parish clerk|town clerk)$/i, 'secretary'],
  [/^(?:justerare|justerande|approver)$/i, 'approver'],
];

export function roleOf(word: string): Role | undefined {
  const w = word.trim().replace(/[.,;:]+$/, '').replace(/^\(|\)$/g, '');
  for (const [re, role] of ROLE_WORDS) if (re.test(w) || re.test(w + '.')) return role;
  if (/^(?:parish |town |acting town |deputy )?clerk\b/i.test(w)) return 'secretary';
  return undefined;
}

// Lower case on purpose: `t o m` is presence, `Tom Reid` is a person.
const PRESENCE = /^(?:t\.?\s?o\.?\s?m\.?(?![\p{L}])|till\s|fr\.?\s?o\.?\s?m\.?(?![\p{L}])|från\s|from\s|until\s|[Aa]rrived|[Ll]eft|ej\s+§|§|ej\s|kl\.?\s*\d|\d{1,2}[.:]\d{2}|del av)/u;
const ABSENT = /^(?:anmält förhinder|förhinder|frånvarande|absent|apologies|ej närvarande)$/i;
const HONORIFIC = /^(?:cllr|councillor|county cllr|mr|mrs|ms|miss|dr|rev)\.?\s+/i;
const JOB = /(?:officer|manager|clerk|director|assistant|adviser|advisor|coordinator|administrator|chef|direktör|sekreterare|handläggare|strateg|ekonom|controller|samordnare)$/i;
const PARTY = /^\((\p{Lu}{1,3}|-|FP|MP|KD|SD|SPI)\)$/u;

/** `t o m kl 10.00` → `t.o.m. 10:00`; other presence text as written. */
export function normalisePresence(text: string): string {
  const t = text.trim().replace(/[.,;]+$/, (m) => (/\d$/.test(text.trim().slice(0, -m.length)) ? '' : m));
  const m = /^(?:t\.?\s?o\.?\s?m\.?|tom|till)\s*(?:kl\.?\s*)?(\d{1,2})[.:](\d{2})$/.exec(t);
  if (m) return `t.o.m. ${m[1]!.padStart(2, '0')}:${m[2]}`;
  const f = /^(?:fr\.?\s?o\.?\s?m\.?|från)\s*(?:kl\.?\s*)?(\d{1,2})[.:](\d{2})$/i.exec(t);
  if (f) return `fr.o.m. ${f[1]!.padStart(2, '0')}:${f[2]}`;
  return t;
}

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|von|van|af|de|der|la|le|du|di)$/u;

/** A piece that reads as a person's name: 1–5 words, capitalised (particles allowed). */
export function looksLikeName(text: string): boolean {
  const words = text.replace(HONORIFIC, '').trim().split(/\s+/);
  if (words.length === 0 || words.length > 5 || words[0] === '') return false;
  if (!/^\p{Lu}/u.test(words[0]!)) return false;
  return words.every((w) => NAME_WORD.test(w));
}

/** Splits a line of names at commas, `och`, `and`, `&`, keeping `ersätter` pairs together. */
function pieces(line: string): string[] {
  return line
    .replace(/^(?:councillors|cllrs|members|ledamöter)\s*:\s*/i, '')
    // `Per Wallin (S) Märta Lundkvist (S)`: a party ends a name.
    .replace(/(\((?:\p{Lu}{1,3}|-)\))\s+(?=\p{Lu}\p{Ll})/gu, '$1, ')
    .replace(/\s+(?:och|and|samt|&)\s+/gi, ', ')
    .split(/\s*[,;]\s*/)
    .map((p) => p.trim().replace(/\.$/, ''))
    .filter((p) => p !== '');
}

/**
 * People of an attendance block (lines after a label, label text removed).
 * `orgColumn`: the block is one person a line with an organisation after the name and
 * no comma (`Leif Eriksson Botkyrka`): the words after the first two are the organisation.
 */
export function readPeople(lines: readonly { text: string; source: number }[], group: AttendanceGroup): { people: ImportedPerson[]; rest: { text: string; source: number }[] } {
  const people: ImportedPerson[] = [];
  const rest: { text: string; source: number }[] = [];
  const firstParts = lines.map((l) => l.text.split(',')[0]!.replace(/\([^)]*\)/g, '').replace(HONORIFIC, '').trim().split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)));
  const orgColumn =
    lines.length >= 3 && !lines.some((l) => (l.text.match(/,/g) ?? []).length > 1) &&
    firstParts.filter((w) => w.length >= 3).length >= Math.ceil(lines.length * 0.6);
  lines.forEach((line) => {
    let text = line.text.trim();
    // `Vera Lindqvist X, mötesordförande`: X marks presence in a roll-call table.
    text = text.replace(/\s+X(?=\s*(?:,|$))/, '');
    // The X column of a roll call, flattened to lines of its own: not a person.
    if (/^X(?:,|$)/.test(text)) return;
    let absent = false;
    const absentMatch = /\s+(anmält förhinder|frånvarande)\s*$/i.exec(text);
    if (absentMatch) {
      absent = true;
      text = text.slice(0, absentMatch.index);
    }
    let current: ImportedPerson | undefined;
    for (const raw of pieces(text)) {
      let piece = raw;
      // Parenthesised parts: party, role, presence.
      const parens: string[] = [];
      piece = piece.replace(/\s*\(([^)]*)\)/g, (_m, inner: string) => {
        parens.push(inner.trim());
        return '';
      }).trim();
      const replaces = /^(.*?)\s+ersätter\s+(.+)$/i.exec(piece);
      let replaced: string | undefined;
      if (replaces) {
        piece = replaces[1]!.trim();
        replaced = replaces[2]!.trim();
      }
      // Trailing role words: `Lars Wiklander ordf.`, `Karin Sellberg vid protokollet`.
      let trailingRole: Role | undefined;
      const trail = /^(.*?)\s+((?:mötes)?ordf(?:örande|\.)?|sekreterare|sekr\.?|vid protokollet|vid anteckningarna|justerare)\s*$/i.exec(piece);
      if (trail && trail[1]!.trim() !== '') {
        trailingRole = roleOf(trail[2]!);
        piece = trail[1]!.trim();
      }
      const presence = /^(.*?\p{L})\s+((?:§|ej\s+§|t\.?\s?o\.?\s?m(?![\p{L}])|fr\.?\s?o\.?\s?m(?![\p{L}])).*)$/u.exec(piece);
      let trailingPresence: string | undefined;
      if (presence && looksLikeName(presence[1]!)) {
        piece = presence[1]!;
        trailingPresence = presence[2]!;
      }
      // `mötesordförande § 94 - § 106`, `mötesordf. § 74-88`: a role with presence.
      const rolePresence = /^((?:mötes)?ordf(?:örande|\.)?|sekreterare|sekr\.?)\s+((?:§|ej\s|t\.?\s?o\.?\s?m|fr\.?\s?o\.?\s?m).*)$/.exec(piece);
      if (rolePresence && current) {
        const r = roleOf(rolePresence[1]!)!;
        if (!current.roles.includes(r)) current.roles.push(r);
        current.presence = rolePresence[2]!.trim();
        current.guesses.push('role', 'presence');
        continue;
      }
      // `Mr R T Ashdown Deputy Parish Clerk`: an honorific starts a person; initials and a surname are the name.
      if (HONORIFIC.test(piece) && !looksLikeName(piece)) {
        const bare = piece.replace(HONORIFIC, '').trim();
        const m = /^((?:\p{Lu}{1,2}\.?\s+){0,3}\p{Lu}[\p{L}'’-]+)\s+(.*)$/u.exec(bare);
        if (m) {
          const person: ImportedPerson = { name: m[1]!, roles: [], group: absent ? 'absent' : group, source: line.source, guesses: [] };
          const r = roleOf(m[2]!);
          if (r) person.roles.push(r);
          else person.organisation = m[2]!;
          people.push(person);
          current = person;
          continue;
        }
      }
      const role = piece !== '' ? roleOf(piece) : undefined;
      // `G Markland, Neighbourhood Plan Continuity Officer`: a job title, not a second person.
      const job = current !== undefined && JOB.test(piece);
      const isName = !job && piece !== '' && !role && looksLikeName(piece) && (piece.replace(HONORIFIC, '').split(/\s+/).length >= 2 || HONORIFIC.test(piece) || !current);
      if (isName) {
        const bare = piece.replace(HONORIFIC, '').trim();
        const words = bare.split(/\s+/);
        const person: ImportedPerson = { name: bare, roles: [], group: absent ? 'absent' : group, source: line.source, guesses: [] };
        if (orgColumn && words.length >= 3 && !current) {
          person.name = words.slice(0, 2).join(' ');
          person.organisation = words.slice(2).join(' ');
          person.guesses.push('organisation');
        }
        people.push(person);
        current = person;
      } else if (current && piece !== '') {
        if (role) {
          if (!current.roles.includes(role)) current.roles.push(role);
          current.guesses.push('role');
        } else if (PRESENCE.test(piece)) {
          current.presence = normalisePresence(piece);
          current.guesses.push('presence');
        } else if (ABSENT.test(piece)) {
          current.group = 'absent';
        } else if (!current.organisation) {
          current.organisation = piece;
        } else {
          current.organisation += ', ' + piece;
        }
      } else if (!current && piece !== '') {
        // Not a name (`Se bilaga`): the caller keeps it as prose.
        rest.push({ text: raw, source: line.source });
        continue;
      }
      if (!current) continue;
      for (const p of parens) {
        const r = roleOf(p);
        if (PARTY.test(`(${p})`) && !r) current.party = p;
        else if (r) {
          if (!current.roles.includes(r)) current.roles.push(r);
        } else if (PRESENCE.test(p) || /^arrived|^left/i.test(p)) {
          current.presence = normalisePresence(p);
          current.guesses.push('presence');
        } else current.organisation = current.organisation ? `${current.organisation}, ${p}` : p;
      }
      if (replaced) current.replaces = replaced.replace(/\s*\([^)]*\)\s*$/, '').trim();
      if (trailingRole && !current.roles.includes(trailingRole)) {
        current.roles.push(trailingRole);
        current.guesses.push('role');
      }
      if (trailingPresence) current.presence = trailingPresence.trim();
    }
  });
  return { people, rest };
}
