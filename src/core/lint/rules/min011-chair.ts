// MIN011 chair: exactly one chair, the same in the front matter and the attendance list.
import { checkRole } from '../role-check';
import { loc } from '../rule-utils';
import type { Rule, RuleExamples } from '../types';

const FM = '---\ntyp: minnesanteckningar\norgan: Ledningsgruppen\ndatum: 2021-08-20\nordförande: Magnus Gyllestad\n---\n\n';
const EN = '---\ntype: minutes\nbody: Board of Elm Court\ndate: 2024-03-12\nchair: Margaret Ellison\n---\n\n';

export const rule: Rule = {
  meta: {
    code: 'MIN011',
    alias: 'chair',
    description: loc(
      'Mötet har en ordförande, densamma i front matter och i närvarolistan',
      'The meeting has one chair, the same in the front matter and the attendance list',
    ),
    severity: { protokoll: 'error', notes: 'warning' },
    fixable: true,
  },
  check(ctx) {
    checkRole(ctx, 'chair');
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'The chair leads the meeting and signs formal minutes. Two different names in the ' +
  'front matter and the list, or none, leave a reader unsure who did.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Ordförande med roll', en: 'Chair with role' },
      text: `${FM}## Närvarande\n\n- Magnus Gyllestad, Haninge [roll:: ordförande]\n- Camilla Broo, Huddinge\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n`,
    },
    {
      title: { sv: 'Roll skriven som sista del', en: 'Role written as the last part' },
      text: `${FM}## Närvarande\n\n- Magnus Gyllestad, Haninge, ordförande\n- Camilla Broo, Huddinge\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Rollen saknas i närvarolistan', en: 'Role missing in the attendance list' },
      text: `${FM}## Närvarande\n\n- Magnus Gyllestad, Haninge\n- Camilla Broo, Huddinge\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n`,
      fixed: `${FM}## Närvarande\n\n- Magnus Gyllestad, Haninge [roll:: ordförande]\n- Camilla Broo, Huddinge\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n`,
    },
    {
      title: { sv: 'Engelskt protokoll: ordföranden saknar roll', en: 'English minutes: the chair has no role' },
      text: `${EN}## Attendance\n\n- Margaret Ellison\n- Thomas Reid [role:: secretary]\n\n## 1. Opening\n\n> [!decision]\n> The meeting was declared open.\n`,
      fixed: `${EN}## Attendance\n\n- Margaret Ellison [role:: chair]\n- Thomas Reid [role:: secretary]\n\n## 1. Opening\n\n> [!decision]\n> The meeting was declared open.\n`,
    },
    {
      title: { sv: 'Två ordförande', en: 'Two chairs' },
      text: `${FM}## Närvarande\n\n- Magnus Gyllestad, Haninge [roll:: ordförande]\n- Camilla Broo, Huddinge [roll:: ordförande]\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n`,
    },
    {
      title: { sv: 'Olika ordförande i front matter och närvarolista', en: 'Different chairs in front matter and attendance' },
      text: `${FM}## Närvarande\n\n- Magnus Gyllestad, Haninge\n- Camilla Broo, Huddinge [roll:: ordförande]\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n`,
    },
  ],
});
