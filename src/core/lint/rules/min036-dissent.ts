// MIN036 dissent: a reservation (`> [!reservation] Name`) is against a decision of the
// item, by someone who took part in it: only a member who took part in the decision may
// dissent, announced before the meeting ends (Kommunallagen 4 kap. 27 §). Anyone else's
// note is a protokollsanteckning. Written reasons for a dissent are a matter for the
// local rules of procedure, not the Act, and are not checked.
import { CALLOUT_SPELLING } from '../../keywords';
import { EN_ATTENDANCE, EN_FRONT, lawDoc } from '../law-examples';
import { loc } from '../rule-utils';
import { inConflict, servesIn, servingContext } from '../serving';
import type { Rule, RuleExamples } from '../types';

export const rule: Rule = {
  meta: {
    code: 'MIN036',
    alias: 'dissent',
    description: loc(
      'En reservation gäller ett beslut i ärendet och görs av någon som deltog i beslutet (KL 4 kap. 27 §)',
      'A dissent is against a decision of the item, by someone who took part in it (KL 4 kap. 27 §)',
    ),
    severity: { protokoll: 'warning', notes: 'off' },
    fixable: true,
  },

  // An item's findings depend on the item and on who serves: they are kept while both stay the same.
  itemContext: (ctx) => servingContext(ctx.doc),
  checkItem(ctx, item) {
    const { doc } = ctx;
    if (ctx.profile !== 'protokoll') return;
    const statement = CALLOUT_SPELLING.statement[doc.language];
    for (const c of item.callouts) {
      if (c.kind !== 'dissent') continue;
      const toStatement = {
        title: loc('Gör om till protokollsanteckning', 'Turn into a statement for the record'),
        edits: [{ start: c.markerSpan.start, end: c.markerSpan.end, newText: `[!${statement}]` }],
      };
      if (c.title === '') {
        ctx.report({
          span: c.markerSpan,
          message: loc('Reservationen saknar namn: skriv vem som reserverar sig (`> [!reservation] Namn`)', 'The dissent names nobody: write who dissents (`> [!dissent] Name`)'),
        });
      } else if (item.decisions.length === 0) {
        ctx.report({
          span: c.markerSpan,
          message: loc('Reservation i ett ärende utan beslut: man reserverar sig mot ett beslut', 'A dissent in an item without a decision: one dissents from a decision'),
          fix: toStatement,
        });
      } else if (doc.attendance && (!servesIn(doc, item, c.title) || inConflict(doc, item, c.title))) {
        ctx.report({
          span: c.titleSpan,
          message: loc(
            `${c.title} deltog inte i beslutet och kan inte reservera sig, bara göra en protokollsanteckning (KL 4 kap. 27 §)`,
            `${c.title} did not take part in the decision and cannot dissent, only add a statement (KL 4 kap. 27 §)`,
          ),
          fix: toStatement,
        });
      }
    }
  },
};

const ITEM = (who: string) => `## § 48 Riktlinjer för representation

> [!beslut]
> Riktlinjerna antas.

> [!reservation] ${who}
> Jag reserverar mig mot beslutet till förmån för mitt yrkande om återremiss.
`;

export const why =
  'Only someone who took part in the decision may dissent (4 kap. 27 §), and a dissent ' +
  'is recorded against a decision (5 kap. 66–67 §§). Someone who did not take part can ' +
  'still have their view recorded as a protokollsanteckning, which the fix offers.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    { title: { sv: 'Reservation av en ledamot', en: 'A dissent by a member' }, text: lawDoc(ITEM('Per Holmberg (M)')) },
    { title: { sv: 'Reservation av en tjänstgörande ersättare', en: 'A dissent by a serving substitute' }, text: lawDoc(ITEM('Johan Ek (C)')) },
  ],
  notOk: [
    {
      title: { sv: 'Reservation av en ersättare som inte tjänstgjorde', en: 'A dissent by a substitute who did not serve' },
      text: lawDoc(ITEM('Maria Berg (C)')),
      fixed: lawDoc(ITEM('Maria Berg (C)').replace('[!reservation]', '[!protokollsanteckning]')),
    },
    {
      title: { sv: 'Reservation utan beslut i engelska protokoll', en: 'A dissent in English minutes without a decision' },
      text: `${EN_FRONT}${EN_ATTENDANCE}## 1. Budget\n\nThe budget was discussed.\n\n> [!dissent] Tom Becker\n> I object to the discussion.\n`,
      fixed: `${EN_FRONT}${EN_ATTENDANCE}## 1. Budget\n\nThe budget was discussed.\n\n> [!statement] Tom Becker\n> I object to the discussion.\n`,
    },
  ],
});
