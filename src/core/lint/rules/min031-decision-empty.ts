// MIN031 decision-empty: a decision callout says what was decided.
import { loc } from '../rule-utils';
import type { Rule, RuleExamples } from '../types';

const FM = '---\ntyp: protokoll\norgan: Kommunstyrelsens arbetsutskott\ndatum: 2024-04-16\n---\n\n';
const EN = '---\ntype: notes\nbody: Parents\' association\ndate: 2024-03-12\n---\n\n';

export const rule: Rule = {
  meta: {
    code: 'MIN031',
    alias: 'decision-empty',
    description: loc('En beslutsruta innehåller beslutets text', 'A decision callout holds the text of the decision'),
    severity: { protokoll: 'error', notes: 'error' },
    fixable: false,
  },

  itemContext: () => '',
  checkItem(ctx, item) {
    for (const d of item.decisions) {
      if (d.text.trim() !== '' || d.actions.length > 0) continue;
      ctx.report({
        span: d.markerSpan,
        message: loc('Beslutet är tomt: skriv vad som beslutades', 'Empty decision: write what was decided'),
      });
    }
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'An empty decision callout looks like a decision in the tree and in extracts but ' +
  'records nothing, which is worse than no callout.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Beslut med text', en: 'Decision with text' },
      text: `${FM}## § 1 Dagordning\n\n> [!beslut]\n> Dagordningen godkänns.\n`,
    },
    {
      title: { sv: 'Beslut som bara är ett uppdrag', en: 'Decision that is only an action' },
      text: `${EN}## 1. Summer fair\n\n> [!decision]\n> - [ ] Book the hall [owner:: Priya Raman] [due:: 2024-04-05]\n`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Tomt beslut', en: 'Empty decision' },
      text: `${FM}## § 1 Dagordning\n\n> [!beslut]\n> \n`,
    },
    {
      title: { sv: 'Tomt beslut på engelska', en: 'Empty decision in English' },
      text: `${EN}## 1. Summer fair\n\nThe fair is on 2024-06-15.\n\n> [!decision]\n`,
    },
  ],
});
