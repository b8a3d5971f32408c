import type { MinutesDocument, Span } from '../model';
import { eolOf } from '../text';
import { rules } from './registry';
import type { Finding, Localized, Report, Rule, RuleContext, Severity, SeveritySetting, TextEdit } from './types';
import type { WorkspaceView } from '../workspace/index';

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

export interface LintOptions {
  readonly rules?: ResolvedRules;
  /** ISO date for "today"; defaults to the local date. */
  readonly today?: string;
  /** The workspace index: rules with `needsWorkspace` run only when it is given. */
  readonly workspace?: WorkspaceView;
  /** The linted document's URI in that workspace (so it is not its own "previous meeting"). */
  readonly uri?: string;
  /**
   * Where the findings of each item (by index in `doc.items`) can be kept between
   * versions of a document (the incremental analyzer keeps one per section); without
   * it nothing is reused.
   */
  readonly itemMemos?: readonly ItemMemo[];
  /**
   * Told when a rule throws (a bug in Justera): the rule's findings are left out and the
   * other rules run on, so a broken rule never takes the editor or the CLI down.
   */
  readonly onRuleError?: (code: string, error: unknown) => void;
}

/** One rule's reports in an item, with offsets relative to the item's start, and the context they hold in. */
interface MemoSlot {
  readonly key: string;
  readonly reports: readonly Report[];
}

/** An item's kept reports, by rule code. */
export type ItemMemo = Map<string, MemoSlot>;

/**
 * Context keys by content, so that a key built again for the next version is the same
 * string as the one kept, and comparing them is immediate.
 */
const keys = new Map<string, string>();

function internKey(key: string): string {
  const known = keys.get(key);
  if (known !== undefined) return known;
  if (keys.size >= 256) keys.clear();
  keys.set(key, key);
  return key;
}

function moveReport(report: Report, delta: number): Report {
  const move = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  return {
    ...report,
    span: move(report.span),
    ...(report.fix ? { fix: { title: report.fix.title, edits: report.fix.edits.map((e) => ({ ...move(e), newText: e.newText })) } } : {}),
  };
}

function within(report: Report, span: Span): boolean {
  const inside = (s: Span) => s.start >= span.start && s.end <= span.end;
  return inside(report.span) && (report.fix?.edits ?? []).every(inside);
}

/**
 * Runs a rule that checks item by item, reusing an unchanged item's reports when its
 * memo has them for the same rule and context.
 */
function checkByItem(rule: Rule, context: RuleContext, itemMemos: readonly ItemMemo[]): void {
  rule.checkDocument?.(context);
  const extra = rule.itemContext?.(context);
  // Fixes write the document's line breaks, so they are part of every context.
  const key = extra === undefined ? undefined : internKey([context.profile, context.language, context.today, eolOf(context.doc.text), extra].join('\u0000'));
  const code = rule.meta.code;
  const items = context.doc.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const memo = key === undefined ? undefined : itemMemos[i];
    const base = item.span.start;
    const kept = memo?.get(code);
    if (kept && kept.key === key) {
      for (const r of kept.reports) context.report(moveReport(r, base));
      continue;
    }
    const reports: Report[] = [];
    rule.checkItem!({ ...context, report: (r) => reports.push(r) }, item);
    for (const r of reports) context.report(r);
    // Only reports that stay inside the item move with it; others are computed anew.
    if (memo) {
      if (reports.every((r) => within(r, item.span))) memo.set(code, { key: key!, reports: reports.map((r) => moveReport(r, -base)) });
      else memo.delete(code);
    }
  }
}

export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Runs every enabled rule over a parsed document. Never throws: a failing rule is skipped. */
export function lint(doc: MinutesDocument, options: LintOptions = {}): Finding[] {
  if (!doc.isMinutes) return [];
  const profile = doc.effectiveProfile;
  const language = doc.language;
  const today = options.today ?? todayIso();
  const findings: Finding[] = [];
  const pick = (l: Localized) => l[language];
  for (const rule of rules) {
    if (rule.meta.needsWorkspace && !options.workspace) continue;
    const configured = options.rules?.settings.get(rule.meta.code);
    const setting = configured ?? rule.meta.severity[profile];
    if (setting === 'off') continue;
    const context: RuleContext = {
      doc,
      profile,
      language,
      today,
      ...(options.workspace ? { workspace: options.workspace } : {}),
      ...(options.uri !== undefined ? { uri: options.uri } : {}),
      report(report) {
        const severity: Severity = configured && configured !== 'off' ? configured : (report.severity ?? setting);
        findings.push({
          code: rule.meta.code,
          alias: rule.meta.alias,
          severity,
          message: pick(report.message),
          span: report.span,
          ...(report.fix ? { fix: { title: pick(report.fix.title), edits: report.fix.edits } } : {}),
        });
      },
    };
    try {
      if (rule.checkItem && options.itemMemos?.length === doc.items.length) checkByItem(rule, context, options.itemMemos);
      else rule.check(context);
    } catch (e) {
      // A rule bug must not take the other rules (or the editor) down with it.
      try {
        options.onRuleError?.(rule.meta.code, e);
      } catch {
        // Nor a listener's.
      }
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return findings;
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) continue; // overlapping: skip rather than corrupt the text
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * Picks the fixes that can be applied together: whole fixes whose edits overlap no
 * edit already taken (an insertion at the same point counts as overlapping).
 */
export function compatibleEdits(findings: readonly Finding[]): TextEdit[] {
  return compatibleFixes(findings).flatMap((f) => f.fix!.edits);
}

/**
 * Like `compatibleEdits`, but returns the findings whose whole fix was taken (in order),
 * so callers can count what they fixed.
 */
export function compatibleFixes(findings: readonly Finding[]): Finding[] {
  const taken: TextEdit[] = [];
  const chosen: Finding[] = [];
  // Overlapping ranges, or two insertions at one point (their order would be arbitrary).
  const overlaps = (a: TextEdit, b: TextEdit) =>
    (a.start < b.end && b.start < a.end) || a.start === b.start || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end);
  for (const f of findings) {
    if (!f.fix || f.fix.edits.length === 0) continue;
    if (f.fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...f.fix.edits);
    chosen.push(f);
  }
  return chosen;
}

export interface FixTextResult {
  readonly text: string;
  /** Passes that changed the text. */
  readonly passes: number;
  /** Fixes applied over all passes. */
  readonly fixed: number;
}

/** Upper bound on lint → fix → re-parse rounds, so a rule whose fix never settles cannot loop. */
export const MAX_FIX_PASSES = 10;

/**
 * Lints, applies every compatible fix, re-parses and repeats until no fix is left
 * (at most `MAX_FIX_PASSES`). Shared by the CLI's `--fix`, the editor's fix-all and the tests.
 * A leading BOM (which the parser drops from `doc.text`) is kept.
 */
export function fixText(text: string, parse: (text: string) => MinutesDocument, options: LintOptions = {}): FixTextResult {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  let current = text;
  let passes = 0;
  let fixed = 0;
  for (let i = 0; i < MAX_FIX_PASSES; i++) {
    const doc = parse(current);
    const chosen = compatibleFixes(lint(doc, options));
    if (chosen.length === 0) {
      current = doc.text;
      break;
    }
    const next = applyEdits(doc.text, chosen.flatMap((f) => f.fix!.edits));
    current = next;
    if (next === doc.text) break;
    passes++;
    fixed += chosen.length;
  }
  const out = current.charCodeAt(0) === 0xfeff || !bom ? current : bom + current;
  return { text: out, passes, fixed };
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
