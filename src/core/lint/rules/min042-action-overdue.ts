// MIN042 action-overdue: an open (or in-progress) action whose due date has passed.
// Single-file; with the workspace index, an action that a later meeting carried over or
// closed is history in this file and is not reported here (the later copy is).
import { isIsoDate } from '../../dates';
import { actionKey, originOf, type Origin } from '../../workspace/carry';
import { actionLineSpan } from '../blocks';
import { loc } from '../rule-utils';
import type { Rule, RuleExamples } from '../types';

const SV = (status: string, body: string) => `---
typ: minnesanteckningar
organ: Ledningsgruppen
datum: 2024-05-20
status: ${status}
---

${body}`;

export const rule: Rule = {
  meta: {
    code: 'MIN042',
    alias: 'action-overdue',
    description: loc(
      'Ett öppet uppdrag har inte passerat sitt slutdatum (`[senast:: datum]`); gäller inte justerade protokoll, och inte uppdrag som ett senare möte har fört vidare eller avslutat',
      'An open action is not past its due date (`[due:: date]`); not for approved minutes, nor for actions a later meeting carried over or closed',
    ),
    severity: { protokoll: 'warning', notes: 'warning' },
    fixable: false,
  },

  // With the workspace, other files decide (a later meeting may carry the action).
  // Findings depend on the item, today and the status; the workspace is asked separately.
  itemContext: (ctx) => String(ctx.doc.frontMatter?.status),
  // The document's half: each open action past its due date.
  checkItem(ctx, item) {
    const { doc, today } = ctx;
    if (doc.frontMatter?.status === 'approved') return;
    const body = doc.frontMatter?.body ?? null;
    const date = doc.frontMatter?.date ?? null;
    for (const action of item.actions) {
      if (action.status !== 'open' && action.status !== 'in-progress') continue;
      const due = action.due;
      if (!due || !isIsoDate(due) || due >= today) continue;
      const overdue: Overdue = {
        due,
        body,
        date,
        origin: date ? (originOf(date, item.number ?? null, action.from) ?? null) : null,
        key: actionKey(action.text),
        only: item.actions.filter((a) => a.from === action.from).length === 1,
      };
      ctx.ask({ span: actionLineSpan(doc, action), data: overdue });
    }
  },

  // The workspace's half: overdue unless a later meeting carried it on or closed it.
  answer(question, ctx) {
    const { due, body, date, origin, key, only } = question.data as Overdue;
    if (ctx.workspace && body && date && ctx.workspace.continuation(body, date, { origin: origin ?? undefined, key }, ctx.uri, only)) return;
    ctx.report({
      message: loc(
        `Uppdraget är försenat: slutdatumet ${due} har passerat; avsluta det ([x]), eller ange ett nytt datum i [senast:: ]`,
        `The action is overdue: its due date ${due} has passed; close it ([x]) or set a new date in [due:: ]`,
      ),
    });
  },
};

/** An overdue action, as MIN042 asks the workspace about it. */
interface Overdue {
  readonly due: string;
  readonly body: string | null;
  readonly date: string | null;
  readonly origin: Origin | null;
  readonly key: string;
  /** The only action of its item with this `från` (a reworded carry-over still continues it). */
  readonly only: boolean;
}

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'Overdue actions are what the next meeting should take up. Reporting them in the ' +
  'minutes where they were given keeps them in sight until they are closed or carried ' +
  'over.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Slutdatum i framtiden; avslutat uppdrag', en: 'Due date ahead; a done action' },
      text: SV('utkast', `## 1. Budget

- [ ] Uppdatera budgeten [ansvarig:: Anna Berg] [senast:: 2024-06-10]
- [x] Boka lokal [ansvarig:: Per Ek] [senast:: 2024-05-01]
`),
    },
    {
      title: { sv: 'Justerade anteckningar är en avslutad handling', en: 'Approved minutes are a closed record' },
      text: SV('justerad', `## 1. Budget

- [ ] Uppdatera budgeten [ansvarig:: Anna Berg] [senast:: 2024-05-25]
`),
    },
    {
      title: { sv: 'Fört vidare till nästa möte', en: 'Carried over to the next meeting' },
      text: SV('utkast', `## 1. Budget

- [ ] Uppdatera budgeten [ansvarig:: Anna Berg] [senast:: 2024-05-25]
`),
      workspace: [
        {
          path: 'ledningsgruppen-2024-05-27.md',
          text: SV('utkast', '').replace('2024-05-20', '2024-05-27') + `## 1. Utestående ärenden

- [ ] Uppdatera budgeten [ansvarig:: Anna Berg] [senast:: 2024-06-20] [från:: 2024-05-20 §1]
`,
        },
      ],
    },
  ],
  notOk: [
    {
      title: { sv: 'Slutdatum passerat', en: 'Past its due date' },
      text: SV('utkast', `## 1. Budget

- [ ] Uppdatera budgeten [ansvarig:: Anna Berg] [senast:: 2024-05-25]
- [/] Boka lokal [ansvarig:: Per Ek] [senast:: 2024-05-31]
- [ ] Beställ fika [ansvarig:: Per Ek] [senast:: 2024-06-01]
`),
      findings: 2,
    },
    {
      title: { sv: 'Engelska anteckningar', en: 'English notes' },
      text: `---
type: notes
body: Parents' association
date: 2024-03-12
---

## 1. Summer fair

- [ ] Book the bouncy castle [owner:: Sam Lee] [due:: 2024-04-01]
`,
    },
  ],
});
