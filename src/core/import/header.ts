// The facts of a minutes header as legacy documents write them: dates in many forms,
// times (`kl. 08.30–10.15`), place, the meeting body and the kind of document.
import { isIsoDate, MONTH_PATTERN, monthNumber } from '../dates';

const pad = (n: number | string) => String(n).padStart(2, '0');

/** Dates with a year: `2021-08-20`, `den 20 augusti 2021`, `20/8 2021`, `Tuesday 12th March 2024`, `15thMay 2019`, `August 20, 2021`. */
const FULL_DATE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(\\d{4})-(\\d{2})-(\\d{2})` +
    `|(\\d{1,2})(?:\\s*(?:-|–)\\s*\\d{1,2})?\\s*(?:e|a|:e|:a|st|nd|rd|th)?\\.?\\s*(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})` +
    `|(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})` +
    `|(\\d{1,2})\\/(\\d{1,2})[\\s-]+(\\d{4})` +
    `|(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}))(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Dates without a year (`den 8 september`), resolved against the meeting's date. */
const SHORT_DATE = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})\\s*(?:e|a|:e|:a|st|nd|rd|th)?\\.?\\s+(${MONTH_PATTERN})(?![\\p{L}])`, 'giu');

export interface FoundDate {
  readonly iso: string;
  readonly index: number;
  readonly length: number;
}

export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.matchAll(FULL_DATE)) {
    let y: number, mo: number | undefined, d: number;
    if (m[1]) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    else if (m[5]) [y, mo, d] = [Number(m[6]), monthNumber(m[5]), Number(m[4])];
    else if (m[7]) [y, mo, d] = [Number(m[9]), monthNumber(m[7]), Number(m[8])];
    else if (m[10]) [y, mo, d] = [Number(m[12]), Number(m[11]), Number(m[10])];
    else [y, mo, d] = [Number(m[15]), Number(m[14]), Number(m[13])];
    if (mo === undefined) continue;
    const iso = `${y}-${pad(mo)}-${pad(d)}`;
    if (isIsoDate(iso)) out.push({ iso, index: m.index!, length: m[0].length });
  }
  return out;
}

/** The first date in `text`, a year or not; without one it is the next such day on or after `reference`. */
export function findDateNear(text: string, reference: string | undefined): string | undefined {
  const full = findDates(text)[0];
  if (full) return full.iso;
  if (!reference) return undefined;
  for (const m of text.matchAll(SHORT_DATE)) {
    const mo = monthNumber(m[2]!);
    if (mo === undefined) continue;
    const year = Number(reference.slice(0, 4));
    let iso = `${year}-${pad(mo)}-${pad(m[1]!)}`;
    if (isIsoDate(iso) && iso < reference) iso = `${year + 1}-${pad(mo)}-${pad(m[1]!)}`;
    if (isIsoDate(iso)) return iso;
  }
  return undefined;
}

/** `kl 8.30-10.15`, `09:00-15:17`, `kl. 08.30–10.15` → `08:30–10:15`. */
export function findTime(text: string): string | undefined {
  const m = /(?<![\d.:])(\d{1,2})[.:](\d{2})\s*(?:-|–|—|till|to)\s*(\d{1,2})[.:](\d{2})(?![\d])/i.exec(text);
  if (!m) return undefined;
  const [h1, m1, h2, m2] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59) return undefined;
  return `${pad(h1)}:${pad(m1)}–${pad(h2)}:${pad(m2)}`;
}

export type DocKind = { profile: 'protokoll' | 'notes'; word: string };

export function documentKind(text: string): DocKind | undefined {
  const m = /\b(minnesanteckningar|mötesanteckningar|anteckningar|sammanträdesprotokoll|årsmötesprotokoll|styrelseprotokoll|protokoll|minutes|notes of (?:the |a )?meeting|meeting notes)\b/i.exec(text);
  if (!m) return undefined;
  const w = m[1]!.toLowerCase();
  return { profile: /anteckningar|notes/.test(w) ? 'notes' : 'protokoll', word: m[1]! };
}

const BODY_WORD = /(?:kommunstyrelse|kommunfullmäktige|fullmäktige|nämnd|utskott|ledningsgrupp|styrelse|kommitté|beredning|förening|råd(?:et)?\b|council|committee|board|cabinet|trustees|executive)/i;

/** The meeting body named in a header line, if the line names one. */
export function bodyIn(text: string, next?: string): string | undefined {
  // `Kommunstyrelsen 2024-04-16`: the date is read on its own.
  const t = text.trim().replace(/\s+\d{4}-\d{2}-\d{2}$/, '');
  const clean = (s: string) => s.trim().replace(/\s+/g, ' ').replace(/[.,:;]+$/, '').replace(/\s+(?:den|on|held)$/i, '');
  let m = /(?:möte|sammanträde|mötet)\s+med\s*(.*)$/i.exec(t);
  if (m) {
    const rest = m[1]!.replace(/\s+den\s+\d.*$/i, '').trim();
    if (rest !== '') return clean(rest);
    if (next && next.trim() !== '') return clean(next.replace(/\s+den\s+\d.*$/i, ''));
  }
  m = /^(?:sammanträdesprotokoll|protokoll)\s+(?:fört vid |från |för )?(.+?)(?:\s+sammanträdesdatum.*)?$/i.exec(t);
  if (m && BODY_WORD.test(m[1]!)) return clean(m[1]!.replace(/s?\s+(?:sammanträde|möte)\b.*$/i, ''));
  m = /\b(?:meeting|session) of (?:the )?(.+?)(?:\s+held\b|\s+on\b|\s+at\b|,|$)/i.exec(t);
  if (m && /^minutes\b/i.test(t) && BODY_WORD.test(m[1]!)) return clean(m[1]!);
  // A breadcrumb: `Hem > Ekvik kommun > Kommunfullmäktige > Sammanträde 2018-11-22`.
  if (t.includes(' > ')) {
    const part = t.split(' > ').find((x) => BODY_WORD.test(x) && x.trim().length < 60);
    if (part) return clean(part);
  }
  m = /minutes of (?:the |a )?(.+?)\s+meeting\b/i.exec(t);
  if (m && BODY_WORD.test(m[1]!)) return clean(m[1]!);
  m = /^minutes of (?:the |a )?(.{3,60}?)(?:\s+(?:on|held|at)\b.*|\s+\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+\s+\d{4}.*)?$/iu.exec(t);
  if (m && BODY_WORD.test(m[1]!)) return clean(m[1]!);
  m = /^(?:the\s+)?([\p{Lu}][\p{L}'’ -]{2,60}?(?:parish council|town council|city council|council|committee|board))\b/iu.exec(t);
  if (m && t.length < 90) return clean(m[1]!);
  // A short line in capitals naming an association: `BOSTADSRÄTTSFÖRENINGEN LÖNNEN, FALUN`.
  if (t.length < 60 && t === t.toUpperCase() && /förening/i.test(t) && !/protokoll|minutes/i.test(t)) return clean(t);
  if (t.length < 70 && BODY_WORD.test(t) && /^\p{Lu}/u.test(t) && !/[.!?]$/.test(t) && !/\d{3,}/.test(t)) {
    const b = /^((?:\S+\s+){0,5}?\S*(?:kommunstyrelse|kommunfullmäktige|fullmäktige|nämnd|utskott|ledningsgrupp|styrelse|kommitté|beredning)\S*(?:\s+\S*(?:utskott|ledningsgrupp)\S*)?)/i.exec(t);
    if (b) return clean(b[1]!);
  }
  return undefined;
}

/** The body where a protokoll names it in passing: `Organ Kommunstyrelsen`, `Kommunfullmäktiges protokoll är justerat`. */
export function bodyInPassing(text: string): string | undefined {
  let m = /\bOrgan\s+(\p{Lu}\p{L}+(?:\s+\p{Ll}+)?)(?=\s+(?:Protokollet|Datum|Sammanträdesdatum|Nämnd|Anslaget)\b)/u.exec(text);
  if (m) return m[1];
  m = /\b(\p{Lu}\p{L}*(?:fullmäktige|styrelsen?|nämnden?|utskottet))s? protokoll (?:är|har)/u.exec(text);
  if (m) return m[1];
  m = /^\s*\d*\s*(KOMMUNSTYRELSEN|KOMMUNFULLMÄKTIGE|[\p{Lu}]+NÄMNDEN)\b/mu.exec(text);
  if (m) return m[1]!.charAt(0) + m[1]!.slice(1).toLowerCase();
  return undefined;
}

/** `Plats Digitalt via Teams`, `Plats och tid Stadshuset, kl 9-12`, `held in the Memorial Hall on…`. */
export function placeIn(text: string): string | undefined {
  const t = text.trim();
  let m = /^(?:plats|lokal|place|venue|location)\s*:?\s+(?:och tid\s*:?\s*)?(.+)$/i.exec(t);
  if (m) {
    const v = m[1]!.replace(/,?\s*(?:kl\.?\s*)?\d{1,2}[.:]\d{2}.*$/i, '').replace(/,?\s*(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\b.*$/i, '').trim();
    return v.replace(/[.,]$/, '') || undefined;
  }
  m = /\bheld\s+(?:in|at)\s+(?:the\s+)?(.+?)(?:,?\s+on\s+|\s+at\s+\d|,\s*\w+day\b|$)/i.exec(t);
  if (m && !/^\d/.test(m[1]!)) return m[1]!.replace(/[.,]$/, '');
  return undefined;
}

/** `sv` or `en`, from common words. */
export function guessLanguage(text: string): 'sv' | 'en' {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let sv = 0;
  let en = 0;
  for (const w of words) {
    if (/^(?:och|att|är|för|som|med|den|det|till|av|på|om|har|ska|inte|mötet|beslut)$/.test(w)) sv++;
    else if (/^(?:the|and|of|to|was|were|that|for|with|on|is|be|by|it|meeting|council)$/.test(w)) en++;
  }
  return en > sv ? 'en' : 'sv';
}
