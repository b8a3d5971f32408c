// MIN002 date-format: dates in the front matter and in date fields are ISO dates.
import { isIsoDate, parseLongDate, type DateRole } from '../../dates';
import type { Field, FrontMatterKey, Span } from '../../model';
import { loc } from '../rule-utils';
import type { Rule, RuleContext, RuleExamples } from '../types';

/** `2021-8-20` → `2021-08-20`; a long date (`20 augusti 2021`) → ISO; else undefined. */
export function toIsoDate(value: string, reference?: string, role: DateRole = 'due', today?: string): string | undefined {
  const v = value.trim();
  const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (loose) {
    const iso = `${loose[1]}-${loose[2]!.padStart(2, '0')}-${loose[3]!.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : undefined;
  }
  // `torsdagen den 18 april 2024`, `Thursday, 18 April 2024`, `the 18th of April`: drop the lead-in.
  const bare = v
    .replace(/^(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+/iu, '')
    .replace(/^(?:den|the)\s+/iu, '')
    .replace(/^(\d{1,2})(?:st|nd|rd|th)?\s+of\s+/iu, '$1 ');
  return parseLongDate(bare, reference, role, today);
}

function describeValue(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function reportDate(ctx: RuleContext, span: Span, value: string, key: string, reference: string | undefined, role: DateRole = 'due'): void {
  const iso = toIsoDate(value, reference, role, ctx.today);
  ctx.report({
    span,
    message: loc(
      `Ogiltigt datum ${describeValue(value)} i \`${key}\`: skriv datumet som ÅÅÅÅ-MM-DD`,
      `Invalid date ${describeValue(value)} in \`${key}\`: write the date as YYYY-MM-DD`,
    ),
    ...(iso ? { fix: { title: loc(`Skriv om till ${iso}`, `Change to ${iso}`), edits: [{ start: span.start, end: span.end, newText: iso }] } } : {}),
  });
}

const FRONT_MATTER_DATES: readonly FrontMatterKey[] = ['date', 'next-meeting'];
/** Date fields and what their dates are for: a completion or signing date lies behind. */
const DATE_FIELDS = new Map<string, DateRole>([['due', 'due'], ['done', 'past'], ['signed', 'past']]);

function meetingDateOf(ctx: RuleContext): string | undefined {
  const date = ctx.doc.frontMatter?.date;
  return date && isIsoDate(date) ? date : undefined;
}

/** Date fields (`[senast:: ]`, `[från:: ]`...), each once even when two lists hold it. */
function checkFields(ctx: RuleContext, fields: readonly Field[]): void {
  const { doc } = ctx;
  const meetingDate = meetingDateOf(ctx);
  const seen = new Set<number>();
  for (const field of [...fields].sort((a, b) => a.span.start - b.span.start)) {
    if (seen.has(field.span.start)) continue;
    seen.add(field.span.start);
    const value = field.value.trim();
    if (!value) continue;
    if (DATE_FIELDS.has(field.key)) {
      if (!isIsoDate(value)) reportDate(ctx, field.valueSpan, doc.text.slice(field.valueSpan.start, field.valueSpan.end), field.rawKey, meetingDate, DATE_FIELDS.get(field.key));
    } else if (field.key === 'from') {
      // `2021-05-07 §4`: the date is what comes before the `§` reference.
      const raw = doc.text.slice(field.valueSpan.start, field.valueSpan.end);
      const datePart = raw.replace(/\s*§.*$/u, '').trimEnd();
      if (!datePart || isIsoDate(datePart)) continue;
      const span = { start: field.valueSpan.start, end: field.valueSpan.start + datePart.length };
      // A carried-over action comes from an earlier meeting: only dates that name their year are fixed.
      reportDate(ctx, span, datePart, field.rawKey, undefined);
    }
  }
}

export const rule: Rule = {
  meta: {
    code: 'MIN002',
    alias: 'date-format',
    description: loc(
      'Datum i front matter och i fält skrivs som ISO-datum (ÅÅÅÅ-MM-DD)',
      'Dates in the front matter and in fields are ISO dates (YYYY-MM-DD)',
    ),
    severity: { protokoll: 'warning', notes: 'warning' },
    fixable: true,
  },

  checkDocument(ctx) {
    const { doc } = ctx;
    const fm = doc.frontMatter;
    const meetingDate = meetingDateOf(ctx);
    if (fm) {
      for (const key of FRONT_MATTER_DATES) {
        const v = fm.values[key];
        if (!v || v.value === null || v.value === undefined) continue;
        if (v.value instanceof Date) continue; // a YAML timestamp is a date already
        const raw = String(v.value);
        if (raw.trim() === '' || isIsoDate(raw.trim())) continue;
        // The meeting date itself has no reference: a long date needs its year.
        reportDate(ctx, v.valueSpan, raw, v.rawKey, key === 'date' ? undefined : meetingDate);
      }
      const approvalDate = fm.approvalDate;
      if (approvalDate && typeof approvalDate.value === 'string' && approvalDate.value.trim() && !isIsoDate(approvalDate.value.trim())) {
        reportDate(ctx, approvalDate.valueSpan, approvalDate.value, approvalDate.rawKey, meetingDate);
      }
    }
    checkFields(ctx, [...(doc.attendance?.people ?? []).flatMap((p) => p.fields), ...(doc.justering?.signers ?? []).flatMap((s) => s.fields)]);
  },
  // Long dates in fields resolve against the meeting date.
  itemContext: (ctx) => String(meetingDateOf(ctx)),
  checkItem(ctx, item) {
    checkFields(ctx, [...item.fields, ...item.callouts.flatMap((c) => [...c.fields, ...c.actions.flatMap((a) => a.fields)]), ...item.actions.flatMap((a) => a.fields)]);
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'Dates are compared: deadlines, overdue actions, the order of meetings. `3/5` or `3 ' +
  'maj` cannot be compared or sorted and read differently in different countries; an ' +
  'ISO date is unambiguous and sorts as text.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'ISO-datum', en: 'ISO dates' },
      text: '---\ntyp: minnesanteckningar\norgan: Ledningsgruppen\ndatum: 2021-08-20\nnästa-möte: 2021-09-08\n---\n\n## 1. Södertörnskonferensen\n\n- [ ] Återkom med ett förslag [ansvarig:: Anna Söderström] [senast:: 2021-09-08]\n',
    },
  ],
  notOk: [
    {
      title: { sv: 'Långt svenskt datum', en: 'Swedish long date' },
      text: '---\ntyp: minnesanteckningar\norgan: Ledningsgruppen\ndatum: 20 augusti 2021\n---\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n',
      fixed: '---\ntyp: minnesanteckningar\norgan: Ledningsgruppen\ndatum: 2021-08-20\n---\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n',
    },
    {
      title: { sv: 'Engelska datum i fält', en: 'English dates in fields' },
      text: '---\ntype: notes\nbody: Parents\' association\ndate: 2024-03-12\n---\n\n## 1. Summer fair\n\n- [ ] Book the hall [owner:: Priya Raman] [due:: April 5]\n- [x] Order the tents [owner:: Tom Reid] [due:: 2024-03-01] [done:: 28 Feb 2024]\n',
      findings: 2,
      fixed: '---\ntype: notes\nbody: Parents\' association\ndate: 2024-03-12\n---\n\n## 1. Summer fair\n\n- [ ] Book the hall [owner:: Priya Raman] [due:: 2024-04-05]\n- [x] Order the tents [owner:: Tom Reid] [due:: 2024-03-01] [done:: 2024-02-28]\n',
    },
    {
      title: { sv: 'Omöjligt datum', en: 'Impossible date' },
      text: '---\ntyp: protokoll\norgan: Kommunstyrelsen\ndatum: 2024-02-30\n---\n\n## § 1 Val av justerare\n\n> [!beslut]\n> Amir Haddad utses att justera protokollet.\n',
    },
  ],
});
