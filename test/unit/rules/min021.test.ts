import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixRule, lintRule } from '../rule-harness';

const KS_AU = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'ks-au-2024-04-16.md'), 'utf8');

describe('MIN021 item-sequence', () => {
  it('accepts the protokoll example numbered from paragraf-start 45', () => {
    assert.deepEqual(lintRule('MIN021', KS_AU), []);
  });

  it('renumbers the protokoll example to a new paragraf-start, with Justerade paragrafer', () => {
    const text = KS_AU.replace('paragraf-start: 45', 'paragraf-start: 12');
    const findings = lintRule('MIN021', text);
    assert.equal(findings.length, 8, 'one finding per heading');
    // Every finding offers the same renumber-all fix.
    const fixes = findings.map((f) => JSON.stringify(f.fix?.edits));
    assert.equal(new Set(fixes).size, 1);
    assert.match(findings[0]!.message, /väntat `§ 12`/);

    const fixed = fixRule('MIN021', text);
    for (let n = 12; n <= 19; n++) assert.ok(fixed.includes(`\n## § ${n} `), `§ ${n} missing`);
    assert.ok(!/\n## § 4\d /.test(fixed));
    assert.ok(fixed.includes('- Justerade paragrafer: § 12–19'));
    // Titles, fields and references to other meetings are kept.
    assert.ok(fixed.includes('## § 14 Ekonomisk uppföljning per mars 2024 [dnr:: KS 2024/31]'));
    assert.ok(fixed.includes('[från:: 2024-03-19 §38]'));
    assert.equal(fixed.length, text.length, 'each two-digit number became a two-digit number');
    assert.deepEqual(lintRule('MIN021', fixed), []);
  });

  it('closes a gap left by a removed item, in place', () => {
    const start = KS_AU.indexOf('## § 46');
    const end = KS_AU.indexOf('## § 47');
    const text = KS_AU.slice(0, start) + KS_AU.slice(end);
    const findings = lintRule('MIN021', text);
    assert.deepEqual(findings.map((f) => text.slice(f.span.start, f.span.end)), ['§ 47', '§ 48', '§ 49', '§ 50', '§ 51', '§ 52']);
    const fixed = fixRule('MIN021', text);
    assert.ok(fixed.includes('## § 46 Ekonomisk uppföljning'));
    assert.ok(fixed.includes('## § 51 Anmälan av delegationsbeslut'));
    assert.ok(fixed.includes('- Justerade paragrafer: § 45–51'));
  });

  it('defaults to 1 without paragraf-start and numbers an unnumbered heading in the profile style', () => {
    const text = '---\ntyp: protokoll\norgan: KS\ndatum: 2024-04-16\n---\n\n## § 1 Val av justerare\n\n> [!beslut]\n> Ja.\n\n## Dagordning\n\n> [!beslut]\n> Godkänns.\n';
    const findings = lintRule('MIN021', text);
    assert.equal(findings.length, 1);
    assert.equal(fixRule('MIN021', text), text.replace('## Dagordning', '## § 2 Dagordning'));
  });

  it('keeps each heading\'s own style when renumbering (MIN020 normalises the form)', () => {
    const text = '---\ntyp: minnesanteckningar\norgan: LG\ndatum: 2021-08-20\n---\n\n## 1. A\n\nx\n\n## 3) B\n\ny\n';
    assert.equal(fixRule('MIN021', text), text.replace('## 3) B', '## 2) B'));
  });

  it('without paragraf-start, a protokoll starting at § 155 is numbered from 155', () => {
    const text = '---\ntyp: protokoll\norgan: KS\ndatum: 2024-11-12\n---\n\n## § 155 A\n\n> [!beslut]\n> Ja.\n\n## § 156 B\n\n> [!beslut]\n> Ja.\n\n## § 158 C\n\n> [!beslut]\n> Ja.\n';
    const findings = lintRule('MIN021', text);
    assert.deepEqual(findings.map((f) => text.slice(f.span.start, f.span.end)), ['§ 158']);
    assert.match(findings[0]!.message, /väntat `§ 157`/);
  });

  it('writes Justerade paragrafer from the numbering after the fix (5, 6, 8, 8 → § 5–8)', () => {
    const item = (n: number) => `## § ${n} Ärende ${n}\n\n> [!beslut]\n> Ja.\n\n`;
    const text = `---\ntyp: protokoll\norgan: KS\ndatum: 2024-04-16\n---\n\n${[5, 6, 8, 8].map(item).join('')}## Justering\n\n- Justerade paragrafer: § 5–8\n`;
    const fixed = fixRule('MIN021', text);
    assert.ok(fixed.includes('## § 7 Ärende 8') && fixed.includes('## § 8 Ärende 8'));
    assert.ok(fixed.includes('- Justerade paragrafer: § 5–8\n'), fixed);
    assert.deepEqual(lintRule('MIN021', fixed), []);
  });

  it('does nothing on a document without items', () => {
    assert.deepEqual(lintRule('MIN021', '---\ntyp: protokoll\norgan: KS\ndatum: 2024-04-16\n---\n'), []);
  });
});
