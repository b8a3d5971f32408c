// MIN060 personal-identity-number: a Swedish personnummer or samordningsnummer in the
// text. Minutes are published; an identity number in them is personal data that must be
// masked. A candidate counts only with a valid date (day + 60 for a samordningsnummer)
// and a valid Luhn check digit; the forms without a separator count only next to a word
// like "personnummer", so that phone numbers, diarienummer and organisationsnummer (whose
// "month" is 20 or more) do not match.
import type { Span } from '../../model';
import { loc } from '../rule-utils';
import type { Rule, RuleContext, RuleExamples } from '../types';

export interface IdentityNumber {
  readonly span: Span;
  /** The offset where the last four digits start (the part the fix masks). */
  readonly serialStart: number;
  readonly kind: 'personnummer' | 'samordningsnummer';
}

/** Luhn over the ten digits YYMMDDNNNC. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{10}$/u.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let v = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return sum % 10 === 0;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The kind of number a date part (`YYMMDD` with a possible century) is, if any. */
function dateKind(century: number | undefined, yy: number, mm: number, dd: number): IdentityNumber['kind'] | undefined {
  const years = century !== undefined ? [century * 100 + yy] : [1900 + yy, 2000 + yy];
  const ok = (d: number) => years.some((y) => validDay(y, mm, d));
  if (ok(dd)) return 'personnummer';
  if (dd > 60 && ok(dd - 60)) return 'samordningsnummer';
  return undefined;
}

// Words that make a number without a separator an identity number.
const KEYWORD = /(?:person(?:nummer|nr)|samordningsnummer|p-?nr|pnr|personal identity number|identity number|född|born)[^\n\d]{0,20}$/iu;

/** `811218-9876`, `811218+9876` (100 or older), `19811218-9876`, and next to a keyword `8112189876`, `198112189876`. */
const CANDIDATE = /(?<![\d\p{L}/.:-])(?:(18|19|20)(\d{2})|(\d{2}))(\d{2})(\d{2})([-+]?)(\d{4})(?![\d\p{L}/:]|[-.]\d)/gu;

/**
 * The identity numbers in `text`, or in its part `[from, to)` (which starts and ends at
 * line starts: a number never spans a line break, and the word before one is looked for
 * from `from` on, so a part's numbers do not depend on the text around it).
 */
export function findIdentityNumbers(whole: string, from = 0, to = whole.length): IdentityNumber[] {
  const out: IdentityNumber[] = [];
  // The part alone (a search of the whole text would not stop at its end). It starts at a
  // line start, so the look-behind sees the same there; offsets are the whole text's.
  const text = from === 0 && to === whole.length ? whole : whole.slice(from, to);
  for (const m of text.matchAll(CANDIDATE)) {
    const century = m[1] !== undefined ? Number(m[1]) : undefined;
    const yy = Number(m[2] ?? m[3]);
    const mm = Number(m[4]);
    const dd = Number(m[5]);
    const sep = m[6]!;
    const serial = m[7]!;
    const start = m.index!;
    if (!sep && !KEYWORD.test(text.slice(Math.max(0, start - 60), start))) continue;
    const kind = dateKind(century, yy, mm, dd);
    if (!kind) continue;
    const ten = `${String(yy).padStart(2, '0')}${m[4]}${m[5]}${serial}`;
    if (!luhnValid(ten)) continue;
    const end = from + start + m[0].length;
    out.push({ span: { start: from + start, end }, serialStart: end - 4, kind });
  }
  return out;
}

const FM = '---\ntyp: protokoll\norgan: Socialnämndens individutskott\ndatum: 2024-04-16\n---\n\n';
const EN = '---\ntype: notes\nbody: Parents\' association\ndate: 2024-03-12\n---\n\n';

export const rule: Rule = {
  meta: {
    code: 'MIN060',
    alias: 'personal-identity-number',
    description: loc(
      'Protokollet innehåller inga personnummer eller samordningsnummer (de maskeras: `811218-XXXX`)',
      'The minutes hold no Swedish personal identity or coordination numbers (they are masked: `811218-XXXX`)',
    ),
    severity: { protokoll: 'error', notes: 'error' },
    fixable: true,
    blocksExport: true,
  },

  // Items one by one (kept while unchanged), the rest of the text (front matter,
  // attendance, justering...) between and around them.
  itemContext: () => '',
  checkItem(ctx, item) {
    report(ctx, findIdentityNumbers(ctx.doc.text, item.span.start, item.span.end));
  },
  itemFacts: (item) => item.span.end - item.span.start,
  checkFacts(ctx, facts, starts) {
    const text = ctx.doc.text;
    const lengths = facts as readonly number[];
    let at = 0;
    for (let i = 0; i <= starts.length; i++) {
      const next = i < starts.length ? starts[i]! : text.length;
      if (next > at) report(ctx, findIdentityNumbers(text, at, next));
      if (i < starts.length) at = next + lengths[i]!;
    }
  },
};

function report(ctx: RuleContext, numbers: readonly IdentityNumber[]): void {
  for (const found of numbers) {
    const what = found.kind === 'personnummer'
      ? loc('Personnummer', 'Personal identity number')
      : loc('Samordningsnummer', 'Coordination number');
    ctx.report({
      span: found.span,
      message: loc(
        `${what.sv} i protokollet: personuppgifter som publiceras ska maskeras (de fyra sista siffrorna)`,
        `${what.en} in the minutes: personal data that is published must be masked (the last four digits)`,
      ),
      fix: {
        title: loc('Maskera de fyra sista siffrorna', 'Mask the last four digits'),
        edits: [{ start: found.serialStart, end: found.span.end, newText: 'XXXX' }],
      },
    });
  }
}

export const why =
  'A protokoll is published on the municipality\'s website and archived: a personal ' +
  'identity number in it exposes the person for years. The rule finds valid ' +
  'personnummer and samordningsnummer (date and check digit) and masks them; export ' +
  'refuses to publish them.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Maskerat personnummer, diarienummer och telefonnummer', en: 'A masked number, a diarienummer and a phone number' },
      text: `${FM}## § 12 Ansökan om bistånd [dnr:: SN 2024/123]\n\nSökande, född 811218-XXXX, nås på 070-123 45 67. Organisationsnummer 556036-0793.\n\n> [!beslut]\n> Ansökan beviljas.\n`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Personnummer i beslutstexten', en: 'A personal identity number in the decision' },
      text: `${FM}## § 12 Ansökan om bistånd [dnr:: SN 2024/123]\n\n> [!beslut]\n> Ansökan från 811218-9876 beviljas.\n`,
      fixed: `${FM}## § 12 Ansökan om bistånd [dnr:: SN 2024/123]\n\n> [!beslut]\n> Ansökan från 811218-XXXX beviljas.\n`,
    },
    {
      title: { sv: 'Tolv siffror efter ordet personnummer', en: 'Twelve digits after the word "personnummer"' },
      text: `${EN}## 1. Membership\n\nNew member, personnummer 198112189876, was welcomed.\n`,
      fixed: `${EN}## 1. Membership\n\nNew member, personnummer 19811218XXXX, was welcomed.\n`,
    },
  ],
});
