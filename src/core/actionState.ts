// Whether an action is still to be done, and where its due date puts it: one meaning for
// the decision tree, the workspace views, the CLI and the rules (a closed action is never
// overdue).
import { dueDateBucket, type DueDateBucket } from './dates';
import type { ActionStatus } from './model';

export type DueBucket = DueDateBucket | 'closed';

/** Open or in progress: still to be done. */
export function isOpenStatus(status: ActionStatus): boolean {
  return status === 'open' || status === 'in-progress';
}

/** The due-date bucket of an action relative to `today` (weeks run Monday to Sunday); `closed` when done or cancelled. */
export function dueBucket(action: { readonly status: ActionStatus; readonly due?: string | null | undefined }, today: string): DueBucket {
  return isOpenStatus(action.status) ? dueDateBucket(action.due ?? undefined, today) : 'closed';
}

/** An open action whose due date has passed. */
export function isOverdue(action: { readonly status: ActionStatus; readonly due?: string | null | undefined }, today: string): boolean {
  return dueBucket(action, today) === 'overdue';
}
