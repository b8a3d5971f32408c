// MIN038 immediate-approval: an item declared approved at the meeting
// (`[omedelbar-justering:: ja]`) is listed on a signed justering line for immediately
// approved items, and (Swedish protokoll) its notice is posted at most two days after
// that signing (Kommunallagen 8 kap. 12 §). Immediate approval itself (omedelbar
// justering) is a matter for the local rules of procedure, not the Act.
import { addDays, daysBetween, isIsoDate } from '../../dates';
import { FIELD_KEYS, IMMEDIATE_ITEMS_LABELS, NOTICE_LABELS } from '../../keywords';
import type { Item, MinutesDocument } from '../../model';
import { lineEndAt } from '../../text';
import { NOTICE_MAX_DELAY } from '../blocks';
import { EN_ATTENDANCE, EN_FRONT, LAW_ATTENDANCE, lawFrontMatter } from '../law-examples';
import { contentEnd, eol, loc } from '../rule-utils';
import type { Rule, RuleExamples, TextEdit } from '../types';

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);

function immediate(item: Item): boolean {
  const yes = (v: string) => ['ja', 'yes', 'true', 'sant'].includes(v.trim().toLowerCase());
  return item.fields.some((f) => f.key === 'immediate-approval' && yes(f.value)) || item.callouts.some((c) => c.immediateApproval);
}

function lineLabel(doc: MinutesDocument): string {
  return capitalize(IMMEDIATE_ITEMS_LABELS[doc.language === 'sv' ? 0 : 1]!);
}

function noticeLabel(doc: MinutesDocument): string {
  const labels = Object.entries(NOTICE_LABELS).filter(([, k]) => k === 'immediatePosted').map(([l]) => l);
  return capitalize(labels[doc.language === 'sv' ? 0 : 1]!);
}

/** Adds `§ N` to the immediate line, or a new line after the justering's last line. */
function listEdit(doc: MinutesDocument, n: number | undefined): TextEdit | undefined {
  const j = doc.justering;
  if (!j || n === undefined) return undefined;
  const line = j.immediateItems;
  if (line) {
    const fields = line.fields.length > 0 ? Math.min(...line.fields.map((f) => f.span.start)) : line.valueSpan.end;
    const at = contentEnd(doc.text, line.valueSpan.start, fields);
    return { start: at, end: at, newText: at > line.valueSpan.start ? `, § ${n}` : `§ ${n}` };
  }
  const at = contentEnd(doc.text, j.heading.span.end, j.span.end);
  const date = doc.frontMatter?.date;
  const signed = date ? ` [${FIELD_KEYS.signed[doc.language]}:: ${date}]` : '';
  return { start: at, end: at, newText: `${eol(doc)}${at === j.heading.span.end ? eol(doc) : ''}- ${lineLabel(doc)}: § ${n}${signed}` };
}

export const rule: Rule = {
  meta: {
    code: 'MIN038',
    alias: 'immediate-approval',
    description: loc(
      'Ett omedelbart justerat ärende står på en signerad rad för omedelbart justerade paragrafer, och anslås inom två dagar (KL 8 kap. 12 §)',
      'An immediately approved item is on a signed line for immediately approved items, and its notice is posted within two days (KL 8 kap. 12 §)',
    ),
    severity: { protokoll: 'warning', notes: 'off' },
    fixable: true,
  },

  // Each immediately approved item is on the line (or the fix adds it there).
  itemContext: (ctx) => `${!!ctx.doc.justering}\u0001${ctx.doc.justering?.immediateItems?.numbers.join(',')}`,
  checkItem(ctx, item) {
    const { doc } = ctx;
    if (ctx.profile !== 'protokoll' || !immediate(item)) return;
    if (doc.justering?.immediateItems?.numbers.includes(item.number ?? NaN)) return;
    const edit = listEdit(doc, item.number);
    ctx.report({
      span: item.heading.span,
      message: loc(
        `Ärendet är omedelbart justerat men saknas på raden ”${lineLabel({ ...doc, language: 'sv' })}” i justeringen`,
        `The item is approved at the meeting but missing from the "${lineLabel({ ...doc, language: 'en' })}" line of the signatures`,
      ),
      ...(edit ? { fix: { title: loc('Lägg till i justeringen', 'Add to the signatures'), edits: [edit] } } : {}),
    });
  },

  // The line itself and its notice, when some item is approved at the meeting.
  itemFacts: immediate,
  checkFacts(ctx, facts) {
    const { doc } = ctx;
    if (ctx.profile !== 'protokoll' || !facts.some(Boolean)) return;
    const line = doc.justering?.immediateItems;
    if (!line) return;
    const signed = line.signed && isIsoDate(line.signed) ? line.signed : undefined;
    if (!signed) {
      const date = doc.frontMatter?.date;
      const at = contentEnd(doc.text, line.span.start, line.span.end);
      const fix = date && !line.signed
        ? { title: loc(`Signerat ${date}`, `Signed ${date}`), edits: [{ start: at, end: at, newText: ` [${FIELD_KEYS.signed[doc.language]}:: ${date}]` }] }
        : undefined;
      ctx.report({
        span: line.span,
        message: loc(
          'De omedelbart justerade paragraferna är inte signerade: ange `[signerat:: datum]` (sammanträdesdagen)',
          'The immediately approved items are not signed: add `[signed:: date]` (the meeting day)',
        ),
        ...(fix ? { fix } : {}),
      });
      return;
    }
    // The notice of the immediately approved items: Swedish protokoll with an anslag section.
    const notice = doc.notice;
    if (doc.language !== 'sv' || !notice) return;
    const posted = notice.immediatePosted;
    const value = posted?.value.trim();
    if (!posted || !value) {
      const at = posted ? posted.valueSpan.start : lineEndAt(doc.text, contentEnd(doc.text, notice.heading.span.end, notice.span.end));
      const edit: TextEdit = posted
        ? { start: at, end: posted.valueSpan.end, newText: (doc.text.charAt(at - 1) === ':' ? ' ' : '') + signed }
        : { start: at, end: at, newText: `${eol(doc)}- ${noticeLabel(doc)}: ${signed}` };
      ctx.report({
        span: posted ? posted.span : notice.heading.span,
        message: loc(
          `Anslaget om de omedelbart justerade paragraferna saknas: anslå senast ${addDays(signed, NOTICE_MAX_DELAY)} (KL 8 kap. 12 §)`,
          `The notice of the immediately approved items is missing: post it by ${addDays(signed, NOTICE_MAX_DELAY)} (KL 8 kap. 12 §)`,
        ),
        fix: { title: loc(`Anslå ${signed}`, `Post on ${signed}`), edits: [edit] },
      });
      return;
    }
    if (!isIsoDate(value)) return;
    const delay = daysBetween(signed, value);
    if (delay > NOTICE_MAX_DELAY || delay < 0) {
      ctx.report({
        span: posted.valueSpan,
        message: delay < 0
          ? loc(`Anslaget sätts upp före justeringen (${signed})`, `The notice is posted before the approval (${signed})`)
          : loc(
            `Anslaget om de omedelbart justerade paragraferna sätts upp ${delay} dagar efter justeringen (${signed}), högst ${NOTICE_MAX_DELAY} (KL 8 kap. 12 §)`,
            `The notice of the immediately approved items is posted ${delay} days after approval (${signed}), at most ${NOTICE_MAX_DELAY} (KL 8 kap. 12 §)`,
          ),
      });
    }
  },
};

const ITEM = `## § 50 Yttrande över remiss av regional cykelplan

> [!beslut]
> Arbetsutskottet avger yttrande enligt förvaltningens förslag.
>
> Paragrafen förklaras omedelbart justerad. [omedelbar-justering:: ja]
`;

const SV = (justering: string, notice: string) => `${lawFrontMatter()}${LAW_ATTENDANCE}${ITEM}
## Justering

- Vid protokollet: Sofia Karlsson
- Ordförande: Karin Lindqvist
- Justerare: Amir Haddad
${justering}
## Anslag

- Anslaget sätts upp: 2024-04-19
- Anslaget tas ned: 2024-05-13
- Förvaringsplats: Kommunledningskontoret
${notice}`;

export const why =
  'Immediate approval (omedelbar justering) lets a decision take effect before the ' +
  'whole protokoll is signed. It is a matter of the body\'s local rules of procedure, ' +
  'not of the Act: the item must be on a signed line for immediately approved items, ' +
  'and its notice follows within two days.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Omedelbart justerad, signerad och anslagen dagen efter', en: 'Approved at the meeting, signed and posted the next day' },
      text: SV('- Omedelbart justerade paragrafer: § 50 [signerat:: 2024-04-16]\n', '- Anslag omedelbar justering: 2024-04-17\n'),
    },
  ],
  notOk: [
    {
      title: { sv: 'Raden för omedelbart justerade paragrafer saknas', en: 'No line for immediately approved items' },
      text: SV('', ''),
      fixed: SV('- Omedelbart justerade paragrafer: § 50 [signerat:: 2024-04-16]\n', '- Anslag omedelbar justering: 2024-04-16\n'),
    },
    {
      title: { sv: 'Anslaget sätts upp fyra dagar efter', en: 'The notice is posted four days later' },
      text: SV('- Omedelbart justerade paragrafer: § 50 [signerat:: 2024-04-16]\n', '- Anslag omedelbar justering: 2024-04-20\n'),
    },
    {
      title: { sv: 'Engelska protokoll: raden är inte signerad', en: 'English minutes: the line is not signed' },
      text: `${EN_FRONT}${EN_ATTENDANCE}## 1. Roof repair\n\n> [!decision] [immediate-approval:: yes]\n> The roof repair is ordered.\n\n## Signatures\n\n- Recorded by: Lee Chan\n- Approved by: Ana Silva\n- Immediately approved items: 1\n`,
      fixed: `${EN_FRONT}${EN_ATTENDANCE}## 1. Roof repair\n\n> [!decision] [immediate-approval:: yes]\n> The roof repair is ordered.\n\n## Signatures\n\n- Recorded by: Lee Chan\n- Approved by: Ana Silva\n- Immediately approved items: 1 [signed:: 2024-03-12]\n`,
    },
  ],
});
