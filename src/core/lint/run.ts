// Run: every enabled rule over a parsed document, each rule isolated (one that throws is
// reported through `onRuleError` and skipped), findings in the document's language and
// the configured severity. Rules that check item by item have their findings kept per
// item (the memo) so an unchanged item is not checked again in the next version: while
// nothing they depend on changed, an item's findings are taken whole, without placing
// the item (after an edit, the model of an item that moved is built only when read).
import type { Item, MinutesDocument, Span } from '../model';
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
   * One per item of `doc.items`, in order: where its findings are kept between versions
   * (the incremental analyzer keeps one per section), where it starts now, and its
   * content. Without them nothing is reused.
   */
  readonly itemSlots?: readonly ItemSlot[];
  /**
   * Told when a rule throws (a bug in Justera): the rule's findings are left out and the
   * other rules run on, so a broken rule never takes the editor or the CLI down.
   */
  readonly onRuleError?: (code: string, error: unknown) => void;
}

/** What the engine knows of an item without placing it. */
export interface ItemSlot {
  readonly memo: ItemMemo;
  /** Where the item starts in this version (its `span.start`). */
  readonly start: number;
  /** The item as it was last placed: its content is this version's, its spans may be another's. */
  readonly content: Item;
}

/** One rule's reports in an item, with offsets relative to the item's start, and the context they hold in. */
interface MemoSlot {
  readonly key: string;
  readonly reports: readonly Report[];
}

/** Every item rule's findings in an item, placed at `base`, and the configuration they hold in. */
interface ItemFindings {
  readonly config: string;
  readonly base: number;
  readonly findings: readonly Finding[];
}

/** An item's kept reports, by rule code (and its findings of all rules under `ALL`). */
export type ItemMemo = Map<string, unknown>;

const ALL = ' all';

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

function moveFinding(f: Finding, delta: number): Finding {
  return {
    code: f.code,
    alias: f.alias,
    severity: f.severity,
    message: f.message,
    span: moveSpan(f.span, delta),
    ...(f.fix ? { fix: { title: f.fix.title, edits: f.fix.edits.map((e) => ({ ...moveSpan(e, delta), newText: e.newText })) } } : {}),
  };
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
  failed: boolean;
}

/** An item rule as this run has it: its context for items reports into `reports`. */
interface ItemRule {
  readonly active: Active;
  readonly key: string | undefined;
  readonly context: RuleContext;
  reports: Report[];
}

/** Runs every enabled rule over a parsed document. Never throws: a failing rule is skipped. */
export function lint(doc: MinutesDocument, options: LintOptions = {}): Finding[] {
  if (!doc.isMinutes) return [];
  const profile = doc.effectiveProfile;
  const language = doc.language;
  const today = options.today ?? todayIso();
  const findings: Finding[] = [];
  const pick = (l: Localized) => l[language];
  const items = doc.items;
  const slots = options.itemSlots?.length === items.length ? options.itemSlots : undefined;
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
  const itemStarts = () => (starts ??= slots ? slots.map((s) => s.start) : items.map((i) => i.span.start));
  // Fixes write the document's line breaks, so they are part of every context.
  const eol = eolOf(doc.text);
  const itemRules: ItemRule[] = [];

  for (const rule of rules) {
    if (rule.meta.needsWorkspace && !options.workspace) continue;
    const configured = options.rules?.settings.get(rule.meta.code);
    const setting = configured ?? rule.meta.severity[profile];
    if (setting === 'off') continue;
    const toFinding = (report: Report): Finding => {
      const severity: Severity = configured && configured !== 'off' ? configured : (report.severity ?? setting);
      return {
        code: rule.meta.code,
        alias: rule.meta.alias,
        severity,
        message: pick(report.message),
        span: report.span,
        ...(report.fix ? { fix: { title: pick(report.fix.title), edits: report.fix.edits } } : {}),
      };
    };
    const active: Active = { rule, configured, toFinding, failed: false };
    const context: RuleContext = {
      doc,
      profile,
      language,
      today,
      ...(options.workspace ? { workspace: options.workspace } : {}),
      ...(options.uri !== undefined ? { uri: options.uri } : {}),
      report(report) {
        findings.push(toFinding(report));
      },
    };
    try {
      if (rule.check) {
        rule.check(context);
        continue;
      }
      rule.checkDocument?.(context);
      if (rule.checkFacts && rule.itemFacts) {
        const facts = new Array<unknown>(items.length);
        for (let i = 0; i < items.length; i++) facts[i] = rule.itemFacts(slots ? slots[i]!.content : items[i]!);
        rule.checkFacts(context, facts, itemStarts());
      }
      if (!rule.checkItem) continue;
      const extra = rule.itemContext?.(context);
      const key = extra === undefined ? undefined : internKey([profile, language, today, eol, configured ?? '', extra].join('\u0000'));
      const itemRule: ItemRule = { active, key, context: { ...context, report: (r) => void itemRule.reports.push(r) }, reports: [] };
      itemRules.push(itemRule);
    } catch (e) {
      fail(active, e);
    }
  }

  if (itemRules.length > 0) {
    // What every item rule's findings depend on besides the item; undefined: some cannot be kept.
    const config = itemRules.every((r) => r.key !== undefined)
      ? internKey(itemRules.map((r) => `${r.active.rule.meta.code}\u0001${r.key}`).join('\u0002'))
      : undefined;
    for (let i = 0; i < items.length; i++) {
      const slot = slots?.[i];
      const memo = slot?.memo;
      if (memo && config !== undefined) {
        const kept = memo.get(ALL) as ItemFindings | undefined;
        if (kept && kept.config === config) {
          if (kept.base === slot!.start) {
            for (const f of kept.findings) findings.push(f);
          } else if (kept.findings.length === 0) {
            memo.set(ALL, { config, base: slot!.start, findings: kept.findings });
          } else {
            const moved = kept.findings.map((f) => moveFinding(f, slot!.start - kept.base));
            memo.set(ALL, { config, base: slot!.start, findings: moved });
            for (const f of moved) findings.push(f);
          }
          continue;
        }
      }
      const item = items[i]!;
      const base = item.span.start;
      const own: Finding[] = [];
      // Whether every rule's findings stay inside the item (so they move with it).
      let whole = true;
      for (const r of itemRules) {
        if (r.active.failed) {
          whole = false;
          continue;
        }
        const code = r.active.rule.meta.code;
        const kept = r.key === undefined ? undefined : (memo?.get(code) as MemoSlot | undefined);
        if (kept && kept.key === r.key) {
          for (const report of kept.reports) own.push(r.active.toFinding(moveReport(report, base)));
          continue;
        }
        const reports: Report[] = (r.reports = []);
        try {
          r.active.rule.checkItem!(r.context, item);
        } catch (e) {
          fail(r.active, e);
          whole = false;
          continue;
        }
        for (const report of reports) own.push(r.active.toFinding(report));
        // Only reports that stay inside the item move with it; others are computed anew.
        const inside = reports.every((report) => within(report, item.span));
        if (!inside) whole = false;
        if (memo && r.key !== undefined) {
          if (inside) memo.set(code, { key: r.key, reports: reports.map((report) => moveReport(report, -base)) });
          else memo.delete(code);
        }
      }
      if (memo) {
        if (config !== undefined && whole) memo.set(ALL, { config, base, findings: own });
        else memo.delete(ALL);
      }
      for (const f of own) findings.push(f);
    }
  }

  findings.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  // A section the parser could not read may hold anything: no fix may touch the document.
  if (doc.problems.some((p) => p.kind === 'unreadable-section')) return findings.map(({ fix: _, ...f }) => f);
  return findings;
}
