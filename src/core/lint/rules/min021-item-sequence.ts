// MIN021 item-sequence: items are numbered from `paragraf-start` without gap or duplicate.
// Protokoll numbering runs over the year, so without `paragraf-start` the first item's
// number is the start (MIN022 checks that it continues from the previous meeting).
import type { MinutesDocument } from '../../model';
import { numberToken, styleOf } from '../item-numbering';
import { loc, slice } from '../rule-utils';
import type { Rule, RuleExamples, TextEdit } from '../types';

/** Where the numbering starts; `first` is the first item's number. */
function firstNumber(doc: MinutesDocument, first = doc.items[0]?.number): number {
  const n = doc.frontMatter?.firstItem;
  if (n !== undefined && Number.isInteger(n) && n >= 0) return n;
  return first !== undefined && Number.isInteger(first) && first >= 0 ? first : 1;
}

/** One fix for all: every item gets its number, and `Justerade paragrafer` follows. */
function renumberAll(doc: MinutesDocument): TextEdit[] {
  const start = firstNumber(doc);
  const edits: TextEdit[] = [];
  // An old number that stood on several items maps to the first of them at the start of a
  // range, and to the last at its end: `§ 5–8` over 5, 6, 8, 8 becomes `§ 5–8`, not `§ 5–7`.
  const firstNew = new Map<number, number>();
  const lastNew = new Map<number, number>();
  doc.items.forEach((item, i) => {
    const expected = start + i;
    if (item.number !== undefined && !firstNew.has(item.number)) firstNew.set(item.number, expected);
    if (item.number !== undefined) lastNew.set(item.number, expected);
    if (item.number === expected) return;
    const token = numberToken(styleOf(doc, item), expected);
    if (item.numberStyle === 'none') {
      edits.push({ start: item.numberSpan.start, end: item.numberSpan.start, newText: `${token} ` });
    } else {
      // Keep the written form of the number token (`§27` stays `§27`): MIN020 normalises it.
      const written = slice(doc, item.numberSpan);
      const replaced = written.replace(/\d+/u, String(expected));
      edits.push({ start: item.numberSpan.start, end: item.numberSpan.end, newText: replaced || token });
    }
  });
  // `Justerade paragrafer: § 26–38` names this meeting's numbers; `[från:: … §4]` names another's.
  const approved = doc.justering?.approvedItems;
  if (approved) {
    const value = slice(doc, approved.valueSpan);
    const numbers = [...value.matchAll(/\d+/gu)];
    for (const [k, m] of numbers.entries()) {
      const closesRange = k === numbers.length - 1 && k > 0;
      const now = (closesRange ? lastNew : firstNew).get(Number(m[0]));
      if (now === undefined || now === Number(m[0])) continue;
      const at = approved.valueSpan.start + m.index!;
      edits.push({ start: at, end: at + m[0].length, newText: String(now) });
    }
  }
  return edits;
}

const FM = '---\ntyp: protokoll\norgan: Kommunstyrelsens arbetsutskott\ndatum: 2024-04-16\nparagraf-start: 45\n---\n\n';
const NO_START = '---\ntyp: protokoll\norgan: Kommunstyrelsen\ndatum: 2024-11-12\n---\n\n';
const NOTES = '---\ntype: notes\nbody: Parents\' association\ndate: 2024-03-12\n---\n\n';

export const rule: Rule = {
  meta: {
    code: 'MIN021',
    alias: 'item-sequence',
    description: loc(
      'Ärendena numreras från `paragraf-start` (annars från första ärendets nummer) utan luckor eller dubbletter',
      'Items are numbered from `first-item` (else from the first item\'s number) without gaps or duplicates',
    ),
    severity: { protokoll: 'error', notes: 'warning' },
    fixable: true,
  },

  // The numbers alone decide; an item is placed only when it is reported.
  itemFacts: (item) => item.number,
  checkFacts(ctx, facts) {
    const { doc } = ctx;
    const numbers = facts as readonly (number | undefined)[];
    const start = firstNumber(doc, numbers[0]);
    // The usual case, in one pass over the numbers: every item has the number it should.
    let i = 0;
    while (i < numbers.length && numbers[i] === start + i) i++;
    if (i === numbers.length) return;
    let edits: TextEdit[] | undefined;
    const seen = new Set<number>();
    numbers.forEach((n, i) => {
      const expected = start + i;
      const duplicate = n !== undefined && seen.has(n);
      if (n !== undefined) seen.add(n);
      if (n === expected) return;
      const item = doc.items[i]!;
      edits ??= renumberAll(doc);
      const token = numberToken(styleOf(doc, item), expected);
      const written = n === undefined ? '' : slice(doc, item.numberSpan);
      const message = n === undefined
        ? loc(`Ärendet saknar nummer: väntat \`${token}\``, `Item has no number: expected \`${token}\``)
        : duplicate
          ? loc(`Numret \`${written}\` finns redan: väntat \`${token}\``, `Duplicate item number \`${written}\`: expected \`${token}\``)
          : loc(`Fel nummer \`${written}\`: väntat \`${token}\` (numreringen börjar på ${start} utan luckor)`, `Wrong item number \`${written}\`: expected \`${token}\` (numbering starts at ${start} without gaps)`);
      ctx.report({
        span: n === undefined ? item.heading.span : item.numberSpan,
        message,
        fix: { title: loc('Numrera om alla ärenden', 'Renumber all items'), edits },
      });
    });
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'A gap or a duplicate number breaks every reference to the items after it, and in ' +
  'formal minutes it looks like an item was removed. The fix renumbers from ' +
  '`first-item`.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Paragrafer från paragraf-start', en: 'Numbers from first-item' },
      text: `${FM}## § 45 Val av justerare\n\n> [!beslut]\n> Amir Haddad utses att justera protokollet.\n\n## § 46 Dagordning\n\n> [!beslut]\n> Dagordningen godkänns.\n\n## Justering\n\n- Justerade paragrafer: § 45–46\n`,
    },
    {
      title: { sv: 'Utan paragraf-start: första ärendets nummer är början', en: 'Without first-item: the first item\'s number is the start' },
      text: `${NO_START}## § 155 Val av justerare\n\n> [!beslut]\n> Anna Ek utses att justera protokollet.\n\n## § 156 Dagordning\n\n> [!beslut]\n> Dagordningen godkänns.\n`,
    },
    {
      title: { sv: 'Anteckningar från 1', en: 'Notes from 1' },
      text: `${NOTES}## 1. Summer fair\n\nThe fair is on 2024-06-15.\n\n## 2. Any other business\n\nNone.\n`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Dubbletten § 8: intervallet räknas från numreringen efter rättningen', en: 'Duplicate § 8: the range follows the numbering after the fix' },
      text: `${NO_START}## § 5 Val av justerare\n\n> [!beslut]\n> Anna Ek utses.\n\n## § 6 Dagordning\n\n> [!beslut]\n> Godkänns.\n\n## § 8 Budget\n\n> [!beslut]\n> Antas.\n\n## § 8 Taxor\n\n> [!beslut]\n> Antas.\n\n## Justering\n\n- Justerade paragrafer: § 5–8\n`,
      findings: 1,
      fixed: `${NO_START}## § 5 Val av justerare\n\n> [!beslut]\n> Anna Ek utses.\n\n## § 6 Dagordning\n\n> [!beslut]\n> Godkänns.\n\n## § 7 Budget\n\n> [!beslut]\n> Antas.\n\n## § 8 Taxor\n\n> [!beslut]\n> Antas.\n\n## Justering\n\n- Justerade paragrafer: § 5–8\n`,
    },
    {
      title: { sv: 'Lucka i numreringen', en: 'A gap in the numbering' },
      text: `${FM}## § 45 Val av justerare\n\n> [!beslut]\n> Amir Haddad utses att justera protokollet.\n\n## § 47 Dagordning\n\n> [!beslut]\n> Dagordningen godkänns.\n\n## § 48 Delegationsbeslut\n\n> [!beslut]\n> Anmälan läggs till handlingarna.\n\n## Justering\n\n- Justerade paragrafer: § 45–48\n`,
      findings: 2,
      fixed: `${FM}## § 45 Val av justerare\n\n> [!beslut]\n> Amir Haddad utses att justera protokollet.\n\n## § 46 Dagordning\n\n> [!beslut]\n> Dagordningen godkänns.\n\n## § 47 Delegationsbeslut\n\n> [!beslut]\n> Anmälan läggs till handlingarna.\n\n## Justering\n\n- Justerade paragrafer: § 45–47\n`,
    },
    {
      title: { sv: 'Dubblett och onumrerad punkt', en: 'A duplicate and an unnumbered item' },
      text: `${NOTES}## 1. Summer fair\n\nThe fair is on 2024-06-15.\n\n## 1. Budget\n\nThe budget is on track.\n\n## Any other business\n\nNone.\n`,
      findings: 2,
      fixed: `${NOTES}## 1. Summer fair\n\nThe fair is on 2024-06-15.\n\n## 2. Budget\n\nThe budget is on track.\n\n## 3. Any other business\n\nNone.\n`,
    },
  ],
});
