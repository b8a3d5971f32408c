// Run: every enabled rule over a parsed document, each rule isolated (one that throws is
// reported through `onRuleError` and skipped), findings in the document's language and
// the configured severity. Rules that check item by item have their findings kept per
// item (the memo) so an unchanged item is not checked again in the next version: while
// nothing they depend on changed, an item's findings are taken whole, without placing
// the item (after an edit, the model of an item that moved is built only when read).
// Rules that compare the document with other meetings ask questions as plain data
// (`lintLocal`), answered from the workspace index alone (`answerQuestions`): the CLI
// reads and checks files on worker threads and answers on the thread with the index.
import type { Item, MinutesDocument, Span } from '../model';
import { todayIso } from '../dates';
import { eolOf } from '../text';
import { sha256 } from '../sha256';
import type { WorkspaceView } from '../workspace/view';
import { rules } from './registry';
import type { ResolvedRules } from './resolve';
import type { AnswerContext, Finding, Question, Report, Rule, RuleContext, Severity } from './types';

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
   * One per item of `doc.items`, in order: where its findings are kept between versions
   * (the incremental analyzer keeps one per section), where it starts now, and its
   * content. Without them nothing is reused.
   */
  readonly itemSlots?: ItemSlots;
  /**
   * Told when a rule throws (a bug in Justera): the rule's findings are left out and the
   * other rules run on, so a broken rule never takes the editor or the CLI down.
   */
  readonly onRuleError?: (code: string, error: unknown) => void;
}

/** What the engine knows of each item (by index in `doc.items`) without placing it. */
export interface ItemSlots {
  readonly length: number;
  memo(i: number): ItemMemo;
  /** Where the item starts in this version (its `span.start`). */
  start(i: number): number;
  /** The item as it was last placed: its content is this version's, its spans may be another's. */
  content(i: number): Item;
  /**
   * Which items changed since the version `state` was last run on: items `[0, head)` are
   * as they were, then `fresh` new ones, then the old ones from `tail` on, each moved by
   * `delta`. With it only the new items are visited.
   */
  readonly edit?: ItemEdit;
  /** Kept by the caller from one run to the next (one per document). */
  readonly state?: ItemLintState;
}

export interface ItemEdit {
  readonly head: number;
  readonly fresh: number;
  readonly tail: number;
  readonly delta: number;
}

/** What one run found in the items, for the next run to carry over. */
export class ItemLintState {
  /** The item rules' configuration; undefined: nothing to carry over. */
  config: string | undefined;
  /** How many items the run saw. */
  count = 0;
  /** The items with findings (ascending), and their findings. */
  withFindings: number[] = [];
  findings: Finding[][] = [];
  /** Items checked on every run: some finding lies outside them, or a rule failed on them. */
  volatile: number[] = [];
  /** The facts of every item, by rule code, and where each item started (when a rule asked). */
  facts = new Map<string, unknown[]>();
  starts: number[] = [];
}

/** One rule's reports in an item, with offsets relative to the item's start, and the context they hold in. */
interface MemoSlot {
  readonly key: string;
  readonly reports: readonly Report[];
  readonly questions: readonly Question[];
}

/**
 * What item rules leave in an item: findings, and questions for the workspace (`asked`),
 * kept and moved together.
 */
type ItemOutput = Finding & { readonly asked?: { readonly data: unknown } };

/** Every item rule's findings in an item, placed at `base`, and the configuration they hold in. */
interface ItemFindings {
  readonly config: string;
  readonly base: number;
  readonly findings: readonly ItemOutput[];
}

/** An item's kept reports, by rule code (and its findings of all rules under `ALL`); a key alone: none. */
export type ItemMemo = Map<string, unknown>;

const ALL = ' all';

/**
 * Context keys by content, long ones as a digest: a key built again for the next version
 * is the same short string as the one kept, and comparing them is immediate. Short because
 * every item keeps one per rule, and a worker's analysis sends them to the editor's thread
 * by copy: keys that held the attendance list made that copy grow with items × attendees
 * (gigabytes, and a crashed extension host, for a file of many meetings).
 */
const keys = new Map<string, string>();
/** Keys up to this length are kept as they are; longer ones as 128 bits of their SHA-256. */
const SHORT_KEY = 64;

function internKey(key: string): string {
  const known = keys.get(key);
  if (known !== undefined) return known;
  if (keys.size >= 256) keys.clear();
  // Short keys stay as they are (a separator in each, so no digest equals one): most
  // rules' keys are short, and a lint run over many files would hash them all for nothing.
  const digest = key.length <= SHORT_KEY ? key : sha256(key).slice(0, 32);
  keys.set(key, digest);
  return digest;
}

function moveSpan(s: Span, d: number): Span {
  return { start: s.start + d, end: s.end + d };
}

function moveReport(report: Report, delta: number): Report {
  return {
    ...report,
    span: moveSpan(report.span, delta),
    ...(report.fix ? { fix: { title: report.fix.title, edits: report.fix.edits.map((e) => ({ ...moveSpan(e, delta), newText: e.newText })) } } : {}),
  };
}

function moveFinding(f: ItemOutput, delta: number): ItemOutput {
  return {
    code: f.code,
    alias: f.alias,
    severity: f.severity,
    message: f.message,
    span: moveSpan(f.span, delta),
    ...(f.fix ? { fix: { title: f.fix.title, edits: f.fix.edits.map((e) => ({ ...moveSpan(e, delta), newText: e.newText })) } } : {}),
    ...(f.asked ? { asked: f.asked } : {}),
  };
}

function moveQuestion(q: Question, delta: number): Question {
  return { span: moveSpan(q.span, delta), data: q.data };
}

function within(report: Report, span: Span): boolean {
  const inside = (s: Span) => s.start >= span.start && s.end <= span.end;
  return inside(report.span) && (report.fix?.edits ?? []).every(inside);
}

/** Runs one rule over the whole document: its `check`, else `checkDocument`, `checkFacts` and `checkItem` over every item. */
export function checkRule(rule: Rule, context: RuleContext): void {
  if (rule.check) {
    rule.check(context);
    return;
  }
  rule.checkDocument?.(context);
  const items = context.doc.items;
  if (rule.checkFacts && rule.itemFacts) rule.checkFacts(context, items.map((i) => rule.itemFacts!(i)), items.map((i) => i.span.start));
  if (rule.checkItem) for (const item of items) rule.checkItem(context, item);
}

/** A rule as this run has it. */
interface Active {
  readonly rule: Rule;
  /** The severity configured for the rule, if any. */
  readonly configured: string | undefined;
  readonly toFinding: (report: Report) => Finding;
  readonly toAsked: (question: Question) => ItemOutput;
  failed: boolean;
}

/** An item rule as this run has it: its context for items reports into `reports`. */
interface ItemRule {
  readonly active: Active;
  readonly key: string | undefined;
  readonly context: RuleContext;
  reports: Report[];
  questions: Question[];
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

/**
 * Every enabled rule over a parsed document, without the workspace: findings (unsorted),
 * and the questions of workspace rules as plain data. Never throws: a failing rule is skipped.
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
  const items = doc.items;
  // Read once: `doc.items` may place its elements on read, and so pays for each read.
  const count = items.length;
  const slots = options.itemSlots?.length === count ? options.itemSlots : undefined;
  const state = slots?.state;
  // The edit holds only from the state's run on.
  const edit = slots?.edit && state && state.count === slots.edit.tail + (count - slots.edit.head - slots.edit.fresh) ? slots.edit : undefined;
  const fail = (active: Active, e: unknown) => {
    active.failed = true;
    // A rule bug must not take the other rules (or the editor) down with it.
    try {
      options.onRuleError?.(active.rule.meta.code, e);
    } catch {
      // Nor a listener's.
    }
  };
  let starts: number[] | undefined;
  const itemStarts = (): number[] => {
    if (starts) return starts;
    const startOf = (i: number) => (slots ? slots.start(i) : items[i]!.span.start);
    if (edit && state!.starts.length === state!.count) {
      starts = spliceList(state!.starts, edit, startOf);
      for (let i = edit.head + edit.fresh; i < count; i++) starts[i]! += edit.delta;
    } else {
      starts = new Array<number>(count);
      for (let i = 0; i < count; i++) starts[i] = startOf(i);
    }
    return starts;
  };
  // Fixes write the document's line breaks, so they are part of every context.
  const eol = eolOf(doc.text);
  const itemRules: ItemRule[] = [];
  const facts = new Map<string, unknown[]>();

  for (const rule of rules) {
    if (rule.meta.needsWorkspace && !options.workspace && !options.answerLater) continue;
    const s = settingOf(rule, profile, options);
    if (!s) continue;
    const toFinding = (report: Report): Finding => findingOf(rule, s, language, report, report.span);
    const code = rule.meta.code;
    const toAsked = (q: Question): ItemOutput => ({ code, alias: rule.meta.alias, severity: 'info', message: '', span: q.span, asked: { data: q.data } });
    const active: Active = { rule, configured: s.configured, toFinding, toAsked, failed: false };
    const context: RuleContext = {
      doc,
      profile,
      language,
      today,
      ...(options.uri !== undefined ? { uri: options.uri } : {}),
      report(report) {
        findings.push(toFinding(report));
      },
      ask(q) {
        questions.push({ code, span: q.span, data: q.data });
      },
    };
    try {
      if (rule.check) {
        rule.check(context);
        continue;
      }
      rule.checkDocument?.(context);
      if (rule.checkFacts && rule.itemFacts) {
        const factOf = (i: number) => rule.itemFacts!(slots ? slots.content(i) : items[i]!);
        const before = edit && state!.facts.get(code);
        const list = before
          ? spliceList(before, edit!, factOf)
          : Array.from({ length: count }, (_, i) => factOf(i));
        facts.set(code, list);
        rule.checkFacts(context, list, itemStarts());
      }
      if (!rule.checkItem) continue;
      const extra = rule.itemContext?.(context);
      const key = extra === undefined ? undefined : internKey([profile, language, today, eol, s.configured ?? '', extra].join('\u0000'));
      const itemRule: ItemRule = {
        active,
        key,
        context: { ...context, report: (r) => void itemRule.reports.push(r), ask: (q) => void itemRule.questions.push(q) },
        reports: [],
        questions: [],
      };
      itemRules.push(itemRule);
    } catch (e) {
      fail(active, e);
    }
  }

  // What every item rule's findings depend on besides the item; undefined: some cannot be kept.
  const config = itemRules.length === 0 ? '' : itemRules.every((r) => r.key !== undefined)
    ? internKey(itemRules.map((r) => `${r.active.rule.meta.code}\u0001${r.key}`).join('\u0002'))
    : undefined;

  /** One item's findings of every item rule, and whether they all stay inside it. */
  const checkOne = (i: number): { own: ItemOutput[]; whole: boolean } => {
    const memo = slots?.memo(i);
    if (memo && config !== undefined) {
      const kept = memo.get(ALL) as ItemFindings | string | undefined;
      if (kept === config) return { own: [], whole: true };
      if (kept && typeof kept !== 'string' && kept.config === config) {
        const start = slots!.start(i);
        if (kept.base === start || kept.findings.length === 0) return { own: kept.findings as Finding[], whole: true };
        const moved = kept.findings.map((f) => moveFinding(f, start - kept.base));
        memo.set(ALL, { config, base: start, findings: moved });
        return { own: moved, whole: true };
      }
    }
    const item = items[i]!;
    const base = item.span.start;
    const own: ItemOutput[] = [];
    // Whether every rule's findings stay inside the item (so they move with it).
    let whole = true;
    for (const r of itemRules) {
      if (r.active.failed) {
        whole = false;
        continue;
      }
      const code = r.active.rule.meta.code;
      const kept = r.key === undefined ? undefined : (memo?.get(code) as MemoSlot | string | undefined);
      // An item without reports keeps only the key (most items, most rules: memory counts at 10 MB).
      if (kept !== undefined && kept === r.key) continue;
      if (kept && typeof kept !== 'string' && kept.key === r.key) {
        for (const report of kept.reports) own.push(r.active.toFinding(moveReport(report, base)));
        for (const q of kept.questions) own.push(r.active.toAsked(moveQuestion(q, base)));
        continue;
      }
      const reports: Report[] = (r.reports = []);
      const asked: Question[] = (r.questions = []);
      try {
        r.active.rule.checkItem!(r.context, item);
      } catch (e) {
        fail(r.active, e);
        whole = false;
        continue;
      }
      for (const report of reports) own.push(r.active.toFinding(report));
      for (const q of asked) own.push(r.active.toAsked(q));
      // Only reports that stay inside the item move with it; others are computed anew.
      const inside = reports.every((report) => within(report, item.span)) && asked.every((q) => q.span.start >= item.span.start && q.span.end <= item.span.end);
      if (!inside) whole = false;
      if (memo && r.key !== undefined) {
        if (!inside) memo.delete(code);
        else if (reports.length === 0 && asked.length === 0) memo.set(code, r.key);
        else memo.set(code, { key: r.key, reports: reports.map((report) => moveReport(report, -base)), questions: asked.map((q) => moveQuestion(q, -base)) });
      }
    }
    if (memo) {
      if (config !== undefined && whole) memo.set(ALL, own.length === 0 ? config : { config, base, findings: own });
      else memo.delete(ALL);
    }
    return { own, whole };
  };

  const withFindings: number[] = [];
  const found: ItemOutput[][] = [];
  const volatile: number[] = [];
  const record = (i: number, r: { own: ItemOutput[]; whole: boolean }) => {
    if (r.own.length > 0) {
      withFindings.push(i);
      found.push(r.own);
    }
    if (!r.whole) volatile.push(i);
  };
  if (itemRules.length > 0 && edit && state!.config !== undefined && state!.config === config) {
    // Carried over: the items before the edit as they were, those after it moved. Visited:
    // the new items, and those whose findings are never carried over.
    const shift = edit.head + edit.fresh - edit.tail;
    const toCheck = new Set<number>();
    for (let i = edit.head; i < edit.head + edit.fresh; i++) toCheck.add(i);
    for (const v of state!.volatile) {
      if (v < edit.head) toCheck.add(v);
      else if (v >= edit.tail) toCheck.add(v + shift);
    }
    const carried: { i: number; own: ItemOutput[] }[] = [];
    state!.withFindings.forEach((old, k) => {
      const i = old < edit.head ? old : old >= edit.tail ? old + shift : -1;
      if (i < 0 || toCheck.has(i)) return;
      const own = state!.findings[k]!;
      carried.push({ i, own: old >= edit.tail && edit.delta !== 0 ? own.map((f) => moveFinding(f, edit.delta)) : own });
    });
    const checked = [...toCheck].sort((x, y) => x - y).map((i) => ({ i, r: checkOne(i) }));
    // Both lists ascend: merged in item order.
    let c = 0;
    for (const { i, r } of checked) {
      while (c < carried.length && carried[c]!.i < i) record(carried[c]!.i, { own: carried[c++]!.own, whole: true });
      record(i, r);
    }
    while (c < carried.length) record(carried[c]!.i, { own: carried[c++]!.own, whole: true });
  } else if (itemRules.length > 0) {
    for (let i = 0; i < count; i++) record(i, checkOne(i));
  }
  for (const own of found) {
    for (const f of own) {
      if (f.asked) questions.push({ code: f.code, span: f.span, data: f.asked.data });
      else findings.push(f);
    }
  }
  if (state) {
    state.config = itemRules.length > 0 ? config : undefined;
    state.count = count;
    state.starts = starts ?? [];
    state.withFindings = withFindings;
    state.findings = found;
    state.volatile = volatile;
    state.facts = facts;
  }

  return { findings, questions, scope: { profile, language, today, fixes } };
}

type Setting = { readonly configured: Severity | undefined; readonly setting: Severity };

/** The rule's configured severity and its default for the profile; undefined when it is off. */
function settingOf(rule: Rule, profile: AnswerContext['profile'], options: Pick<LintOptions, 'rules'>): Setting | undefined {
  const configured = options.rules?.settings.get(rule.meta.code);
  const setting = configured ?? rule.meta.severity[profile];
  if (setting === 'off') return undefined;
  return { configured: configured === 'off' ? undefined : configured, setting };
}

/** A rule's report as a finding: a configured severity wins over the report's own, in the document's language. */
function findingOf(rule: Rule, s: Setting, language: AnswerContext['language'], report: Omit<Report, 'span'>, span: Span): Finding {
  return {
    code: rule.meta.code,
    alias: rule.meta.alias,
    severity: s.configured ?? report.severity ?? s.setting,
    message: report.message[language],
    // Only the two offsets: a rule may report an object of its own that has more (MIN034's
    // count lines carry their vote word), which a moved finding would not keep.
    span: { start: span.start, end: span.end },
    ...(report.fix ? { fix: { title: report.fix.title[language], edits: report.fix.edits } } : {}),
  };
}

/**
 * The findings of the questions a document's workspace rules asked, from the workspace
 * index alone (unsorted: `sortFindings` puts them among the others).
 */
export function answerQuestions(local: LocalLint, options: Pick<LintOptions, 'rules' | 'workspace' | 'uri' | 'onRuleError'> = {}): Finding[] {
  const out: Finding[] = [];
  answerEach(local, options, (f) => out.push(f));
  return out;
}

/** `answerQuestions`, telling each finding with the question it answers (the CLI places it by the question's line). */
export function answerEach<Q extends AskedQuestion>(
  local: { readonly questions: readonly Q[]; readonly scope: LocalLint['scope'] },
  options: Pick<LintOptions, 'rules' | 'workspace' | 'uri' | 'onRuleError'>,
  found: (finding: Finding, question: Q) => void,
): void {
  const { profile, language, today, fixes } = local.scope;
  let rule: Rule | undefined;
  let s: Setting | undefined;
  for (const q of local.questions) {
    if (rule?.meta.code !== q.code) {
      rule = rules.find((r) => r.meta.code === q.code);
      s = rule ? settingOf(rule, profile, options) : undefined;
    }
    if (!rule?.answer || !s || (rule.meta.needsWorkspace && !options.workspace)) continue;
    const r = rule;
    const context: AnswerContext = {
      profile,
      language,
      today,
      ...(options.workspace ? { workspace: options.workspace } : {}),
      ...(options.uri !== undefined ? { uri: options.uri } : {}),
      report: (report) => {
        const f = findingOf(r, s!, language, report, q.span);
        found(fixes ? f : withoutFix(f), q);
      },
    };
    try {
      r.answer!(q, context);
    } catch (e) {
      try {
        options.onRuleError?.(r.meta.code, e);
      } catch {
        // A listener's bug must not take the rules down either.
      }
    }
  }
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

/** A list by item after an edit: the old values before and after it, new ones made for the new items. */
function spliceList<T>(before: readonly T[], edit: ItemEdit, make: (i: number) => T): T[] {
  // One array of the final length, not two slices, a list and their concatenation per keystroke.
  const kept = before.length - edit.tail;
  const out = new Array<T>(edit.head + edit.fresh + kept);
  for (let i = 0; i < edit.head; i++) out[i] = before[i]!;
  for (let i = 0; i < edit.fresh; i++) out[edit.head + i] = make(edit.head + i);
  for (let i = 0; i < kept; i++) out[edit.head + edit.fresh + i] = before[edit.tail + i]!;
  return out;
}
