// The rules' ok / not-ok examples and rationale (exported next to each rule as `examples`
// and `why`): the rules' tests and docs/rules.md. They are found from the rule file itself, named
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

interface RuleModule {
  readonly rule?: Rule;
  readonly examples?: () => RuleExamples;
  readonly why?: string;
}

/** The module of a registered rule, found from its file name. */
function ruleModule(rule: Rule): RuleModule {
  const file = ruleFileName(rule);
  let module: RuleModule;
  try {
    module = require(`./rules/${file}`) as typeof module;
  } catch (e) {
    throw new Error(`No rule file rules/${file}.ts for ${rule.meta.code}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (module.rule !== rule) throw new Error(`rules/${file}.ts does not export the registered ${rule.meta.code} as \`rule\``);
  return module;
}

/** A rule's rationale (`export const why` in its file): the *Why* of docs/rules.md. */
export function whyOf(rule: Rule): string {
  const { why } = ruleModule(rule);
  if (typeof why !== 'string' || why.trim() === '') throw new Error(`No rationale for ${rule.meta.code}: rules/${ruleFileName(rule)}.ts exports no \`why\``);
  return why;
}

export function examplesOf(rule: Rule): RuleExamples {
  const file = ruleFileName(rule);
  const module = ruleModule(rule);
  if (typeof module.examples !== 'function') throw new Error(`No examples for ${rule.meta.code}: rules/${file}.ts exports no \`examples\` function`);
  return module.examples();
}
