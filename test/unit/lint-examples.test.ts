// The linter on the example documents in examples/: the seed reports only its open actions.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_TODAY, lintAll } from './rule-harness';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const read = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');

/** Rules MIN001–MIN032 (document structure, people, items, decisions). */
const STRUCTURE_RULES = ['MIN001', 'MIN002', 'MIN010', 'MIN011', 'MIN012', 'MIN013', 'MIN020', 'MIN021', 'MIN030', 'MIN031', 'MIN032'];

describe('lint on examples/', () => {
  it('seed: only the actions without owner or due date are reported', () => {
    const text = read('seed-2021-08-20.md');
    const findings = lintAll(text, { today: EXAMPLE_TODAY });
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    const got = findings.map((f) => `${f.code} line ${lineOf(f.span.start)}`);
    const item4 = text.indexOf('- [ ] Uppdatera halvårsrapporten');
    const item10 = text.indexOf('- [ ] Administrera mötet');
    assert.ok(item4 > 0 && item10 > 0);
    assert.deepEqual(got, [
      `MIN040 line ${lineOf(item4)}`,
      `MIN041 line ${lineOf(item4)}`,
      `MIN041 line ${lineOf(item10)}`,
    ]);
    for (const f of findings) assert.notEqual(f.severity, 'error');
  });

  for (const name of ['seed-2021-08-20.md', 'board-2024-03-12.md', 'ks-au-2024-04-16.md']) {
    it(`${name}: no structure finding (${STRUCTURE_RULES[0]}–${STRUCTURE_RULES.at(-1)})`, function () {
      const findings = lintAll(read(name)).filter((f) => STRUCTURE_RULES.includes(f.code));
      assert.deepEqual(findings.map((f) => `${f.code} ${f.message}`), []);
    });
  }
});
