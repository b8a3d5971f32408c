// The rules' ok / not-ok examples (exported next to each rule as `examples`): the rules'
// tests and docs/rules.md. They are found from the rule file itself, named
// `rules/<code>-<alias>.ts`, so adding a rule is its file plus one registry line. Only
// tests and scripts (run by tsx, where `require` loads TypeScript) call this, so the
// examples stay out of the extension bundle.
import type { Rule, RuleExamples } from './types';

declare const require: (id: string) => unknown;

// Rule examples are checked and documented as of this date, so that
// date rules (deadlines, unsigned minutes) give the same result every day.
export const EXAMPLE_TODAY = '2024-06-01';

/** The file a rule lives in, by the naming convention (`MIN021`, `item-sequence` → `min021-item-sequence`). */
export function ruleFileName(rule: Rule): string {
  return `${rule.meta.code.toLowerCase()}-${rule.meta.alias}`;
}

export function examplesOf(rule: Rule): RuleExamples {
  const file = ruleFileName(rule);
  let module: { rule?: Rule; examples?: () => RuleExamples };
  try {
    module = require(`./rules/${file}`) as typeof module;
  } catch (e) {
    throw new Error(`No rule file rules/${file}.ts for ${rule.meta.code}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (module.rule !== rule) throw new Error(`rules/${file}.ts does not export the registered ${rule.meta.code} as \`rule\``);
  if (typeof module.examples !== 'function') throw new Error(`No examples for ${rule.meta.code}: rules/${file}.ts exports no \`examples\` function`);
  return module.examples();
}
