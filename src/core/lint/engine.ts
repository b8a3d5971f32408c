// The lint engine's public face: resolve (rule settings), run (the rules over a document)
// and fix (applying their edits) live in their own files; this module re-exports them so
// callers import one place. A rule is added by its file in rules/ and one registry line.
export { RULE_CODES, RuleCode, findRule, resolveRules, ruleDocAnchor, type ResolvedRules, type RulesConfig } from './resolve';
export {
  answerEach, answerQuestions, checkRule, ItemLintState, lint, lintLocal, sortFindings,
  type AskedQuestion, type ItemEdit, type ItemMemo, type ItemSlots, type LintOptions, type LocalLint,
} from './run';
export { MAX_FIX_PASSES, applyEdits, compatibleEdits, compatibleFixes, fixText, type FixTextResult } from './fix';
export { todayIso } from '../dates';
