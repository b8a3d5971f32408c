// The workspace index keeps its entries and each body's meetings sorted as files are
// added, changed, renamed and removed; every query must answer as a naive scan of all
// entries would (the reference below sorts and filters from scratch).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { sameOrigin } from '../../src/core/workspace/carry';
import { sameName } from '../../src/core/people';
import { WorkspaceIndex, bodyKey, type ActionFilter, type DecisionFilter, type IndexEntry, type IndexedAction, type IndexedDecision } from '../../src/core/workspace/index';
import { meetingSeries } from '../fixtures/meetings';

const AU = 'Kommunstyrelsens arbetsutskott';
const LG = 'Ledningsgruppen';
const series = [
  ...meetingSeries({ body: AU, profile: 'protokoll', start: '2024-01-10', everyDays: 21, count: 8, prefix: 'au' }),
  ...meetingSeries({ body: LG, profile: 'minnesanteckningar', start: '2024-01-15', everyDays: 28, count: 6, prefix: 'lg' }),
];
// Meetings without a body (grouped together) and without a date (never later than another).
const pool: string[] = [
  ...series.map((m) => m.text),
  ...series.slice(2, 5).map((m) => m.text.replace(/^organ: .*\n/m, '')),
  ...[series[4]!, series[10]!].map((m) => m.text.replace(/^datum: .*\n/m, '')),
];

/** Actions as a scan of every entry would list them (later meetings searched one by one, then all sorted). */
function naiveActions(index: WorkspaceIndex, filter: ActionFilter): IndexedAction[] {
  const needle = filter.text?.trim().toLowerCase();
  const entries = naiveEntries(index).filter(
    (e) => e.uri !== filter.exceptUri && (!filter.before || (e.date && e.date < filter.before)) && (!filter.body || bodyKey(e.body) === bodyKey(filter.body)),
  );
  const out: IndexedAction[] = [];
  for (const m of entries) {
    const group = entries.filter((e) => bodyKey(e.body) === bodyKey(m.body));
    const mine = index.actionsOf(m);
    for (const a of mine) {
      if (filter.open) {
        if (a.status !== 'open' && a.status !== 'in-progress') continue;
        const only = mine.filter((o) => o.origin && a.origin && sameOrigin(o.origin, a.origin)).length === 1;
        const continued = group.some((later) => {
          if (!m.date || !later.date || later.date <= m.date) return false;
          const cands = index.actionsOf(later).filter((c) => c.origin && a.origin && sameOrigin(c.origin, a.origin));
          return cands.some((c) => c.key === a.key) || (only && cands.length === 1);
        });
        if (continued) continue;
      }
      if (filter.owner && !a.owners.some((o) => sameName(o, filter.owner!))) continue;
      if (needle && !`${a.text} ${a.owners.join(' ')} ${a.body ?? ''} ${a.date ?? ''} ${a.itemTitle}`.toLowerCase().includes(needle)) continue;
      out.push(a);
    }
  }
  return out.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.uri.localeCompare(b.uri) || a.line - b.line);
}

function naiveDecisions(index: WorkspaceIndex, filter: DecisionFilter): IndexedDecision[] {
  const needle = filter.text?.trim().toLowerCase();
  const out: IndexedDecision[] = [];
  for (const e of naiveEntries(index)) {
    if (filter.body && bodyKey(e.body) !== bodyKey(filter.body)) continue;
    for (const item of e.summary?.items ?? []) {
      for (const d of item.decisions) {
        const dec = { ...d, uri: e.uri, body: e.body, date: e.date, item: item.number, itemTitle: item.title };
        if (needle && !`${dec.text} ${dec.itemTitle} ${dec.id} ${dec.body ?? ''} ${dec.date ?? ''}`.toLowerCase().includes(needle)) continue;
        out.push(dec);
      }
    }
  }
  return out.sort((a, b) => bodyKey(a.body).localeCompare(bodyKey(b.body), 'sv') || (b.date ?? '').localeCompare(a.date ?? '') || a.uri.localeCompare(b.uri) || a.line - b.line);
}
const uris = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((n) => `file:///ws/${n}.md`);

function naiveEntries(index: WorkspaceIndex): IndexEntry[] {
  return index
    .uris()
    .map((u) => index.get(u)!)
    .filter((e) => e.isMinutes)
    .sort((a, b) => bodyKey(a.body).localeCompare(bodyKey(b.body), 'sv') || (a.date ?? '').localeCompare(b.date ?? '') || a.uri.localeCompare(b.uri));
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
          if (o.kind === 'update') index.update(o.uri, pool[o.meeting]!);
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
        const filters: ActionFilter[] = [{}, { body: AU }, { before: '2024-04-01' }, { exceptUri: uris[0] }, { owner: 'Anna Berg' }, { text: 'ÅTGÄRD 1' }];
        for (const f of filters) {
          assert.deepEqual(index.actions(f), naiveActions(index, f));
          assert.deepEqual(index.openActions(f), naiveActions(index, { ...f, open: true }));
        }
        for (const f of [{}, { body: 'ledningsGRUPPEN' }, { text: 'ärende 1' }]) assert.deepEqual(index.decisions(f), naiveDecisions(index, f));
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

  it('orders bodies as Swedish does, å, ä and ö after z, whatever the machine\'s language', () => {
    const index = new WorkspaceIndex();
    const older = meetingSeries({ body: 'Äldrenämnden', profile: 'protokoll', start: '2024-03-01', everyDays: 28, count: 1, prefix: 'an' })[0]!;
    index.update('file:///ws/a.md', older.text);
    index.update('file:///ws/b.md', series[0]!.text);
    index.update('file:///ws/c.md', series[8]!.text);
    const bodies = [AU, LG, 'Äldrenämnden'];
    assert.deepEqual(index.entries().map((e) => e.body), bodies);
    assert.deepEqual([...new Set(index.decisions().map((d) => d.body))], bodies);
    assert.deepEqual(index.bodies(), bodies);
  });

  it('keeps the order when restored from its serialized form', () => {
    const index = new WorkspaceIndex();
    for (const [i, m] of pool.entries()) index.update(`file:///ws/${String(pool.length - i).padStart(2, '0')}.md`, m);
    const restored = WorkspaceIndex.restore(index.serialize());
    assert.deepEqual(restored.entries(), naiveEntries(index));
    assert.deepEqual(restored.meetingsOf(AU), naiveMeetings(index, AU));
  });
});
