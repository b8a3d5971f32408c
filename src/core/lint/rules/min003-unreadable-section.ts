// MIN003 unreadable-section: a section Justera cannot read (quotes or lists nested deeper
// than any minutes, or a parser failure) is kept with its heading and number; while it
// stands, no fix touches the document (the engine drops every fix).
import { loc } from '../rule-utils';
import type { Rule, RuleExamples } from '../types';

const FM = '---\ntyp: minnesanteckningar\norgan: Styrelsen\ndatum: 2024-05-01\n---\n\n';

export const rule: Rule = {
  meta: {
    code: 'MIN003',
    alias: 'unreadable-section',
    description: loc(
      'Varje avsnitt kan läsas: citat och listor nästlas högst 100 nivåer djupt',
      'Every section can be read: quotes and lists nest at most 100 levels deep',
    ),
    severity: { protokoll: 'error', notes: 'error' },
    fixable: false,
  },

  check(ctx) {
    for (const p of ctx.doc.problems) {
      if (p.kind !== 'unreadable-section') continue;
      const deep = p.message.includes('nests');
      ctx.report({
        span: p.span,
        message: deep
          ? loc(
            'Avsnittet kunde inte läsas: citat eller listor nästlas mer än 100 nivåer djupt. Inga rättningar görs förrän det är åtgärdat',
            'The section could not be read: quotes or lists nest more than 100 levels deep. No fixes are made until it is corrected',
          )
          : loc(
            'Avsnittet kunde inte läsas. Inga rättningar görs förrän det är åtgärdat; rapportera gärna felet',
            'The section could not be read. No fixes are made until it is corrected; please report it',
          ),
      });
    }
  },
};

export const why =
  'A section Justera cannot read would otherwise vanish from the model: the next item ' +
  'would look misnumbered and a fix would renumber it wrongly. Keeping it opaque, saying ' +
  'so once and making no fix while it stands means nothing the secretary wrote is lost.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Citat i citat', en: 'A quote within a quote' },
      text: `${FM}## 1. Start\n\n> Ordföranden citerade:\n> > Vi ses i maj.\n`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Citat 150 nivåer djupt', en: 'Quotes 150 levels deep' },
      text: `${FM}## 1. Start\n\n${'> '.repeat(150)}Text\n`,
    },
  ],
});
