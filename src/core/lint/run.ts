// Run: every enabled rule over a parsed document, each rule isolated (one that throws is
// reported through `onRuleError` and skipped), findings in the document's language and
// the configured severity. Rules that check item by item have their findings kept per
// item (the memo) so an unchanged item is not checked again in the next version.
import type { MinutesDocument, Span } from '../model';
import { todayIso } from '../dates';
import { eolOf } from '../text';
import type { WorkspaceView } from '../workspace/view';
import { rules } from './registry';
import type { ResolvedRules } from './resolve';
import type { Finding, Localized, Report, Rule, RuleContext, Severity } from './types';

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

/** Runs one rule over the whole document: its `check`, else `checkDocument` and `checkItem` over every item. */
export function checkRule(rule: Rule, context: RuleContext): void {
  if (rule.check) {
    rule.check(context);
    return;
  }
  rule.checkDocument?.(context);
  if (rule.checkItem) for (const item of context.doc.items) rule.checkItem(context, item);
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
      else checkRule(rule, context);
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
  // A section the parser could not read may hold anything: no fix may touch the document.
  if (doc.problems.some((p) => p.kind === 'unreadable-section')) return findings.map(({ fix: _, ...f }) => f);
  return findings;
}
