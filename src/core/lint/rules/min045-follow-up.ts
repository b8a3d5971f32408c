// MIN045 follow-up: the open actions of the previous meeting of the same body are closed
// or carried into this meeting (its follow-up item, "Utestående ärenden"). Needs the index.
import { isOpenStatus } from '../../actionState';
import { actionKey, carryEditAt, carrySite, continues, followUpItem, formatOrigin, originOf, sameOrigin, type CarrySite, type Origin } from '../../workspace/carry';
import { documentAnchor } from '../blocks';
import { loc } from '../rule-utils';
import type { Rule, RuleExamples } from '../types';

const FM = (date: string, status = 'utkast') => `---
typ: minnesanteckningar
organ: Ledningsgruppen
datum: ${date}
status: ${status}
---

`;

const PREVIOUS = {
  path: 'ledningsgruppen-2024-04-22.md',
  text: `${FM('2024-04-22', 'justerad')}## 1. Budget

- [ ] Uppdatera budgeten [ansvarig:: Anna Berg] [senast:: 2024-05-20]
- [x] Boka lokal [ansvarig:: Per Ek]

## 2. Rekrytering

- [/] Skriv annonsen [ansvarig:: Per Ek] [senast:: 2024-05-20]
`,
};

const EN_PREVIOUS = {
  path: 'pta-2024-02-13.md',
  text: `---
type: notes
body: Parents' association
date: 2024-02-13
---

## 1. Summer fair

- [ ] Book the bouncy castle [owner:: Sam Lee] [due:: 2024-04-01]
`,
};

export const rule: Rule = {
  meta: {
    code: 'MIN045',
    alias: 'follow-up',
    description: loc(
      'Föregående mötes (samma organ) öppna uppdrag är avslutade eller överförda till detta möte med `[från:: datum §N]`; gäller inte justerade protokoll',
      'The open actions of the previous meeting of the same body are closed or carried into this meeting with `[from:: date §N]`; not for approved minutes',
    ),
    severity: { protokoll: 'warning', notes: 'info' },
    fixable: true,
    needsWorkspace: true,
  },

  // The document's half: this meeting's actions and where carried ones would go.
  check(ctx) {
    const { doc } = ctx;
    const body = doc.frontMatter?.body;
    const date = doc.frontMatter?.date;
    if (!body || !date || doc.frontMatter?.status === 'approved') return;
    const followUp = followUpItem(doc);
    const here: FollowUp['here'] = doc.items.flatMap((item) =>
      item.actions.map((a) => ({ origin: originOf(date, item.number ?? null, a.from) ?? null, key: actionKey(a.text) })),
    );
    const question: FollowUp = { body, date, here, site: followUp ? carrySite(doc, followUp) : null };
    ctx.ask({ span: followUp ? followUp.heading.span : documentAnchor(doc), data: question });
  },

  // The workspace's half: the open actions of the previous meeting missing here.
  answer(question, ctx) {
    const { body, date, here, site } = question.data as FollowUp;
    const previous = ctx.workspace?.previousMeeting(body, date, ctx.uri);
    if (!previous) return;
    const earlier = ctx.workspace!.actionsOf(previous);
    for (const x of earlier) {
      if (!isOpenStatus(x.status) || !x.origin) continue;
      const onlyThere = earlier.filter((o) => o.origin && sameOrigin(o.origin, x.origin!)).length === 1;
      const sameHere = here.filter((h) => h.origin && sameOrigin(h.origin, x.origin!));
      if (sameHere.some((h) => continues({ origin: h.origin ?? undefined, key: h.key }, x, onlyThere && sameHere.length === 1))) continue;
      const ref = formatOrigin(x.origin);
      const edit = site ? carryEditAt(site, [{ ...x, origin: x.origin }]) : undefined;
      ctx.report({
        message: loc(
          `Uppdraget "${x.text}" (${ref}) från föregående möte ${previous.date} är varken avslutat eller överfört till detta möte`,
          `The action "${x.text}" (${ref}) from the previous meeting on ${previous.date} is neither closed nor carried over into this meeting`,
        ),
        ...(edit ? { fix: { title: loc(`För över "${x.text}" hit med [från:: ${ref}]`, `Carry over "${x.text}" with [from:: ${ref}]`), edits: [edit] } } : {}),
      });
    }
  },
};

/** What MIN045 asks of the workspace: this meeting's actions, and where carried ones go (no follow-up item: nowhere). */
interface FollowUp {
  readonly body: string;
  readonly date: string;
  readonly here: readonly { readonly origin: Origin | null; readonly key: string }[];
  readonly site: CarrySite | null;
}

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'Open actions that the next meeting neither closes nor carries over quietly ' +
  'disappear. Carrying them with a reference to where they came from keeps the chain ' +
  'between meetings.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Uppdragen förs vidare eller avslutas', en: 'Actions carried over or closed' },
      text: `${FM('2024-05-20')}## 1. Utestående ärenden

- [x] Uppdatera budgeten [ansvarig:: Anna Berg] [klar:: 2024-05-15] [från:: 2024-04-22 §1]
- [/] Skriv annonsen [ansvarig:: Per Ek] [senast:: 2024-06-10] [från:: 2024-04-22 §2]
`,
      workspace: [PREVIOUS],
    },
  ],
  notOk: [
    {
      title: { sv: 'Ett uppdrag saknas i uppföljningen', en: 'An action is missing from the follow-up' },
      text: `${FM('2024-05-20')}## 1. Utestående ärenden

- [x] Uppdatera budgeten [ansvarig:: Anna Berg] [klar:: 2024-05-15] [från:: 2024-04-22 §1]

## 2. Övriga frågor

Inga.
`,
      workspace: [PREVIOUS],
      fixed: `${FM('2024-05-20')}## 1. Utestående ärenden

- [x] Uppdatera budgeten [ansvarig:: Anna Berg] [klar:: 2024-05-15] [från:: 2024-04-22 §1]
- [/] Skriv annonsen [ansvarig:: Per Ek] [senast:: 2024-05-20] [från:: 2024-04-22 §2]

## 2. Övriga frågor

Inga.
`,
    },
    {
      title: { sv: 'Ingen uppföljningspunkt', en: 'No follow-up item' },
      text: `---
type: notes
body: Parents' association
date: 2024-03-12
---

## 1. Summer fair

The fair is on 2024-06-15.
`,
      workspace: [EN_PREVIOUS],
    },
  ],
});
