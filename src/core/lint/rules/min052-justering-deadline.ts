// MIN052 justering-deadline: minutes are approved (justerade) within 14 days of the
// meeting (Kommunallagen 8 kap. 12 §), and are not left unsigned past that.
import { daysBetween, isIsoDate } from '../../dates';
import { FIELD_KEYS, FRONT_MATTER_KEYS, STATUS_WORDS } from '../../keywords';
import type { Language } from '../../model';
import type { Rule, RuleExamples } from '../types';

/** Days after the meeting by which the minutes are approved. */
export const JUSTERING_MAX_DAYS = 14;

function statusWord(language: Language): string {
  const words = Object.entries(STATUS_WORDS).filter(([, s]) => s === 'approved').map(([w]) => w);
  // Swedish spelling first in the table.
  return words[language === 'sv' ? 0 : 1] ?? 'approved';
}

export const rule: Rule = {
  meta: {
    code: 'MIN052',
    alias: 'justering-deadline',
    description: {
      sv: 'Protokollet justeras senast 14 dagar efter mötet och lämnas inte ojusterat längre än så.',
      en: 'The minutes are approved at most 14 days after the meeting and not left unsigned longer.',
    },
    severity: { protokoll: 'error', notes: 'info' },
    fixable: false,
  },

  check(ctx) {
    const { doc } = ctx;
    const fm = doc.frontMatter;
    const meeting = fm?.date;
    if (!fm || !meeting || !isIsoDate(meeting)) return;
    const what = ctx.profile === 'protokoll'
      ? { sv: 'Protokollet är inte justerat', en: 'The minutes are not approved' }
      : { sv: 'Anteckningarna är inte justerade', en: 'The notes are not approved' };

    const approval = fm.approval?.date;
    if (approval && isIsoDate(approval)) {
      const days = daysBetween(meeting, approval);
      const span = fm.approvalDate?.valueSpan ?? fm.values.approval?.keySpan;
      if (span && days > JUSTERING_MAX_DAYS) {
        ctx.report({
          span,
          message: {
            sv: `Justeringen sker för sent: ${approval} är ${days} dagar efter mötet, högst ${JUSTERING_MAX_DAYS} dagar är tillåtet`,
            en: `Approval too late: ${approval} is ${days} days after the meeting, at most ${JUSTERING_MAX_DAYS} are allowed`,
          },
        });
      } else if (span && days < 0) {
        ctx.report({
          span,
          message: {
            sv: `Justeringsdatum ${approval} är före mötet (${meeting}): justering sker efter mötet`,
            en: `Approval date ${approval} is before the meeting (${meeting}): approval comes after the meeting`,
          },
        });
      }
    }

    // Signatures dated after the deadline are a late justering too.
    for (const s of doc.justering?.signers ?? []) {
      const field = s.fields.find((f) => f.key === 'signed');
      if (!field || !s.signed || !isIsoDate(s.signed)) continue;
      const days = daysBetween(meeting, s.signed);
      if (days <= JUSTERING_MAX_DAYS) continue;
      ctx.report({
        span: field.valueSpan,
        message: {
          sv: `Signerat för sent: ${s.signed} är ${days} dagar efter mötet, högst ${JUSTERING_MAX_DAYS} dagar är tillåtet`,
          en: `Signed too late: ${s.signed} is ${days} days after the meeting, at most ${JUSTERING_MAX_DAYS} are allowed`,
        },
      });
    }

    // Still unsigned after the deadline?
    if (fm.status === 'approved') return;
    const signers = doc.justering?.signers ?? [];
    if (signers.length > 0 && signers.every((s) => !!s.signed && s.signed.trim() !== '')) return;
    if (!isIsoDate(ctx.today)) return;
    const overdue = daysBetween(meeting, ctx.today);
    if (overdue <= JUSTERING_MAX_DAYS) return;
    const status = fm.values.status;
    const span = status?.valueSpan ?? doc.justering?.heading.span ?? fm.values.date?.valueSpan ?? fm.span;
    ctx.report({
      span,
      message: {
        sv: `${what.sv} ${overdue} dagar efter mötet: justera inom ${JUSTERING_MAX_DAYS} dagar och ange ${FRONT_MATTER_KEYS.status.sv}: ${statusWord('sv')} eller [${FIELD_KEYS.signed.sv}:: datum]`,
        en: `${what.en} ${overdue} days after the meeting: approve within ${JUSTERING_MAX_DAYS} days and set ${FRONT_MATTER_KEYS.status.en}: ${statusWord('en')} or [${FIELD_KEYS.signed.en}:: date]`,
      },
    });
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'Decisions in formal minutes cannot be acted on or appealed until the minutes are ' +
  'approved, and the time for that is limited; unsigned minutes that are past it need ' +
  'attention.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Justerat två dagar efter mötet', en: 'Approved two days after the meeting' },
      text: `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-04-16
justering:
  datum: 2024-04-18
status: justerad
---

## § 45 Val av justerare

> [!beslut]
> Amir Haddad utses att justera protokollet.
`,
    },
    {
      title: { sv: 'Alla har signerat', en: 'Every signer has signed' },
      text: `---
type: notes
body: Project group
date: 2024-05-06
---

## 1. Launch

The launch is moved to June.

## Signatures

- Recorded by: Tom Reid [signed:: 2024-05-08]
- Approved by: Ann Lee [signed:: 2024-05-10]
`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Justering 23 dagar efter mötet', en: 'Approval 23 days after the meeting' },
      text: `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-04-16
justering:
  datum: 2024-05-09
status: justerad
---

## § 45 Val av justerare

> [!beslut]
> Amir Haddad utses att justera protokollet.
`,
      findings: 1,
    },
    {
      title: { sv: 'Engelskt protokoll fortfarande ojusterat', en: 'English minutes still unsigned' },
      text: `---
type: minutes
body: Board
date: 2024-05-07
status: for-approval
---

## 1. Opening

> [!decision]
> The meeting was declared open.

## Signatures

- Recorded by: Thomas Reid [signed:: 2024-05-09]
- Approved by: Priya Raman
`,
      findings: 1,
    },
  ],
});
