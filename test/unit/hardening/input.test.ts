// Issue 16, items 9 and 13: YAML aliases in the front matter, and CR-only line endings.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixText, lint } from '../../../src/core/lint/engine';
import { parseMinutes } from '../../../src/core/parser';

const today = '2024-05-02';
const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');

describe('hardening: YAML aliases (item 9)', () => {
  it('resolves an alias to its anchor', () => {
    const doc = parseMinutes('---\ntyp: protokoll\nx: &o Styrelsen\norgan: *o\ndatum: 2024-05-01\njusterare: &j [Bo Ek]\njustering: &a\n  datum: 2024-05-03\napproval2: *a\n---\n\n## § 1 Start\n');
    assert.equal(doc.frontMatter?.body, 'Styrelsen');
    assert.equal(doc.frontMatter?.values.body?.value, 'Styrelsen');
    assert.ok(!lint(doc, { today }).some((f) => f.code === 'MIN001'), JSON.stringify(lint(doc, { today }).filter((f) => f.code === 'MIN001')));
  });

  it('resolves an alias to a map (the justering date) and a list (approvers)', () => {
    const doc = parseMinutes('---\ntyp: protokoll\norgan: Styrelsen\ndatum: 2024-05-01\nx: &a\n  datum: 2024-05-03\njustering: *a\ny: &j [Bo Ek, Anna Berg]\njusterare: *j\n---\n\n## § 1 Start\n');
    assert.deepEqual(doc.frontMatter?.approval, { date: '2024-05-03' });
    assert.equal(doc.frontMatter?.approvalDate?.value, '2024-05-03');
    assert.deepEqual(doc.frontMatter?.approvers, ['Bo Ek', 'Anna Berg']);
  });

  it('does not expand an alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)];
    const doc = parseMinutes(`---\ntyp: protokoll\norgan: Styrelsen\ndatum: 2024-05-01\n${bomb.join('\n')}\njusterare: *i\n---\n\n## § 1 Start\n`);
    assert.equal(doc.frontMatter?.body, 'Styrelsen');
    assert.deepEqual(doc.frontMatter?.approvers, []);
  });
});

describe('hardening: CR-only line endings (item 13)', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.md')).sort();
  for (const file of files) {
    it(`${file}: reads and fixes a CR-only copy as the LF original, in CRs`, () => {
      const lf = readFileSync(join(EXAMPLES, file), 'utf8').replace(/\r\n?/g, '\n');
      const cr = lf.replace(/\n/g, '\r');
      const codes = (t: string) => lint(parseMinutes(t), { today }).map((f) => `${f.code} ${f.message}`);
      assert.deepEqual(codes(cr), codes(lf));
      const fixedLf = fixText(lf, (t) => parseMinutes(t), { today }).text;
      const fixedCr = fixText(cr, (t) => parseMinutes(t), { today }).text;
      assert.ok(!fixedCr.includes('\n'), 'no LF in the fixed CR file');
      assert.equal(fixedCr, fixedLf.replace(/\n/g, '\r'));
    });
  }

  it('does not report CR-only front matter as invalid YAML', () => {
    const text = '---\rtyp: minnesanteckningar\rorgan: Styrelsen\rdatum: 2024-05-01\r---\r\r## 1. Start\r\rText.\r';
    const doc = parseMinutes(text);
    assert.equal(doc.frontMatter?.yamlError, undefined);
    assert.equal(doc.frontMatter?.body, 'Styrelsen');
  });
});
