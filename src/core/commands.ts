// What the editor's commands do, as plain functions over a parsed document: the vscode
// adapter (vscode/commands.ts) only asks the user, shows messages in the user's language
// and applies the edits, so the behaviour is tested with plain mocha.
import { isIsoDate } from './dates';
import { PROFILE_WORDS } from './keywords';
import { justeringBlock, justeringInsertOffset, sectionInsertion } from './lint/blocks';
import { compatibleEdits } from './lint/fix';
import { RULE_CODES, resolveRules } from './lint/resolve';
import { lint, type LintOptions } from './lint/run';
import type { Decision, Item, Language, MinutesDocument, Span, TextEdit } from './model';
import { newMinutesTemplate, type TemplateProfile } from './templates';

export interface NewMinutesArgs {
  /** `protokoll`, `minnesanteckningar`, `minutes` or `notes` (the word implies the language). */
  readonly profile?: string;
  readonly language?: Language;
  /** ISO date; today by default. */
  readonly date?: string;
  readonly body?: string;
}

export type NewMinutesResult =
  | { readonly ok: true; readonly content: string; readonly language: Language }
  | { readonly ok: false; readonly error: 'unknown-profile' | 'invalid-date'; readonly value: string };

/** The text of new minutes from a profile word and a date; a bad word or date is an error, never a guess. */
export function newMinutes(word: string, args: NewMinutesArgs, today: string): NewMinutesResult {
  const key = word.trim().toLowerCase();
  const implied = PROFILE_WORDS[key];
  if (!implied) return { ok: false, error: 'unknown-profile', value: key };
  const date = (args.date ?? today).trim();
  if (!isIsoDate(date)) return { ok: false, error: 'invalid-date', value: date };
  const language: Language = args.language === 'sv' || args.language === 'en' ? args.language : implied.language;
  const content = newMinutesTemplate({ profile: implied.profile as TemplateProfile, language, date, ...(args.body ? { body: args.body } : {}) });
  return { ok: true, content, language };
}

/**
 * The edits of every fix one rule offers, with the rule run even when configured off (the
 * user asked for it by name), and how many findings they fix.
 */
export function ruleFixEdits(doc: MinutesDocument, code: string, options: LintOptions): { edits: TextEdit[]; fixed: number } {
  const only = resolveRules(Object.fromEntries(RULE_CODES.map((c) => [c, c === code ? 'warning' : 'off'])));
  const findings = lint(doc, { ...options, rules: only }).filter((f) => f.code === code && f.fix);
  const edits = compatibleEdits(findings);
  // Findings may share one fix (MIN021 renumbers every item at once): each counts as fixed.
  return { edits, fixed: edits.length === 0 ? 0 : findings.length };
}

export type InsertJusteringResult =
  | { readonly inserted: false; readonly existing: Span }
  | { readonly inserted: true; readonly edit: TextEdit; readonly cursor: number };

/** The justering section to insert (and where the cursor goes: its heading), or the one already there. */
export function insertJustering(doc: MinutesDocument): InsertJusteringResult {
  if (doc.justering) return { inserted: false, existing: doc.justering.heading.span };
  const edit = sectionInsertion(doc, justeringBlock(doc), justeringInsertOffset(doc));
  return { inserted: true, edit, cursor: edit.start + edit.newText.indexOf('#') };
}

export interface DecisionEntry {
  readonly item: Item;
  readonly decision: Decision;
  /** `§8.1 — text` as the picker lists it. */
  readonly label: string;
}

/** Every decision of the document, in order, labelled for a picker. */
export function decisionEntries(doc: MinutesDocument): DecisionEntry[] {
  return doc.items.flatMap((item) => item.decisions.map((decision) => ({ item, decision, label: `${decision.id} — ${shorten(decision.text || decision.title)}` })));
}

export function shorten(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
