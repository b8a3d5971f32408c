// Cleaning up text as conversion leaves it: page breaks (`\f`), page headers and footers
// repeated on every page, page numbers, words hyphenated over a line break, bullets as
// PDF glyphs, and lines that a web copy joined into one.
import type { RemovedLine } from './types';

export interface Line {
  text: string;
  /** 0-based input line. */
  readonly source: number;
  readonly page: number;
}

const PAGE_NUMBER = [
  /^(?:sida|sidan|page|s\.)\s*\d+\s*(?:\(\s*\d+\s*\)|(?:av|of|\/)\s*\d+)?$/i,
  /^\d+\s*\(\s*\d+\s*\)$/,
  /^-\s*\d+\s*-$/,
];

/** Footer labels of Swedish protokoll, on every page. */
const FOOTER = /^(?:(?:justerandes?|justerares|ordförandes|sekreterarens?|ordf)\s+(?:sign(?:atur)?\.?|signaturer)|utdragsbestyrkande|sign\.?)(?:\s+(?:(?:justerandes?|justerares|ordförandes|sekreterarens?|ordf)\s+(?:sign(?:atur)?\.?|signaturer)|utdragsbestyrkande))*$/i;

const BULLET = /^[\uf0b7\uf0a7\u2022\u00b7\u25aa\u25cf\u25e6\u2013\u2023\uf02d]\s*/u;

/** Labels that start a new line in a document whose lines a web copy joined. */
const JOINED_LABELS = [
  'Plats och tid för justering', 'Justeringens plats och tid', 'Plats och tid', 'Ej tjänstgörande ersättare', 'Tjänstgörande ersättare',
  'Övriga närvarande', 'Övriga deltagande', 'Beslutande', 'Utses att justera', 'Underskrifter', 'Paragrafer',
  'ANSLAG/BEVIS', 'Innehållsförteckning', 'Ärendelista', 'Utdragsbestyrkande', 'Sammanträdesdatum', 'Ej beslutande ersättare',
  'PRESENT:', 'Present:', 'APOLOGIES:', 'Apologies:', 'In attendance:', 'IN ATTENDANCE:', 'Also in attendance:', 'Present Members:',
];
const JOINED = new RegExp(
  `\\s(?=(?:${JOINED_LABELS.map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(?:\\s|$))` +
    // minute references (`Cou/285/07-08`, `C048/23`) and protokoll paragraphs (`§ 12`)
    `|\\s(?=(?:[A-Z][A-Za-z]{0,4}\\/|[A-Z]{1,3})?\\d{1,4}\\/\\d{2}(?:-\\d{2})?\\s+\\p{Lu})|\\s(?=§\\s?\\d{1,4}\\s+\\p{Lu})`,
  'gu',
);

export interface Cleaned {
  readonly lines: Line[];
  readonly removed: RemovedLine[];
  readonly pages: number;
  /** Input lines split at labels because a web copy had joined them. */
  readonly splitLines: number[];
}

export function cleanLines(input: string): Cleaned {
  const removed: RemovedLine[] = [];
  const raw = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let page = 0;
  let lines: Line[] = [];
  raw.forEach((text, source) => {
    let t = text;
    while (t.includes('\f')) {
      const i = t.indexOf('\f');
      const before = t.slice(0, i);
      if (before.trim() !== '') lines.push({ text: before, source, page });
      page++;
      t = t.slice(i + 1);
    }
    lines.push({ text: t.replace(/[\u00a0\u2007\u202f\t]/g, ' ').replace(/\s+$/, ''), source, page });
  });
  const pages = page + 1;

  // Page numbers and footer labels.
  lines = lines.filter((l) => {
    const t = l.text.trim();
    if (t !== '' && (PAGE_NUMBER.some((re) => re.test(t)) || FOOTER.test(t))) {
      removed.push({ line: l.source, text: l.text, reason: 'page-artefact' });
      return false;
    }
    return true;
  });

  // Headers and footers repeated at the top or bottom of most pages: the first copy stays.
  if (pages >= 2) {
    const key = (s: string) => s.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();
    const zone = new Map<string, Set<number>>();
    for (let p = 0; p < pages; p++) {
      const onPage = lines.filter((l) => l.page === p && l.text.trim() !== '');
      for (const l of [...onPage.slice(0, 3), ...onPage.slice(-3)]) {
        const k = key(l.text);
        if (k.length < 3) continue;
        if (!zone.has(k)) zone.set(k, new Set());
        zone.get(k)!.add(p);
      }
    }
    const repeated = new Set([...zone].filter(([, ps]) => ps.size >= Math.max(2, Math.ceil(pages / 2))).map(([k]) => k));
    const seen = new Set<string>();
    lines = lines.filter((l) => {
      const k = key(l.text);
      if (!repeated.has(k)) return true;
      if (!seen.has(k)) {
        seen.add(k);
        return true;
      }
      removed.push({ line: l.source, text: l.text, reason: 'page-artefact' });
      return false;
    });
  }

  // Bullets as glyphs.
  for (const l of lines) {
    const lead = /^\s*/.exec(l.text)![0];
    const rest = l.text.slice(lead.length);
    if (BULLET.test(rest) && rest.replace(BULLET, '').trim() !== '') l.text = '- ' + rest.replace(BULLET, '');
  }

  // Words hyphenated over a line break: `genom-` + `föras` → `genomföras`; `DTSS-` + `projektet` keeps its hyphen.
  const joined: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1];
    if (next && /[\p{L}]-$/u.test(l.text) && !/\s-$/.test(l.text) && /^\s*\p{Ll}/u.test(next.text)) {
      const keepHyphen = /[\p{Lu}\p{N}]-$/u.test(l.text);
      const head = keepHyphen ? l.text : l.text.slice(0, -1);
      const m = /^\s*(\S+)(.*)$/.exec(next.text)!;
      if (!keepHyphen) removed.push({ line: l.source, text: `${/\S+$/.exec(l.text)![0]}\n${m[1]}`, reason: 'hyphenation' });
      joined.push({ ...l, text: head + m[1] });
      const rest = m[2]!.trim();
      if (rest !== '') joined.push({ ...next, text: rest });
      i++;
      continue;
    }
    joined.push(l);
  }

  // Lines a web copy joined: split long lines before labels and item references.
  const splitLines: number[] = [];
  const out: Line[] = [];
  for (const l of joined) {
    if (l.text.length < 160) {
      out.push(l);
      continue;
    }
    const parts = l.text.split(JOINED).filter((p) => p.trim() !== '');
    // A minute reference stays with what follows it (`Cou/285/07-08 Present Members: …`).
    for (let i = parts.length - 2; i >= 0; i--) {
      if (/^\s*(?:[A-Z][A-Za-z]{0,4}\/|[A-Z]{1,3})?\d{1,4}\/\d{2}(?:-\d{2})?\s*$/.test(parts[i]!)) parts.splice(i, 2, `${parts[i]!.trim()} ${parts[i + 1]!.trim()}`);
    }
    if (parts.length > 1) splitLines.push(l.source);
    for (const p of parts) out.push({ ...l, text: p.trim() });
  }
  return { lines: out, removed, pages, splitLines };
}

/** Words of a text, for checks that nothing was lost: letters and digits only. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
