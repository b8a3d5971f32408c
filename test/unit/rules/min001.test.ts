import { strict as assert } from 'node:assert';
import { fixRule, lintRule } from '../rule-harness';

const BODY = '\n# Protokoll\n\n## § 1 Val av justerare\n\n> [!beslut]\n> Amir Haddad utses.\n';

describe('MIN001 front-matter', () => {
  for (const [what, fm, fixedFm] of [
    ['an unclosed flow sequence', '---\ntyp: protokoll\norgan: [Kommunstyrelsen\ndatum: 2024-04-16\n---\n', '---\ntyp: protokoll\norgan: [Kommunstyrelsen]\ndatum: 2024-04-16\n---\n'],
    ['a tab indentation', '---\ntyp: protokoll\norgan: KS\njustering:\n\tdatum: 2024-04-18\ndatum: 2024-04-16\n---\n', undefined],
    ['a value with an unbalanced quote', '---\ntyp: protokoll\norgan: "KS\ndatum: 2024-04-16\n---\n', '---\ntyp: protokoll\norgan: "KS"\ndatum: 2024-04-16\n---\n'],
    ['a list instead of a map', '---\n- typ: protokoll\n- organ: KS\n---\n', undefined],
  ] as const) {
    it(`reports broken YAML (${what}); a fix only adds what is missing`, () => {
      const text = fm + BODY;
      const findings = lintRule('MIN001', text);
      assert.equal(findings.length, 1, findings.map((f) => f.message).join('\n'));
      assert.match(findings[0]!.message, /inte giltig YAML|not valid YAML/);
      const span = findings[0]!.span;
      assert.ok(span.start >= 0 && span.end <= fm.length, 'the span lies in the front matter');
      assert.equal(fixRule('MIN001', text), (fixedFm ?? fm) + BODY);
      if (!fixedFm) assert.equal(findings[0]!.fix, undefined);
    });
  }

  it('reports an unterminated front matter without a fix', () => {
    const text = '---\ntyp: protokoll\norgan: KS\ndatum: 2024-04-16\n' + BODY;
    const findings = lintRule('MIN001', text);
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /avslutande `---`/);
    assert.equal(fixRule('MIN001', text), text);
  });

  it('adds every missing key before the closing fence, in the document\'s language', () => {
    const text = '---\ntype: minutes\n---\n\n## 1. Opening\n';
    assert.equal(lintRule('MIN001', text).length, 2);
    assert.equal(fixRule('MIN001', text), '---\ntype: minutes\nbody: \ndate: \n---\n\n## 1. Opening\n');
  });

  it('reports empty values (what a template leaves for the user) without a fix', () => {
    const text = '---\ntyp: protokoll\norgan:\ndatum: \n---\n' + BODY;
    const findings = lintRule('MIN001', text);
    assert.equal(findings.length, 2);
    assert.ok(findings.every((f) => !f.fix));
    assert.deepEqual(findings.map((f) => text.slice(f.span.start, f.span.end)), ['organ:', 'datum:']);
  });

  it('reports an unknown type', () => {
    const text = '---\ntyp: anteckningar\norgan: KS\ndatum: 2024-04-16\n---\n' + BODY;
    const findings = lintRule('MIN001', text);
    assert.equal(findings.length, 1);
    assert.equal(text.slice(findings[0]!.span.start, findings[0]!.span.end), 'anteckningar');
  });

  it('inserts a whole front matter in a CRLF document with a BOM, and into an empty one', () => {
    const text = '\uFEFF# Minnesanteckningar\r\n\r\n## 1. Välkommen\r\n';
    assert.equal(
      fixRule('MIN001', text),
      '\uFEFF---\r\ntyp: minnesanteckningar\r\norgan: \r\ndatum: \r\n---\r\n\r\n# Minnesanteckningar\r\n\r\n## 1. Välkommen\r\n',
    );
    assert.equal(fixRule('MIN001', ''), '---\ntyp: minnesanteckningar\norgan: \ndatum: \n---\n');
  });
});
