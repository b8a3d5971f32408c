// MIN053 anslag: a Swedish protokoll says when its justering is announced on the
// notice board (anslagstavlan), for how long, and where the protokoll is kept
// (förvaringsplats): posted at most two days after the justering (Kommunallagen
// 8 kap. 12 §), kept up at least three weeks, the appeal time (13 kap. 5 §).
import { addDays, daysBetween, isIsoDate } from '../../dates';
import type { MinutesDocument, NoticeLine, Span } from '../../model';
import { eolOf, lineEndAt } from '../../text';
import {
  NOTICE_MAX_DELAY, NOTICE_MIN_DAYS, STORAGE_PLACEHOLDER, documentAnchor, justeringDate, labelLine, noticeBlock, noticeLabels, sectionInsertion,
} from '../blocks';
import type { Rule, RuleExamples, TextEdit } from '../types';

/** Fills an empty notice value, or adds the missing line after the notice's last line. */
function fillEdit(doc: MinutesDocument, line: NoticeLine | undefined, label: string, value: string): TextEdit {
  const text = doc.text;
  if (line) {
    const at = line.valueSpan.start;
    return { start: at, end: line.valueSpan.end, newText: (text.charAt(at - 1) === ':' ? ' ' : '') + value };
  }
  const notice = doc.notice!;
  const lines = [notice.posted, notice.removed, notice.storage].filter((l): l is NoticeLine => !!l).sort((a, b) => a.span.end - b.span.end);
  const last = lines[lines.length - 1];
  const eol = eolOf(text);
  if (last) {
    const at = lineEndAt(text, last.span.end);
    return { start: at, end: at, newText: eol + labelLine(label, value) };
  }
  const at = notice.heading.span.end;
  return { start: at, end: at, newText: eol + eol + labelLine(label, value) };
}

export const rule: Rule = {
  meta: {
    code: 'MIN053',
    alias: 'anslag',
    description: {
      sv: 'Ett protokoll har ett anslag som sätts upp högst 2 dagar efter justeringen, sitter uppe minst 3 veckor och anger var protokollet förvaras.',
      en: 'A Swedish protokoll has a notice posted at most 2 days after approval and kept up at least 3 weeks, saying where the minutes are kept.',
    },
    severity: { protokoll: 'warning', notes: 'off' },
    fixable: true,
  },

  check(ctx) {
    const { doc } = ctx;
    // Anslag is a Swedish local-government requirement: not for English minutes or notes.
    if (ctx.profile !== 'protokoll' || doc.language !== 'sv') return;
    const labels = noticeLabels(doc.language);
    const notice = doc.notice;
    const justering = justeringDate(doc);
    if (!notice) {
      ctx.report({
        span: documentAnchor(doc),
        message: {
          sv: 'Anslag saknas: ange när justeringen anslås, när anslaget tas ned och var protokollet förvaras',
          en: 'Missing notice: state when the approval is posted, when the notice is removed and where the minutes are kept',
        },
        fix: {
          title: { sv: 'Infoga anslag', en: 'Insert the notice section' },
          edits: [sectionInsertion(doc, noticeBlock(doc))],
        },
      });
      return;
    }

    const valid = (l: NoticeLine | undefined) => (l && isIsoDate(l.value.trim()) ? l.value.trim() : undefined);
    const blank = (l: NoticeLine | undefined) => !l || l.value.trim() === '';
    const spanOf = (l: NoticeLine | undefined): Span => (!l ? notice.heading.span : l.valueSpan.end > l.valueSpan.start ? l.valueSpan : l.span);
    const posted = valid(notice.posted);

    if (blank(notice.posted) && justering) {
      ctx.report({
        span: spanOf(notice.posted),
        message: {
          sv: `Datum för anslaget saknas: ange när anslaget sätts upp (justerat ${justering})`,
          en: `Missing posting date: state when the notice is posted (approved ${justering})`,
        },
        fix: {
          title: { sv: `Ange ${justering}`, en: `Set ${justering}` },
          edits: [fillEdit(doc, notice.posted, labels.posted, justering)],
        },
      });
    } else if (posted && justering) {
      const delay = daysBetween(justering, posted);
      if (delay > NOTICE_MAX_DELAY) {
        ctx.report({
          span: spanOf(notice.posted),
          message: {
            sv: `Anslaget sätts upp för sent: ${delay} dagar efter justeringen (${justering}), högst ${NOTICE_MAX_DELAY} dagar är tillåtet`,
            en: `Notice posted too late: ${delay} days after approval (${justering}), at most ${NOTICE_MAX_DELAY} are allowed`,
          },
        });
      } else if (delay < 0) {
        ctx.report({
          span: spanOf(notice.posted),
          message: {
            sv: `Anslaget sätts upp före justeringen (${justering}): anslaget tillkännager att protokollet är justerat`,
            en: `Notice posted before approval (${justering}): the notice announces that the minutes are approved`,
          },
        });
      }
    }

    const storage = notice.storage?.value.trim() ?? '';
    if (storage === '' || storage === STORAGE_PLACEHOLDER.sv || storage === STORAGE_PLACEHOLDER.en) {
      const fill = storage === '' ? { title: { sv: 'Infoga Förvaringsplats', en: 'Insert the storage place' }, edits: [fillEdit(doc, notice.storage, labels.storage, STORAGE_PLACEHOLDER.sv)] } : undefined;
      ctx.report({
        span: spanOf(notice.storage),
        message: storage === ''
          ? { sv: 'Förvaringsplats saknas: ange var protokollet förvaras (KL 8 kap. 12 §)', en: 'Missing storage place: state where the minutes are kept (KL 8 kap. 12 §)' }
          : { sv: 'Förvaringsplatsen är inte ifylld: ersätt platshållaren med var protokollet förvaras (KL 8 kap. 12 §)', en: 'Storage place not filled in: replace the placeholder with where the minutes are kept (KL 8 kap. 12 §)' },
        ...(fill ? { fix: fill } : {}),
      });
    }

    if (!posted) return;
    const removed = valid(notice.removed);
    const earliest = addDays(posted, NOTICE_MIN_DAYS);
    if (blank(notice.removed)) {
      ctx.report({
        span: spanOf(notice.removed),
        message: {
          sv: `Datum då anslaget tas ned saknas: tidigast ${earliest} (3 veckor)`,
          en: `Missing removal date: ${earliest} at the earliest (3 weeks)`,
        },
        fix: {
          title: { sv: `Ange ${earliest}`, en: `Set ${earliest}` },
          edits: [fillEdit(doc, notice.removed, labels.removed, earliest)],
        },
      });
    } else if (removed && daysBetween(posted, removed) < NOTICE_MIN_DAYS) {
      ctx.report({
        span: spanOf(notice.removed),
        message: {
          sv: `Anslaget tas ned för tidigt: ${daysBetween(posted, removed)} dagar, minst 3 veckor (tidigast ${earliest})`,
          en: `Notice removed too early: ${daysBetween(posted, removed)} days, at least 3 weeks (${earliest} at the earliest)`,
        },
      });
    }
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'The notice tells the public when approved minutes were posted, which starts the time ' +
  'to appeal; without the dates no one can tell whether it was posted in time or for ' +
  'long enough.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Anslag dagen efter justeringen', en: 'Notice posted the day after approval' },
      text: `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-04-16
justering:
  datum: 2024-04-18
---

## § 45 Val av justerare

> [!beslut]
> Amir Haddad utses att justera protokollet.

## Anslag

- Anslaget sätts upp: 2024-04-19
- Anslaget tas ned: 2024-05-13
- Förvaringsplats: Kommunledningskontoret
`,
    },
    {
      title: { sv: 'Engelska protokoll behöver inget anslag', en: 'English minutes need no notice' },
      text: `---
type: minutes
body: Board
date: 2024-04-16
---

## 1. Opening

> [!decision]
> The meeting was declared open.
`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Anslag saknas', en: 'Missing notice' },
      text: `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-04-16
justering:
  datum: 2024-04-18
---

## § 45 Val av justerare

> [!beslut]
> Amir Haddad utses att justera protokollet.
`,
      findings: 1,
      fixed: `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-04-16
justering:
  datum: 2024-04-18
---

## § 45 Val av justerare

> [!beslut]
> Amir Haddad utses att justera protokollet.

## Anslag

- Anslaget sätts upp: 2024-04-18
- Anslaget tas ned: 2024-05-09
- Förvaringsplats: (ange var protokollet förvaras)
`,
    },
    {
      title: { sv: 'Anslaget sätts upp för sent och tas ned för tidigt', en: 'Notice posted too late and removed too early' },
      text: `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-04-16
justering:
  datum: 2024-04-18
---

## § 45 Val av justerare

> [!beslut]
> Amir Haddad utses att justera protokollet.

## Anslag

- Anslaget sätts upp: 2024-04-23
- Anslaget tas ned: 2024-05-07
- Förvaringsplats: Kommunledningskontoret
`,
      findings: 2,
    },
    {
      title: { sv: 'Förvaringsplats saknas', en: 'No storage place' },
      text: `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-04-16
justering:
  datum: 2024-04-18
---

## § 45 Val av justerare

> [!beslut]
> Amir Haddad utses att justera protokollet.

## Anslag

- Anslaget sätts upp: 2024-04-19
- Anslaget tas ned: 2024-05-13
`,
      fixed: `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-04-16
justering:
  datum: 2024-04-18
---

## § 45 Val av justerare

> [!beslut]
> Amir Haddad utses att justera protokollet.

## Anslag

- Anslaget sätts upp: 2024-04-19
- Anslaget tas ned: 2024-05-13
- Förvaringsplats: (ange var protokollet förvaras)
`,
    },
  ],
});
