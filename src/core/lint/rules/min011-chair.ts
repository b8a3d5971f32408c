// MIN011 chair: exactly one chair, the same in the front matter and the attendance list.
import { checkRole } from '../role-check';
import { loc } from '../rule-utils';
import type { Rule } from '../types';

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
    examples: {
      ok: [
        {
          title: loc('Ordförande med roll', 'Chair with role'),
          text: `${FM}## Närvarande\n\n- Magnus Gyllestad, Haninge [roll:: ordförande]\n- Camilla Broo, Huddinge\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n`,
        },
        {
          title: loc('Roll skriven som sista del', 'Role written as the last part'),
          text: `${FM}## Närvarande\n\n- Magnus Gyllestad, Haninge, ordförande\n- Camilla Broo, Huddinge\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n`,
        },
      ],
      notOk: [
        {
          title: loc('Rollen saknas i närvarolistan', 'Role missing in the attendance list'),
          text: `${FM}## Närvarande\n\n- Magnus Gyllestad, Haninge\n- Camilla Broo, Huddinge\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n`,
          fixed: `${FM}## Närvarande\n\n- Magnus Gyllestad, Haninge [roll:: ordförande]\n- Camilla Broo, Huddinge\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n`,
        },
        {
          title: loc('Engelskt protokoll: ordföranden saknar roll', 'English minutes: the chair has no role'),
          text: `${EN}## Attendance\n\n- Margaret Ellison\n- Thomas Reid [role:: secretary]\n\n## 1. Opening\n\n> [!decision]\n> The meeting was declared open.\n`,
          fixed: `${EN}## Attendance\n\n- Margaret Ellison [role:: chair]\n- Thomas Reid [role:: secretary]\n\n## 1. Opening\n\n> [!decision]\n> The meeting was declared open.\n`,
        },
        {
          title: loc('Två ordförande', 'Two chairs'),
          text: `${FM}## Närvarande\n\n- Magnus Gyllestad, Haninge [roll:: ordförande]\n- Camilla Broo, Huddinge [roll:: ordförande]\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n`,
        },
        {
          title: loc('Olika ordförande i front matter och närvarolista', 'Different chairs in front matter and attendance'),
          text: `${FM}## Närvarande\n\n- Magnus Gyllestad, Haninge\n- Camilla Broo, Huddinge [roll:: ordförande]\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n`,
        },
      ],
    },
  },
  check(ctx) {
    checkRole(ctx, 'chair');
  },
};
