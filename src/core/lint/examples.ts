// The rules' ok / not-ok examples (exported next to each rule) by rule code: the rules'
// tests and docs/rules.md. Only tests and scripts import this module, so the examples
// stay out of the extension bundle.
import type { Rule, RuleExamples } from './types';
import { examples as min001 } from './rules/min001-front-matter';
import { examples as min002 } from './rules/min002-date-format';
import { examples as min010 } from './rules/min010-attendance';
import { examples as min011 } from './rules/min011-chair';
import { examples as min012 } from './rules/min012-secretary';
import { examples as min013 } from './rules/min013-unknown-person';
import { examples as min020 } from './rules/min020-item-heading';
import { examples as min021 } from './rules/min021-item-sequence';
import { examples as min030 } from './rules/min030-decision-missing';
import { examples as min031 } from './rules/min031-decision-empty';
import { examples as min032 } from './rules/min032-decision-unmarked';
import { examples as min040 } from './rules/min040-action-owner';
import { examples as min041 } from './rules/min041-action-due';
import { examples as min043 } from './rules/min043-assignment-prose';
import { examples as min050 } from './rules/min050-justering-missing';
import { examples as min051 } from './rules/min051-justerare-invalid';
import { examples as min052 } from './rules/min052-justering-deadline';
import { examples as min053 } from './rules/min053-anslag';
import { examples as min016 } from './rules/min016-quorum';
import { examples as min033 } from './rules/min033-motion-proposer';
import { examples as min034 } from './rules/min034-vote-result';
import { examples as min035 } from './rules/min035-vote-roll-call';
import { examples as min036 } from './rules/min036-dissent';
import { examples as min037 } from './rules/min037-conflict';
import { examples as min038 } from './rules/min038-immediate-approval';
import { examples as min039 } from './rules/min039-serving-members';
import { examples as min054 } from './rules/min054-changed-after-signing';
import { examples as min060 } from './rules/min060-personal-identity-number';
import { examples as min022 } from './rules/min022-item-sequence-year';
import { examples as min042 } from './rules/min042-action-overdue';
import { examples as min045 } from './rules/min045-follow-up';

export const ruleExamples: Readonly<Record<string, () => RuleExamples>> = {
  MIN001: min001,
  MIN002: min002,
  MIN010: min010,
  MIN011: min011,
  MIN012: min012,
  MIN013: min013,
  MIN020: min020,
  MIN021: min021,
  MIN022: min022,
  MIN030: min030,
  MIN031: min031,
  MIN032: min032,
  MIN040: min040,
  MIN041: min041,
  MIN042: min042,
  MIN043: min043,
  MIN045: min045,
  MIN050: min050,
  MIN051: min051,
  MIN052: min052,
  MIN053: min053,
  MIN016: min016,
  MIN033: min033,
  MIN034: min034,
  MIN035: min035,
  MIN036: min036,
  MIN037: min037,
  MIN038: min038,
  MIN039: min039,
  MIN054: min054,
  MIN060: min060,
};

// Rule examples are checked and documented as of this date, so that
// date rules (deadlines, unsigned minutes) give the same result every day.
export const EXAMPLE_TODAY = '2024-06-01';

export function examplesOf(rule: Rule): RuleExamples {
  const examples = ruleExamples[rule.meta.code];
  if (!examples) throw new Error(`No examples for ${rule.meta.code}`);
  return examples();
}
