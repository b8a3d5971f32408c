// `justera decisions`: every decision under the given paths, by body and newest meeting first.
import type { Project } from '../core/project';
import { terminalText } from '../core/text';
import { nodeProject } from './io';
import type { CommonOptions, Io } from './options';
import { csvLine, indexPaths } from './workspace';

export async function decisionsCommand(options: CommonOptions, io: Io, project: Project = nodeProject()): Promise<number> {
  const index = await indexPaths(options.files, project, io, options);
  const rows = index.decisions().map((d) => ({
    file: d.uri,
    line: d.line,
    body: d.body,
    date: d.date,
    id: d.id,
    item: d.item,
    itemTitle: d.itemTitle,
    text: d.text,
  }));
  if (options.format === 'json') io.out(`${JSON.stringify({ decisions: rows }, null, 2)}\n`);
  else if (options.format === 'csv') {
    io.out(csvLine(['file', 'line', 'body', 'date', 'id', 'item', 'item_title', 'text']));
    for (const r of rows) io.out(csvLine([r.file, r.line, r.body, r.date, r.id, r.item, r.itemTitle, r.text]));
  } else {
    let body: string | null | undefined;
    for (const r of rows) {
      if (r.body !== body) {
        body = r.body;
        io.out(`${terminalText(body ?? '(no body)')}\n`);
      }
      io.out(`  ${terminalText(`${r.date ?? '????-??-??'} ${r.id} ${r.itemTitle}: ${r.text}  ${r.file}:${r.line}`)}\n`);
    }
    io.err(`${rows.length} decision${rows.length === 1 ? '' : 's'} in ${index.entries().length} meeting${index.entries().length === 1 ? '' : 's'}\n`);
  }
  return 0;
}
