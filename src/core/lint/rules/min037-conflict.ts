// MIN037 conflict: someone who declared a conflict of interest in an item (`> [!jäv] Name`)
// takes no part in it (Kommunallagen 5 kap. 47 §, 6 kap. 28–30 §§): no motion, no vote,
// no dissent by them in that item.
import { lawDoc } from '../law-examples';
import { loc } from '../rule-utils';
import { conflictsOf, personNamed, servingContext } from '../serving';
import { nameKey } from '../../people';
import type { Span } from '../../model';
import type { Rule, RuleExamples } from '../types';

export const rule: Rule = {
  meta: {
    code: 'MIN037',
    alias: 'conflict',
    description: loc(
      'Den som anmält jäv (`[!jäv] Namn`) yrkar, röstar och reserverar sig inte i ärendet (KL 5 kap. 47 §, 6 kap. 28–30 §§)',
      'Someone with a declared conflict of interest (`[!conflict] Name`) does not move, vote or dissent in the item (KL 5 kap. 47 §, 6 kap. 28–30 §§)',
    ),
    severity: { protokoll: 'error', notes: 'off' },
    fixable: false,
  },

  // An item's findings depend on the item and on who serves: they are kept while both stay the same.
  itemContext: (ctx) => servingContext(ctx.doc),
  checkItem(ctx, item) {
    const { doc } = ctx;
    if (ctx.profile !== 'protokoll') return;
    const key = (name: string) => nameKey(personNamed(doc, name)?.name ?? name);
    const conflicted = new Set(conflictsOf(item).map((c) => key(c.title)));
    if (conflicted.size === 0) return;
    const report = (name: string, span: Span, what: { sv: string; en: string }) => ctx.report({
      span,
      message: loc(
        `${name} har anmält jäv i ärendet men ${what.sv} (KL 5 kap. 47 §, 6 kap. 28–30 §§)`,
        `${name} declared a conflict of interest in this item but ${what.en} (KL 5 kap. 47 §, 6 kap. 28–30 §§)`,
      ),
    });
    for (const c of item.callouts) {
      if ((c.kind === 'motion' || c.kind === 'dissent') && c.title && conflicted.has(key(c.title))) {
        report(c.title, c.titleSpan, c.kind === 'motion' ? { sv: 'yrkar', en: 'makes a motion' } : { sv: 'reserverar sig', en: 'dissents' });
      }
      for (const b of c.ballots ?? []) {
        if (conflicted.has(key(b.name))) report(b.name, b.nameSpan, { sv: 'röstar', en: 'votes' });
      }
    }
  },
};

const ITEM = (extra: string) => `## § 49 Markanvisning för kvarteret Lärkan

> [!jäv] Lena Sjöberg
> Lena Sjöberg (S) anmäler jäv på grund av sitt styrelseuppdrag i Lövsta Bostäder AB.
${extra}
> [!beslut]
> Arbetsutskottet föreslår kommunstyrelsen att teckna markanvisningsavtal.
`;

export const why =
  'A member with a conflict of interest takes no part in the matter (5 kap. 47 §, 6 ' +
  'kap. 28–30 §§): moving a motion, voting or dissenting in that item contradicts the ' +
  'declared conflict and can make the decision unlawful.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [{ title: { sv: 'Den jäviga deltar inte', en: 'The member in conflict takes no part' }, text: lawDoc(ITEM('')) }],
  notOk: [
    {
      title: { sv: 'Den jäviga yrkar och röstar', en: 'The member in conflict moves and votes' },
      text: lawDoc(ITEM(`
> [!yrkande] Lena Sjöberg (S)
> Bifall till förslaget.

> [!omröstning]
> Ja: 2
> Nej: 2
>
> - Karin Lindqvist (S): ja
> - Lena Sjöberg (S): ja
> - Per Holmberg (M): nej
> - Amir Haddad (M): nej
`)),
      findings: 2,
    },
  ],
});
