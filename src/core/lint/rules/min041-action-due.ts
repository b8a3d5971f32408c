// MIN041 action-due: every open (or in-progress) action says when it is due.
import { isIsoDate } from '../../dates';
import type { MinutesDocument } from '../../model';
import { actionFieldInsertion, actionLineSpan } from '../blocks';
import type { Rule, RuleExamples } from '../types';

/** The due date the fix proposes: the next meeting's. */
function proposalOf(doc: MinutesDocument): string | undefined {
  const next = doc.frontMatter?.nextMeeting;
  return next && isIsoDate(next) ? next : undefined;
}

export const rule: Rule = {
  meta: {
    code: 'MIN041',
    alias: 'action-due',
    description: {
      sv: 'Varje öppet uppdrag har ett slutdatum (`[senast:: datum]`).',
      en: 'Every open action has a due date (`[due:: date]`).',
    },
    severity: { protokoll: 'warning', notes: 'info' },
    fixable: true,
  },

  itemContext: (ctx) => String(proposalOf(ctx.doc)),
  checkItem(ctx, item) {
    const { doc } = ctx;
    const proposal = proposalOf(doc);
    for (const action of item.actions) {
      if (action.status !== 'open' && action.status !== 'in-progress') continue;
      const due = action.fields.find((f) => f.key === 'due');
      if (due && due.value.trim() !== '') continue;
      if (due) {
        // An empty field is there already: never add a second one.
        ctx.report({
          span: due.span,
          message: {
            sv: 'Slutdatum saknas: fyll i när uppdraget ska vara klart i [senast:: ]',
            en: 'Missing due date: fill in when the action is due in [due:: ]',
          },
        });
        continue;
      }
      ctx.report({
        span: actionLineSpan(doc, action),
        message: {
          sv: 'Slutdatum saknas: ange när uppdraget ska vara klart med [senast:: ÅÅÅÅ-MM-DD]',
          en: 'Missing due date: state when the action is due with [due:: YYYY-MM-DD]',
        },
        ...(proposal
          ? {
              fix: {
                title: { sv: `Lägg till [senast:: ${proposal}] (nästa möte)`, en: `Add [due:: ${proposal}] (next meeting)` },
                edits: [actionFieldInsertion(doc, action, 'due', proposal)],
              },
            }
          : {}),
      });
    }
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'An action without a date cannot be overdue, so it never comes back to anyone\'s ' +
  'attention; a due date makes it part of the follow-up.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Öppet uppdrag med datum; avslutat uppdrag utan', en: 'Open action with a date; a done one without' },
      text: `---
typ: minnesanteckningar
organ: Ledningsgruppen
datum: 2024-05-20
---

## 1. Budget

- [ ] Uppdatera budgeten [ansvarig:: Anna Berg] [senast:: 2024-06-10]
- [x] Boka lokal [ansvarig:: Per Ek]
`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Datum saknas; nästa möte föreslås', en: 'Missing due date; the next meeting is proposed' },
      text: `---
typ: minnesanteckningar
organ: Ledningsgruppen
datum: 2024-05-20
nästa-möte: 2024-06-17
---

## 1. Budget

- [ ] Uppdatera budgeten [ansvarig:: Anna Berg]
- [/] Boka lokal
`,
      findings: 2,
      fixed: `---
typ: minnesanteckningar
organ: Ledningsgruppen
datum: 2024-05-20
nästa-möte: 2024-06-17
---

## 1. Budget

- [ ] Uppdatera budgeten [ansvarig:: Anna Berg] [senast:: 2024-06-17]
- [/] Boka lokal [senast:: 2024-06-17]
`,
    },
    {
      title: { sv: 'Engelska protokoll utan nästa möte: ingen rättning', en: 'English minutes without a next meeting: no fix' },
      text: `---
type: minutes
body: Board
date: 2024-05-20
---

## 1. Roof

> [!decision]
> The board accepted the tender.
>
> - [ ] Take up references [owner:: Laura Bennett]
`,
      findings: 1,
    },
  ],
});
