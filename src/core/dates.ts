// Calendar dates as ISO strings (`2021-08-20`). Pure arithmetic on UTC days so that
// time zones never shift a meeting date.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromDay(day: number): string {
  const dt = new Date(day * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${dt.getUTCFullYear()}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

/** Days from `a` to `b` (positive when `b` is later). Both must be valid ISO dates. */
export function daysBetween(a: string, b: string): number {
  return toDay(b) - toDay(a);
}

export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

/** Monday-based weekday, 0 = Monday. */
export function weekday(iso: string): number {
  return (new Date(toDay(iso) * 86_400_000).getUTCDay() + 6) % 7;
}

const MONTHS: Record<string, number> = {
  januari: 1, februari: 2, mars: 3, april: 4, maj: 5, juni: 6, juli: 7, augusti: 8, september: 9, oktober: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, august: 8, october: 10, oct: 10,
};

/** Month number of a Swedish or English month name or abbreviation (`augusti`, `Sept`), if it is one. */
export function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

/** Every month name and abbreviation, longest first, as a regular expression alternation. */
export const MONTH_PATTERN = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

/**
 * The words a date fix (MIN002, MIN043) may replace by the same date in ISO form: month
 * and weekday names, `den`/`the`/`of` and ordinal endings. Documented in DIALECT.md;
 * the property tests allow exactly these to go.
 */
export const DATE_WORDS = new RegExp(
  `^(?:${MONTH_NAMES}|(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|den|the|of|st|nd|rd|th|e|a)$`,
  'iu',
);

/**
 * Long dates in running text: `20 augusti 2021`, `den 8 september`, `8 Sept. 2021`,
 * `August 20, 2021`, `20/8 2021`. Global regex; use with `matchAll`.
 */
export const LONG_DATE = new RegExp(
  `\\b(?:(\\d{1,2})(?:\\s*(?:e|a|st|nd|rd|th))?\\s+(${MONTH_NAMES})\\.?(?:,?\\s+(\\d{4}))?` +
    `|(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?` +
    `|(\\d{1,2})\\/(\\d{1,2})(?:\\s+|-)(\\d{4}))\\b`,
  'giu',
);

/** What a date is for, which decides the year of one written without it. */
export type DateRole =
  /** A due date (or the next meeting): ahead of the meeting, or shortly behind it. */
  | 'due'
  /** A completion or signing date: never after `today`. */
  | 'past';

/** A due date without a year this many days before the meeting is taken for the next year's. */
export const DUE_YEAR_GRACE_DAYS = 92;

/**
 * Resolves a long date against a reference date (the meeting's). Without a year it is
 * in the meeting's year, except a due date more than a few months before the meeting
 * ("15 januari" at a December meeting: next January) and a completion date after
 * `today` (last year's). Returns undefined for impossible dates.
 */
export function resolveLongDate(match: RegExpMatchArray, reference?: string, role: DateRole = 'due', today?: string): string | undefined {
  let day: number, month: number, year: number | undefined;
  if (match[2] !== undefined) {
    day = Number(match[1]);
    month = MONTHS[match[2].toLowerCase()]!;
    year = match[3] !== undefined ? Number(match[3]) : undefined;
  } else if (match[4] !== undefined) {
    month = MONTHS[match[4].toLowerCase()]!;
    day = Number(match[5]);
    year = match[6] !== undefined ? Number(match[6]) : undefined;
  } else {
    day = Number(match[7]);
    month = Number(match[8]);
    year = Number(match[9]);
  }
  const build = (y: number) => `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (year === undefined) {
    if (!reference || !isIsoDate(reference)) return undefined;
    const refYear = Number(reference.slice(0, 4));
    const candidate = build(refYear);
    year = refYear;
    if (role === 'due' && isIsoDate(candidate) && daysBetween(candidate, reference) > DUE_YEAR_GRACE_DAYS) year = refYear + 1;
    const latest = today && isIsoDate(today) ? today : reference;
    if (role === 'past' && candidate > latest) year = refYear - 1;
  }
  const iso = build(year);
  return isIsoDate(iso) ? iso : undefined;
}

/** Parses a whole value that is a long date (`20 augusti 2021`) into ISO, if it is one. */
export function parseLongDate(value: string, reference?: string, role: DateRole = 'due', today?: string): string | undefined {
  const trimmed = value.trim();
  for (const m of trimmed.matchAll(LONG_DATE)) {
    if (m.index === 0 && m[0].length === trimmed.replace(/\.$/, '').length) return resolveLongDate(m, reference, role, today);
  }
  return undefined;
}

export type DueDateBucket = 'overdue' | 'this-week' | 'later' | 'no-date';

/** Where a due date falls relative to `today` (weeks run Monday to Sunday). */
export function dueDateBucket(due: string | undefined, today: string): DueDateBucket {
  if (due === undefined || !isIsoDate(due)) return 'no-date';
  if (due < today) return 'overdue';
  return due <= addDays(today, 6 - weekday(today)) ? 'this-week' : 'later';
}

/** The local date as ISO (`2024-06-01`): "today" unless a host injects another. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
