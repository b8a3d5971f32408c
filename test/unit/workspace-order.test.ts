// The workspace index keeps its entries and each body's meetings sorted as files are
// added, changed, renamed and removed; every query must answer as a naive scan of all
// entries would (the reference below sorts and filters from scratch).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { sameOrigin } from '../../src/core/workspace/carry';
import { WorkspaceIndex, bodyKey, type IndexEntry } from '../../src/core/workspace/index';
import { meetingSeries, type GeneratedMeeting } from '../fixtures/meetings';

const AU = 'Kommunstyrelsens arbetsutskott';
const LG = 'Ledningsgruppen';
const pool: GeneratedMeeting[] = [
  ...meetingSeries({ body: AU, profile: 'protokoll', start: '2024-01-10', everyDays: 21, count: 8, prefix: 'au' }),
  ...meetingSeries({ body: LG, profile: 'minnesanteckningar', start: '2024-01-15', everyDays: 28, count: 6, prefix: 'lg' }),
];
const uris = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((n) => `file:///ws/${n}.md`);

function naiveEntries(index: WorkspaceIndex): IndexEntry[] {
  return index
    .uris()
    .map((u) => index.get(u)!)
    .filter((e) => e.isMinutes)
    .sort((a, b) => bodyKey(a.body).localeCompare(bodyKey(b.body)) || (a.date ?? '').localeCompare(b.date ?? '') || a.uri.localeCompare(b.uri));
}

function naiveMeetings(index: WorkspaceIndex, body: string): IndexEntry[] {
  return naiveEntries(index).filter((e) => e.body && bodyKey(e.body) === bodyKey(body) && e.date);
}

const op = fc.oneof(
  fc.record({ kind: fc.constant('update' as const), uri: fc.constantFrom(...uris), meeting: fc.nat(pool.length - 1) }),
  fc.record({ kind: fc.constant('plain' as const), uri: fc.constantFrom(...uris) }),
  fc.record({ kind: fc.constant('remove' as const), uri: fc.constantFrom(...uris) }),
  fc.record({ kind: fc.constant('rename' as const), uri: fc.constantFrom(...uris), to: fc.constantFrom(...uris) }),
);

describe('workspace index order', () => {
  it('answers every query as a scan of all entries would, after any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const index = new WorkspaceIndex();
        for (const o of ops) {
          if (o.kind === 'update') index.update(o.uri, pool[o.meeting]!.text);
          else if (o.kind === 'plain') index.update(o.uri, '# Not minutes\n\nJust notes.\n');
          else if (o.kind === 'remove') index.remove(o.uri);
          else if (o.uri !== o.to && !index.has(o.to)) index.rename(o.uri, o.to);
        }
        assert.deepEqual(index.entries(), naiveEntries(index));
        for (const body of [AU, LG, 'kommunstyrelsens  ARBETSUTSKOTT']) {
          const meetings = naiveMeetings(index, body);
          assert.deepEqual(index.meetingsOf(body), meetings);
          for (const date of ['2024-01-01', '2024-02-20', '2024-04-01', '2024-12-31', ...meetings.map((m) => m.date!)]) {
            for (const except of [undefined, ...meetings.map((m) => m.uri)]) {
              const expected = meetings.filter((m) => m.uri !== except && m.date! < date).at(-1);
              assert.equal(index.previousMeeting(body, date, except), expected);
              for (const m of meetings) {
                for (const a of index.actionsOf(m)) {
                  const later = meetings.filter((x) => x.uri !== except && x.date! > date);
                  let want;
                  for (let i = later.length - 1; i >= 0 && !want; i--) {
                    const cands = index.actionsOf(later[i]!).filter((c) => c.origin && a.origin && sameOrigin(c.origin, a.origin));
                    want = cands.find((c) => c.key === a.key) ?? (cands.length === 1 ? cands[0] : undefined);
                  }
                  assert.equal(index.continuation(body, date, a, except, true), want);
                }
              }
            }
          }
        }
        // Incremental maintenance gives what building from the final texts gives.
        const fresh = new WorkspaceIndex();
        for (const e of naiveEntries(index)) fresh.put(e);
        assert.deepEqual(index.openActions(), fresh.openActions());
        assert.deepEqual(index.actions(), fresh.actions());
        assert.deepEqual(index.decisions(), fresh.decisions());
      }),
      { seed: 20261128, numRuns: 60 },
    );
  });

  it('keeps the order when restored from its serialized form', () => {
    const index = new WorkspaceIndex();
    for (const [i, m] of pool.entries()) index.update(`file:///ws/${String(pool.length - i).padStart(2, '0')}.md`, m.text);
    const restored = WorkspaceIndex.restore(index.serialize());
    assert.deepEqual(restored.entries(), naiveEntries(index));
    assert.deepEqual(restored.meetingsOf(AU), naiveMeetings(index, AU));
  });
});
