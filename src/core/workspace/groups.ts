// Grouping of workspace actions for the "Open actions" view: by owner, by due date
// (overdue, this week, later, no date) or by body. Pure; the view localizes the labels.
import { dueBucket, type DueBucket } from '../actionState';
import { nameKey } from '../people';
import type { IndexedAction } from './index';

export type ActionGrouping = 'owner' | 'due' | 'body';
export { dueBucket, type DueBucket };

export interface ActionGroup {
  /** Stable id: `owner:anna berg`, `due:overdue`, `body:ledningsgruppen`. */
  readonly id: string;
  /** An owner or body name as written; for due groups the bucket. */
  readonly label: string;
  readonly bucket?: DueBucket;
  /** Set for the group of actions without an owner / body. */
  readonly none?: boolean;
  readonly actions: readonly IndexedAction[];
}

export const DUE_BUCKETS: readonly DueBucket[] = ['overdue', 'this-week', 'later', 'no-date', 'closed'];

const byDue = (a: IndexedAction, b: IndexedAction) =>
  (a.due ?? '9999').localeCompare(b.due ?? '9999') || (b.date ?? '').localeCompare(a.date ?? '') || a.line - b.line;

export function groupActions(actions: readonly IndexedAction[], grouping: ActionGrouping, today: string): ActionGroup[] {
  if (grouping === 'due') {
    return DUE_BUCKETS.map((bucket) => ({
      id: `due:${bucket}`,
      label: bucket,
      bucket,
      actions: actions.filter((a) => dueBucket(a, today) === bucket).sort(byDue),
    })).filter((g) => g.actions.length > 0);
  }
  const groups = new Map<string, { label: string; actions: IndexedAction[] }>();
  const add = (key: string, label: string, a: IndexedAction) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { label, actions: [] }));
    g.actions.push(a);
  };
  for (const a of actions) {
    if (grouping === 'owner') {
      if (a.owners.length === 0) add('', '', a);
      // A name written twice in one action (`Anna Berg, anna berg`) puts it in the group once.
      const keys = a.owners.map(nameKey);
      keys.forEach((key, i) => keys.indexOf(key) === i && add(key, a.owners[i]!, a));
    } else {
      const body = a.body?.trim() ?? '';
      add(body.toLowerCase(), body, a);
    }
  }
  return [...groups.entries()]
    .sort(([ka, a], [kb, b]) => (ka === '' ? 1 : kb === '' ? -1 : a.label.localeCompare(b.label, 'sv')))
    .map(([key, g]) => ({ id: `${grouping}:${key}`, label: g.label, ...(key === '' ? { none: true } : {}), actions: g.actions.sort(byDue) }));
}
