// `justera tree`: decisions and actions of each meeting.
import type { ActionStatus } from '../core/model';
import { summarizeWithRecord, type RecordedMeetingSummary } from '../core/summary';
import { LineIndex, terminalText } from '../core/text';
import type { Project } from '../core/project';
import { loadDocuments, NOT_MINUTES } from './documents';
import { nodeProject } from './io';
import type { CommonOptions, Io } from './options';

const BOX: Record<ActionStatus, string> = { open: '[ ]', 'in-progress': '[/]', done: '[x]', cancelled: '[-]' };

export async function treeCommand(options: CommonOptions, io: Io, project: Project = nodeProject()): Promise<number> {
  const docs = await loadDocuments(options.files, project, (p) => io.err(`justera: ${p}: ${NOT_MINUTES}\n`), (m) => io.err(`justera: ${m}\n`), options.maxSize);
  const meetings = docs.map(({ source, doc }) => ({ file: source.path, ...summarizeWithRecord(doc, new LineIndex(doc.text)) }));
  if (options.format === 'json') {
    io.out(`${JSON.stringify({ meetings }, null, 2)}\n`);
    return 0;
  }
  for (const m of meetings) io.out(renderText(m.file, m));
  return 0;
}

function renderText(file: string, m: RecordedMeetingSummary): string {
  const head = [m.organ, m.datum].filter(Boolean).join(' ');
  const tags = [m.typ, m.status].filter(Boolean).join(', ');
  let out = `${terminalText(`${file}${head ? ` — ${head}` : ''}${tags ? ` (${tags})` : ''}`)}\n`;
  m.items.forEach((item, i) => {
    const lastItem = i === m.items.length - 1;
    const number = item.number === null ? '' : `${item.number}. `;
    out += `${lastItem ? '└─' : '├─'} ${terminalText(`${number}${item.title}`)}  :${item.line}\n`;
    const count = (n: number | null, word: string) => (n === null ? [] : [`${n} ${word}`]);
    // In document order: a vote and a dissent stand where they were recorded.
    const children = [
      ...item.decisions.map((d) => ({ line: d.line, text: `${d.id} ${d.text}` })),
      ...item.votes.map((v) => ({ line: v.line, text: `vote: ${[...count(v.yes, 'yes'), ...count(v.no, 'no'), ...count(v.abstain, 'abstain')].join(', ') || `${v.ballots.length} ballots`}` })),
      ...item.dissents.map((d) => ({ line: d.line, text: `dissent: ${d.name || '(no name)'}` })),
      ...item.actions.map((a) => {
        const owner = a.owners.length ? a.owners.join(', ') : '(no owner)';
        const due = a.due ? `due ${a.due}` : 'no due date';
        return { line: a.line, text: `${BOX[a.status]} ${a.text} — ${owner}, ${due}` };
      }),
    ]
      .sort((a, b) => a.line - b.line)
      .map((c) => `${c.text}  :${c.line}`);
    children.forEach((c, j) => {
      out += `${lastItem ? '   ' : '│  '}${j === children.length - 1 ? '└─' : '├─'} ${terminalText(c)}\n`;
    });
  });
  return out + '\n';
}
