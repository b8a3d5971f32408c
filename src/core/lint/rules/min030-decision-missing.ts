// MIN030 decision-missing: each protokoll item records a decision or is marked informational.
import { closeOpenBlock } from '../blocks';
import { calloutMarker, contentEnd, eol, loc } from '../rule-utils';
import type { Rule, RuleExamples } from '../types';
import { unmarkedDecisions } from './min032-decision-unmarked';

const FM = '---\ntyp: protokoll\norgan: Kommunstyrelsens arbetsutskott\ndatum: 2024-04-16\n---\n\n';
const EN = '---\ntype: minutes\nbody: Board of Elm Court\ndate: 2024-03-12\n---\n\n';

export const rule: Rule = {
  meta: {
    code: 'MIN030',
    alias: 'decision-missing',
    description: loc(
      'Varje paragraf i ett protokoll har ett beslut (`> [!beslut]`) eller är märkt som information (`[info:: ja]`)',
      'Each item of formal minutes has a decision (`> [!decision]`) or is marked informational (`[info:: yes]`)',
    ),
    severity: { protokoll: 'error', notes: 'off' },
    fixable: true,
  },

  // A block the fix must close can only be open at the end of the item (it would hold every heading after it).
  itemContext: () => '',
  checkItem(ctx, item) {
    const { doc } = ctx;
    if (item.decisions.length > 0 || item.informational) return;
    const nl = eol(doc);
    const marker = calloutMarker(doc.language, 'decision');
    const at = contentEnd(doc.text, item.heading.span.start, item.span.end);
    ctx.report({
      span: item.heading.span,
      message: loc(
        'Paragrafen saknar beslut: skriv beslutet i `> [!beslut]` eller märk den `[info:: ja]`',
        'Item has no decision: write it in `> [!decision]` or mark the item `[info:: yes]`',
      ),
      // A `Beslut` label is a decision MIN032 wraps; inserting a second, empty one would be wrong.
      ...(unmarkedDecisions(doc, item).length > 0
        ? {}
        : { fix: { title: loc('Infoga ett beslut', 'Insert a decision'), edits: [{ start: at, end: at, newText: `${closeOpenBlock(doc, at, item.span.start) || nl}${nl}${marker}${nl}> ` }] } }),
    });
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'In formal minutes every item is there to be decided or noted; an item with neither ' +
  'leaves open whether anything was decided at all.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Beslut och informationsärende', en: 'A decision and an information item' },
      text: `${FM}## § 1 Val av justerare\n\n> [!beslut]\n> Amir Haddad utses att justera protokollet.\n\n## § 2 Information från kommundirektören [info:: ja]\n\nKommundirektören informerar om rekryteringen av ny socialchef.\n`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Paragraf utan beslut', en: 'Item without a decision' },
      text: `${FM}## § 1 Ekonomisk uppföljning\n\nEkonomichefen redogör för uppföljningen efter första kvartalet.\n\n## § 2 Dagordning\n\n> [!beslut]\n> Dagordningen godkänns.\n`,
      fixed: `${FM}## § 1 Ekonomisk uppföljning\n\nEkonomichefen redogör för uppföljningen efter första kvartalet.\n\n> [!beslut]\n> \n\n## § 2 Dagordning\n\n> [!beslut]\n> Dagordningen godkänns.\n`,
    },
    {
      title: { sv: 'Engelskt protokoll, sista punkten utan beslut', en: 'English minutes, last item without a decision' },
      text: `${EN}## 1. Financial report\n\nThe treasurer presented the accounts.`,
      fixed: `${EN}## 1. Financial report\n\nThe treasurer presented the accounts.\n\n> [!decision]\n> `,
    },
  ],
});
