// MIN033 motion-proposer: a motion (`> [!yrkande] Name`) is made by someone who serves
// in the item and has no conflict of interest there: the protokoll records the motions
// and who made them (Kommunallagen 5 kap. 66–67 §§; 5 kap. 47 §, 6 kap. 28–30 §§).
import { lawDoc } from '../law-examples';
import { loc } from '../rule-utils';
import { inConflict, servesIn, servingContext } from '../serving';
import type { Rule, RuleExamples } from '../types';

export const rule: Rule = {
  meta: {
    code: 'MIN033',
    alias: 'motion-proposer',
    description: loc(
      'Ett yrkande (`[!yrkande] Namn`) görs av någon som tjänstgör i ärendet och inte är jävig (KL 5 kap. 66–67 §§)',
      'A motion (`[!motion] Name`) is made by someone serving in the item without a conflict of interest (KL 5 kap. 66–67 §§)',
    ),
    severity: { protokoll: 'warning', notes: 'off' },
    fixable: false,
  },

  // An item's findings depend on the item and on who serves: they are kept while both stay the same.
  itemContext: (ctx) => servingContext(ctx.doc),
  checkItem(ctx, item) {
    const { doc } = ctx;
    if (ctx.profile !== 'protokoll' || !doc.attendance) return;
    for (const c of item.callouts) {
      if (c.kind !== 'motion') continue;
      if (c.title === '') {
        ctx.report({
          span: c.markerSpan,
          message: loc('Yrkandet saknar namn: skriv vem som yrkar (`> [!yrkande] Namn`)', 'The motion names nobody: write who moves it (`> [!motion] Name`)'),
        });
      } else if (!servesIn(doc, item, c.title)) {
        ctx.report({
          span: c.titleSpan,
          message: loc(
            `${c.title} tjänstgör inte i ärendet och kan inte yrka: bara beslutande och tjänstgörande ersättare yrkar`,
            `${c.title} does not serve in this item and cannot move: only members and serving substitutes make motions`,
          ),
        });
      } else if (inConflict(doc, item, c.title)) {
        ctx.report({
          span: c.titleSpan,
          message: loc(
            `${c.title} har anmält jäv i ärendet och får inte delta i handläggningen (KL 5 kap. 47 §, 6 kap. 28–30 §§)`,
            `${c.title} declared a conflict of interest in this item and takes no part in it (KL 5 kap. 47 §, 6 kap. 28–30 §§)`,
          ),
        });
      }
    }
  },
};

const MOTIONS = `## § 48 Riktlinjer för representation

> [!yrkande] Karin Lindqvist (S)
> Bifall till kommunledningskontorets förslag.

> [!yrkande] Johan Ek (C)
> Återremiss av ärendet.

> [!beslut]
> Riktlinjerna antas.
`;

export const why =
  'The protokoll records the motions that were not withdrawn (5 kap. 66–67 §§). Only ' +
  'someone serving can move a motion, and not in an item where they declared a conflict ' +
  'of interest: a motion by anyone else is usually a wrong name or a wrong group.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [{ title: { sv: 'Yrkanden av en ledamot och en tjänstgörande ersättare', en: 'Motions by a member and a serving substitute' }, text: lawDoc(MOTIONS) }],
  notOk: [
    {
      title: { sv: 'Yrkande av en ersättare som inte tjänstgör', en: 'A motion by a substitute who does not serve' },
      text: lawDoc(MOTIONS.replace('Johan Ek (C)', 'Maria Berg (C)')),
    },
    {
      title: { sv: 'Yrkande av en jävig ledamot', en: 'A motion by a member in conflict' },
      text: lawDoc(MOTIONS.replace('## § 48 Riktlinjer för representation\n', '## § 48 Riktlinjer för representation\n\n> [!jäv] Karin Lindqvist\n> Karin Lindqvist (S) anmäler jäv.\n')),
    },
  ],
});
