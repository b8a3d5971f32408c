// Legacy minutes (text from Word, PDF, a web page) → a document in the dialect.
// Pure: the hosts read the files and hand over text (pages separated by `\f`).
import { ROLE_SPELLING, SIGNER_SPELLING } from '../keywords';
import type { AttendanceGroup, Language, Role } from '../model';
import { parseMinutes } from '../parser';
import { fixText, resolveRules, RULE_CODES } from '../lint/engine';
import { bodyIn, bodyInPassing, documentKind, findDateNear, findDates, findTime, guessLanguage, placeIn } from './header';
import { cleanLines, type Line } from './lines';
import { looksLikeName, readPeople, type ImportedPerson } from './people';
import type { ImportNote, ImportOptions, ImportResult, NoteKind, RemovedLine } from './types';

type Msg = { sv: string; en: string };

interface ItemStart {
  readonly index: number;
  readonly number: number;
  readonly title: string;
  readonly style: 'paragraph' | 'dotted';
}

// ---------------------------------------------------------------------------
// Items

const MINUTE_REF = /^((?:[A-Z][A-Za-z]{0,4}\/|[A-Z]{1,3})?\d{1,4}\/\d{2}(?:-\d{2})?[A-Z]?|\d{1,3}\.\d{1,3}\/\d{2}[A-Z]?)(?:\s*\|)?(?:\s+(.*))?$/;

/** A line that may open an item, without regard to the numbering so far. */
function itemCandidate(text: string): Omit<ItemStart, 'index'> | undefined {
  const t = text.trim().replace(/^\|\s*/, '').replace(/\s*\|\s*$/, '').replace(/^#{1,6}\s+/, '');
  let m = /^§\s*(\d{1,4})(?:\s*[.:])?(?:\s+(.*))?$/.exec(t);
  if (m) return { number: Number(m[1]), title: (m[2] ?? '').trim(), style: 'paragraph' };
  m = MINUTE_REF.exec(t);
  if (m) {
    const rest = (m[2] ?? '').trim();
    const inner = /^(\d{1,3})\.?\s+(?:\|\s*)?(\S.*)$/.exec(rest);
    const refNumber = Number(/(\d{1,4})\/\d{2}/.exec(m[1]!)?.[1] ?? /^(\d+)/.exec(m[1]!)![1]);
    if (inner) return { number: Number(inner[1]), title: `${m[1]} ${inner[2]!.replace(/\s*\|\s*$/, '')}`.trim(), style: 'dotted' };
    return { number: refNumber, title: `${m[1]} ${rest}`.trim(), style: 'dotted' };
  }
  m = /^(?:item|punkt|ärende)\s+(\d{1,3})\s*[.:–-]?\s*(.*)$/i.exec(t);
  if (m) return { number: Number(m[1]), title: m[2]!.trim(), style: 'dotted' };
  m = /^(\d{1,3})\.(?:\s*\|)?\s+(\S.*)$/.exec(t);
  if (m && /^[\p{Lu}\p{N}"”']/u.test(m[2]!)) return { number: Number(m[1]), title: m[2]!.replace(/\s*\|\s*$/, '').trim(), style: 'dotted' };
  m = /^(\d{1,3})\s+(\p{Lu}[\p{L}-]*(?:\s.*)?)$/u.exec(t);
  // Not a page number before a page's heading (`2 SAMMANTRÄDESPROTOKOLL 1[25]`), nor a joined page.
  if (m && t.length <= 120 && !/^(?:INNEHÅLLSFÖRTECKNING|SAMMANTRÄDESPROTOKOLL|PROTOKOLL|KOMMUNSTYRELSEN|KOMMUNFULLMÄKTIGE|Sidan?\b|Page\b)/u.test(m[2]!) && !/^\d{1,3}\s+\p{Lu}\p{L}*\s+\d{4}\b/u.test(t)) return { number: Number(m[1]), title: m[2]!.trim(), style: 'dotted' };
  return undefined;
}

/**
 * The item headings: numbers that follow each other. A run of headings with nothing
 * between them whose numbers come again later is an agenda or contents list.
 */
function findItems(lines: readonly Line[]): { items: ItemStart[]; agenda: Set<number> } {
  const cands: ItemStart[] = [];
  lines.forEach((l, index) => {
    const c = itemCandidate(l.text);
    if (c) cands.push({ ...c, index });
  });
  // Agenda runs: candidates separated only by blank lines (or agenda page numbers).
  const agenda = new Set<number>();
  for (let i = 0; i < cands.length; ) {
    let j = i;
    while (j + 1 < cands.length && cands[j + 1]!.number > cands[j]!.number && lines.slice(cands[j]!.index + 1, cands[j + 1]!.index).every((l) => l.text.trim() === '')) j++;
    if (j - i >= 2) {
      const run = cands.slice(i, j + 1);
      const later = cands.slice(j + 1);
      if (later.some((c) => c.number === run[0]!.number) || later.some((c) => run.some((r) => r.number === c.number && r.title === c.title))) {
        for (const r of run) agenda.add(r.index);
      }
    }
    i = j + 1;
  }
  const items: ItemStart[] = [];
  let style: ItemStart['style'] | undefined;
  for (const c of cands) {
    if (agenda.has(c.index)) continue;
    const prev = items[items.length - 1];
    const plain = /^\d{1,3}\s+\p{Lu}/u.test(lines[c.index]!.text.trim());
    if (!prev) {
      // The first item: `1 Title` only when it is 1; the other forms at any number.
      if (plain && c.number !== 1) continue;
      if (!/^(?:§|\d{1,3}\.|[A-Z][A-Za-z]{0,4}\/|[A-Z]{1,3}\d{1,4}\/|\d{1,4}\/|item|punkt|ärende)/i.test(lines[c.index]!.text.trim().replace(/^\|\s*/, '').replace(/^#{1,6}\s+/, '')) && !plain) continue;
      items.push(c);
      style = c.style;
      continue;
    }
    if (c.style !== style) continue;
    if (c.number === prev.number + 1 || (c.number > prev.number && c.number <= prev.number + 3 && !plain)) items.push(c);
  }
  return { items, agenda };
}

// ---------------------------------------------------------------------------
// Labels

const ATTENDANCE_LABEL =
  /^(deltagare|närvarande ledamöter|närvarande medlemmar|närvarande|beslutande ledamöter|beslutande|ledamöter|närvarande,? ej tjänstgörande ersättare|ej tjänstgörande ersättare|tjänstgörande ersättare|övriga närvarande|övriga deltagande|ersättare|suppleanter|tjänstemän|sekretariatet|frånvarande|present members|councillors present|those present|those attending|present|in attendance|also in attendance|also present|apologies for absence|apologies|absent)\b\s*:?\s*(.*)$/i;

function groupOf(label: string): AttendanceGroup {
  const l = label.toLowerCase();
  if (/^(?:beslutande|ledamöter|present members|councillors present)/.test(l)) return 'members';
  if (/^tjänstgörande/.test(l)) return 'substitutes';
  if (/^(?:frånvarande|apologies|absent)/.test(l)) return 'absent';
  if (/^(?:deltagare|närvarande$|närvarande (?:ledamöter|medlemmar)|present$|those)/.test(l)) return 'unspecified';
  return 'also-present';
}

const SIGNER_WORDS: [RegExp, 'recorder' | 'chair' | 'approver'][] = [
  [/^(?:vid anteckningarna|vid protokollet|sekreterare|protokollförare|recorded by|secretary|clerk)$/i, 'recorder'],
  [/^(?:ordförande|mötesordförande|chair|chairman|signed \(chair\)|signed)$/i, 'chair'],
  [/^(?:justeras|justerare|justerande|justeringsmän|justeringsperson(?:er)?|approved by)$/i, 'approver'],
];

function signerRole(label: string): 'recorder' | 'chair' | 'approver' | undefined {
  for (const [re, r] of SIGNER_WORDS) if (re.test(label.trim())) return r;
  return undefined;
}

/** A line made of signature labels, maybe followed by names: `Vid anteckningarna Justeras`, `Underskrifter Sekreterare … Ordförande …`. */
function signatureLine(text: string): { roles: ('recorder' | 'chair' | 'approver')[]; rest: string } | undefined {
  let t = text.trim().replace(/^underskrifter\s*/i, '').replace(/^signatures?:?\s*/i, '');
  const roles: ('recorder' | 'chair' | 'approver')[] = [];
  for (;;) {
    const m = /^(vid anteckningarna|vid protokollet|sekreterare|protokollförare|ordförande|justeras|justerande|justerare|recorded by|approved by|signed \(chair\)|chairman|chair|secretary)\s*:?\s*(?:\.{2,}|…|_{2,})?\s*/i.exec(t);
    if (!m) break;
    roles.push(signerRole(m[1]!)!);
    t = t.slice(m[0].length);
  }
  if (roles.length === 0) return undefined;
  // One label followed by a sentence is prose (`Ordförande Vera Lindqvist hälsar…`).
  if (roles.length === 1 && t !== '' && !/^[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){1,2}(?:\s*\([^)]*\))?\s*$/u.test(t) && !/^\.{2,}|^_{2,}/.test(t)) return undefined;
  return { roles, rest: t.trim() };
}

/** Names in a line in order, preferring people already known (`Anna Söderström Helene Olofsson` → two). */
function namesInLine(text: string, known: readonly string[]): string[] {
  const out: { name: string; at: number }[] = [];
  let rest = text;
  for (const name of [...known].sort((a, b) => b.length - a.length)) {
    const i = rest.toLowerCase().indexOf(name.toLowerCase());
    if (i >= 0) {
      out.push({ name, at: i });
      rest = rest.slice(0, i) + ' '.repeat(name.length) + rest.slice(i + name.length);
    }
  }
  // Unknown names: runs of capitalised words; a party `(S)` ends a name, else names are two words.
  const re = /(?:\p{Lu}[\p{L}'’-]+|von|af|de)(?:\s+(?:\p{Lu}[\p{L}'’-]+|von|af|de))*(?:\s*\((?:\p{Lu}{1,3}|-)\))?/gu;
  for (const m of rest.matchAll(re)) {
    const hasParty = /\)$/.test(m[0]);
    let words = m[0].replace(/\s*\([^)]*\)$/, '').split(/\s+/);
    let at = m.index!;
    // Label words are not names (`Paragrafer Therese Alvén`).
    while (words.length && NAME_STOP.test(words[0]!)) {
      at += words[0]!.length + 1;
      words = words.slice(1);
    }
    while (words.length && NAME_STOP.test(words[words.length - 1]!)) words = words.slice(0, -1);
    if (words.length < 2) continue;
    if (hasParty && words.length <= 3 && words.length % 2 === 1) {
      out.push({ name: words.join(' '), at });
      continue;
    }
    for (let i = 0; i + 1 < words.length; i += 2) out.push({ name: `${words[i]} ${words[i + 1]}`, at: at + i });
  }
  return out.sort((a, b) => a.at - b.at).map((o) => o.name);
}

const NAME_STOP = /^(?:Till|Beslutas|Beslutades|Mötet|Styrelsen|Ordförande|Sekreterare|Justerare|Justerande|Justeras|Justering|Val|Att|Som|Protokollet|Årsmötet|The|Council|Cllr|Paragrafer|Underskrifter|Plats|Tid|Utdragsbestyrkande|Förvaltningen|Kommunhuset|Stadshuset|Nyval|ANSLAG|BEVIS|Organ|Signed|Chair|Secretary)$/;

/** Capitalised name sequences in a sentence (not its first word when that is a common word). */
function namesInSentence(text: string): string[] {
  const out: string[] = [];
  const re = /\p{Lu}[\p{Ll}'’-]+(?:\s+(?:von|af|de)?\s*\p{Lu}[\p{Ll}'’-]+){1,2}/gu;
  for (const m of text.matchAll(re)) {
    const words = m[0].split(/\s+/).filter((w) => !NAME_STOP.test(w));
    if (words.length >= 2) out.push(words.join(' '));
  }
  return out;
}

/**
 * A roll call flattened from a table: `Mr GH Whitaker (Chairman) A Mr FK Allsop (Vice-Chairman) P (in the chair) …`
 * with `P = present, A = apology, N = non-attendance`.
 */
function rollCall(text: string, source: number): ImportedPerson[] {
  if ((text.match(/\s[PAN](?=\s|$)/g) ?? []).length < 3) return [];
  const body = text.replace(/\bP\s*=\s*present.*$/i, '');
  const entries = body.split(/\s+(?=(?:Mr|Mrs|Ms|Miss|Dr|Cllr|County Councillor|Borough Councillor)\s)/);
  const people: ImportedPerson[] = [];
  for (const e of entries) {
    const m = /^(?:Mr|Mrs|Ms|Miss|Dr|Cllr|County Councillor|Borough Councillor)\s+((?:\p{Lu}{1,3}\s+)?\p{Lu}[\p{L}'’-]+)(.*?)\s([PAN])\b(.*)$/u.exec(e.trim());
    if (!m) continue;
    const roles: Role[] = /in the chair/i.test(m[4]!) ? ['chair'] : [];
    const org = m[2]!.replace(/[()]/g, '').trim();
    people.push({ name: m[1]!, roles, group: m[3] === 'P' ? 'unspecified' : 'absent', source, guesses: ['role'], ...(org ? { organisation: org } : {}) });
  }
  return people;
}

const ZONE_LABEL = /(Vid anteckningarna|Vid protokollet|Sekreterare|Ordförande|Justerande|Justerare|Justeras)\b/gu;
const ZONE_END = /ANSLAG\/BEVIS|Utdragsbestyrkande|\n\n/;

/**
 * Signatures in a document whose lines a conversion joined: the labels and names come in
 * order (`Sekreterare Ordförande Justerande Ida Frisk Roger Ahlberg (S) Lennart Bergvall (KD)`
 * or interleaved); each name goes to the oldest label still waiting for one.
 */
function zoneSignatures(text: string, known: readonly string[]): { role: 'recorder' | 'chair' | 'approver'; name: string }[] {
  const labels = [...text.matchAll(ZONE_LABEL)];
  for (let i = 0; i + 1 < labels.length; i++) {
    const a = labels[i]!;
    const b = labels[i + 1]!;
    if (b.index! - (a.index! + a[0].length) > 120 || signerRole(a[1]!) === signerRole(b[1]!)) continue;
    const rest = text.slice(a.index!);
    const zone = rest.slice(0, Math.min(rest.search(ZONE_END) >= 0 ? rest.search(ZONE_END) : rest.length, 400));
    const out: { role: 'recorder' | 'chair' | 'approver'; name: string }[] = [];
    const queue: ('recorder' | 'chair' | 'approver')[] = [];
    let last: 'recorder' | 'chair' | 'approver' = 'approver';
    const parts = zone.split(ZONE_LABEL);
    // split with a capture group: text, label, text, label, …
    for (let k = 0; k < parts.length; k++) {
      if (k % 2 === 1) {
        queue.push(signerRole(parts[k]!)!);
        continue;
      }
      for (const name of namesInLine(parts[k]!.replace(/\.{2,}|_{2,}|…/g, ' '), known)) {
        const role: 'recorder' | 'chair' | 'approver' | undefined = queue.shift() ?? (last === 'approver' ? 'approver' : undefined);
        if (!role) continue;
        out.push({ role, name });
        last = role;
      }
    }
    if (out.length >= 2) return out;
  }
  return [];
}

// ---------------------------------------------------------------------------
// Item bodies

const DECISION_LABEL = /^(beslut|beslutet|decision|decisions|resolved|resolution|beslutsförslag antogs)\s*:?$/i;
const DECISION_INLINE = /^(beslut|decision|resolved|resolution|it was resolved)\s*:\s*(\S.*)$/i;
const DECISION_PROSE_SV = /(?<![\p{L}])(?:beslutades|beslöts|(?<!att\s+\S+\s+)beslutar|beslutas|beslutade|beslöt|fastställdes|godkändes|valdes|väljs|beviljades|antogs|förklarades|lades till handlingarna)(?![\p{L}])/iu;
const DECISION_PROSE_EN = /(?<![\p{L}])(?:resolved|it was agreed|the (?:council|meeting|board|committee) (?:agreed|accepted|approved|resolved)|members agreed|agreed unanimously|unanimously agreed|was approved|were approved|approved unanimously|unanimous approval|was carried|motion carried|were confirmed|was elected|were elected)(?![\p{L}])/iu;

/** A paragraph that states a decision (not an `att`-clause of a motion or proposal). */
function decides(text: string, lang: Language): boolean {
  if (/^-?\s*att\s/i.test(text)) return false;
  return (lang === 'sv' ? DECISION_PROSE_SV : DECISION_PROSE_EN).test(text);
}
const CALLOUT_LABEL_RE = /^(yrkanden?|yrkande|omröstning|omröstningsresultat|reservation(?:er)?|jäv|protokollsanteckning(?:ar)?|motion|vote|dissent|statement)(?![\p{L}\p{N}])(\s*:\s*(.{0,60})|\s+(.{0,60})|)$/iu;

/** `Reservation`, `Reservation: Anna Berg (M)`, `Jäv Per Ek`: a callout label, not a sentence that starts with the word. */
const CALLOUT_LABEL = {
  exec(text: string): [string, string, string] | null {
    const m = CALLOUT_LABEL_RE.exec(text);
    if (!m) return null;
    const title = (m[3] ?? m[4] ?? '').trim();
    if (m[4] !== undefined && !looksLikeName(title.replace(/\s*\([^)]*\)\s*/g, ' ').trim())) return null;
    return [m[0], m[1]!, title];
  },
  test(text: string): boolean {
    return this.exec(text) !== null;
  },
};
const ACTION_LINE = /^(action|actions|åtgärd|att göra)\s*[:–-]\s*(\S.*)$/i;

function calloutKind(label: string): { sv: string; en: string } | undefined {
  const l = label.toLowerCase();
  if (/^yrkande/.test(l) || l === 'motion') return { sv: 'yrkande', en: 'motion' };
  if (/^omröstning/.test(l) || l === 'vote') return { sv: 'omröstning', en: 'vote' };
  if (/^reservation/.test(l) || l === 'dissent') return { sv: 'reservation', en: 'dissent' };
  if (l === 'jäv') return { sv: 'jäv', en: 'conflict' };
  if (/^protokollsanteckning/.test(l) || l === 'statement') return { sv: 'protokollsanteckning', en: 'statement' };
  return undefined;
}

/** Prose lines safe as Markdown: no accidental headings, quotes, rules or fields. */
function escapeProse(text: string): string {
  let t = text.replace(/^\s+/, '');
  if (/^(?:#{1,6}(?:\s|$)|>|(?:[-=_*]\s*){3,}$|\[!)/.test(t)) t = '\\' + t;
  return t.replace(/\[([^\]\n]*?)::/g, '[$1\\::');
}

// ---------------------------------------------------------------------------
// The importer

interface State {
  readonly lang: Language;
  readonly notes: { kind: NoteKind; out: number; source: number; message: Msg }[];
  readonly removed: RemovedLine[];
  readonly people: ImportedPerson[];
  readonly signers: { role: 'recorder' | 'chair' | 'approver'; name: string; source: number }[];
  approvers: string[];
}

const NOTE: Record<string, (s: string) => Msg> = {
  body: (s) => ({ sv: `Organet lästes från texten: ${s}`, en: `The meeting body was read from the text: ${s}` }),
  date: (s) => ({ sv: `Datumet lästes från texten: ${s}`, en: `The date was read from the text: ${s}` }),
  noDate: () => ({ sv: 'Inget mötesdatum hittades: ange datum', en: 'No meeting date was found: add the date' }),
  noBody: () => ({ sv: 'Inget organ hittades: ange vilket organ som sammanträdde', en: 'No meeting body was found: name the body that met' }),
  organisation: (s) => ({ sv: `Organisationen lästes ur namnraden: ${s}`, en: `The organisation was read from the name line: ${s}` }),
  role: (s) => ({ sv: `Rollen lästes ur ett ord i texten: ${s}`, en: `The role was read from a word in the text: ${s}` }),
  presence: (s) => ({ sv: `Delvis närvaro lästes ur texten: ${s}`, en: `Partial presence was read from the text: ${s}` }),
  item: (s) => ({ sv: `Raden togs som rubrik för punkt ${s}`, en: `The line was taken as the heading of item ${s}` }),
  agenda: () => ({ sv: 'Föredragningslistan importerades som lista, inte som punkter', en: 'The agenda was imported as a list, not as items' }),
  subTopic: () => ({ sv: 'Raden togs som underrubrik', en: 'The line was taken as a sub-heading' }),
  decision: () => ({ sv: 'Stycket togs som beslut', en: 'The paragraph was taken as a decision' }),
  action: () => ({ sv: 'Raden togs som uppgift', en: 'The line was taken as an action item' }),
  signature: (s) => ({ sv: `Underskriften lästes: ${s}`, en: `The signature was read: ${s}` }),
  nextMeeting: (s) => ({ sv: `Nästa möte lästes från texten: ${s}`, en: `The next meeting was read from the text: ${s}` }),
  joined: () => ({ sv: 'Sammanslagna rader delades vid rubrikord', en: 'Joined lines were split at label words' }),
  approvers: (s) => ({ sv: `Justerare lästes från texten: ${s}`, en: `Approvers were read from the text: ${s}` }),
};

function inLanguage(lang: Language, both: Msg): string {
  return lang === 'sv' ? both.sv : both.en;
}

export function importMinutes(input: string, options: ImportOptions = {}): ImportResult {
  // A document already in the dialect is left as it is: importing twice changes nothing.
  const already = parseMinutes(input);
  if (already.isMinutes && already.frontMatter) return resultOf(already.text, [], [], options, already.language);

  const cleaned = cleanLines(input);
  const lines = cleaned.lines;
  const allText = lines.map((l) => l.text).join('\n');
  const lang: Language = options.language ?? guessLanguage(allText);
  const st: State = { lang, notes: [], removed: [...cleaned.removed], people: [], signers: [], approvers: [] };

  const { items, agenda } = findItems(lines);
  // The usual width of a wrapped line: a shorter line standing before text is a heading.
  const lengths = lines.map((l) => l.text.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 80;
  // Signature and notice blocks after the items end the last item.
  const firstItem = items[0]?.index ?? lines.length;
  let tailStart = lines.length;
  for (let i = firstItem + 1; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    if (/^anslag\s*\/\s*bevis\b/i.test(t) || (signatureLine(t) && !items.some((it) => it.index === i) && signatureLine(t)!.roles.length >= (i > (items[items.length - 1]?.index ?? 0) ? 1 : 2))) {
      if (i > (items[items.length - 1]?.index ?? 0)) {
        tailStart = i;
        break;
      }
    }
  }

  // ---- Header
  const fm: {
    kind?: { profile: 'protokoll' | 'notes'; word: string };
    body?: string;
    date?: string;
    time?: string;
    place?: string;
    nextMeeting?: string;
    firstItem?: number;
    approvedItems?: string;
    approvalDate?: string;
    approvalPlace?: string;
  } = {};
  const preamble: { text: string; source: number; note?: { kind: NoteKind; message: Msg } }[] = [];
  const agendaLines: { text: string; source: number }[] = [];
  const notice: { text: string; source: number }[] = [];
  const read = (l: Line) => st.removed.push({ line: l.source, text: l.text, reason: 'read' });
  const attendanceLines: { lines: { text: string; source: number }[]; group: AttendanceGroup; label: string }[] = [];

  const takeAttendance = (label: string, rest: string, source: number) => {
    const block = { lines: [] as { text: string; source: number }[], group: groupOf(label), label };
    if (rest.trim() !== '' && !ATTENDANCE_LABEL.test(rest.trim())) block.lines.push({ text: rest, source });
    attendanceLines.push(block);
    return block;
  };

  const sigUsed: Line[] = [];
  const electedRoles: { role: Role; name: string; source: number }[] = [];
  const headerEnd = Math.min(firstItem, tailStart);
  let block: ReturnType<typeof takeAttendance> | undefined;
  let mode: 'none' | 'agenda' | 'notice' = 'none';
  for (let i = 0; i < headerEnd; i++) {
    const l = lines[i]!;
    const t = l.text.trim();
    if (t === '') {
      if (mode !== 'none' && agendaLines.length + notice.length > 0) mode = 'none';
      continue;
    }
    // A heading from a Word or web file (`# Minutes of the Board`) reads as its text.
    const handled = headerLine(l, t.replace(/^#{1,6}\s+/, ''), lines[i + 1]?.text);
    if (handled === 'next') i++;
  }

  function headerLine(l: Line, t: string, next: string | undefined): boolean | 'next' {
    if (agenda.has(lines.indexOf(l)) || mode === 'agenda') {
      if (mode === 'agenda' && itemCandidate(t) === undefined && !/^\d/.test(t) && ATTENDANCE_LABEL.test(t)) mode = 'none';
      else {
        agendaLines.push({ text: t, source: l.source });
        return true;
      }
    }
    if (/^(?:innehållsförteckning|ärendelista|dagordning|föredragningslista|agenda)\b/i.test(t)) {
      mode = 'agenda';
      agendaLines.push({ text: t, source: l.source });
      return true;
    }
    if (/^anslag\s*\/\s*bevis\b/i.test(t) || mode === 'notice') {
      mode = 'notice';
      notice.push({ text: t, source: l.source });
      return true;
    }
    const att = ATTENDANCE_LABEL.exec(t) ?? (/^(?:cllrs|councillors)\s+\p{Lu}/iu.test(t) ? ['', 'present', t.replace(/^\S+\s+/, '')] : null) ?? (/^övriga$/i.test(t) ? ['', 'övriga närvarande', ''] : null);
    if (att && !/^(?:ledamöter|ersättare|present|apologies)\s+(?:ska|shall|were|was|is|are|har|have)\b/i.test(t)) {
      block = takeAttendance(att[1]!, att[2]!, l.source);
      read(l);
      return true;
    }
    if (block && /^\|.*\|$/.test(t)) {
      // An attendance table from a Word file: `| Anna Berg | ordförande |`.
      read(l);
      if (!/^\|(?:\s*:?-{3,}:?\s*\|)+$/.test(t)) {
        const cells = t.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()).filter((c) => c !== '');
        if (cells.length) block.lines.push({ text: cells.join(', '), source: l.source });
      }
      return true;
    }
    if (block) {
      const first = t.split(/[,(]/)[0]!.trim();
      const nameLike = looksLikeName(first.replace(/\s+X$/, '')) || /^(?:cllr|councillor|mr|mrs|ms|dr)\b/i.test(t) || looksLikeName(first.split(/\s+/).slice(0, 2).join(' '));
      if (/^X(?:,|$)/.test(t)) {
        read(l);
        return true;
      }
      const listLike = t.includes(',') || /^(?:cllr|councillor|mr|mrs|ms|dr)\b/i.test(t);
      if (nameLike && (listLike || !/[.!?]$/.test(t.replace(/\([^)]*\)\.?$/, ''))) && t.length < 200 && !bodyIn(t) && !placeIn(t) && !documentKind(t)) {
        block.lines.push({ text: t, source: l.source });
        read(l);
        return true;
      }
      if (nameLike && t.length >= 140) {
        block.lines.push({ text: t, source: l.source });
        read(l);
        return true;
      }
      block = undefined;
    }
    const sig = signatureLine(t);
    if (sig) {
      takeSignatures(sig, [l]);
      return true;
    }
    let m = /^(?:utses att justera|utsedd(?:a)? att justera|(?:justerare|justerande|justeringsm[äa]n|approvers?)\s*:)\s*(.+)$/i.exec(t);
    if (m && namesInSentence(m[1]!).length > 0) {
      st.approvers.push(...namesInLine(m[1]!.replace(/\s+(?:Plats och tid|Justeringens).*$/, ''), []));
      read(l);
      return true;
    }
    m = /^(?:justeringens plats och tid|plats och tid för justering|justering)\s*:?\s*(.*)$/i.exec(t);
    if (m) {
      const d = findDates(m[1]!)[0];
      if (d) fm.approvalDate = d.iso;
      const place = m[1]!.replace(/,?\s*\d{4}-\d{2}-\d{2}.*$/, '').replace(/,?\s*(?:kl\.?\s*)?\d{1,2}[.:]\d{2}.*$/, '').trim();
      if (place && !/^\d/.test(place)) fm.approvalPlace = place.replace(/[,.]$/, '');
      preamble.push({ text: t, source: l.source });
      return true;
    }
    m = /^paragrafer\s*:?\s*(?:§§?\s*)?(\d{1,4})\s*(?:-{1,2}|–|—)\s*(?:§\s*)?(\d{1,4})/i.exec(t);
    if (m) {
      fm.firstItem = Number(m[1]);
      fm.approvedItems = `§ ${m[1]}–${m[2]}`;
      read(l);
      return true;
    }
    let used = false;
    const kind = documentKind(t);
    if (kind && !fm.kind) {
      fm.kind = kind;
      used = true;
    }
    if (!fm.body) {
      const b = bodyIn(t, next);
      if (b) {
        fm.body = b;
        used = true;
      }
    }
    if (!fm.date) {
      const d = findDates(t)[0];
      if (d) {
        fm.date = d.iso;
        used = true;
        const tm = findTime(t);
        if (tm) fm.time = tm;
      }
    } else if (!fm.time && /^(?:tid|time|klockan)\b/i.test(t)) {
      const tm = findTime(t);
      if (tm) {
        fm.time = tm;
        used = true;
      }
    }
    if (!fm.time && /\bkl\.?\s*\d/i.test(t)) {
      const tm = findTime(t);
      if (tm) fm.time = tm;
    }
    const place = placeIn(t);
    if (place && !fm.place) {
      fm.place = place;
      used = true;
    }
    if (used) {
      // The body on the next line (`… möte med` / `Södertörnskommunernas ledningsgrupp`).
      read(l);
      if (next !== undefined && /\bmed$/i.test(t) && fm.body && next.trim().startsWith(fm.body)) {
        const nl = lines[lines.indexOf(l) + 1]!;
        read(nl);
        return 'next';
      }
      return true;
    }
    preamble.push({ text: t, source: l.source });
    return true;
  }

  function flushAttendance() {
    const blocks = attendanceLines.splice(0);
    // One list without groups (`Deltagare …`): no group headings in the document.
    const single = attendanceCount === 0 && blocks.filter((b) => b.group !== 'absent').length === 1;
    for (const b of blocks) {
      const { people, rest } = readPeople(b.lines, single && b.group !== 'absent' && b.group !== 'also-present' ? 'unspecified' : b.group);
      attendanceCount++;
      st.people.push(...people);
      for (const r of rest) preamble.push({ text: r.text, source: r.source });
    }
  }
  let attendanceCount = 0;

  function takeSignatures(sig: { roles: ('recorder' | 'chair' | 'approver')[]; rest: string }, used: Line[]) {
    // Labels and names interleaved over the next lines (`Underskrifter Sekreterare` / `Paragrafer 26 -- 38 Sanna Öberg Ordförande …`).
    const at0 = lines.indexOf(used[0]!);
    const following = lines.slice(at0 + 1, at0 + 3).filter((l) => l.text.trim() !== '');
    if (!sig.rest && following.some((l) => new RegExp(ZONE_LABEL.source, 'u').test(l.text))) {
      const z = zoneSignatures([used[0]!, ...following].map((l) => l.text).join(' '), st.people.map((p) => p.name));
      if (z.length >= 2) {
        for (const x of z) st.signers.push({ ...x, source: used[0]!.source });
        for (const u of [used[0]!, ...following]) read(u);
        sigUsed.push(used[0]!, ...following);
        return;
      }
    }
    let names = sig.rest ? namesInLine(sig.rest.replace(/\.{2,}|_{2,}|…/g, ' '), st.people.map((p) => p.name)) : [];
    if (names.length === 0) {
      // Names on the following lines.
      const at = lines.indexOf(used[0]!);
      for (let j = at + 1; j < Math.min(lines.length, at + 6) && names.length < sig.roles.length; j++) {
        const t = lines[j]!.text.trim().replace(/\.{2,}|_{2,}|…/g, ' ').trim();
        if (t === '') continue;
        if (signatureLine(t)) break;
        const found = namesInLine(t, st.people.map((p) => p.name));
        if (found.length === 0) break;
        names.push(...found);
        used.push(lines[j]!);
      }
    }
    sig.roles.forEach((role, k) => {
      const name = names[k];
      if (name) st.signers.push({ role, name, source: used[0]!.source });
    });
    // Extra names after the labels: more approvers.
    for (const extra of names.slice(sig.roles.length)) st.signers.push({ role: 'approver', name: extra, source: used[0]!.source });
    for (const u of used) read(u);
    sigUsed.push(...used);
  }

  flushAttendance();

  // ---- Items
  interface Block {
    kind: 'prose' | 'decision' | 'callout' | 'action' | 'sub' | 'list';
    lines: { text: string; source: number }[];
    callout?: { sv: string; en: string };
    title?: string;
    note?: Msg;
    noteKind?: NoteKind;
  }
  const renderedItems: { start: ItemStart; source: number; title: string; blocks: Block[] }[] = [];
  for (let k = 0; k < items.length; k++) {
    const start = items[k]!;
    const end = Math.min(items[k + 1]?.index ?? lines.length, tailStart);
    let title = start.title;
    let from = start.index + 1;
    const word = /^\s*(?:#{1,6}\s+)?(item|punkt|ärende)\s/i.exec(lines[start.index]!.text);
    if (word) st.removed.push({ line: lines[start.index]!.source, text: word[1]!, reason: 'label' });
    if (title === '') {
      // `§ 12` alone: the title is the next line.
      while (from < end && lines[from]!.text.trim() === '') from++;
      if (from < end && lines[from]!.text.trim().length < 120) {
        title = lines[from]!.text.trim();
        from++;
      }
    }
    // An attendance list in an item (`Cou/285/07-08 Present Members: Cllr …`).
    const titleLabel = ATTENDANCE_LABEL.exec(title.replace(/^\S*\/\S*\s+/, ''));
    if (titleLabel && titleLabel[2]!.trim() !== '' && titleLabel[2]!.length > 20) {
      const b = takeAttendance(titleLabel[1]!, titleLabel[2]!, lines[start.index]!.source);
      if (b.group !== 'absent') {
        st.removed.push({ line: lines[start.index]!.source, text: titleLabel[2]!, reason: 'read' });
        title = title.slice(0, title.length - titleLabel[2]!.length).trim().replace(/:$/, '');
      } else attendanceLines.pop();
    }
    // A long numbered sentence (`1. Ordförande X hälsade … välkomna.`): the heading is its start.
    let spill: string | undefined;
    if (title.length > 90) {
      const cut = /^(.{10,90}?[.:])\s+(\S.*)$/.exec(title) ?? /^(.{20,80})\s+(\S.*)$/.exec(title);
      if (cut) {
        title = cut[1]!;
        spill = cut[2]!;
      }
    }
    const body = lines.slice(from, end).map((l) => ({ text: l.text, source: l.source }));
    if (spill) body.unshift({ text: spill, source: lines[start.index]!.source });
    const blocks = itemBlocks(body);
    // `5. Utskickad dagordning godkändes.`: a numbered sentence that states a decision.
    const whole = spill ? `${title} ${spill}` : title;
    if (decides(whole, lang) && /[.!]$|\p{Ll}$/u.test(whole.trim()) && whole.split(/\s+/).length >= 3) {
      electRoles(whole, lines[start.index]!.source);
      const source = lines[start.index]!.source;
      // The sentence's words are all in the heading and its continuation: the decision repeats the whole sentence.
      const first = blocks[0];
      if (spill && first && first.lines[0]?.text === spill) {
        if (first.kind !== 'decision') {
          blocks.shift();
          if (first.lines.length > 1) blocks.unshift({ kind: 'prose', lines: first.lines.slice(1) });
          blocks.unshift({ kind: 'decision', lines: [{ text: whole, source }], note: NOTE.decision!(''), noteKind: 'decision' });
        }
      } else if (!blocks.some((b) => b.kind === 'decision')) {
        blocks.unshift({ kind: 'decision', lines: [{ text: title, source }], note: NOTE.decision!(''), noteKind: 'decision' });
      }
    }
    if (/^(?:attendance|närvaro|närvarande)\b/i.test(title.replace(/\s*\|\s*$/, '')) && !attendanceCount) {
      // A roll call inside an item (`Mr FK Allsop (Vice-Chairman) P (in the chair) Mr RW Barlow P …`).
      const text = body.map((l) => l.text.replace(/\s*\|\s*$/, '')).join(' ');
      const roll = rollCall(text, lines[start.index]!.source);
      if (roll.length) {
        st.people.push(...roll);
        attendanceCount++;
      }
    }
    renderedItems.push({ start, source: lines[start.index]!.source, title, blocks });
  }

  function itemBlocks(body: { text: string; source: number }[]): Block[] {
    // Paragraphs: split at blank lines; a line that is a label, bullet or short heading stands alone.
    const paras: { text: string; source: number }[][] = [];
    let cur: { text: string; source: number }[] = [];
    const flush = () => {
      if (cur.length) paras.push(cur);
      cur = [];
    };
    for (const l of body) {
      const t = l.text.trim();
      if (t === '') {
        flush();
        continue;
      }
      const alone = DECISION_LABEL.test(t) || CALLOUT_LABEL.test(t) || ACTION_LINE.test(t) || /^- /.test(t) || /^\|/.test(t);
      if (alone) {
        flush();
        paras.push([{ text: t, source: l.source }]);
        continue;
      }
      // A bullet's continuation lines stay with it.
      cur.push({ text: t, source: l.source });
    }
    flush();
    // Join bullet continuations (`- text` then `more text`) and split a paragraph that starts with a bullet.
    const blocks: Block[] = [];
    let pendingDecision: Block | undefined;
    for (let p = 0; p < paras.length; p++) {
      const para = paras[p]!;
      const first = para[0]!.text;
      let m: RegExpExecArray | null;
      if (DECISION_LABEL.test(first) && para.length === 1) {
        st.removed.push({ line: para[0]!.source, text: first, reason: 'label' });
        pendingDecision = { kind: 'decision', lines: [] };
        blocks.push(pendingDecision);
        continue;
      }
      if (pendingDecision) {
        if (pendingDecision.lines.length === 0 || /^att\s/i.test(first) || /^- /.test(first)) {
          pendingDecision.lines.push(...para);
          electRoles(para.map((l) => l.text).join(' '), para[0]!.source);
          continue;
        }
        pendingDecision = undefined;
      }
      const cl = CALLOUT_LABEL.exec(first);
      if (cl && para.length === 1 && calloutKind(cl[1])) {
        st.removed.push({ line: para[0]!.source, text: cl[1], reason: 'label' });
        const next = paras[p + 1];
        const b: Block = { kind: 'callout', lines: next ?? [], callout: calloutKind(cl[1])!, title: cl[2] };
        if (!next) b.lines = [];
        blocks.push(b);
        if (next) p++;
        continue;
      }
      if ((m = DECISION_INLINE.exec(first))) {
        st.removed.push({ line: para[0]!.source, text: m[1]!, reason: 'label' });
        blocks.push({ kind: 'decision', lines: [{ text: m[2]!, source: para[0]!.source }, ...para.slice(1)] });
        continue;
      }
      if ((m = ACTION_LINE.exec(first))) {
        st.removed.push({ line: para[0]!.source, text: m[1]!, reason: 'label' });
        blocks.push({ kind: 'action', lines: [{ text: m[2]!, source: para[0]!.source }, ...para.slice(1)], note: NOTE.action!(''), noteKind: 'action' });
        continue;
      }
      if (/^- /.test(first) && decides(para.map((l) => l.text).join(' ').slice(2), lang)) {
        // A bullet that states a decision becomes one.
        st.removed.push({ line: para[0]!.source, text: '-', reason: 'label' });
        blocks.push({ kind: 'decision', lines: [{ text: first.slice(2), source: para[0]!.source }, ...para.slice(1)], note: NOTE.decision!(''), noteKind: 'decision' });
        electRoles(para.map((l) => l.text).join(' '), para[0]!.source);
        continue;
      }
      if (/^- /.test(first) || /^\|/.test(first)) {
        const last = blocks[blocks.length - 1];
        if (last && last.kind === 'list' && /^\|/.test(first) === /^\|/.test(last.lines[0]!.text)) last.lines.push(...para);
        else blocks.push({ kind: 'list', lines: [...para] });
        continue;
      }
      // A short line standing alone before text: a sub-topic heading.
      if (
        para.length >= 2 &&
        para[0]!.text.length <= 90 &&
        para[0]!.text.length + 1 + (/^\S+/.exec(para[1]!.text)?.[0].length ?? 0) < width * 0.9 &&
        (first.match(/\(/g) ?? []).length === (first.match(/\)/g) ?? []).length &&
        !(first.split(/\s+/).length >= 2 && looksLikeName(first)) &&
        /^\p{Lu}/u.test(first) &&
        !/[.,;:!?]$/.test(first) &&
        !/[.!?]\s/.test(first) &&
        first.split(/\s+/).length <= 12
      ) {
        const next = para[1]!.text;
        // Only when the first line does not run on into the next (a wrapped sentence).
        if (/^\p{Lu}/u.test(next) && !/^(?:och|and|samt|att|som)\b/i.test(next)) {
          blocks.push({ kind: 'sub', lines: [para[0]!], note: NOTE.subTopic!(''), noteKind: 'sub-topic' });
          para.shift();
        }
      }
      const rest = para.map((l) => l.text).join(' ');
      if (decides(rest, lang)) {
        blocks.push({ kind: 'decision', lines: para, note: NOTE.decision!(''), noteKind: 'decision' });
        electRoles(rest, para[0]!.source);
        continue;
      }
      blocks.push({ kind: 'prose', lines: para });
    }
    return blocks;
  }

  /** `Till ordförande valdes X`, `X valdes till sekreterare`, `att utse X till justerare`, `Beslutas att PÅ skall justera`. */
  function electRoles(text: string, source: number) {
    const NAME = '(\\p{Lu}[\\p{L}\'’-]+(?:\\s+(?:von\\s+|af\\s+|de\\s+)?\\p{Lu}[\\p{L}\'’-]+){1,2})';
    const ROLE: [Role | 'approvers', string][] = [
      ['chair', '(?:mötes)?ordförande(?! ?reserv)'],
      ['secretary', '(?:mötes)?sekreterare|protokollförare'],
      ['approvers', '(?:mötes)?justerare|justeringsm[äa]n|justeringspersoner|justera (?:dagens )?protokoll(?:et)?'],
    ];
    const trimName = (n: string) => n.split(/\s+/).filter((w) => !NAME_STOP.test(w)).join(' ');
    for (const sentence of text.split(/(?<=[.!?])\s+|\s{3,}/)) {
      if (!/valdes|väljs|välja|utses|utsågs|utse\b|justera/i.test(sentence) || /\bvice\b|reserv|nästa möte/i.test(sentence)) continue;
      for (const [role, word] of ROLE) {
        const found: string[] = [];
        const before = new RegExp(`(?:[Tt]ill|[Ss]om)\\s+(?:${word})[^.]*?(?:valdes|väljs|utses)\\s*:?\\s+${NAME}((?:\\s*(?:,|och)\\s*${NAME})*)`, 'u').exec(sentence);
        const after = new RegExp(`${NAME}((?:\\s*(?:,|och)\\s*${NAME})*)\\s+(?:\\p{Ll}+\\s+){0,2}(?:valdes|väljs|utses)[^.]*?(?:till|som)\\s+(?:\\p{Ll}+\\s+)?(?:${word})`, 'u').exec(sentence);
        const utse = new RegExp(`(?:utse|välja)\\s+${NAME}((?:\\s*(?:,|och)\\s*${NAME})*)\\s+(?:till|som)\\b[^.]*?(?:${word})`, 'u').exec(sentence);
        for (const m of [before, after, utse]) {
          if (!m) continue;
          found.push(trimName(m[1]!));
          if (m[2]) found.push(...namesInSentence(m[2]));
          break;
        }
        // Initials: `Beslutas att PÅ skall justera dagens protokoll`.
        if (!found.length && role === 'approvers' && new RegExp(word, 'i').test(sentence)) {
          for (const m of sentence.matchAll(/(?<![\p{L}])(\p{Lu}{2,3})(?![\p{L}])/gu)) {
            const p = st.people.find((x) => x.party === m[1]);
            if (p) found.push(p.name);
          }
        }
        if (!found.length) continue;
        if (role === 'approvers') {
          for (const n of found) if (!st.approvers.some((a) => sameName(a, n))) st.approvers.push(n);
          st.notes.push({ kind: 'role', out: -1, source, message: NOTE.approvers!(found.join(', ')) });
        } else {
          // The meeting's own chair or secretary (`för årsmötet`) wins over the association's.
          const forMeeting = /mötet|stämman|mötes/i.test(sentence);
          const e = { role, name: found[0]!, source };
          if (forMeeting) electedRoles.unshift(e);
          else electedRoles.push(e);
        }
      }
    }
  }

  // ---- Tail: signatures and the notice
  const tail: { text: string; source: number }[] = [];
  for (let i = tailStart; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.text.trim();
    if (t === '' || sigUsed.includes(l)) continue;
    if (/^anslag\s*\/\s*bevis\b/i.test(t) || mode === 'notice') {
      mode = 'notice';
      notice.push({ text: t, source: l.source });
      continue;
    }
    const sig = signatureLine(t);
    if (sig) {
      takeSignatures(sig, [l]);
      continue;
    }
    tail.push({ text: t, source: l.source });
  }

  flushAttendance();
  // Signature names that matched nobody in a header-less document still count as people.
  if (st.signers.length === 0) {
    const joined = lines.slice(0, Math.max(headerEnd, 0)).map((l) => l.text).join('\n') + '\n\n' + lines.slice(tailStart).map((l) => l.text).join('\n');
    for (const z of zoneSignatures(joined, st.people.map((p) => p.name))) st.signers.push({ ...z, source: 0 });
  }
  if (!fm.body) {
    const b = bodyInPassing(lines.map((l) => l.text).join('\n'));
    if (b) fm.body = b;
  }
  // Elections in running text before the items (`Emil Västberg valdes enhälligt till mötesordförande.`).
  electRoles(preamble.map((p) => p.text).join(' '), preamble[0]?.source ?? 0);
  const signer = (role: 'recorder' | 'chair' | 'approver') => st.signers.filter((s) => s.role === role).map((s) => s.name);
  const chair = signer('chair')[0] ?? st.people.find((p) => p.roles.includes('chair'))?.name ?? electedRoles.find((e) => e.role === 'chair')?.name;
  const secretary = signer('recorder')[0] ?? st.people.find((p) => p.roles.includes('secretary'))?.name ?? electedRoles.find((e) => e.role === 'secretary')?.name;
  const approvers = dedupe([...signer('approver'), ...st.approvers].filter((n) => n !== chair && n !== secretary));
  for (const p of st.people) {
    if (approvers.some((a) => sameName(a, p.name)) && !p.roles.includes('approver')) p.roles.push('approver');
    if (secretary && sameName(secretary, p.name) && !p.roles.includes('secretary')) p.roles.push('secretary');
    if (chair && sameName(chair, p.name) && !p.roles.includes('chair')) p.roles.push('chair');
  }

  // ---- Next meeting
  for (const it of renderedItems) {
    if (/^(?:nästa (?:möte|sammanträde)|next meeting|date of (?:the )?next meeting)/i.test(it.title)) {
      const text = it.blocks.flatMap((b) => b.lines.map((l) => l.text)).join(' ');
      const d = findDateNear(text, fm.date);
      if (d && (!fm.date || d > fm.date)) fm.nextMeeting = d;
    }
  }

  // ---- Render
  const out: string[] = [];
  const note = (kind: NoteKind, source: number, message: Msg) => st.notes.push({ kind, out: out.length, source, message });
  const profile = fm.kind?.profile ?? (items.some((i) => i.style === 'paragraph') ? 'protokoll' : 'notes');
  const K = lang === 'sv';
  const typeWord = profile === 'protokoll' ? (K ? 'protokoll' : 'minutes') : K ? 'minnesanteckningar' : 'notes';
  const yaml = (v: string) => (/^[\p{L}\p{N} ,.–()'’/&-]+$/u.test(v) && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(v) && !/:\s/.test(v) && !/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : JSON.stringify(v));
  out.push('---');
  out.push(`${K ? 'typ' : 'type'}: ${typeWord}`);
  if (fm.body) {
    note('body', 0, NOTE.body!(fm.body));
    out.push(`${K ? 'organ' : 'body'}: ${yaml(fm.body)}`);
  } else {
    note('body', 0, NOTE.noBody!(''));
    out.push(`${K ? 'organ' : 'body'}: ""`);
  }
  if (fm.date) {
    note('date', 0, NOTE.date!(fm.date));
    out.push(`${K ? 'datum' : 'date'}: ${fm.date}`);
  } else {
    note('date', 0, NOTE.noDate!(''));
    out.push(`${K ? 'datum' : 'date'}: ""`);
  }
  if (fm.time) out.push(`${K ? 'tid' : 'time'}: ${fm.time}`);
  if (fm.place) out.push(`${K ? 'plats' : 'place'}: ${yaml(fm.place)}`);
  out.push(`${K ? 'språk' : 'lang'}: ${lang}`);
  if (chair) out.push(`${K ? 'ordförande' : 'chair'}: ${yaml(chair)}`);
  if (secretary) out.push(`${K ? 'sekreterare' : 'secretary'}: ${yaml(secretary)}`);
  if (approvers.length) {
    // Approvers read from running text (`valdes till justerare`) are noted on this line.
    for (const n of st.notes) if (n.out === -1) n.out = out.length;
    out.push(`${K ? 'justerare' : 'approvers'}: [${approvers.map(yaml).join(', ')}]`);
  }
  if (fm.approvalDate || fm.approvalPlace) {
    out.push(`${K ? 'justering' : 'approval'}:`);
    if (fm.approvalDate) out.push(`  ${K ? 'datum' : 'date'}: ${fm.approvalDate}`);
    if (fm.approvalPlace) out.push(`  ${K ? 'plats' : 'place'}: ${yaml(fm.approvalPlace)}`);
  }
  const first = renderedItems[0]?.start.number;
  if (first !== undefined && first !== 1) out.push(`${K ? 'paragraf-start' : 'first-item'}: ${first}`);
  else if (fm.firstItem !== undefined && fm.firstItem !== 1 && renderedItems.length === 0) out.push(`${K ? 'paragraf-start' : 'first-item'}: ${fm.firstItem}`);
  if (fm.nextMeeting) {
    note('next-meeting', 0, NOTE.nextMeeting!(fm.nextMeeting));
    out.push(`${K ? 'nästa-möte' : 'next-meeting'}: ${fm.nextMeeting}`);
  }
  out.push('---', '');
  // Notes on the front matter point at its first line.
  for (const n of st.notes) if (n.out === 0 && n.kind !== 'role') n.out = 0;

  const kindTitle = profile === 'protokoll' ? (K ? 'Protokoll' : 'Minutes') : K ? 'Minnesanteckningar' : 'Notes';
  out.push(`# ${[kindTitle, fm.body, fm.date].filter(Boolean).join(' – ')}`, '');
  for (const sp of cleaned.splitLines) note('joined-lines', sp, NOTE.joined!(''));
  for (const p of preamble) out.push(escapeProse(p.text));
  if (preamble.length) out.push('');
  if (agendaLines.length) {
    note('agenda', agendaLines[0]!.source, NOTE.agenda!(''));
    for (const a of agendaLines) out.push(/^- /.test(a.text) ? a.text : `- ${a.text.replace(/^[-•]\s*/, '').replace(/^(\d+)\.\s/, '$1\\. ')}`);
    out.push('');
  }

  // Attendance
  if (st.people.length) {
    out.push(`## ${K ? 'Närvarande' : 'Attendance'}`, '');
    const groups: AttendanceGroup[] = ['unspecified', 'members', 'substitutes', 'also-present', 'absent'];
    const GROUP_TITLE: Record<AttendanceGroup, Msg> = {
      unspecified: { sv: '', en: '' },
      members: { sv: 'Beslutande', en: 'Members' },
      substitutes: { sv: 'Tjänstgörande ersättare', en: 'Substitutes' },
      'also-present': { sv: 'Övriga närvarande', en: 'Also present' },
      absent: { sv: 'Frånvarande', en: 'Absent' },
    };
    const multi = new Set(st.people.map((p) => p.group)).size > 1 || st.people.some((p) => p.group !== 'unspecified');
    for (const g of groups) {
      const ps = st.people.filter((p) => p.group === g);
      if (!ps.length) continue;
      if (multi && g !== 'unspecified') out.push(`### ${inLanguage(lang, GROUP_TITLE[g])}`, '');
      for (const p of ps) {
        if (p.guesses.includes('organisation')) note('organisation', p.source, NOTE.organisation!(p.organisation ?? ''));
        if (p.roles.length && p.guesses.includes('role')) note('role', p.source, NOTE.role!(p.roles.map((r) => inLanguage(lang, ROLE_SPELLING[r])).join(', ')));
        if (p.presence) note('presence', p.source, NOTE.presence!(p.presence));
        const parts = [`- ${p.name}${p.party ? ` (${p.party})` : ''}${p.organisation ? `, ${p.organisation}` : ''}`];
        for (const r of p.roles) parts.push(`[${K ? 'roll' : 'role'}:: ${inLanguage(lang, ROLE_SPELLING[r])}]`);
        if (p.presence) parts.push(`[${K ? 'närvaro' : 'presence'}:: ${p.presence.replace(/\]/g, ')')}]`);
        if (p.replaces) parts.push(`[${K ? 'ersätter' : 'replaces'}:: ${p.replaces}]`);
        out.push(parts.join(' '));
      }
      out.push('');
    }
  }

  // Items
  for (const it of renderedItems) {
    note('item', it.source, NOTE.item!(String(it.start.number)));
    const head = it.start.style === 'paragraph' || profile === 'protokoll' ? `§ ${it.start.number}` : `${it.start.number}.`;
    out.push(`## ${head} ${escapeHeading(it.title)}`.trimEnd(), '');
    for (const b of it.blocks) {
      if (b.note) note(b.noteKind!, b.lines[0]?.source ?? it.source, b.note);
      switch (b.kind) {
        case 'sub':
          out.push(`### ${escapeHeading(b.lines[0]!.text)}`, '');
          break;
        case 'prose':
          for (const l of b.lines) out.push(escapeProse(l.text));
          out.push('');
          break;
        case 'list':
          for (const l of b.lines) out.push(/^- |^\|/.test(l.text) ? l.text : `  ${escapeProse(l.text)}`);
          out.push('');
          break;
        case 'decision':
          out.push(`> [!${K ? 'beslut' : 'decision'}]`);
          for (const l of b.lines) out.push(`> ${escapeProse(l.text)}`);
          if (b.lines.length === 0) out.push('>');
          out.push('');
          break;
        case 'callout':
          out.push(`> [!${K ? b.callout!.sv : b.callout!.en}]${b.title ? ' ' + b.title : ''}`);
          for (const l of b.lines) out.push(`> ${escapeProse(l.text)}`);
          out.push('');
          break;
        case 'action': {
          const text = b.lines.map((l) => l.text.trim()).join(' ');
          const owner = /^(?:(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}(?:\s*(?:,|&|and|och)\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})*))(?:\s+(?:to|att|ska|will)\b|\s*[:–-]|$)/u.exec(text)?.[1];
          const due = findDateNear(text.replace(/^.*?\b(?:by|senast|before|till|until)\b/i, ''), fm.date);
          const fields = [owner ? `[${K ? 'ansvarig' : 'owner'}:: ${owner.replace(/\s+(?:and|och|&)\s+/g, ', ')}]` : '', due ? `[${K ? 'senast' : 'due'}:: ${due}]` : ''].filter(Boolean);
          out.push(`- [ ] ${escapeProse(text)}${fields.length ? ' ' + fields.join(' ') : ''}`, '');
          break;
        }
      }
    }
  }

  if (tail.length) {
    for (const l of tail) out.push(escapeProse(l.text));
    out.push('');
  }

  // Justering
  const recorderName = secretary && st.signers.some((s) => s.role === 'recorder') ? secretary : undefined;
  const signedChair = st.signers.find((s) => s.role === 'chair')?.name;
  const signedApprovers = dedupe(st.signers.filter((s) => s.role === 'approver').map((s) => s.name));
  if (recorderName || signedChair || signedApprovers.length || fm.approvedItems || approvers.length) {
    out.push(`## ${K ? 'Justering' : 'Signatures'}`, '');
    const recLabel = profile === 'protokoll' && K ? 'Vid protokollet' : inLanguage(lang, SIGNER_SPELLING.recorder);
    for (const s of st.signers) note('signature', s.source, NOTE.signature!(s.name));
    if (recorderName ?? secretary) out.push(`- ${recLabel}: ${recorderName ?? secretary}`);
    if (signedChair ?? (profile === 'protokoll' ? chair : undefined)) out.push(`- ${inLanguage(lang, SIGNER_SPELLING.chair)}: ${signedChair ?? chair}`);
    for (const a of signedApprovers.length ? signedApprovers : approvers) out.push(`- ${inLanguage(lang, SIGNER_SPELLING.approver)}: ${a}`);
    if (fm.approvedItems) out.push(`- ${K ? 'Justerade paragrafer' : 'Approved items'}: ${fm.approvedItems}`);
    out.push('');
  }
  if (notice.length) {
    out.push(`## ${K ? 'Anslag' : 'Notice'}`, '');
    for (const l of notice) out.push(escapeProse(l.text));
    out.push('');
  }

  let text = out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '\n');
  // Prose assignments → actions, with MIN043's own fix (owners and date from the sentence).
  const only = resolveRules(Object.fromEntries(RULE_CODES.map((c) => [c, c === 'MIN043' ? 'warning' : 'off'])));
  const before = text.split('\n');
  const fixed = fixText(text, parseMinutes, { rules: only }).text;
  if (fixed !== text) {
    text = fixed;
    const after = text.split('\n');
    // Inserted lines move the notes down: find each noted line again.
    for (const n of st.notes) {
      if (n.out <= 0) continue;
      const target = before[n.out];
      let j = n.out;
      while (j < after.length && after[j] !== target) j++;
      if (j < after.length) n.out = j;
    }
    const doc = parseMinutes(text);
    for (const it of doc.items) for (const a of it.actions) st.notes.push({ kind: 'action', out: lineOf(text, a.span.start), source: -1, message: NOTE.action!('') });
  }
  const notes: ImportNote[] = st.notes.map((n) => ({ kind: n.kind, line: Math.max(0, n.out), sourceLine: n.source, message: n.message }));
  return resultOf(text, notes, st.removed, options, lang);
}

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function escapeHeading(s: string): string {
  return s.replace(/\s+#+\s*$/, '').replace(/\[([^\]\n]*?)::/g, '[$1\\::');
}

function dedupe(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of names) if (!out.some((o) => sameName(o, n))) out.push(n);
  return out;
}

function sameName(a: string, b: string): boolean {
  return a.replace(/\s*\([^)]*\)\s*$/, '').trim().toLowerCase() === b.replace(/\s*\([^)]*\)\s*$/, '').trim().toLowerCase();
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
}

function resultOf(text: string, notes: ImportNote[], removed: RemovedLine[], options: ImportOptions, language: Language): ImportResult {
  const doc = parseMinutes(text);
  const date = doc.frontMatter?.date;
  const body = doc.frontMatter?.body;
  const base = options.fileName ? slug(options.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')) : 'minutes';
  const fileName = `${[date, body ? slug(body) : base].filter(Boolean).join('-') || 'minutes'}.md`;
  return {
    text,
    language,
    fileName,
    notes: notes.sort((a, b) => a.line - b.line),
    removed,
    summary: {
      items: doc.items.length,
      decisions: doc.items.reduce((n, i) => n + i.decisions.length, 0),
      actions: doc.items.reduce((n, i) => n + i.actions.length, 0),
      attendees: (doc.attendance?.people ?? []).filter((p) => p.group !== 'absent').length,
    },
  };
}
