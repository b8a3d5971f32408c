// MIN001's words for broken front matter: the usual slips explained, and fixes that
// only ever add characters.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeFull } from '../../src/core/analysis';
import { applyEdits, resolveRules } from '../../src/core/lint/engine';
import { parseMinutes } from '../../src/core/parser';
import type { Finding } from '../../src/core/lint/types';

const only001 = resolveRules({ MIN002: 'off', MIN010: 'off', MIN011: 'off', MIN012: 'off', MIN030: 'off', MIN050: 'off', MIN052: 'off', MIN053: 'off' });
const body = '\n## § 1 Val av justerare\n\n> [!beslut]\n> Amir Haddad utses att justera protokollet.\n';
const doc = (yaml: string) => `---\n${yaml}---\n${body}`;

function min001(text: string): Finding[] {
  return analyzeFull(text, { today: '2024-05-01', rules: only001 }).findings.filter((f) => f.code === 'MIN001');
}

/** Whether `after` holds every character of `before`, in order (nothing was deleted). */
function keeps(before: string, after: string): boolean {
  let i = 0;
  for (const c of after) if (c === before[i]) i++;
  return i === before.length;
}

const cases: { name: string; yaml: string; says: RegExp; fixed?: string }[] = [
  { name: 'no space after a colon', yaml: 'typ: protokoll\ndatum:2024-04-16\norgan: KS\n', says: /mellanslag saknas efter `datum:`/, fixed: 'typ: protokoll\ndatum: 2024-04-16\norgan: KS\n' },
  { name: 'a colon in a value', yaml: 'typ: protokoll\norgan: KS: arbetsutskott\ndatum: 2024-04-16\n', says: /värdet av `organ` innehåller ett kolon/, fixed: 'typ: protokoll\norgan: "KS: arbetsutskott"\ndatum: 2024-04-16\n' },
  { name: 'a colon and a quote in a value', yaml: 'typ: protokoll\norgan: KS: "AU"\ndatum: 2024-04-16\n', says: /innehåller ett kolon/, fixed: 'typ: protokoll\norgan: \'KS: "AU"\'\ndatum: 2024-04-16\n' },
  { name: 'a value starting with @', yaml: 'typ: protokoll\norgan: KS\ndatum: 2024-04-16\nplats: @rådhuset\n', says: /kan inte börja med `@`/, fixed: 'typ: protokoll\norgan: KS\ndatum: 2024-04-16\nplats: "@rådhuset"\n' },
  { name: 'an unclosed quote', yaml: 'typ: protokoll\norgan: "KS\ndatum: 2024-04-16\n', says: /citattecknet `"` stängs aldrig/, fixed: 'typ: protokoll\norgan: "KS"\ndatum: 2024-04-16\n' },
  { name: 'an unclosed list', yaml: 'typ: protokoll\njusterare: [Anna, Bo\norgan: KS\ndatum: 2024-04-16\n', says: /listan i `justerare`/, fixed: 'typ: protokoll\njusterare: [Anna, Bo]\norgan: KS\ndatum: 2024-04-16\n' },
  { name: 'a tab', yaml: 'typ: protokoll\norgan: KS\ndatum: 2024-04-16\njustering:\n\tdatum: 2024-04-18\n', says: /tabbar kan inte användas som indrag/ },
  { name: 'a stray indent', yaml: 'typ: protokoll\n  organ: KS\ndatum: 2024-04-16\n', says: /indragen fast den inte hör till raden ovanför/ },
];

describe('MIN001 on broken YAML', () => {
  for (const c of cases) {
    it(`explains ${c.name}${c.fixed ? ' and fixes it' : ''}`, () => {
      const text = doc(c.yaml);
      const [finding, ...more] = min001(text);
      assert.ok(finding, 'a MIN001 finding');
      assert.deepEqual(more, []);
      assert.match(finding.message, c.says);
      assert.doesNotMatch(finding.message, /[A-Z][a-z]+ [a-z]+ (?:are|is|must|cannot) /, 'no English from the YAML library');
      if (!c.fixed) {
        assert.equal(finding.fix, undefined);
        return;
      }
      const after = applyEdits(text, finding.fix!.edits);
      assert.equal(after, doc(c.fixed));
      assert.deepEqual(min001(after), [], 'the fixed front matter is valid');
    });
  }

  it('keeps the library\'s words for other errors, in English minutes too', () => {
    const [finding] = min001('---\ntype: minutes\nbody: Board\ndate: 2024-03-12\nplace: |x\n---\n\n## 1. Opening\n');
    assert.match(finding!.message, /^Front matter is not valid YAML \(Block scalar header/);
  });

  it('never deletes text with a fix, whatever the front matter', () => {
    const piece = fc.constantFrom('typ', 'organ', 'datum', ':', ': ', ' ', '\t', '"', "'", '[', ']', '@', '`', '#', 'KS', '\n', '  ', '- ', '2024-04-16', '{', '%');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = doc(`typ: protokoll\n${pieces.join('')}\n`);
        const findings = min001(text);
        // A rule that throws is skipped by the engine: broken YAML must still be reported.
        if (parseMinutes(text).frontMatter?.yamlError) assert.ok(findings.length > 0, 'MIN001 reports the broken YAML');
        for (const f of findings) {
          if (f.fix) assert.ok(keeps(text, applyEdits(text, f.fix.edits)), `${f.message} deletes text`);
        }
      }),
      { numRuns: 500 },
    );
  });
});
