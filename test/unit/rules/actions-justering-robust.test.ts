// MIN040–MIN053 never throw, whatever the input (the engine would hide a throw, so
// call check() directly), and their fixes stay inside the text.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRule } from '../../../src/core/lint/engine';
import { parse, ruleOf } from '../rule-harness';
import type { Report, RuleContext } from '../../../src/core/lint/types';
import type { MinutesDocument } from '../../../src/core/model';

const CODES = ['MIN040', 'MIN041', 'MIN043', 'MIN050', 'MIN051', 'MIN052', 'MIN053'];
const examples = join(__dirname, '..', '..', '..', 'examples');

function run(code: string, text: string, doc: MinutesDocument = parse(text)): Report[] {
  const reports: Report[] = [];
  const ctx: RuleContext = { doc, profile: doc.effectiveProfile, language: doc.language, today: '2024-06-01', report: (r) => void reports.push(r), ask: (q) => void reports.push({ span: q.span, message: { sv: '', en: '' } }) };
  checkRule(ruleOf(code), ctx);
  for (const r of reports) {
    assert.ok(r.span.start >= 0 && r.span.start <= r.span.end && r.span.end <= doc.text.length, `${code} span`);
    for (const e of r.fix?.edits ?? []) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= doc.text.length, `${code} edit`);
  }
  return reports;
}

describe('MIN040–MIN053 on broken input', () => {
  const broken = [
    '',
    '---\n',
    '---\ntyp: protokoll\n',
    '---\ntyp: protokoll\ndatum: [\n---\n## § 1\n- [ ]\n## Justering\n- Justerare:\n## Anslag\n- Anslaget sätts upp: igår\n',
    '---\ntyp: protokoll\ndatum: 2024-02-30\njustering: ja\njusterare: 42\n---\n## Justering\n## Anslag\n',
    '---\ntyp: protokoll\njustering:\n  datum: 2024-01-01\n---\n> [!beslut]\n> X får i uppdrag att\n',
    '## 1. X\n\n> [!beslut] Anna får i uppdrag att\n>\n> - [ ] [ansvarig:: ] [senast:: ]\n',
    '## 1. X\n\nfår i uppdrag att. Ges i uppdrag. is asked to\n\n- får i uppdrag\n  - ges i uppdrag att\n',
    '---\r\ntyp: protokoll\r\ndatum: 2024-04-16\r\n---\r\n## § 1 A\r\n> [!beslut]\r\n> Per uppdras att göra det den 31 februari.\r\n',
  ];
  for (const code of CODES) {
    it(`${code} does not throw`, () => {
      for (const text of broken) run(code, text);
    });
  }

  it('do not throw on every prefix of the examples', function () {
    this.timeout(120000);
    for (const name of ['seed-2021-08-20.md', 'ks-au-2024-04-16.md']) {
      const text = readFileSync(join(examples, name), 'utf8');
      for (let n = 0; n <= text.length; n += 151) {
        const doc = parse(text.slice(0, n));
        for (const code of CODES) run(code, doc.text, doc);
      }
    }
  });
});
