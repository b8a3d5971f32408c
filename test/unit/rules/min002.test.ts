import { strict as assert } from 'node:assert';
import { fixRule, lintRule } from '../rule-harness';

const FM = (extra: string) => `---\ntyp: protokoll\norgan: KS\ndatum: 2024-04-16\n${extra}---\n\n## § 1 Val av justerare\n\n> [!beslut]\n> Amir Haddad utses.\n`;

describe('MIN002 date-format', () => {
  it('checks and fixes justering.datum in a block map, resolving a date without year from the meeting', () => {
    const text = FM('justering:\n  datum: den 18 april\n  plats: Kommunhuset\n');
    const findings = lintRule('MIN002', text);
    assert.equal(findings.length, 1);
    assert.equal(text.slice(findings[0]!.span.start, findings[0]!.span.end), 'den 18 april');
    assert.equal(fixRule('MIN002', text), FM('justering:\n  datum: 2024-04-18\n  plats: Kommunhuset\n'));
  });

  it('checks justering.datum in a flow map and replaces a quoted value with its quotes', () => {
    const text = FM('justering: {datum: "18 april 2024", plats: Kommunhuset}\n');
    assert.equal(fixRule('MIN002', text), FM('justering: {datum: 2024-04-18, plats: Kommunhuset}\n'));
  });

  it('fixes nästa-möte and pads a loose ISO date', () => {
    assert.equal(fixRule('MIN002', FM('nästa-möte: 14 maj\n')), FM('nästa-möte: 2024-05-14\n'));
    assert.equal(fixRule('MIN002', FM('nästa-möte: 2024-5-14\n')), FM('nästa-möte: 2024-05-14\n'));
  });

  it('checks the date part of [från::] and leaves the § reference alone', () => {
    const body = (from: string) => `---\ntyp: minnesanteckningar\norgan: LG\ndatum: 2021-08-20\n---\n\n## 1. Uppföljning\n\n- [/] Se över rutinen [ansvarig:: Anna] [senast:: 2021-09-08] [från:: ${from}]\n`;
    assert.deepEqual(lintRule('MIN002', body('2021-05-07 §4')), []);
    assert.deepEqual(lintRule('MIN002', body('2021-05-07 §4.2')), []);
    const findings = lintRule('MIN002', body('7 maj 2021 §4'));
    assert.equal(findings.length, 1);
    assert.equal(fixRule('MIN002', body('7 maj 2021 §4')), body('2021-05-07 §4'));
    // Without a year the earlier meeting cannot be known: reported, not guessed.
    const noYear = lintRule('MIN002', body('7 maj §4'));
    assert.equal(noYear.length, 1);
    assert.equal(noYear[0]!.fix, undefined);
  });

  it('reports an impossible date without a fix, and skips empty values', () => {
    const text = `---\ntype: notes\nbody: PTA\ndate: 2024-03-12\nnext-meeting:\n---\n\n## 1. Fair\n\n- [ ] Book [owner:: Ann] [due:: 2024-13-01]\n`;
    const findings = lintRule('MIN002', text);
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /Invalid date "2024-13-01" in `due`/);
    assert.equal(findings[0]!.fix, undefined);
  });

  it('checks [signerat::] in the justering', () => {
    const text = FM('') + '\n## Justering\n\n- Vid protokollet: Sofia Karlsson [signerat:: 18/4 2024]\n';
    assert.equal(fixRule('MIN002', text), text.replace('18/4 2024', '2024-04-18'));
  });
});
