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
