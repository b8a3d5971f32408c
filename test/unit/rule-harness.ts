// Shared helpers for rule tests (this file is not a spec: mocha only runs *.test.ts).
// Use them in per-rule tests, e.g.
//   const f = lintRule('MIN021', text);            // findings of MIN021 only
//   assert.equal(fixRule('MIN021', text), expected); // every MIN021 fix applied until stable
import { strict as assert } from 'node:assert';
import type { MinutesDocument } from '../../src/core/model';
import { parseMinutes } from '../../src/core/parser';
import { checkRule, findRule, fixText, lint, resolveRules } from '../../src/core/lint/engine';
import { rules } from '../../src/core/lint/registry';
import { EXAMPLE_TODAY } from '../../src/core/lint/examples';
import type { Finding, Localized, Report, Rule, RuleContext, RuleExample, Severity } from '../../src/core/lint/types';
import { WorkspaceIndex } from '../../src/core/workspace/index';

/**
 * "Today" for every example and harness run, so date rules (MIN052 unsigned minutes,
 * MIN041...) are reproducible. Examples must be written against this date.
 */
export { EXAMPLE_TODAY };

/** Examples are whole minutes documents, even without front matter (MIN001). */
export function parse(text: string): MinutesDocument {
  return parseMinutes(text, { assumeMinutes: true });
}

export function ruleOf(codeOrAlias: string): Rule {
  const rule = findRule(codeOrAlias);
  assert.ok(rule, `no rule ${codeOrAlias} in the registry`);
  return rule;
}

/** A rules config with every rule off except `code` (left at its profile default unless `severity`). */
export function only(code: string, severity?: Severity) {
  const config: Record<string, string> = {};
  for (const r of rules) if (r.meta.code !== code) config[r.meta.code] = 'off';
  if (severity) config[code] = severity;
  const resolved = resolveRules(config);
  assert.deepEqual(resolved.errors, []);
  return resolved;
}

/** The URI an example document has in its workspace. */
export const EXAMPLE_URI = 'file:///workspace/example.md';

/**
 * Lint options with a workspace index of an example's other files (`example.workspace`),
 * for rules that read the index; none when the rule does not need one and no files are given.
 */
export function workspaceOptions(rule: Rule, files: RuleExample['workspace']): { workspace?: WorkspaceIndex; uri?: string } {
  if (!files && !rule.meta.needsWorkspace) return {};
  const workspace = new WorkspaceIndex();
  for (const f of files ?? []) workspace.update(`file:///workspace/${f.path}`, f.text, { assumeMinutes: true });
  return { workspace, uri: EXAMPLE_URI };
}

/** Runs `run` with a rule error listener: the engine skips a rule that throws, here that fails the test. */
export function strict<T>(run: (onRuleError: (code: string, error: unknown) => void) => T): T {
  const failed: string[] = [];
  const result = run((code, error) => failed.push(`${code} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  assert.deepEqual(failed, [], 'no rule throws');
  return result;
}

/** Findings of one rule on a text (its default severity for the document's profile). */
export function lintRule(codeOrAlias: string, text: string, options: { today?: string; severity?: Severity; workspace?: RuleExample['workspace'] } = {}): Finding[] {
  const rule = ruleOf(codeOrAlias);
  return strict((onRuleError) =>
    lint(parse(text), { rules: only(rule.meta.code, options.severity), today: options.today ?? EXAMPLE_TODAY, ...workspaceOptions(rule, options.workspace), onRuleError }),
  );
}

/** The text after applying one rule's fixes until none is left (as `--fix` would). */
export function fixRule(codeOrAlias: string, text: string, options: { today?: string } = {}): string {
  const rule = ruleOf(codeOrAlias);
  return strict((onRuleError) => fixText(text, parse, { rules: only(rule.meta.code), today: options.today ?? EXAMPLE_TODAY, onRuleError }).text);
}

/** Every rule's findings on a text, with the default configuration. */
export function lintAll(text: string, options: { today?: string } = {}): Finding[] {
  return strict((onRuleError) => lint(parse(text), { today: options.today ?? EXAMPLE_TODAY, onRuleError }));
}

/** The raw bilingual reports of a rule (runs `check` directly, bypassing the engine). */
export function reportsOf(codeOrAlias: string, text: string, options: { today?: string; workspace?: RuleExample['workspace'] } = {}): Report[] {
  const rule = ruleOf(codeOrAlias);
  const doc = parse(text);
  const reports: Report[] = [];
  const scope = { profile: doc.effectiveProfile, language: doc.language, today: options.today ?? EXAMPLE_TODAY };
  const { workspace, uri } = workspaceOptions(rule, options.workspace);
  const context: RuleContext = {
    doc,
    ...scope,
    ...(uri ? { uri } : {}),
    report: (r) => void reports.push(r),
    // Questions are answered at once, as `lint` does.
    ask: (q) =>
      rule.answer?.(q, { ...scope, ...(workspace ? { workspace } : {}), ...(uri ? { uri } : {}), report: (r) => void reports.push({ ...r, span: q.span }) }),
  };
  checkRule(rule, context);
  return reports;
}

export function assertSpansInside(findings: readonly Finding[], text: string): void {
  for (const f of findings) {
    assert.ok(
      0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length,
      `${f.code} span [${f.span.start}, ${f.span.end}) outside [0, ${text.length}]`,
    );
    for (const e of f.fix?.edits ?? []) {
      assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `${f.code} fix edit [${e.start}, ${e.end}) outside the text`);
    }
  }
}

export function assertLocalized(message: Localized, what: string): void {
  assert.ok(message.sv.trim().length > 0, `${what}: empty Swedish text`);
  assert.ok(message.en.trim().length > 0, `${what}: empty English text`);
  assert.notEqual(message.sv, message.en, `${what}: Swedish and English texts are identical ("${message.en}")`);
}

/** `title` of an example as plain text, for test names. */
export function exampleTitle(title: Localized | string): string {
  return typeof title === 'string' ? title : title.en;
}
