import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { markDoneEdits, setDueEdits } from '../../src/core/actionEdits';
import { applyEdits } from '../../src/core/lint/engine';
import { parseMinutes } from '../../src/core/parser';
import { actionOwners, buildTree, countActions, dueBucket, nodeAt, walk, type ActionNode, type TreeNode } from '../../src/core/treeModel';

const seed = readFileSync(new URL('../../examples/seed-2021-08-20.md', import.meta.url), 'utf8');
const board = readFileSync(new URL('../../examples/board-2024-03-12.md', import.meta.url), 'utf8');
const ks = readFileSync(new URL('../../examples/ks-au-2024-04-16.md', import.meta.url), 'utf8');

function labels(nodes: readonly TreeNode[]): string[] {
  return nodes.map((n) => (n.type === 'item' ? n.label : n.type === 'decision' ? n.decision.id : n.type === 'action' ? n.action.text.slice(0, 20) : n.type === 'owner' ? (n.owner ?? '-') : n.type === 'proceeding' ? `${n.callout.kind}:${n.callout.title}` : n.bucket));
}

function checkParents(nodes: readonly TreeNode[], parent?: TreeNode): void {
  for (const n of nodes) {
    assert.equal(n.parent, parent, `parent of ${n.id}`);
    checkParents(n.children, n);
  }
}

describe('treeModel', () => {
  const doc = parseMinutes(seed);

  it('groups the seed by item: 11 items, decisions §6.1 §7.1 §8.1, 3 actions', () => {
    const roots = buildTree(doc, { grouping: 'item', today: '2021-08-20' });
    assert.equal(roots.length, 11);
    assert.equal(roots[5]!.type === 'item' && roots[5]!.label, '6. Transportinfrastrukturplaneringen');
    const all = [...walk(roots)];
    assert.deepEqual(all.filter((n) => n.type === 'decision').map((n) => (n as { decision: { id: string } }).decision.id), ['§6.1', '§7.1', '§8.1']);
    assert.equal(all.filter((n) => n.type === 'action').length, 3);
    checkParents(roots);
    // The §8 action stands in its decision.
    const d81 = all.find((n) => n.type === 'decision' && n.decision.id === '§8.1')!;
    assert.equal(d81.children.length, 1);
    assert.deepEqual((d81.children[0] as ActionNode).action.owners, ['Helene Olofsson', 'Anna Söderström']);
    assert.equal(new Set(all.map((n) => n.id)).size, all.length, 'ids are unique');
  });

  it('marks open actions past their due date as overdue', () => {
    const before = [...walk(buildTree(doc, { grouping: 'item', today: '2021-09-01' }))].filter((n): n is ActionNode => n.type === 'action');
    assert.deepEqual(before.map((n) => n.overdue), [false, false, false]);
    const after = [...walk(buildTree(doc, { grouping: 'item', today: '2021-09-09' }))].filter((n): n is ActionNode => n.type === 'action');
    assert.deepEqual(after.map((n) => n.overdue), [false, true, false]);
    assert.deepEqual(countActions(doc, '2021-09-09'), { open: 3, overdue: 1, total: 3 });
  });

  it('filters open actions only, keeping decisions as containers', () => {
    const b = parseMinutes(board);
    const roots = buildTree(b, { grouping: 'item', today: '2024-03-12', filter: { openOnly: true } });
    const all = [...walk(roots)];
    const actions = all.filter((n): n is ActionNode => n.type === 'action');
    assert.ok(actions.length > 0);
    assert.ok(actions.every((n) => n.action.status === 'open' || n.action.status === 'in-progress'));
    // Decisions without open actions are gone, and so are items left empty.
    assert.ok(all.filter((n) => n.type === 'decision').every((n) => n.children.length > 0));
    assert.ok(roots.every((n) => n.children.length > 0));
    checkParents(roots);
  });

  it('filters by owner (party suffix and case ignored)', () => {
    const roots = buildTree(doc, { grouping: 'item', today: '2021-08-20', filter: { owner: 'magnus gyllestad' } });
    assert.deepEqual(labels(roots), ['10. Övriga frågor']);
    assert.deepEqual(labels(roots[0]!.children), ['Administrera mötet m']);
  });

  it('groups by owner: an action with two owners is under both', () => {
    const roots = buildTree(doc, { grouping: 'owner', today: '2021-08-20' });
    assert.deepEqual(labels(roots), ['Anna Söderström', 'Helene Olofsson', 'Magnus Gyllestad', '-']);
    const all = [...walk(roots)];
    assert.equal(new Set(all.map((n) => n.id)).size, all.length, 'ids are unique');
    checkParents(roots);
    assert.deepEqual(actionOwners(doc), ['Helene Olofsson', 'Anna Söderström', 'Magnus Gyllestad']);
  });

  it('groups by due date: overdue, this week, later, no date, closed', () => {
    const b = parseMinutes(board);
    // 2024-03-27 is a Wednesday: this week runs to Sunday 2024-03-31.
    const roots = buildTree(b, { grouping: 'due', today: '2024-03-27' });
    assert.deepEqual(labels(roots), ['overdue', 'this-week', 'later', 'closed']);
    const overdue = roots[0]!.children as ActionNode[];
    assert.deepEqual(overdue.map((n) => n.action.due), ['2024-03-22']);
    assert.deepEqual((roots[1]!.children as ActionNode[]).map((n) => n.action.due), ['2024-03-29']);
    const later = (roots[2]!.children as ActionNode[]).map((n) => n.action.due!);
    assert.deepEqual(later, [...later].sort());
    assert.deepEqual(labels(buildTree(doc, { grouping: 'due', today: '2021-08-20' })), ['later', 'no-date']);
  });

  it('due buckets respect status and week boundaries', () => {
    const [a] = parseMinutes(board).items.flatMap((i) => i.actions).filter((x) => x.due === '2024-04-12' && x.status === 'open');
    assert.equal(dueBucket(a!, '2024-04-08'), 'this-week'); // Monday
    assert.equal(dueBucket(a!, '2024-04-13'), 'overdue');
    assert.equal(dueBucket(a!, '2024-04-01'), 'later');
  });

  it('finds the node under an offset: action over decision over item', () => {
    const roots = buildTree(doc, { grouping: 'item', today: '2021-08-20' });
    const inAction = seed.indexOf('omarbetat förslag');
    assert.equal(nodeAt(roots, inAction)?.type, 'action');
    const inDecision = seed.indexOf('hålla fast vid');
    const d = nodeAt(roots, inDecision);
    assert.equal(d?.type === 'decision' && d.decision.id, '§6.1');
    const inProse = seed.indexOf('Datainsamling och intervjuer');
    const i = nodeAt(roots, inProse);
    assert.equal(i?.type === 'item' && i.item.number, 4);
    assert.equal(nodeAt(roots, 0), undefined);
  });
});

describe('actionEdits', () => {
  const doc = parseMinutes(seed);
  const actions = doc.items.flatMap((i) => i.actions);

  it('marks an action done with [klar:: today] after its last field', () => {
    const a = actions[1]!;
    const text = applyEdits(seed, markDoneEdits(seed, a, '2021-09-07', 'sv'));
    assert.match(text, /> - \[x\] Helene Olofsson och Anna/);
    assert.match(text, /\[senast:: 2021-09-08\] \[klar:: 2021-09-07\]\n/);
    const again = parseMinutes(text).items.flatMap((i) => i.actions)[1]!;
    assert.equal(again.status, 'done');
    assert.equal(again.done, '2021-09-07');
  });

  it('marks an action without fields done, in English', () => {
    const a = actions[0]!;
    const text = applyEdits(seed, markDoneEdits(seed, a, '2021-09-07', 'en'));
    assert.match(text, /- \[x\] Uppdatera halvårsrapporten med färgmarkering \(grönt = genomfört, gult = pågår\) \[done:: 2021-09-07\]\n/);
  });

  it('updates an existing done date instead of adding a second one', () => {
    const b = parseMinutes(board);
    const done = b.items.flatMap((i) => i.actions).find((x) => x.status === 'done')!;
    const text = applyEdits(board, markDoneEdits(board, done, '2024-03-13', 'en'));
    assert.match(text, /\[done:: 2024-03-13\]/);
    assert.doesNotMatch(text, /2024-02-27/);
  });

  it('sets the due date: inserts [senast:: ] or replaces the value', () => {
    const inserted = applyEdits(seed, setDueEdits(seed, actions[2]!, '2021-09-30', 'sv'));
    assert.match(inserted, /\[ansvarig:: Magnus Gyllestad\] \[senast:: 2021-09-30\]/);
    const replaced = applyEdits(seed, setDueEdits(seed, actions[1]!, '2021-10-01', 'sv'));
    assert.match(replaced, /\[senast:: 2021-10-01\]/);
    assert.doesNotMatch(replaced, /2021-09-08\]/);
  });

  it('shows votes and dissents under their item, in document order, and not under a filter', () => {
    const doc = parseMinutes(ks);
    const tree = buildTree(doc, { grouping: 'item', today: '2024-04-20' });
    checkParents(tree);
    const item48 = tree.find((n) => n.type === 'item' && n.item.number === 48)!;
    assert.deepEqual(labels(item48.children), ['vote:', '§48.1', 'dissent:Per Holmberg (M)']);
    const vote = item48.children[0]!;
    assert.equal(vote.type === 'proceeding' && vote.callout.ballots?.length, 5);
    // The cursor in the vote selects the vote.
    assert.equal(nodeAt(tree, ks.indexOf('> - Johan Ek (C): ja')), vote);
    const open = buildTree(doc, { grouping: 'item', today: '2024-04-20', filter: { openOnly: true } });
    assert.ok(![...walk(open)].some((n) => n.type === 'proceeding'));
  });
});

describe('one meaning per helper', () => {
  it('the decision tree, the workspace views and the CLI share one dueBucket: a closed action is never overdue', async () => {
    const groups = await import('../../src/core/workspace/groups');
    assert.equal(groups.dueBucket, dueBucket);
    for (const status of ['done', 'cancelled'] as const) {
      assert.equal(dueBucket({ status, due: '2024-01-01' }, '2024-06-01'), 'closed');
      assert.equal(groups.dueBucket({ status, due: '2024-01-01' }, '2024-06-01'), 'closed');
    }
    assert.equal(dueBucket({ status: 'in-progress', due: '2024-01-01' }, '2024-06-01'), 'overdue');
    assert.equal(dueBucket({ status: 'open', due: null }, '2024-06-01'), 'no-date');
  });
});
