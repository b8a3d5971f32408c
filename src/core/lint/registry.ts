// The ordered rule registry: the order of the docs and of findings at one position.
import type { Rule } from './types';
import { rule as min001 } from './rules/min001-front-matter';
import { rule as min002 } from './rules/min002-date-format';
import { rule as min003 } from './rules/min003-unreadable-section';
import { rule as min010 } from './rules/min010-attendance';
import { rule as min011 } from './rules/min011-chair';
import { rule as min012 } from './rules/min012-secretary';
import { rule as min013 } from './rules/min013-unknown-person';
import { rule as min020 } from './rules/min020-item-heading';
import { rule as min021 } from './rules/min021-item-sequence';
import { rule as min030 } from './rules/min030-decision-missing';
import { rule as min031 } from './rules/min031-decision-empty';
import { rule as min032 } from './rules/min032-decision-unmarked';
import { rule as min040 } from './rules/min040-action-owner';
import { rule as min041 } from './rules/min041-action-due';
import { rule as min043 } from './rules/min043-assignment-prose';
import { rule as min050 } from './rules/min050-justering-missing';
import { rule as min051 } from './rules/min051-justerare-invalid';
import { rule as min052 } from './rules/min052-justering-deadline';
import { rule as min053 } from './rules/min053-anslag';
import { rule as min016 } from './rules/min016-quorum';
import { rule as min033 } from './rules/min033-motion-proposer';
import { rule as min034 } from './rules/min034-vote-result';
import { rule as min035 } from './rules/min035-vote-roll-call';
import { rule as min036 } from './rules/min036-dissent';
import { rule as min037 } from './rules/min037-conflict';
import { rule as min038 } from './rules/min038-immediate-approval';
import { rule as min039 } from './rules/min039-serving-members';
import { rule as min054 } from './rules/min054-changed-after-signing';
import { rule as min060 } from './rules/min060-personal-identity-number';
// Rules that read the workspace index (MIN022, MIN045) or use it when present (MIN042).
import { rule as min022 } from './rules/min022-item-sequence-year';
import { rule as min042 } from './rules/min042-action-overdue';
import { rule as min045 } from './rules/min045-follow-up';

export const rules: readonly Rule[] = [
  min001, min002, min003, min010, min011, min012, min013, min016, min020, min021, min022, min030, min031, min032,
  min033, min034, min035, min036, min037, min038, min039,
  min040, min041, min042, min043, min045, min050, min051, min052, min053, min054, min060,
];
