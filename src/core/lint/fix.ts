// Fix: applying the text edits of findings. Picks the fixes that can be applied together,
// applies them, and repeats lint → fix → re-parse until nothing is left to fix (bounded),
// for the CLI's `--fix`, the editor's fix-all and the tests alike.
import type { MinutesDocument, TextEdit } from '../model';
import { lint, type LintOptions } from './run';
import type { Finding } from './types';

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
    for (const e of f.fix.edits) taken.push(e);
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
  /**
   * Rules whose fix did not settle: a pass applied it and the next found as many of its
   * findings again (a bug in Justera). That pass's edits of the rule were left out.
   */
  readonly unsettled: readonly string[];
}

/** Upper bound on lint → fix → re-parse rounds, so a rule whose fix never settles cannot loop. */
export const MAX_FIX_PASSES = 10;

/** Fixable findings by rule and message: a fix that worked leaves fewer of its kind. */
function countByKind(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) {
    if (!f.fix || f.fix.edits.length === 0) continue;
    const key = `${f.code}\u0000${f.message}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Lints, applies every compatible fix, re-parses and repeats until no fix is left
 * (at most `MAX_FIX_PASSES`). Shared by the CLI's `--fix`, the editor's fix-all and the tests.
 * Each pass must reduce the findings it fixed: a rule whose finding comes back as often
 * (same message) is taken out, its edits of that pass undone, and named in `unsettled`.
 * A leading BOM (which the parser drops from `doc.text`) is kept.
 */
export function fixText(text: string, parse: (text: string) => MinutesDocument, options: LintOptions = {}): FixTextResult {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const unsettled = new Set<string>();
  let doc = parse(text);
  let current = doc.text;
  let findings = lint(doc, options);
  let passes = 0;
  let fixed = 0;
  while (passes < MAX_FIX_PASSES) {
    const chosen = compatibleFixes(findings.filter((f) => !unsettled.has(f.code)));
    if (chosen.length === 0) break;
    const next = applyEdits(doc.text, chosen.flatMap((f) => f.fix!.edits));
    if (next === doc.text) break;
    const nextDoc = parse(next);
    const nextFindings = lint(nextDoc, options);
    const before = countByKind(findings);
    const after = countByKind(nextFindings);
    const kind = (f: Finding) => `${f.code}\u0000${f.message}`;
    const suspects = [...new Set(chosen.filter((f) => (after.get(kind(f)) ?? 0) >= (before.get(kind(f)) ?? 0)).map((f) => f.code))];
    // Another rule's fix may have added findings of this kind (a new action without a due
    // date): a suspect is stuck only if its own edits, applied alone, do not reduce them.
    const stuck = suspects.filter((code) => {
      const own = chosen.filter((f) => f.code === code);
      const alone = countByKind(lint(parse(applyEdits(doc.text, own.flatMap((f) => f.fix!.edits))), options));
      return own.some((f) => (alone.get(kind(f)) ?? 0) >= (before.get(kind(f)) ?? 0));
    });
    if (stuck.length > 0) {
      // Redo this pass without them.
      for (const code of stuck) unsettled.add(code);
      continue;
    }
    doc = nextDoc;
    findings = nextFindings;
    current = next;
    passes++;
    fixed += chosen.length;
  }
  if (passes === MAX_FIX_PASSES && compatibleFixes(findings.filter((f) => !unsettled.has(f.code))).length > 0) {
    for (const f of findings) if (f.fix && !unsettled.has(f.code)) unsettled.add(f.code);
  }
  const out = current.charCodeAt(0) === 0xfeff || !bom ? current : bom + current;
  return { text: out, passes, fixed, unsettled: [...unsettled].sort() };
}
