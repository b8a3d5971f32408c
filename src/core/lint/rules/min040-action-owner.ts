// MIN040 action-owner: every action names who is responsible for it.
import { actionFieldInsertion, actionLineSpan, knownPeople, leadingNames } from '../blocks';
import type { Rule, RuleExamples } from '../types';

export const rule: Rule = {
  meta: {
    code: 'MIN040',
    alias: 'action-owner',
    description: {
      sv: 'Varje uppdrag har en ansvarig (`[ansvarig:: Namn]`).',
      en: 'Every action has an owner (`[owner:: Name]`).',
    },
    severity: { protokoll: 'warning', notes: 'warning' },
    fixable: true,
  },

  // The fix proposes attendees named at the start of the action's text.
  itemContext: (ctx) => knownPeople(ctx.doc).join('\u0001'),
  checkItem(ctx, item) {
    const { doc } = ctx;
    for (const action of item.actions) {
      if (action.owners.some((o) => o.trim() !== '')) continue;
      const empty = action.fields.find((f) => f.key === 'owner');
      if (empty) {
        // The field is there but empty: point at it; the user types the name.
        ctx.report({
          span: empty.span,
          message: {
            sv: 'Ansvarig saknas: fyll i vem som ansvarar för uppdraget i [ansvarig:: ]',
            en: 'Missing owner: fill in who is responsible for the action in [owner:: ]',
          },
        });
        continue;
      }
      const names = leadingNames(doc, action.text);
      ctx.report({
        span: actionLineSpan(doc, action),
        message: {
          sv: 'Ansvarig saknas: ange vem som ansvarar för uppdraget med [ansvarig:: Namn]',
          en: 'Missing owner: name who is responsible for the action with [owner:: Name]',
        },
        fix: {
          title: names.length > 0
            ? { sv: `Lägg till [ansvarig:: ${names.join(', ')}]`, en: `Add [owner:: ${names.join(', ')}]` }
            : { sv: 'Lägg till [ansvarig:: ]', en: 'Add [owner:: ]' },
          edits: [actionFieldInsertion(doc, action, 'owner', names.join(', '))],
        },
      });
    }
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'An action nobody owns is rarely done. The owner is also what the workspace view ' +
  'groups by and what follow-up asks about.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Uppdrag med ansvarig', en: 'Action with an owner' },
      text: `---
typ: minnesanteckningar
organ: Ledningsgruppen
datum: 2024-05-20
---

## Närvarande

- Anna Berg
- Per Ek

## 1. Budget

- [ ] Uppdatera budgeten [ansvarig:: Anna Berg] [senast:: 2024-06-10]
`,
    },
    {
      title: { sv: 'Uppdrag på engelska med två ansvariga', en: 'English action with two owners' },
      text: `---
type: notes
body: Project group
date: 2024-05-20
---

## 1. Launch

- [ ] Book the venue
  [owner:: Ann Lee, Tom Reid] [due:: 2024-06-10]
`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Ansvarig saknas; texten börjar med deltagarens namn', en: 'Missing owner; the text starts with an attendee' },
      text: `---
typ: minnesanteckningar
organ: Ledningsgruppen
datum: 2024-05-20
---

## Närvarande

- Anna Berg
- Per Ek

## 1. Budget

- [ ] Per Ek uppdaterar budgeten [senast:: 2024-06-10]
`,
      findings: 1,
      fixed: `---
typ: minnesanteckningar
organ: Ledningsgruppen
datum: 2024-05-20
---

## Närvarande

- Anna Berg
- Per Ek

## 1. Budget

- [ ] Per Ek uppdaterar budgeten [senast:: 2024-06-10] [ansvarig:: Per Ek]
`,
    },
    {
      title: { sv: 'Två uppdrag utan ansvarig (engelska)', en: 'Two actions without an owner (English)' },
      text: `---
type: notes
body: Project group
date: 2024-05-20
---

## Attendance

- Ann Lee
- Tom Reid

## 1. Launch

- [ ] Ann Lee and Tom Reid book the venue
- [ ] Order badges [owner:: ]
`,
      findings: 2,
    },
  ],
});
