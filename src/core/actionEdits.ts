// Text edits that change one action in place: mark it done, set its due date. Computed
// on the parsed text so the tree's context actions and tests share one implementation.
import { FIELD_KEYS } from './keywords';
import type { Action, Field, Language } from './model';
import type { TextEdit } from './model';

function field(action: Action, key: string): Field | undefined {
  return action.fields.find((f) => f.key === key);
}

/**
 * Where a new inline field goes: after the action's last field, else after the last
 * non-blank character of the list item (multi-line items included).
 */
function insertionPoint(text: string, action: Action): number {
  const last = action.fields.reduce<Field | undefined>((a, f) => (!a || f.span.end > a.span.end ? f : a), undefined);
  if (last) return last.span.end;
  let end = action.span.end;
  while (end > action.boxSpan.end && /\s/.test(text[end - 1]!)) end--;
  return end;
}

function setField(text: string, action: Action, key: 'done' | 'due', value: string, language: Language): TextEdit {
  const existing = field(action, key);
  if (existing) return { start: existing.valueSpan.start, end: existing.valueSpan.end, newText: value };
  const at = insertionPoint(text, action);
  return { start: at, end: at, newText: ` [${FIELD_KEYS[key][language]}:: ${value}]` };
}

/** `[ ]` → `[x]` plus `[klar:: today]` / `[done:: today]` (an existing done field is updated). */
export function markDoneEdits(text: string, action: Action, today: string, language: Language): TextEdit[] {
  const edits: TextEdit[] = [];
  if (action.status !== 'done') edits.push({ start: action.boxSpan.start, end: action.boxSpan.end, newText: '[x]' });
  edits.push(setField(text, action, 'done', today, language));
  return edits;
}

/** Inserts `[senast:: date]` / `[due:: date]` or replaces the value of the existing one. */
export function setDueEdits(text: string, action: Action, date: string, language: Language): TextEdit[] {
  return [setField(text, action, 'due', date, language)];
}
