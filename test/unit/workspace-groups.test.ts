// The Open actions view's groups: every action once per owner (however often a name is
// written), the first spelling as the label, the group without owner or body last.
import { strict as assert } from 'node:assert';
import { groupActions } from '../../src/core/workspace/groups';
import type { IndexedAction } from '../../src/core/workspace/index';

function action(line: number, owners: string[], o: { due?: string; body?: string; date?: string } = {}): IndexedAction {
  return {
    text: `Åtgärd ${line}`, owners, due: o.due ?? null, status: 'open', line,
    uri: 'file:///ws/a.md', body: o.body ?? null, date: o.date ?? '2024-03-01', item: 1, itemTitle: 'Ärende',
    origin: { date: o.date ?? '2024-03-01', item: 1 }, key: `åtgärd ${line}`,
  };
}

describe('open actions groups', () => {
  it('puts an action once in each owner group, even when a name is written twice', () => {
    const a = action(1, ['Anna Berg', 'anna  berg', 'Per Ek (S)']);
    const b = action(2, ['Per Ek'], { due: '2024-01-01' });
    const c = action(3, []);
    const groups = groupActions([a, b, c], 'owner', '2024-03-10');
    assert.deepEqual(
      groups.map((g) => [g.id, g.label, g.actions.map((x) => x.line), g.none ?? false]),
      [
        ['owner:anna berg', 'Anna Berg', [1], false],
        ['owner:per ek', 'Per Ek (S)', [2, 1], false],
        ['owner:', '', [3], true],
      ],
    );
  });

  it('groups by body and by due date', () => {
    const a = action(1, ['Anna Berg'], { body: 'Ledningsgruppen', due: '2024-03-01' });
    const b = action(2, ['Anna Berg'], { body: ' ledningsgruppen ', due: '2024-03-12' });
    const c = action(3, ['Anna Berg']);
    assert.deepEqual(
      groupActions([a, b, c], 'body', '2024-03-10').map((g) => [g.id, g.actions.map((x) => x.line)]),
      [['body:ledningsgruppen', [1, 2]], ['body:', [3]]],
    );
    assert.deepEqual(
      groupActions([a, b, c], 'due', '2024-03-11').map((g) => [g.id, g.actions.map((x) => x.line)]),
      [['due:overdue', [1]], ['due:this-week', [2]], ['due:no-date', [3]]],
    );
  });
});
