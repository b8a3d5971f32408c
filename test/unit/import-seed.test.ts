import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { importMinutes } from '../../src/core/import';
import { parseMinutes } from '../../src/core/parser';
import { lint } from '../../src/core/lint/engine';

// The seed's raw text (as copied from its PDF) against the meeting written by hand in the dialect.
const original = readFileSync('test/fixtures/import/seed-original.txt', 'utf8');
const expected = parseMinutes(readFileSync('examples/seed-2021-08-20.md', 'utf8'));

describe('import: the seed', () => {
  const result = importMinutes(original, { fileName: 'seed-original.txt' });
  const doc = parseMinutes(result.text);

  it('reads the header into the front matter', () => {
    for (const key of ['type', 'body', 'date', 'time', 'place', 'chair', 'secretary', 'nextMeeting'] as const) {
      assert.deepEqual(doc.frontMatter?.[key], expected.frontMatter?.[key], key);
    }
    assert.deepEqual(doc.frontMatter?.approvers, expected.frontMatter?.approvers);
    assert.equal(result.fileName, '2021-08-20-sodertornskommunernas-ledningsgrupp.md');
  });

  it('has the 11 items with their numbers and titles', () => {
    assert.deepEqual(doc.items.map((i) => i.number), expected.items.map((i) => i.number));
    assert.deepEqual(doc.items.map((i) => i.title), expected.items.map((i) => i.title));
  });

  it('has the decisions in §6, §7 and §8', () => {
    const ids = (d: typeof doc) => d.items.flatMap((i) => i.decisions.map((x) => x.id));
    assert.deepEqual(ids(doc), ['§6.1', '§7.1', '§8.1']);
    assert.deepEqual(ids(doc), ids(expected));
  });

  it('turns the §8 assignment into an action with owners and due date', () => {
    const action = doc.items[7]!.decisions[0]!.actions[0]!;
    const want = expected.items[7]!.decisions[0]!.actions[0]!;
    assert.deepEqual(action.owners, want.owners);
    assert.equal(action.due, want.due);
    assert.equal(action.text, want.text);
  });

  it('has the 10 attendees, the chair, the partial presence and the roles', () => {
    const people = (d: typeof doc) => d.attendance!.people.map((p) => ({ name: p.name, organisation: p.organisation, roles: p.roles, presence: p.presence }));
    assert.deepEqual(people(doc), people(expected));
  });

  it('reads the signatures: Anna Söderström records, Helene Olofsson approves', () => {
    const signers = (d: typeof doc) => d.justering!.signers.map((s) => [s.role, s.name]);
    assert.deepEqual(signers(doc), signers(expected));
  });

  it('leaves no error for lint and notes each guess with its line', () => {
    assert.deepEqual(lint(doc).filter((f) => f.severity === 'error').map((f) => f.code), []);
    const lines = result.text.split('\n');
    const item = result.notes.find((n) => n.kind === 'item')!;
    assert.match(lines[item.line]!, /^## 1\. Välkommen/);
    const presence = result.notes.find((n) => n.kind === 'presence')!;
    assert.match(lines[presence.line]!, /Stefan Hollmark/);
    assert.equal(result.summary.items, 11);
    assert.equal(result.summary.attendees, 10);
  });
});
