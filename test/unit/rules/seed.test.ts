// The whole linter on the real examples: the seed reports exactly its two incomplete
// actions; the other examples are clean for the action and justering rules.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintAll } from '../rule-harness';
import { LineIndex } from '../../../src/core/text';

const examples = join(__dirname, '..', '..', '..', 'examples');
const read = (name: string) => readFileSync(join(examples, name), 'utf8');

describe('the whole linter on the examples', () => {
  it('reports exactly the seed\'s §4 action (owner, due) and §10 action (due)', () => {
    const text = read('seed-2021-08-20.md');
    const index = new LineIndex(text);
    const findings = lintAll(text, { today: '2021-08-30' }).map((f) => ({
      code: f.code,
      severity: f.severity,
      line: index.positionAt(f.span.start).line + 1,
      text: text.slice(f.span.start, f.span.end),
    }));
    const line4 = text.split('\n').findIndex((l) => l.startsWith('- [ ] Uppdatera halvårsrapporten')) + 1;
    const line10 = text.split('\n').findIndex((l) => l.includes('- [ ] Administrera mötet')) + 1;
    assert.deepEqual(findings, [
      { code: 'MIN040', severity: 'warning', line: line4, text: '[ ] Uppdatera halvårsrapporten med färgmarkering (grönt = genomfört, gult = pågår)' },
      { code: 'MIN041', severity: 'info', line: line4, text: '[ ] Uppdatera halvårsrapporten med färgmarkering (grönt = genomfört, gult = pågår)' },
      { code: 'MIN041', severity: 'info', line: line10, text: '[ ] Administrera mötet med Södertörnskommunerna, Nacka och Ekerö [ansvarig:: Magnus Gyllestad]' },
    ]);
  });

  const own = ['MIN040', 'MIN041', 'MIN043', 'MIN050', 'MIN051', 'MIN052', 'MIN053'];
  for (const [name, today] of [['board-2024-03-12.md', '2024-06-01'], ['ks-au-2024-04-16.md', '2024-06-01'], ['seed-2021-08-20.md', '2024-06-01']] as const) {
    it(`MIN043 and MIN05x report nothing on ${name}`, function () {
      const findings = lintAll(read(name), { today }).filter((f) => own.includes(f.code) && !(name.startsWith('seed') && ['MIN040', 'MIN041'].includes(f.code)));
      assert.deepEqual(findings.map((f) => `${f.code} ${f.message}`), []);
    });
  }
});
