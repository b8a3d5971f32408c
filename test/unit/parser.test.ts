import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { MinutesDocument, Span } from '../../src/core/model';
import { parseMinutes } from '../../src/core/parser';

const examples = join(__dirname, '..', '..', 'examples');
const read = (name: string) => readFileSync(join(examples, name), 'utf8');
const slice = (doc: MinutesDocument, span: Span) => doc.text.slice(span.start, span.end);

/** Every span object anywhere in the model. */
function spans(value: unknown, out: Span[] = []): Span[] {
  if (Array.isArray(value)) value.forEach((v) => spans(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2) out.push(o as unknown as Span);
    else for (const [k, v] of Object.entries(o)) if (k !== 'text') spans(v, out);
  }
  return out;
}

function assertSpansInside(doc: MinutesDocument): void {
  for (const s of spans(doc)) {
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= doc.text.length, `span ${s.start}-${s.end} outside 0-${doc.text.length}`);
  }
}

describe('parser: the seed meeting', () => {
  const doc = parseMinutes(read('seed-2021-08-20.md'));

  it('is a Swedish notes document', () => {
    assert.equal(doc.isMinutes, true);
    assert.equal(doc.profile, 'notes');
    assert.equal(doc.language, 'sv');
    assert.equal(doc.frontMatter?.body, 'Södertörnskommunernas ledningsgrupp');
    assert.equal(doc.frontMatter?.date, '2021-08-20');
    assert.equal(doc.frontMatter?.nextMeeting, '2021-09-08');
    assert.deepEqual(doc.frontMatter?.approvers, ['Helene Olofsson']);
    assert.equal(doc.frontMatter?.status, 'approved');
    assert.equal(doc.problems.length, 0);
  });

  it('has 11 numbered items', () => {
    assert.deepEqual(doc.items.map((i) => i.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    assert.equal(doc.items[0]!.title, 'Välkommen');
    assert.equal(slice(doc, doc.items[9]!.numberSpan), '10.');
    assert.deepEqual(doc.items[3]!.subTopics.map((s) => s.heading.text), ['Halvårsuppföljning', 'Status för uppdraget Översyn av arbetsformer inom Södertörnssamverkan']);
  });

  it('has decisions §6.1, §7.1 and §8.1', () => {
    const decisions = doc.items.flatMap((i) => i.decisions);
    assert.deepEqual(decisions.map((d) => d.id), ['§6.1', '§7.1', '§8.1']);
    assert.match(decisions[0]!.text, /^Ledningsgruppen är överens om att hålla fast vid föreslagen tidsplan\. Ev aktiviteter/);
    assert.equal(slice(doc, decisions[0]!.markerSpan), '[!beslut]');
    assert.equal(doc.items[9]!.callouts.filter((c) => c.kind === 'summary').length, 2);
  });

  it('has 3 actions with owners and dates', () => {
    const actions = doc.items.flatMap((i) => i.actions);
    assert.equal(actions.length, 3);
    assert.deepEqual(actions[0]!.owners, []);
    assert.equal(actions[0]!.due, undefined);
    assert.deepEqual(actions[1]!.owners, ['Helene Olofsson', 'Anna Söderström']);
    assert.equal(actions[1]!.due, '2021-09-08');
    assert.equal(actions[1]!.decisionId, '§8.1');
    assert.match(actions[1]!.text, /^Helene Olofsson och Anna Söderström får i uppdrag att till planeringskonferensen den 8 september/);
    assert.deepEqual(actions[2]!.owners, ['Magnus Gyllestad']);
    assert.ok(actions.every((a) => a.status === 'open' && slice(doc, a.boxSpan) === '[ ]'));
  });

  it('has 10 attendees with chair Magnus Gyllestad', () => {
    const people = doc.attendance!.people;
    assert.equal(people.length, 10);
    assert.deepEqual(people.filter((p) => p.roles.includes('chair')).map((p) => p.name), ['Magnus Gyllestad']);
    const stefan = people.find((p) => p.name === 'Stefan Hollmark')!;
    assert.equal(stefan.presence, 't.o.m. 10:00');
    assert.equal(stefan.organisation, 'Tyresö');
    assert.equal(slice(doc, stefan.nameSpan), 'Stefan Hollmark');
  });

  it('has a justering block with recorder and approver', () => {
    const signers = doc.justering!.signers;
    assert.deepEqual(signers.map((s) => [s.role, s.name]), [['recorder', 'Anna Söderström'], ['approver', 'Helene Olofsson']]);
    assert.equal(slice(doc, signers[1]!.nameSpan), 'Helene Olofsson');
  });

  it('keeps every span inside the document', () => assertSpansInside(doc));
});

describe('parser: the English minutes example', () => {
  const doc = parseMinutes(read('board-2024-03-12.md'));
  it('is English formal minutes with 9 items', () => {
    assert.equal(doc.profile, 'protokoll');
    assert.equal(doc.language, 'en');
    assert.deepEqual(doc.items.map((i) => i.number), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.equal(doc.frontMatter?.approval?.date, '2024-03-15');
  });
  it('reads groups, statuses and signatures', () => {
    const people = doc.attendance!.people;
    assert.equal(people.find((p) => p.name === 'Fiona Gallagher')?.group, 'absent');
    assert.equal(people.find((p) => p.name === 'Laura Bennett')?.group, 'also-present');
    const statuses = doc.items.flatMap((i) => i.actions.map((a) => a.status));
    for (const s of ['open', 'in-progress', 'done', 'cancelled'] as const) assert.ok(statuses.includes(s), s);
    const carried = doc.items.flatMap((i) => i.actions).find((a) => a.from);
    assert.equal(carried?.from, '2024-02-13 §4');
    assert.deepEqual(doc.justering!.signers.map((s) => s.role), ['recorder', 'chair', 'approver']);
    assert.equal(doc.justering!.signers[2]!.signed, '2024-03-15');
  });
});

describe('parser: the Swedish protokoll example', () => {
  const doc = parseMinutes(read('ks-au-2024-04-16.md'));
  it('numbers items from paragraf-start', () => {
    assert.equal(doc.frontMatter?.firstItem, 45);
    assert.deepEqual(doc.items.map((i) => i.number), [45, 46, 47, 48, 49, 50, 51, 52]);
    assert.ok(doc.items.every((i) => i.numberStyle === 'paragraph'));
    assert.equal(doc.items[2]!.dnr, 'KS 2024/31');
    assert.equal(doc.items.find((i) => i.informational)?.number, 51);
  });
  it('reads votes, motions, dissent and the notice', () => {
    const item = doc.items.find((i) => i.number === 48)!;
    assert.deepEqual(item.callouts.find((c) => c.kind === 'vote')?.vote, { yes: 3, no: 2, abstain: 0 });
    assert.deepEqual(item.callouts.filter((c) => c.kind === 'motion').map((c) => c.title), ['Karin Lindqvist (S)', 'Per Holmberg (M)']);
    assert.equal(item.callouts.find((c) => c.kind === 'dissent')?.title, 'Per Holmberg (M)');
    assert.ok(doc.items.some((i) => i.decisions.some((d) => d.immediateApproval)));
    assert.equal(doc.attendance!.people.find((p) => p.name === 'Johan Ek')?.replaces, 'Birgitta Nordin (C)');
    assert.equal(doc.justering!.approvedItems?.from, 45);
    assert.equal(doc.justering!.approvedItems?.to, 52);
    assert.equal(doc.notice?.posted?.value, '2024-04-19');
    assert.equal(doc.notice?.removed?.value, '2024-05-13');
  });
  it('keeps every span inside the document', () => assertSpansInside(doc));

  it('reads the signature labels municipal protokoll use (Sekreterare, Justerande)', () => {
    const text = '---\ntyp: protokoll\norgan: KS\ndatum: 2024-05-14\n---\n\n## Justering\n\n- Sekreterare: Per Holmberg\n- Ordförande: Karin Lindqvist\n- Justerande: Amir Haddad, Lena Ek\n';
    const signers = parseMinutes(text).justering!.signers;
    assert.deepEqual(signers.map((s) => [s.role, s.name]), [['recorder', 'Per Holmberg'], ['chair', 'Karin Lindqvist'], ['approver', 'Amir Haddad'], ['approver', 'Lena Ek']]);
  });
});

describe('parser: which files are minutes', () => {
  it('needs a profile in the front matter or the path', () => {
    assert.equal(parseMinutes('# Notes\n\nJust a file.\n').isMinutes, false);
    assert.equal(parseMinutes('---\ntitle: x\n---\n# Notes\n').isMinutes, false);
    assert.equal(parseMinutes('# Notes\n', { assumeMinutes: true }).isMinutes, true);
    assert.equal(parseMinutes('---\ntype: notes\n---\n').language, 'en');
    assert.equal(parseMinutes('---\nTyp: Protokoll\n---\n').profile, 'protokoll');
  });
  it('recognises a typ line in broken YAML and reports the problem', () => {
    const doc = parseMinutes('---\ntyp: protokoll\norgan: [KS\ndatum: 2024-01-01\n---\n## § 1 Öppnande\n');
    assert.equal(doc.isMinutes, true);
    assert.equal(doc.profile, 'protokoll');
    assert.ok(doc.frontMatter?.yamlError);
    assert.equal(doc.problems[0]?.kind, 'yaml');
    assert.equal(doc.items.length, 1);
  });
  it('reports a front matter without closing fence', () => {
    const doc = parseMinutes('---\ntyp: minnesanteckningar\n\n## 1. Välkommen\n');
    assert.equal(doc.isMinutes, true);
    assert.equal(doc.problems[0]?.kind, 'unterminated-front-matter');
    assert.equal(doc.items.length, 1);
  });
});

describe('parser: malformed input never throws', () => {
  const cases: Record<string, string> = {
    empty: '',
    'only a BOM': '\uFEFF',
    'only front matter fence': '---',
    'malformed YAML': '---\ntyp: [protokoll\n  organ: : :\n---\n',
    'YAML list at top': '---\n- a\n- b\n---\n',
    'callout without text': '---\ntyp: protokoll\n---\n## § 1 X\n\n> [!beslut]\n',
    'task without text': '---\ntyp: protokoll\n---\n## § 1 X\n\n- [ ]\n- [x] \n',
    'heading in odd places': '### deep first\n## \n#\n## § \n## 1.\n> ## quoted\n- ## in list\n',
    'CRLF line endings': '---\r\ntyp: protokoll\r\n---\r\n## § 1 Öppnande\r\n\r\n> [!beslut]\r\n> Mötet öppnas.\r\n\r\n- [ ] Gör något [ansvarig:: A] [senast:: 2024-01-01]\r\n',
    'BOM and tabs': '\uFEFF---\ntyp:\tprotokoll\n---\n##\t§ 1\tÖppnande\n\t- [ ]\tuppgift\n',
    'unclosed fence': '---\ntyp: protokoll\n---\n```\n## § 1 not a heading\n',
    'fields without closing': '## 1. X [dnr:: \n- [ ] a [ansvarig:: b\n',
    'CR only': '---\rtyp: protokoll\r---\r## § 1 X\r',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const doc = parseMinutes(text);
      assertSpansInside(doc);
    });
  }
  it('ignores headings inside fenced code', () => {
    const doc = parseMinutes('---\ntyp: protokoll\n---\n## § 1 A\n\n```\n## § 2 B\n```\n');
    assert.equal(doc.items.length, 1);
  });
  it('reads CRLF documents with correct spans', () => {
    const doc = parseMinutes(cases['CRLF line endings']!);
    const action = doc.items[0]!.actions[0]!;
    assert.deepEqual(action.owners, ['A']);
    assert.equal(doc.text.slice(action.boxSpan.start, action.boxSpan.end), '[ ]');
    assert.equal(doc.items[0]!.decisions[0]!.text, 'Mötet öppnas.');
  });
});

describe('parser: properties', () => {
  const texts = ['seed-2021-08-20.md', 'board-2024-03-12.md', 'ks-au-2024-04-16.md'].map(read);
  const edit = fc.record({
    doc: fc.nat({ max: texts.length - 1 }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.nat({ max: 40 }),
    insert: fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('\n', '\r\n', '## ', '## § 3 ', '> [!beslut]\n', '- [ ] ', '[ansvarig:: ', ']', '---\n', '```\n', '\uFEFF', '\t', '> ', '[!', '::'),
    ),
  });

  it('random text never makes the parser throw', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => assertSpansInside(parseMinutes(s))), { numRuns: 300 });
  });

  it('random edits of the examples never make the parser throw, spans stay inside', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        let text = texts[edits[0]!.doc]!;
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        }
        assertSpansInside(parseMinutes(text));
      }),
      { numRuns: 200 },
    );
  });
});
