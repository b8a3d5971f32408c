// The workspace index over a generated year of meetings of two bodies.
import { strict as assert } from 'node:assert';
import { lint, resolveRules } from '../../src/core/lint/engine';
import { rules } from '../../src/core/lint/registry';
import { parseMinutes } from '../../src/core/parser';
import { carryOverEdit, followUpItem, parseFrom } from '../../src/core/workspace/carry';
import { contentHash, fnv1a } from '../../src/core/workspace/hash';
import { WorkspaceIndex, indexEntry, ownersOf } from '../../src/core/workspace/index';
import { applyEdits } from '../../src/core/lint/engine';
import { meetingSeries, twoBodiesOneYear, type GeneratedMeeting } from '../fixtures/meetings';

const uri = (m: GeneratedMeeting) => `file:///ws/${m.path}`;
const AU = 'Kommunstyrelsens arbetsutskott';
const LG = 'Ledningsgruppen';

function build(meetings: readonly GeneratedMeeting[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.batch(() => {
    for (const m of meetings) index.update(uri(m), m.text);
  });
  return index;
}

/** Only the given rules, at their defaults. */
function onlyRules(...codes: string[]) {
  const config: Record<string, string> = {};
  for (const r of rules) if (!codes.includes(r.meta.code)) config[r.meta.code] = 'off';
  return resolveRules(config);
}

describe('workspace index', () => {
  const { au, lg } = twoBodiesOneYear();
  const all = [...au, ...lg];

  it('hashes content with FNV-1a', () => {
    assert.equal(fnv1a(''), '811c9dc5');
    assert.equal(fnv1a('a'), 'e40c292c');
    assert.notEqual(contentHash('abc'), contentHash('abd'));
  });

  it('indexes every meeting of both bodies, with body, date, profile and item numbers', () => {
    const index = build(all);
    assert.equal(index.entries().length, all.length);
    assert.deepEqual(index.bodies(), [AU, LG]);
    const fifth = index.get(uri(au[4]!))!;
    assert.equal(fifth.body, AU);
    assert.equal(fifth.profile, 'protokoll');
    assert.equal(fifth.firstItem, 13);
    assert.equal(fifth.lastItem, 15);
    assert.deepEqual(fifth.followUp, { number: 14, title: 'Utestående ärenden', line: fifth.followUp!.line });
    assert.equal(index.get(uri(lg[0]!))!.profile, 'notes');
  });

  it('takes entries made elsewhere (a worker thread) as if it had parsed the texts', () => {
    const index = new WorkspaceIndex();
    const changed: string[] = [];
    index.onDidChange((c) => changed.push(...c.uris));
    // Structured clone, as a worker's message would carry it.
    const entry = structuredClone(indexEntry(uri(au[0]!), au[0]!.text, { assumeMinutes: true }));
    assert.equal(index.put(entry), true);
    assert.deepEqual(changed, [uri(au[0]!)]);
    assert.equal(index.parses, 1);
    const direct = new WorkspaceIndex();
    direct.update(uri(au[0]!), au[0]!.text, { assumeMinutes: true });
    assert.deepEqual(index.get(uri(au[0]!)), direct.get(uri(au[0]!)));
    // The same text again: nothing to do, whichever way it comes.
    assert.equal(index.put(entry), false);
    assert.equal(index.update(uri(au[0]!), au[0]!.text, { assumeMinutes: true }), false);
    assert.equal(index.isStale(uri(au[0]!), au[0]!.text, { assumeMinutes: false }), true);
    assert.equal(index.parses, 1);
  });

  it('finds the previous meeting of the same body', () => {
    const index = build(all);
    assert.equal(index.previousMeeting(uri(au[5]!))?.uri, uri(au[4]!));
    assert.equal(index.previousMeeting(uri(au[0]!)), undefined);
    assert.equal(index.previousMeeting(LG, '2024-03-01')?.uri, uri(lg[1]!));
    assert.equal(index.previousMeeting(AU.toUpperCase(), '2024-03-01')?.uri, uri(au[1]!), 'the body matches case-insensitively');
  });

  it('lists open actions: carried over ones once (the latest copy), closed ones not', () => {
    const index = build(all);
    const open = index.openActions({ body: AU });
    assert.deepEqual(open.map((a) => [a.text, a.uri, a.status]), [
      ['Åtgärd 10', uri(au[11]!), 'open'],
      ['Åtgärd 11', uri(au[11]!), 'open'],
    ]);
    const carried = open.find((a) => a.text === 'Åtgärd 10')!;
    assert.deepEqual(carried.origin, { date: au[10]!.date, item: au[10]!.actionItem });
    assert.equal(carried.from, `${au[10]!.date} §${au[10]!.actionItem}`);
    assert.equal(index.openActions().length, 4, 'two per body');
    // Every action ever written, with closed and superseded copies.
    assert.equal(index.actions({ body: AU }).length, 12 + 11 + 10);
  });

  it('filters open actions by owner (party suffix ignored), text, and state as of a date', () => {
    const index = build(all);
    assert.deepEqual(index.openActions({ owner: 'Lena Sjöberg (S)' }).map((a) => a.text), ['Åtgärd 11']);
    assert.deepEqual(index.openActions({ text: 'åtgärd 10' }).map((a) => a.body), [AU]);
    assert.deepEqual(ownersOf(index.openActions()).sort(), ['Helene Olofsson', 'Lena Sjöberg', 'Magnus Gyllestad', 'Per Ek']);
    // As of meeting 6: its own and the carried action of meeting 5 are not counted yet.
    const before = index.openActions({ body: AU, before: au[6]!.date });
    assert.deepEqual(before.map((a) => a.text).sort(), ['Åtgärd 4', 'Åtgärd 5']);
  });

  it('lists decisions by body, newest meeting first', () => {
    const index = build(all);
    const decisions = index.decisions();
    // AU: 3 decisions a meeting; LG (notes): 1.
    assert.equal(decisions.length, 12 * 3 + 8);
    assert.equal(decisions[0]!.body, AU);
    assert.equal(decisions[0]!.date, au[11]!.date);
    assert.equal(decisions.at(-1)!.date, lg[0]!.date);
    assert.deepEqual(index.decisions({ text: 'ärende 3 om ledningsgruppen' }).map((d) => [d.id, d.date]), [['§3.1', lg[3]!.date]]);
  });

  it('handles renamed and deleted files', () => {
    const index = build(all);
    const changes: string[][] = [];
    index.onDidChange((c) => changes.push([...c.uris]));
    const last = uri(au[11]!);
    assert.ok(index.rename(last, 'file:///ws/archive/ks-au-last.md'));
    assert.deepEqual(changes.at(-1)!.sort(), ['file:///ws/archive/ks-au-last.md', last].sort());
    assert.ok(index.openActions({ body: AU }).every((a) => a.uri === 'file:///ws/archive/ks-au-last.md'));
    assert.ok(index.remove('file:///ws/archive/ks-au-last.md'));
    // Without the last meeting, meeting 10 is the latest: its new action and its carried one.
    assert.deepEqual(index.openActions({ body: AU }).map((a) => [a.text, a.uri]).sort(), [
      ['Åtgärd 10', uri(au[10]!)],
      ['Åtgärd 9', uri(au[10]!)],
    ]);
    assert.equal(index.remove('file:///ws/nope.md'), false);
    assert.equal(index.removeUnder('file:///ws'), all.length - 1);
    assert.equal(index.entries().length, 0);
  });

  it('parses only changed texts, and restores from its serialized form without parsing', () => {
    const index = build(all);
    assert.equal(index.parses, all.length);
    assert.equal(index.update(uri(au[0]!), au[0]!.text), false);
    assert.equal(index.parses, all.length);
    const restored = WorkspaceIndex.restore(index.serialize());
    assert.equal(restored.parses, 0);
    for (const m of all) assert.equal(restored.update(uri(m), m.text), false);
    assert.equal(restored.parses, 0);
    assert.deepEqual(restored.openActions(), index.openActions());
    // Content decides: a changed text is parsed again.
    assert.equal(restored.update(uri(au[0]!), au[0]!.text.replace('Åtgärd 0', 'Åtgärd noll')), true);
    assert.equal(restored.parses, 1);
    // The flag that makes a file minutes by path is part of the key.
    assert.ok(restored.isStale(uri(au[1]!), au[1]!.text, { assumeMinutes: true }));
    // A corrupt or outdated cache is an empty index.
    assert.equal(WorkspaceIndex.restore('{oops').entries().length, 0);
    assert.equal(WorkspaceIndex.restore(JSON.stringify({ format: 0, entries: [] })).entries().length, 0);
  });

  it('keeps files that are not minutes out of entries but remembers them (no re-parse)', () => {
    const index = new WorkspaceIndex();
    index.update('file:///ws/README.md', '# Readme\n');
    assert.equal(index.entries().length, 0);
    assert.equal(index.update('file:///ws/README.md', '# Readme\n'), false);
    assert.equal(index.update('file:///ws/README.md', '# Readme\n', { assumeMinutes: true }), true);
    assert.equal(index.entries().length, 1);
  });
});

describe('workspace rules', () => {
  const { au, lg } = twoBodiesOneYear();
  const all = [...au, ...lg];
  const parse = (t: string) => parseMinutes(t);

  it('the generated series is clean for MIN022, MIN042 and MIN045 as of its last meeting', () => {
    const index = build(all);
    for (const m of all) {
      const findings = lint(parse(m.text), { rules: onlyRules('MIN022', 'MIN042', 'MIN045'), today: '2024-10-01', workspace: index, uri: uri(m) });
      const relevant = findings.filter((f) => f.code !== 'MIN042' || m.date >= '2024-10-01');
      assert.deepEqual(relevant.map((f) => f.message), [], m.path);
    }
  });

  it('MIN021 cross-file (MIN022): numbering continues from the previous protokoll of the same year', () => {
    const index = build(all);
    const broken = au[5]!.text.replace(`paragraf-start: ${au[5]!.firstItem}`, 'paragraf-start: 1');
    const findings = lint(parse(broken), { rules: onlyRules('MIN022'), workspace: index, uri: uri(au[5]!) });
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, new RegExp(`paragraf-start: ${au[5]!.firstItem}`));
    // Without the workspace the rule does not run.
    assert.equal(lint(parse(broken), { rules: onlyRules('MIN022') }).length, 0);
    // A new year starts over.
    const next = meetingSeries({ body: AU, profile: 'protokoll', start: '2024-12-10', everyDays: 28, count: 2, prefix: 'ks-au' });
    assert.equal(next[1]!.firstItem, 1);
    const withYear = build([...au, ...next]);
    assert.deepEqual(lint(parse(next[1]!.text), { rules: onlyRules('MIN022'), workspace: withYear, uri: uri(next[1]!) }), []);
  });

  it('MIN042: an overdue open action, not once a later meeting carried or closed it', () => {
    const index = build(all);
    const today = '2024-12-01';
    const tenth = parse(au[10]!.text);
    // Alone, meeting 10's own and carried actions are overdue.
    assert.equal(lint(tenth, { rules: onlyRules('MIN042'), today }).length, 2);
    // With the index, meeting 11 carried one and closed the other.
    assert.equal(lint(tenth, { rules: onlyRules('MIN042'), today, workspace: index, uri: uri(au[10]!) }).length, 0);
    const last = lint(parse(au[11]!.text), { rules: onlyRules('MIN042'), today, workspace: index, uri: uri(au[11]!) });
    assert.deepEqual(last.map((f) => f.message), [`Uppdraget är försenat: slutdatumet ${'2024-11-05'} har passerat; avsluta det ([x]), eller ange ett nytt datum i [senast:: ]`]);
  });

  it('MIN045: open actions of the previous meeting must be closed or carried; the fix carries them', () => {
    const index = build(all);
    const draft = `---
typ: protokoll
organ: ${AU}
datum: 2024-12-17
paragraf-start: ${au[11]!.lastItem + 1}
---

## § ${au[11]!.lastItem + 1} Utestående ärenden

- [x] Åtgärd 10 [ansvarig:: Per Ek] [klar:: 2024-12-01] [från:: ${au[10]!.date} §${au[10]!.actionItem}]

> [!beslut]
> Redovisningen läggs till handlingarna.
`;
    const options = { rules: onlyRules('MIN045'), workspace: index, uri: 'file:///ws/ks-au-2024-12-17.md' };
    const findings = lint(parse(draft), options);
    assert.equal(findings.length, 1, findings.map((f) => f.message).join('\n'));
    assert.match(findings[0]!.message, /Åtgärd 11/);
    const fixed = applyEdits(draft, findings[0]!.fix!.edits);
    assert.match(fixed, new RegExp(`- \\[x\\] Åtgärd 10 .*\\n- \\[ \\] Åtgärd 11 \\[ansvarig:: Lena Sjöberg\\] \\[senast:: ${au[11]!.date.slice(0, 4)}-\\d\\d-\\d\\d\\] \\[från:: ${au[11]!.date} §${au[11]!.actionItem}\\]`));
    assert.deepEqual(lint(parse(fixed), options), []);
    // Not for approved minutes.
    assert.deepEqual(lint(parse(draft.replace('paragraf-start', 'status: justerad\nparagraf-start')), options), []);
  });
});

describe('carrying actions', () => {
  it('parses från references', () => {
    assert.deepEqual(parseFrom('2024-03-19 §38'), { date: '2024-03-19', item: 38 });
    assert.deepEqual(parseFrom('2024-03-19, § 38'), { date: '2024-03-19', item: 38 });
    assert.deepEqual(parseFrom('2024-03-19'), { date: '2024-03-19', item: null });
    assert.equal(parseFrom('förra mötet'), undefined);
  });

  it('finds the follow-up item by title (sv and en), else by carried actions', () => {
    const doc = (items: string) => parseMinutes(`---\ntyp: minnesanteckningar\norgan: X\ndatum: 2024-01-01\n---\n\n${items}`);
    assert.equal(followUpItem(doc('## 1. Välkommen\n\n## 2. Utestående ärenden och föregående möten\n'))?.number, 2);
    assert.equal(followUpItem(doc('## 1. Minutes of the previous meeting\n'))?.number, 1);
    assert.equal(followUpItem(doc('## 1. A\n\n## 2. B\n\n- [ ] x [från:: 2023-12-01 §3]\n'))?.number, 2);
    assert.equal(followUpItem(doc('## 1. A\n')), undefined);
  });

  it('inserts after the item\'s last action, or after a blank line, in the document\'s language', () => {
    const action = { text: 'Ring Per', owners: ['Anna Berg'], due: '2024-02-01', status: 'open' as const, origin: { date: '2023-12-01', item: 3 } };
    const sv = parseMinutes('---\ntyp: minnesanteckningar\norgan: X\ndatum: 2024-01-01\n---\n\n## 1. Utestående ärenden\n\n- [ ] Gammalt [från:: 2023-11-01 §2]\n\n## 2. Nästa\n');
    assert.equal(
      applyEdits(sv.text, [carryOverEdit(sv, sv.items[0]!, [action])!]),
      '---\ntyp: minnesanteckningar\norgan: X\ndatum: 2024-01-01\n---\n\n## 1. Utestående ärenden\n\n- [ ] Gammalt [från:: 2023-11-01 §2]\n- [ ] Ring Per [ansvarig:: Anna Berg] [senast:: 2024-02-01] [från:: 2023-12-01 §3]\n\n## 2. Nästa\n',
    );
    const en = parseMinutes('---\ntype: notes\nbody: X\ndate: 2024-01-01\n---\n\n## 1. Open actions\n\nReviewed.\n\n## 2. Next\n');
    assert.equal(
      applyEdits(en.text, [carryOverEdit(en, en.items[0]!, [action, { ...action, text: 'Book room', status: 'in-progress', due: null, owners: [] }])!]),
      '---\ntype: notes\nbody: X\ndate: 2024-01-01\n---\n\n## 1. Open actions\n\nReviewed.\n\n- [ ] Ring Per [owner:: Anna Berg] [due:: 2024-02-01] [from:: 2023-12-01 §3]\n- [/] Book room [from:: 2023-12-01 §3]\n\n## 2. Next\n',
    );
    const bare = parseMinutes('---\ntype: notes\nbody: X\ndate: 2024-01-01\n---\n\n## 1. Open actions\n\n## 2. Next\n');
    assert.equal(
      applyEdits(bare.text, [carryOverEdit(bare, bare.items[0]!, [action])!]),
      '---\ntype: notes\nbody: X\ndate: 2024-01-01\n---\n\n## 1. Open actions\n\n- [ ] Ring Per [owner:: Anna Berg] [due:: 2024-02-01] [from:: 2023-12-01 §3]\n\n## 2. Next\n',
    );
  });
});
