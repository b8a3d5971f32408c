import { strict as assert } from 'node:assert';
import { parse as parseYaml } from 'yaml';
import { newMinutesTemplate } from '../../src/core/templates';

const DATE = '2024-04-16';

function frontMatter(doc: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(doc);
  assert.ok(m, 'document starts with a front matter block');
  return parseYaml(m[1]!) as Record<string, unknown>;
}

function headings(doc: string, level: number): string[] {
  const re = new RegExp(`^#{${level}} (.*)$`, 'gm');
  return [...doc.matchAll(re)].map((m) => m[1]!);
}

describe('newMinutesTemplate', () => {
  it('Swedish protokoll: keys, groups, § items, justering and anslag', () => {
    const doc = newMinutesTemplate({ profile: 'protokoll', language: 'sv', date: DATE, body: 'Kommunstyrelsens arbetsutskott' });
    const fm = frontMatter(doc);
    assert.equal(fm['typ'], 'protokoll');
    assert.equal(fm['organ'], 'Kommunstyrelsens arbetsutskott');
    assert.equal(fm['datum'], DATE);
    assert.equal(fm['språk'], 'sv');
    assert.equal(fm['status'], 'utkast');
    assert.equal(fm['paragraf-start'], 1);
    for (const k of ['tid', 'plats', 'ordförande', 'sekreterare', 'justerare', 'justering', 'ledamöter', 'nästa-möte']) {
      assert.ok(k in fm, `front matter has ${k}`);
    }
    assert.deepEqual(Object.keys(fm['justering'] as object), ['datum', 'plats']);
    assert.deepEqual(headings(doc, 3), ['Beslutande', 'Tjänstgörande ersättare', 'Övriga närvarande', 'Frånvarande']);
    assert.deepEqual(headings(doc, 2), [
      'Närvarande',
      '§ 1 Mötets öppnande',
      '§ 2 Val av justerare',
      '§ 3 Godkännande av dagordning',
      'Justering',
      'Anslag',
    ]);
    assert.equal((doc.match(/^> \[!beslut\]$/gm) ?? []).length, 3, 'each item has a decision (MIN030)');
    assert.match(doc, /^- Vid protokollet:$/m);
    assert.match(doc, /^- Ordförande:$/m);
    assert.match(doc, /^- Justerare:$/m);
    assert.match(doc, /^- Justerade paragrafer: § 1–3$/m);
    assert.match(doc, /^- Anslaget sätts upp:$/m);
    assert.match(doc, /^- Anslaget tas ned:$/m);
    assert.match(doc, /^- Förvaringsplats:$/m);
  });

  it('English minutes: English keys, numbered items, signatures, no notice', () => {
    const doc = newMinutesTemplate({ profile: 'protokoll', language: 'en', date: DATE, body: 'Board of Elm Court' });
    const fm = frontMatter(doc);
    assert.equal(fm['type'], 'minutes');
    assert.equal(fm['body'], 'Board of Elm Court');
    assert.equal(fm['date'], DATE);
    assert.equal(fm['lang'], 'en');
    assert.equal(fm['status'], 'draft');
    assert.equal(fm['first-item'], 1);
    for (const k of ['time', 'place', 'chair', 'secretary', 'approvers', 'approval', 'seats', 'next-meeting']) {
      assert.ok(k in fm, `front matter has ${k}`);
    }
    assert.ok(!('typ' in fm) && !('datum' in fm), 'no Swedish keys');
    assert.deepEqual(headings(doc, 3), ['Members', 'Substitutes', 'Also present', 'Absent']);
    assert.deepEqual(headings(doc, 2), [
      'Attendance',
      '§ 1 Opening of the meeting',
      '§ 2 Election of approver',
      '§ 3 Approval of the agenda',
      'Signatures',
    ]);
    assert.equal((doc.match(/^> \[!decision\]$/gm) ?? []).length, 3);
    assert.match(doc, /^- Recorded by:$/m);
    assert.match(doc, /^- Chair:$/m);
    assert.match(doc, /^- Approved by:$/m);
    assert.doesNotMatch(doc, /Anslag|Notice/);
  });

  it('Swedish minnesanteckningar: lenient skeleton starting with Välkommen', () => {
    const doc = newMinutesTemplate({ profile: 'notes', language: 'sv', date: DATE });
    const fm = frontMatter(doc);
    assert.equal(fm['typ'], 'minnesanteckningar');
    assert.equal(fm['organ'], null, 'organ left empty for the user to fill in');
    assert.equal(fm['datum'], DATE);
    assert.ok(!('paragraf-start' in fm) && !('justering' in fm));
    assert.deepEqual(headings(doc, 3), []);
    const h2 = headings(doc, 2);
    assert.equal(h2[0], 'Närvarande');
    assert.equal(h2[1], '1. Välkommen');
    assert.equal(h2.at(-1), 'Justering');
    assert.match(doc, /^- Vid anteckningarna:$/m);
    assert.match(doc, /^- Justeras:$/m);
    assert.doesNotMatch(doc, /Anslag|§/);
  });

  it('English notes: Welcome first, signatures last', () => {
    const doc = newMinutesTemplate({ profile: 'notes', language: 'en', date: DATE, body: 'Web team' });
    const fm = frontMatter(doc);
    assert.equal(fm['type'], 'notes');
    assert.equal(fm['body'], 'Web team');
    assert.equal(fm['date'], DATE);
    const h2 = headings(doc, 2);
    assert.equal(h2[0], 'Attendance');
    assert.equal(h2[1], '1. Welcome');
    assert.equal(h2.at(-1), 'Signatures');
    assert.match(doc, /^- Recorded by:$/m);
    assert.match(doc, /^- Approved by:$/m);
    assert.doesNotMatch(doc, /^- Chair:/m);
  });

  it('numbers items 1..N without gaps in every combination', () => {
    for (const profile of ['protokoll', 'notes'] as const) {
      for (const language of ['sv', 'en'] as const) {
        const doc = newMinutesTemplate({ profile, language, date: DATE });
        const nums = headings(doc, 2)
          .map((h) => /^(?:§ (\d+) |(\d+)\. )/.exec(h))
          .filter((m): m is RegExpExecArray => m !== null)
          .map((m) => Number(m[1] ?? m[2]));
        assert.ok(nums.length >= 3, `${profile}/${language} has items`);
        assert.deepEqual(nums, nums.map((_, i) => i + 1), `${profile}/${language} numbering`);
        assert.ok(doc.endsWith('\n') && !doc.endsWith('\n\n'), 'one final newline');
      }
    }
  });

  it('quotes a body that would not be a plain YAML string', () => {
    for (const body of ['Styrelsen: extra möte', '#1 team', 'yes', '2024']) {
      const doc = newMinutesTemplate({ profile: 'notes', language: 'en', date: DATE, body });
      assert.equal(frontMatter(doc)['body'], body);
    }
  });
});
