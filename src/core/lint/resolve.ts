// Resolve: what the user wrote about rules (a `rules` object of `.justera.json` or of the
// `justera.rules` setting, keyed by code or alias) turned into settings by rule code, with
// readable problems instead of exceptions; and the rule codes the editor layer names.
import { rules } from './registry';
import type { Rule, SeveritySetting } from './types';

/** Rule settings as a user writes them: code or alias → severity or `off`. */
export type RulesConfig = Readonly<Record<string, unknown>>;

export interface ResolvedRules {
  /** Code → setting, only for rules the user configured. */
  readonly settings: ReadonlyMap<string, SeveritySetting>;
  /** Human-readable problems with the configuration (unknown rule, bad value). */
  readonly errors: readonly string[];
}

const SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export function findRule(codeOrAlias: string): Rule | undefined {
  const key = codeOrAlias.trim().toLowerCase();
  return rules.find((r) => r.meta.code.toLowerCase() === key || r.meta.alias === key);
}

/** Validates a rules object; unknown keys and values are reported, never thrown. */
export function resolveRules(config: unknown): ResolvedRules {
  const settings = new Map<string, SeveritySetting>();
  const errors: string[] = [];
  if (config === undefined || config === null) return { settings, errors };
  if (typeof config !== 'object' || Array.isArray(config)) {
    errors.push(`"rules" must be an object of rule code or alias to ${SETTINGS.join('|')}`);
    return { settings, errors };
  }
  for (const [key, value] of Object.entries(config as Record<string, unknown>)) {
    const rule = findRule(key);
    if (!rule) {
      errors.push(`Unknown rule "${key}": expected a code like MIN021 or an alias like item-sequence`);
      continue;
    }
    const setting = typeof value === 'string' ? (value.toLowerCase() as SeveritySetting) : undefined;
    if (!setting || !SETTINGS.includes(setting)) {
      errors.push(`Rule "${key}": expected one of ${SETTINGS.join(', ')}, got ${JSON.stringify(value)}`);
      continue;
    }
    settings.set(rule.meta.code, setting);
  }
  return { settings, errors };
}

/** Every rule code in registry order (`MIN001`, ...). */
export const RULE_CODES: readonly string[] = rules.map((r) => r.meta.code);

/**
 * The rule codes by name, for the editor layer to import rather than copy
 * (a unit test checks this matches the registry).
 */
export const RuleCode = {
  FrontMatter: 'MIN001',
  DateFormat: 'MIN002',
  UnreadableSection: 'MIN003',
  Attendance: 'MIN010',
  Chair: 'MIN011',
  Secretary: 'MIN012',
  UnknownPerson: 'MIN013',
  ItemHeading: 'MIN020',
  ItemSequence: 'MIN021',
  ItemSequenceYear: 'MIN022',
  DecisionMissing: 'MIN030',
  DecisionEmpty: 'MIN031',
  DecisionUnmarked: 'MIN032',
  ActionOwner: 'MIN040',
  ActionDue: 'MIN041',
  ActionOverdue: 'MIN042',
  AssignmentProse: 'MIN043',
  FollowUp: 'MIN045',
  JusteringMissing: 'MIN050',
  JusterareInvalid: 'MIN051',
  JusteringDeadline: 'MIN052',
  Anslag: 'MIN053',
  Quorum: 'MIN016',
  MotionProposer: 'MIN033',
  VoteResult: 'MIN034',
  VoteRollCall: 'MIN035',
  Dissent: 'MIN036',
  Conflict: 'MIN037',
  ImmediateApproval: 'MIN038',
  ServingMembers: 'MIN039',
  ChangedAfterSigning: 'MIN054',
  PersonalIdentityNumber: 'MIN060',
} as const;
export type RuleCode = (typeof RuleCode)[keyof typeof RuleCode];

/** Anchor of a rule's section in `docs/rules.md` (`MIN021` → `min021`). */
export function ruleDocAnchor(code: string): string {
  return code.toLowerCase();
}
