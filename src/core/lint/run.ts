// Run: every enabled rule over a parsed document, each rule isolated (one that throws is
// reported through `onRuleError` and skipped), findings in the document's language and
// the configured severity. Rules that check item by item have their findings kept per
// item (the memo) so an unchanged item is not checked again in the next version.
// Rules that compare the document with other meetings ask questions as plain data
// (`lintLocal`), answered from the workspace index alone (`answerQuestions`): the CLI
// reads and checks files on worker threads and answers on the thread with the index.
import type { MinutesDocument, Span } from '../model';
import { todayIso } from '../dates';
import { eolOf } from '../text';
import type { WorkspaceView } from '../workspace/view';
import { rules } from './registry';
import type { ResolvedRules } from './resolve';
import type { AnswerContext, Finding, Localized, Question, Report, Rule, RuleContext, Severity } from './types';

export interface LintOptions {
  readonly rules?: ResolvedRules;
  /** ISO date for "today"; defaults to the local date. */
  readonly today?: string;
  /** The workspace index: rules with `needsWorkspace` run only when it is given. */
  readonly workspace?: WorkspaceView;
  /**
   * `lintLocal` only: the questions will be answered with a workspace later (so rules
   * with `needsWorkspace` ask theirs although no workspace is given now).
   */
  readonly answerLater?: boolean;
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
  readonly questions: readonly Question[];
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

function moveQuestion(q: Question, delta: number): Question {
  return { span: { start: q.span.start + delta, end: q.span.end + delta }, data: q.data };
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
      for (const q of kept.questions) context.ask(moveQuestion(q, base));
      continue;
    }
    const reports: Report[] = [];
    const questions: Question[] = [];
    rule.checkItem!({ ...context, report: (r) => reports.push(r), ask: (q) => questions.push(q) }, item);
    for (const r of reports) context.report(r);
    for (const q of questions) context.ask(q);
    // Only reports that stay inside the item move with it; others are computed anew.
    if (memo) {
      const inside = reports.every((r) => within(r, item.span)) && questions.every((q) => q.span.start >= item.span.start && q.span.end <= item.span.end);
      if (inside) memo.set(code, { key: key!, reports: reports.map((r) => moveReport(r, -base)), questions: questions.map((q) => moveQuestion(q, -base)) });
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

/** A question a rule asked, kept with the rule's code until it is answered. */
export interface AskedQuestion extends Question {
  readonly code: string;
}

/** A document checked without its workspace: its findings so far and the questions for the workspace. */
export interface LocalLint {
  readonly findings: Finding[];
  readonly questions: AskedQuestion[];
  /** What answering needs of the document (which is not needed itself). */
  readonly scope: { readonly profile: AnswerContext['profile']; readonly language: AnswerContext['language']; readonly today: string; readonly fixes: boolean };
}

type Setting = { readonly configured: Severity | undefined; readonly setting: Severity };

/** The rule's configured severity and its default for the profile; undefined when it is off. */
function settingOf(rule: Rule, profile: AnswerContext['profile'], options: LintOptions): Setting | undefined {
  const configured = options.rules?.settings.get(rule.meta.code);
  const setting = configured ?? rule.meta.severity[profile];
  if (setting === 'off') return undefined;
  return { configured: configured === 'off' ? undefined : configured, setting };
}

function findingOf(rule: Rule, s: Setting, report: Report, language: AnswerContext['language']): Finding {
  const pick = (l: Localized) => l[language];
  return {
    code: rule.meta.code,
    alias: rule.meta.alias,
    severity: s.configured ?? report.severity ?? s.setting,
    message: pick(report.message),
    span: report.span,
    ...(report.fix ? { fix: { title: pick(report.fix.title), edits: report.fix.edits } } : {}),
  };
}

function tellRuleError(options: Pick<LintOptions, 'onRuleError'>, code: string, e: unknown): void {
  try {
    options.onRuleError?.(code, e);
  } catch {
    // A listener's bug must not take the rules down either.
  }
}

/**
 * Every enabled rule over a parsed document, without the workspace: findings, and the
 * questions of workspace rules as plain data. Never throws: a failing rule is skipped.
 */
export function lintLocal(doc: MinutesDocument, options: LintOptions = {}): LocalLint {
  const profile = doc.effectiveProfile;
  const language = doc.language;
  const today = options.today ?? todayIso();
  // A section the parser could not read may hold anything: no fix may touch the document.
  const fixes = !doc.problems.some((p) => p.kind === 'unreadable-section');
  const findings: Finding[] = [];
  const questions: AskedQuestion[] = [];
  if (!doc.isMinutes) return { findings, questions, scope: { profile, language, today, fixes } };
  for (const rule of rules) {
    if (rule.meta.needsWorkspace && !options.workspace && !options.answerLater) continue;
    const s = settingOf(rule, profile, options);
    if (!s) continue;
    const code = rule.meta.code;
    const context: RuleContext = {
      doc,
      profile,
      language,
      today,
      ...(options.uri !== undefined ? { uri: options.uri } : {}),
      report: (report) => void findings.push(findingOf(rule, s, report, language)),
      ask: (q) => void questions.push({ code, span: q.span, data: q.data }),
    };
    try {
      if (rule.checkItem && options.itemMemos?.length === doc.items.length) checkByItem(rule, context, options.itemMemos);
      else checkRule(rule, context);
    } catch (e) {
      // A rule bug must not take the other rules (or the editor) down with it.
      tellRuleError(options, code, e);
    }
  }
  return { findings, questions, scope: { profile, language, today, fixes } };
}

/**
 * The findings of the questions a document's workspace rules asked, from the workspace
 * index alone (unsorted: `sortFindings` puts them among the others).
 */
export function answerQuestions(local: LocalLint, options: Pick<LintOptions, 'rules' | 'workspace' | 'uri' | 'onRuleError'> = {}): Finding[] {
  const { profile, language, today, fixes } = local.scope;
  const out: Finding[] = [];
  let rule: Rule | undefined;
  let s: Setting | undefined;
  for (const q of local.questions) {
    if (rule?.meta.code !== q.code) {
      rule = rules.find((r) => r.meta.code === q.code);
      s = rule ? settingOf(rule, profile, options) : undefined;
    }
    if (!rule?.answer || !s || (rule.meta.needsWorkspace && !options.workspace)) continue;
    const r = rule;
    const setting = s;
    const context: AnswerContext = {
      profile,
      language,
      today,
      ...(options.workspace ? { workspace: options.workspace } : {}),
      ...(options.uri !== undefined ? { uri: options.uri } : {}),
      report: (report) => {
        const f = findingOf(r, setting, { ...report, span: q.span }, language);
        out.push(fixes ? f : withoutFix(f));
      },
    };
    try {
      r.answer!(q, context);
    } catch (e) {
      tellRuleError(options, r.meta.code, e);
    }
  }
  return out;
}

function withoutFix(f: Finding): Finding {
  if (!f.fix) return f;
  const { fix: _, ...rest } = f;
  return rest;
}

/** Document order; at one place, by rule code (stable otherwise). */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
}

/** Runs every enabled rule over a parsed document, answering workspace questions at once. Never throws: a failing rule is skipped. */
export function lint(doc: MinutesDocument, options: LintOptions = {}): Finding[] {
  if (!doc.isMinutes) return [];
  const local = lintLocal(doc, options);
  const findings = local.scope.fixes ? local.findings : local.findings.map(withoutFix);
  return sortFindings([...findings, ...answerQuestions(local, options)]);
}
