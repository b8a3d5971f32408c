// `justera actions`: actions across every meeting under the given paths (the workspace
// index), for reports and CI: `--open` only those still open, `--owner NAME`.
import { isOverdue } from '../core/actionState';
import { isIsoDate } from '../core/dates';
import { terminalText } from '../core/text';
import type { ActionStatus } from '../core/model';
import type { IndexedAction } from '../core/workspace/index';
import { formatOrigin } from '../core/workspace/carry';
import type { Project } from '../core/project';
import { CliError, nodeProject } from './io';
import type { CommonOptions, Io } from './options';
import { csvLine, indexPaths } from './workspace';

const BOX: Record<ActionStatus, string> = { open: '[ ]', 'in-progress': '[/]', done: '[x]', cancelled: '[-]' };

export interface JsonAction {
  readonly file: string;
  readonly line: number;
  readonly body: string | null;
  readonly date: string | null;
  readonly item: number | null;
  readonly itemTitle: string;
  readonly text: string;
  readonly owners: readonly string[];
  readonly due: string | null;
  readonly status: ActionStatus;
  /** The `från` reference (or the meeting and item the action stands in). */
  readonly origin: string | null;
  readonly overdue: boolean;
}

export async function actionsCommand(options: CommonOptions, io: Io, project: Project = nodeProject()): Promise<number> {
  const today = typeof options.flags.today === 'string' ? options.flags.today : project.today();
  if (!isIsoDate(today)) throw new CliError(`--today must be a date like 2024-05-31, got "${today}"`);
  const owner = typeof options.flags.owner === 'string' ? options.flags.owner : undefined;
  if (owner !== undefined && owner.trim() === '') throw new CliError('--owner needs a name');
  const index = await indexPaths(options.files, project, io, options);
  const filter = owner ? { owner } : {};
  const found = options.flags.open ? index.openActions(filter) : index.actions(filter);
  const rows = found.map((a) => toJson(a, today));
  if (options.format === 'json') io.out(`${JSON.stringify({ actions: rows }, null, 2)}\n`);
  else if (options.format === 'csv') {
    io.out(csvLine(['file', 'line', 'body', 'date', 'item', 'item_title', 'status', 'text', 'owners', 'due', 'origin', 'overdue']));
    for (const r of rows) {
      io.out(csvLine([r.file, r.line, r.body, r.date, r.item, r.itemTitle, r.status, r.text, r.owners.join('; '), r.due, r.origin, r.overdue ? 'yes' : 'no']));
    }
  } else {
    for (const r of rows) {
      const who = r.owners.length ? r.owners.join(', ') : '(no owner)';
      const due = r.due ? `due ${r.due}${r.overdue ? ' (overdue)' : ''}` : 'no due date';
      const where = [r.body, r.date, r.item === null ? '' : `§${r.item}`].filter(Boolean).join(' ');
      io.out(`${terminalText(`${r.file}:${r.line} ${BOX[r.status]} ${r.text} — ${who}, ${due}${where ? ` [${where}]` : ''}`)}\n`);
    }
    io.err(`${rows.length} action${rows.length === 1 ? '' : 's'} in ${index.entries().length} meeting${index.entries().length === 1 ? '' : 's'}\n`);
  }
  return 0;
}

function toJson(a: IndexedAction, today: string): JsonAction {
  return {
    file: a.uri,
    line: a.line,
    body: a.body,
    date: a.date,
    item: a.item,
    itemTitle: a.itemTitle,
    text: a.text,
    owners: a.owners,
    due: a.due,
    status: a.status,
    origin: a.origin ? formatOrigin(a.origin) : null,
    overdue: isOverdue(a, today),
  };
}
