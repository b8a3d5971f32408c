// MIN010–MIN013: attendance, chair, secretary and unknown people beyond the examples.
import { strict as assert } from 'node:assert';
import { fixRule, lintRule } from '../rule-harness';

const FM = '---\ntyp: protokoll\norgan: KS AU\ndatum: 2024-04-16\nordförande: Karin Lindqvist\nsekreterare: Sofia Karlsson\njusterare: [Amir Haddad]\n---\n\n';
const ITEM = '## § 1 Val av justerare\n\n> [!beslut]\n> Amir Haddad utses.\n';

describe('MIN010 attendance', () => {
  it('lists a person with two roles once, with one role field', () => {
    const text = '---\ntyp: protokoll\norgan: KS AU\ndatum: 2024-04-16\nordförande: Karin Lindqvist\njusterare: [Karin Lindqvist]\n---\n\n' + ITEM;
    assert.ok(fixRule('MIN010', text).includes('## Närvarande\n\n- Karin Lindqvist [roll:: ordförande, justerare]\n\n## § 1'));
  });

  it('inserts at the end of a document with only a title', () => {
    const text = '---\ntype: notes\nbody: PTA\ndate: 2024-03-12\n---\n\n# Notes';
    assert.equal(fixRule('MIN010', text), '---\ntype: notes\nbody: PTA\ndate: 2024-03-12\n---\n\n# Notes\n\n## Attendance\n\n- \n');
  });
});

describe('MIN011 chair / MIN012 secretary', () => {
  it('adds the chair from the front matter to the members group with the role', () => {
    const text = `${FM}## Närvarande\n\n### Beslutande\n\n- Per Holmberg (M)\n\n### Övriga närvarande\n\n- Sofia Karlsson [roll:: sekreterare]\n\n### Frånvarande\n\n- Birgitta Nordin (C)\n\n${ITEM}`;
    const fixed = fixRule('MIN011', text);
    assert.ok(fixed.includes('### Beslutande\n\n- Per Holmberg (M)\n- Karin Lindqvist [roll:: ordförande]\n\n### Övriga'));
    assert.deepEqual(lintRule('MIN011', fixed), []);
    assert.deepEqual(lintRule('MIN012', fixed), []);
  });

  it('appends the role to an existing role field', () => {
    const text = `${FM}## Närvarande\n\n- Karin Lindqvist (S) [roll:: justerare]\n- Sofia Karlsson [roll:: sekreterare]\n\n${ITEM}`;
    assert.ok(fixRule('MIN011', text).includes('- Karin Lindqvist (S) [roll:: justerare, ordförande]\n'));
  });

  it('accepts the chair named only by the signature line', () => {
    const text = `---\ntyp: protokoll\norgan: KS AU\ndatum: 2024-04-16\n---\n\n## Närvarande\n\n- Karin Lindqvist\n- Sofia Karlsson\n\n${ITEM}\n## Justering\n\n- Vid protokollet: Sofia Karlsson\n- Ordförande: Karin Lindqvist\n`;
    assert.deepEqual(lintRule('MIN011', text), []);
    assert.deepEqual(lintRule('MIN012', text), []);
  });

  it('leaves a missing attendance section to MIN010', () => {
    assert.deepEqual(lintRule('MIN011', FM + ITEM), []);
    assert.deepEqual(lintRule('MIN013', FM + ITEM + '\n## Justering\n\n- Justerare: Amir Haddad\n'), []);
  });
});

describe('MIN013 unknown-person', () => {
  const ATT = `${FM}## Närvarande\n\n### Beslutande\n\n- Karin Lindqvist (S) [roll:: ordförande]\n- Amir Haddad (M) [roll:: justerare]\n\n### Övriga närvarande\n\n- Sofia Karlsson [roll:: sekreterare]\n\n### Frånvarande\n\n- Birgitta Nordin (C)\n\n`;

  it('matches a lone first name to the one attendee who has it, and absent people by name', () => {
    const text = `${ATT}${ITEM}\n- [ ] Skicka beslutet [ansvarig:: Sofia] [senast:: 2024-04-20]\n- [ ] Informera [ansvarig:: Birgitta Nordin] [senast:: 2024-04-20]\n`;
    assert.deepEqual(lintRule('MIN013', text), []);
  });

  it('adds an unknown owner to Övriga närvarande and a dissenting member to Beslutande', () => {
    const text = `${ATT}${ITEM}\n> [!reservation] Per Holmberg (M)\n> Vi reserverar oss.\n\n- [ ] Skicka beslutet [ansvarig:: Eva Strand] [senast:: 2024-04-20]\n`;
    const fixed = fixRule('MIN013', text);
    assert.ok(fixed.includes('- Amir Haddad (M) [roll:: justerare]\n- Per Holmberg (M)\n\n### Övriga'));
    assert.ok(fixed.includes('- Sofia Karlsson [roll:: sekreterare]\n- Eva Strand\n\n### Frånvarande'));
  });

  it('reports each owner of a shared action with its own span', () => {
    const text = `${ATT}${ITEM}\n- [ ] Utred [ansvarig:: Eva Strand och Mattias Berg] [senast:: 2024-04-20]\n`;
    const findings = lintRule('MIN013', text);
    assert.deepEqual(findings.map((f) => text.slice(f.span.start, f.span.end)), ['Eva Strand', 'Mattias Berg']);
  });

  it('offers no fix for a name that would not read back as a person', () => {
    const text = `${ATT}${ITEM}\n- [ ] Utred [ansvarig:: # Kansliet [dnr:: 1] [senast:: 2024-04-20]\n`;
    const findings = lintRule('MIN013', text);
    assert.ok(findings.length >= 1);
    assert.ok(findings.every((f) => !f.fix));
  });
});
