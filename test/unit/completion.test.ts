import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { completionsAt, type CompletionResult } from '../../src/core/completion';
import { parseMinutes } from '../../src/core/parser';

const seed = readFileSync(new URL('../../examples/seed-2021-08-20.md', import.meta.url), 'utf8');
const ks = readFileSync(new URL('../../examples/ks-au-2024-04-16.md', import.meta.url), 'utf8');
const TODAY = '2024-05-02';

/** Completes at the `|` in `snippet`, inserted at the end of the document (or at `at` of the text). */
function complete(base: string, snippet: string, at?: string): { result: CompletionResult | undefined; text: string; offset: number } {
  const [before, after] = snippet.split('|') as [string, string];
  let text: string;
  let offset: number;
  if (at !== undefined) {
    const i = base.indexOf(at);
    assert.ok(i >= 0, `anchor ${at}`);
    text = base.slice(0, i) + before + after + base.slice(i);
    offset = i + before.length;
  } else {
    text = `${base}\n${before}${after}\n`;
    offset = base.length + 1 + before.length;
  }
  return { result: completionsAt(parseMinutes(text), offset, { today: TODAY }), text, offset };
}

const labels = (r: CompletionResult | undefined) => r?.candidates.map((c) => c.label) ?? [];

describe('completion', () => {
  it('offers attendees inside [ansvarig:: ]', () => {
    const { result, offset } = complete(seed, '- [ ] Ring [ansvarig:: |]');
    assert.equal(result?.context, 'owner');
    assert.equal(labels(result)[0], 'Leif Eriksson');
    assert.equal(labels(result).length, 10);
    const c = result!.candidates.find((x) => x.label === 'Magnus Gyllestad')!;
    assert.equal(c.kind === 'person' && c.detail, 'Haninge, ordförande');
    assert.deepEqual(c.replace, { start: offset, end: offset });
    assert.equal(c.insertText, 'Magnus Gyllestad');
  });

  it('adds a space right after :: and replaces the typed part', () => {
    const r1 = complete(seed, '- [ ] Ring [owner::|]').result!;
    assert.equal(r1.candidates[0]!.insertText, ' Leif Eriksson');
    const { result, offset } = complete(seed, '- [ ] Ring [ansvarig:: Hel|]');
    const c = result!.candidates.find((x) => x.label === 'Helene Olofsson')!;
    assert.deepEqual(c.replace, { start: offset - 3, end: offset });
    assert.equal(c.insertText, 'Helene Olofsson');
  });

  it('continues a list of owners after a comma, without the names already given', () => {
    const { result } = complete(seed, '- [ ] Ring [ansvarig:: Helene Olofsson, |]');
    assert.ok(!labels(result).includes('Helene Olofsson'));
    assert.ok(labels(result).includes('Anna Söderström'));
    const r2 = complete(seed, '- [ ] Ring [ansvarig:: Helene Olofsson,|]').result!;
    assert.equal(r2.candidates[0]!.insertText, ' Leif Eriksson');
  });

  it('offers names on justering lines and after name-taking callouts', () => {
    assert.equal(complete(seed, '- Justeras: |').result?.context, 'signer');
    assert.equal(complete(seed, '- Approved by: |').result?.context, 'signer');
    for (const callout of ['> [!reservation] |', '> [!yrkande] |', '> [!protokollsanteckning] |', '> [!jäv] |', '> [!dissent] |', '> [!statement] Ca|']) {
      const r = complete(seed, callout).result;
      assert.equal(r?.context, 'callout-name', callout);
      assert.ok(labels(r).includes('Camilla Broo'), callout);
    }
    assert.equal(complete(seed, '> [!beslut] |').result, undefined);
    assert.equal(complete(seed, 'Magnus sade: |').result, undefined);
    assert.equal(complete(seed, '- Plats: |').result, undefined);
  });

  it('offers role words in the language of the key', () => {
    assert.deepEqual(labels(complete(seed, '- Ny Person [roll:: |]').result), ['ordförande', 'sekreterare', 'justerare', 'ledamot']);
    assert.deepEqual(labels(complete(seed, '- New Person [role:: |]').result), ['chair', 'secretary', 'approver', 'member']);
  });

  it('offers the next meeting, meeting date and today as due dates, labelled', () => {
    const { result } = complete(seed, '- [ ] Ring [senast:: |]');
    assert.equal(result?.context, 'field-date');
    assert.deepEqual(
      result!.candidates.map((c) => [c.label, c.kind === 'date' && c.sources]),
      [['2021-09-08', ['next-meeting']], ['2021-08-20', ['meeting-date']], [TODAY, ['today']]],
    );
    const done = complete(seed, '- [x] Ring [klar:: |]').result!;
    assert.equal(done.candidates[0]!.label, TODAY);
    assert.equal(complete(seed, '- Justeras: Helene Olofsson [signerat:: |]').result?.context, 'field-date');
  });

  it('merges sources of one date', () => {
    const { result } = complete(seed.replace('nästa-möte: 2021-09-08', `nästa-möte: ${TODAY}`), '- [ ] Ring [due:: |]');
    assert.deepEqual(result!.candidates.map((c) => c.kind === 'date' && c.sources), [['next-meeting', 'today'], ['meeting-date']]);
  });

  it('completes front matter dates and names', () => {
    const r = complete(ks, 'nästa-möte: |', 'ledamöter: 5').result;
    // Inserting the line duplicates the key; the line is still completed.
    assert.equal(r?.context, 'front-matter-date');
    const approval = complete(ks, '  datum: |\n', '  plats: Kommunledningskontoret').result;
    assert.equal(approval?.context, 'front-matter-date');
    assert.equal(approval?.candidates[0]!.label, '2024-04-16');
    const chair = complete(ks, 'ordförande: K|\n', 'sekreterare:').result;
    assert.equal(chair?.context, 'front-matter-name');
    assert.ok(labels(chair).includes('Karin Lindqvist'));
    const approvers = complete(ks, 'justerare: [Amir Haddad, |]\n', 'justering:').result;
    assert.ok(!labels(approvers).includes('Amir Haddad'));
    assert.ok(labels(approvers).includes('Per Holmberg'));
    assert.equal(complete(ks, 'plats: |\n', 'paragraf-start').result, undefined);
  });

  it('names people without their party, and people only named in the front matter', () => {
    const r = complete(ks, '- [ ] Ring [ansvarig:: |]').result!;
    assert.ok(labels(r).includes('Amir Haddad'));
    assert.ok(!labels(r).some((l) => l.includes('(')));
    const noAttendance = parseMinutes('---\ntyp: protokoll\nordförande: Ada Lund\n---\n\n## § 1 Test\n\n- [ ] X [ansvarig:: ]\n');
    const off = noAttendance.text.indexOf('ansvarig:: ') + 'ansvarig:: '.length;
    assert.deepEqual(labels(completionsAt(noAttendance, off, { today: TODAY })), ['Ada Lund']);
  });

  it('says nothing in prose, inside closed fields or unknown fields', () => {
    assert.equal(complete(seed, 'Text |').result, undefined);
    assert.equal(complete(seed, '- [ ] Ring [närvaro:: |]').result, undefined);
    assert.equal(complete(seed, '- [ ] Ring [ansvarig:: X] |').result, undefined);
  });

  it('offers ja/nej in [omedelbar-justering:: ] and [sluten:: ], yes/no in English keys', () => {
    const a = complete(ks, '> Paragrafen förklaras omedelbart justerad. [omedelbar-justering:: |]');
    assert.equal(a.result?.context, 'yes-no');
    assert.deepEqual(labels(a.result), ['ja', 'nej']);
    assert.deepEqual(labels(complete(ks, '> [!omröstning] [sluten:: |]').result), ['ja', 'nej']);
    assert.deepEqual(labels(complete(ks, '> [!decision] [immediate-approval::|]').result), ['yes', 'no']);
    assert.equal(complete(ks, '> [!decision] [immediate-approval::|]').result!.candidates[0]!.insertText, ' yes');
  });

  it('offers absent members first in [ersätter:: ]', () => {
    const { result } = complete(ks, '- Ny Ersättare (C) [ersätter:: |]', '### Övriga närvarande');
    assert.equal(result?.context, 'replaces');
    assert.equal(labels(result)[0], 'Birgitta Nordin');
  });

  it('completes a roll call in a vote: serving members, then ja/nej/avstår', () => {
    const anchor = '> Arbetsutskottet har således beslutat';
    const voter = complete(ks, '> - |\n', anchor);
    assert.equal(voter.result?.context, 'voter');
    assert.deepEqual(labels(voter.result), ['Karin Lindqvist', 'Per Holmberg', 'Amir Haddad', 'Lena Sjöberg', 'Johan Ek']);
    const vote = complete(ks, '> - Johan Ek (C): |\n', anchor);
    assert.equal(vote.result?.context, 'vote');
    assert.deepEqual(labels(vote.result), ['ja', 'nej', 'avstår']);
    // A list in an ordinary quote is not a roll call.
    assert.equal(complete(ks, '> - |\n', '> Arbetsutskottet utser Amir Haddad').result, undefined);
  });

  it('offers today and the meeting date after [!rättelse]', () => {
    const { result } = complete(ks, '> [!rättelse] |');
    assert.equal(result?.context, 'correction-date');
    assert.deepEqual(labels(result), [TODAY, '2024-04-16']);
  });
});
