// MIN020 item-heading: item headings are numbered in the profile's form (`## § 27 Rubrik` / `## 1. Title`).
import { expectedStyle, numberToken } from '../item-numbering';
import { loc, slice } from '../rule-utils';
import type { Rule, RuleExamples } from '../types';

const FM = '---\ntyp: protokoll\norgan: Kommunstyrelsens arbetsutskott\ndatum: 2024-04-16\n---\n\n';
const NOTES = '---\ntype: notes\nbody: Parents\' association\ndate: 2024-03-12\n---\n\n';

export const rule: Rule = {
  meta: {
    code: 'MIN020',
    alias: 'item-heading',
    description: loc(
      'Rubriker för ärenden numreras i profilens form: `## § 27 Rubrik` i protokoll, `## 1. Rubrik` i minnesanteckningar',
      'Item headings are numbered in the profile\'s form: `## § 27 Title` in Swedish protokoll, `## 1. Title` in notes',
    ),
    severity: { protokoll: 'warning', notes: 'warning' },
    fixable: true,
  },

  itemContext: (ctx) => expectedStyle(ctx.doc),
  checkItem(ctx, item) {
    const { doc } = ctx;
    if (item.numberStyle === 'none' || item.number === undefined) return; // MIN021 reports missing numbers
    const written = slice(doc, item.numberSpan);
    const expected = numberToken(expectedStyle(doc), item.number);
    if (written !== expected) {
      ctx.report({
        span: item.numberSpan,
        message: loc(
          `Rubriken numreras \`${written}\`: skriv \`${expected}\``,
          `Item heading numbered \`${written}\`: expected \`${expected}\``,
        ),
        fix: { title: loc(`Skriv \`${expected}\``, `Change to \`${expected}\``), edits: [{ start: item.numberSpan.start, end: item.numberSpan.end, newText: expected }] },
      });
    }
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'Items are cited by number (`§ 27`, item 4) in later minutes, extracts and decisions; ' +
  'one numbering form per profile keeps those references recognisable and lets the ' +
  'tools find them.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Protokoll med paragrafer', en: 'Protokoll with § numbers' },
      text: `${FM}## § 1 Val av justerare\n\n> [!beslut]\n> Amir Haddad utses att justera protokollet.\n`,
    },
    {
      title: { sv: 'Minnesanteckningar med punkter', en: 'Notes with dotted numbers' },
      text: `${NOTES}## 1. Summer fair\n\nThe fair is on 2024-06-15.\n`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Protokoll med punktnumrering', en: 'Protokoll with dotted numbers' },
      text: `${FM}## 1. Val av justerare [dnr:: KS 2024/1]\n\n> [!beslut]\n> Amir Haddad utses att justera protokollet.\n\n## §2 Dagordning\n\n> [!beslut]\n> Dagordningen godkänns.\n`,
      findings: 2,
      fixed: `${FM}## § 1 Val av justerare [dnr:: KS 2024/1]\n\n> [!beslut]\n> Amir Haddad utses att justera protokollet.\n\n## § 2 Dagordning\n\n> [!beslut]\n> Dagordningen godkänns.\n`,
    },
    {
      title: { sv: 'Anteckningar med paragrafnumrering', en: 'Notes with § numbers' },
      text: `${NOTES}## § 1 Summer fair\n\nThe fair is on 2024-06-15.\n\n## 2) Any other business\n\nNone.\n`,
      findings: 2,
      fixed: `${NOTES}## 1. Summer fair\n\nThe fair is on 2024-06-15.\n\n## 2. Any other business\n\nNone.\n`,
    },
  ],
});
