import { strict as assert } from 'node:assert';
import { lintRule } from '../rule-harness';

const doc = (fm: string, justering = '') => `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-04-16
${fm}---

## § 45 Val av justerare

> [!beslut]
> Amir Haddad utses att justera protokollet.
${justering}`;

describe('MIN052 justering-deadline', () => {
  it('accepts a justering on day 14 and reports day 15 at the date', () => {
    assert.deepEqual(lintRule('MIN052', doc('justering:\n  datum: 2024-04-30\nstatus: justerad\n')), []);
    const text = doc('justering:\n  datum: 2024-05-01\n  plats: Kommunhuset\nstatus: justerad\n');
    const findings = lintRule('MIN052', text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'error');
    assert.equal(text.slice(findings[0]!.span.start, findings[0]!.span.end), '2024-05-01');
    assert.match(findings[0]!.message, /15 dagar/);
  });

  it('reports a justering date before the meeting', () => {
    assert.equal(lintRule('MIN052', doc('justering:\n  datum: 2024-04-15\nstatus: justerad\n')).length, 1);
  });

  it('reports unsigned minutes only after 14 days', () => {
    const text = doc('status: för-justering\n', '\n## Justering\n\n- Vid protokollet: Sofia Karlsson [signerat:: 2024-04-18]\n- Justerare: Amir Haddad\n');
    assert.deepEqual(lintRule('MIN052', text, { today: '2024-04-30' }), []);
    const findings = lintRule('MIN052', text, { today: '2024-05-01' });
    assert.equal(findings.length, 1);
    assert.equal(text.slice(findings[0]!.span.start, findings[0]!.span.end), 'för-justering');
  });

  it('accepts minutes whose signers all signed in time, without a status', () => {
    const text = doc('', '\n## Justering\n\n- Vid protokollet: Sofia Karlsson [signerat:: 2024-04-18]\n- Justerare: Amir Haddad [signerat:: 2024-04-19]\n');
    assert.deepEqual(lintRule('MIN052', text, { today: '2024-12-01' }), []);
  });

  it('reports a signature dated after the deadline', () => {
    const text = doc('status: justerad\n', '\n## Justering\n\n- Vid protokollet: Sofia Karlsson [signerat:: 2024-04-18]\n- Justerare: Amir Haddad [signerat:: 2024-05-20]\n');
    const findings = lintRule('MIN052', text);
    assert.equal(findings.length, 1);
    assert.equal(text.slice(findings[0]!.span.start, findings[0]!.span.end), '2024-05-20');
  });

  it('treats minutes without signer lines and status as unsigned; info for notes', () => {
    const text = doc('').replace('typ: protokoll', 'typ: minnesanteckningar');
    const findings = lintRule('MIN052', text, { today: '2024-06-01' });
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'info');
    assert.match(findings[0]!.message, /Anteckningarna är inte justerade 46 dagar/);
  });

  it('does nothing without a valid meeting date', () => {
    assert.deepEqual(lintRule('MIN052', doc('').replace('datum: 2024-04-16', 'datum: 16 april 2024')), []);
  });
});
