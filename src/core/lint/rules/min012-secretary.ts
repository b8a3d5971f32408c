// MIN012 secretary: a secretary is named, the same in the front matter and the attendance list.
import { checkRole } from '../role-check';
import { loc } from '../rule-utils';
import type { Rule, RuleExamples } from '../types';

const FM = '---\ntyp: minnesanteckningar\norgan: Ledningsgruppen\ndatum: 2021-08-20\nsekreterare: Anna Söderström\n---\n\n';
const EN = '---\ntype: notes\nbody: Parents\' association\ndate: 2024-03-12\nsecretary: Tom Reid\n---\n\n';

export const rule: Rule = {
  meta: {
    code: 'MIN012',
    alias: 'secretary',
    description: loc(
      'En sekreterare är angiven, densamma i front matter och i närvarolistan',
      'A secretary is named, the same in the front matter and the attendance list',
    ),
    severity: { protokoll: 'warning', notes: 'warning' },
    fixable: true,
  },
  check(ctx) {
    checkRole(ctx, 'secretary');
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'The secretary is who answers for the text. Naming them once, consistently, lets the ' +
  'justering block and the role checks agree.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Sekreterare med roll', en: 'Secretary with role' },
      text: `${FM}## Närvarande\n\n- Magnus Gyllestad, Haninge\n- Anna Söderström, Södertörnskommunerna [roll:: sekreterare]\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Rollen saknas i närvarolistan', en: 'Role missing in the attendance list' },
      text: `${FM}## Närvarande\n\n- Magnus Gyllestad, Haninge\n- Anna Söderström, Södertörnskommunerna\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n`,
      fixed: `${FM}## Närvarande\n\n- Magnus Gyllestad, Haninge\n- Anna Söderström, Södertörnskommunerna [roll:: sekreterare]\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n`,
    },
    {
      title: { sv: 'Sekreteraren finns inte i närvarolistan', en: 'The secretary is not in the attendance list' },
      text: `${EN}## Attendance\n\n- Priya Raman [role:: chair]\n- Helen Marsh\n\n## 1. Summer fair\n\nThe fair is on 2024-06-15.\n`,
      fixed: `${EN}## Attendance\n\n- Priya Raman [role:: chair]\n- Helen Marsh\n- Tom Reid [role:: secretary]\n\n## 1. Summer fair\n\nThe fair is on 2024-06-15.\n`,
    },
    {
      title: { sv: 'Ingen sekreterare', en: 'No secretary' },
      text: '---\ntyp: minnesanteckningar\norgan: Ledningsgruppen\ndatum: 2021-08-20\n---\n\n## Närvarande\n\n- Magnus Gyllestad, Haninge [roll:: ordförande]\n- Anna Söderström, Södertörnskommunerna\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n',
    },
  ],
});
