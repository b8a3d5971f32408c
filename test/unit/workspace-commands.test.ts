// The workspace commands and the decision tree's actions without VS Code: an in-memory
// workspace index, as the Markdown language service's tests use.
import { strict as assert } from 'node:assert';
import { parseMinutes } from '../../src/core/parser';
import { buildTree, dueSuggestion, sourceSpan, walk } from '../../src/core/treeModel';
import { carryCandidates, decisionPickLabel, findDecision } from '../../src/core/workspace/commands';
import { WorkspaceIndex } from '../../src/core/workspace/index';
import { meetingSeries } from '../fixtures/meetings';

const BODY = 'Tekniska nämnden';
const series = meetingSeries({ body: BODY, profile: 'protokoll', start: '2024-02-06', everyDays: 28, count: 4, prefix: 'tn' });

function indexOf(meetings: readonly { path: string; text: string }[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const m of meetings) index.update(`mem:/${m.path}`, m.text);
  return index;
}

describe('workspace commands without VS Code', () => {
  it('carryCandidates: nothing when the meeting carries every open action, else what it misses, oldest first', () => {
    const index = indexOf(series.slice(0, 3));
    const last = series[3]!;
    const full = carryCandidates(index, parseMinutes(last.text), `mem:/${last.path}`);
    assert.deepEqual(full.ok && full.actions.map((a) => a.text), []);
    const forgetting = parseMinutes(last.text.replace(/- \[ \] Åtgärd 2 .*\n/, ''));
    const missing = carryCandidates(index, forgetting, `mem:/${last.path}`);
    assert.ok(missing.ok);
    assert.equal(missing.body, BODY);
    assert.deepEqual(missing.actions.map((a) => a.text), ['Åtgärd 2']);
    assert.deepEqual(carryCandidates(index, parseMinutes('# Notes\n'), 'mem:/x.md'), { ok: false, error: 'not-minutes' });
    assert.deepEqual(carryCandidates(index, parseMinutes('---\ntyp: protokoll\n---\n\n## § 1 Ett\n'), 'mem:/y.md'), { ok: false, error: 'no-body-or-date' });
  });

  it('findDecision: a § id exactly, else words of the text', () => {
    const index = indexOf(series);
    const decisions = index.decisions();
    const byId = findDecision(decisions, decisions[0]!.id.toUpperCase());
    assert.equal(byId, decisions.find((d) => d.id === decisions[0]!.id));
    assert.match(findDecision(decisions, '  ärende 3 ')!.text, /ärende 3/);
    assert.equal(findDecision(decisions, 'no such words'), undefined);
    assert.ok(decisionPickLabel(decisions[0]!).startsWith(`${decisions[0]!.id} `));
  });
});

describe('decision tree actions without VS Code', () => {
  const doc = parseMinutes(series[1]!.text);
  const nodes = [...walk(buildTree(doc, { grouping: 'item', today: '2024-03-10' }))];

  it('a click selects the item heading, the decision marker, or the action\'s first line', () => {
    const item = nodes.find((n) => n.type === 'item')!;
    const heading = sourceSpan(item, doc.text);
    assert.equal(doc.text.slice(heading.start, heading.end), '§ 4 Val av justerare');
    const decision = nodes.find((n) => n.type === 'decision')!;
    assert.equal(doc.text.slice(sourceSpan(decision, doc.text).start, sourceSpan(decision, doc.text).end), '[!beslut]');
    const action = nodes.find((n) => n.type === 'action')!;
    const line = doc.text.slice(sourceSpan(action, doc.text).start, sourceSpan(action, doc.text).end);
    assert.match(line, /^\[ \] Åtgärd \d+ \[ansvarig:: [^\]]+\] \[senast:: [\d-]+\]/);
    assert.ok(!line.includes('\n'));
  });

  it('suggests the action\'s due date, else the next meeting, else today', () => {
    const action = nodes.find((n) => n.type === 'action');
    assert.ok(action?.type === 'action');
    assert.equal(dueSuggestion(action.action, doc, '2024-06-01'), action.action.due);
    const { due: _due, ...undated } = action.action;
    assert.equal(dueSuggestion(undated, parseMinutes('---\ntyp: protokoll\nnästa-möte: 2024-07-01\n---\n'), '2024-06-01'), '2024-07-01');
    assert.equal(dueSuggestion(undated, undefined, '2024-06-01'), '2024-06-01');
  });
});
