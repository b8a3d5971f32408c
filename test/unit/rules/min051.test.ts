import { strict as assert } from 'node:assert';
import { lintRule } from '../rule-harness';

const doc = (fm: string, attendance: string, justering: string) => `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-04-16
sekreterare: Sofia Karlsson
${fm}---

## Närvarande

${attendance}
## § 45 Val av justerare

> [!beslut]
> Justerare utses.

## Justering

- Vid protokollet: Sofia Karlsson
- Ordförande: Karin Lindqvist
${justering}`;

const PRESENT = '### Beslutande\n\n- Karin Lindqvist (S) [roll:: ordförande]\n- Amir Haddad (M)\n\n### Frånvarande\n\n- Lena Sjöberg (S)\n';

describe('MIN051 justerare-invalid', () => {
  it('accepts an approver who attended, written with a party', () => {
    assert.deepEqual(lintRule('MIN051', doc('justerare: [Amir Haddad (M)]\n', PRESENT, '- Justerare: Amir Haddad\n')), []);
  });

  it('reports an approver who is not in the attendance list, at the name', () => {
    const text = doc('', PRESENT, '- Justerare: Olle Holm\n');
    const findings = lintRule('MIN051', text);
    assert.equal(findings.length, 1);
    assert.equal(text.slice(findings[0]!.span.start, findings[0]!.span.end), 'Olle Holm');
    assert.match(findings[0]!.message, /finns inte bland de närvarande/);
  });

  it('reports a front matter approver only once, at the front matter when there is no signer line', () => {
    const text = doc('justerare: [Amir Haddad, Lena Sjöberg]\n', PRESENT, '- Justerare: Amir Haddad\n');
    const findings = lintRule('MIN051', text);
    assert.equal(findings.length, 1);
    assert.equal(text.slice(findings[0]!.span.start, findings[0]!.span.end), 'Lena Sjöberg');
    assert.match(findings[0]!.message, /frånvarande/);
  });

  it('reports the recorder as approver (from the signer lines or the front matter)', () => {
    const text = doc('', PRESENT + '\n### Övriga närvarande\n\n- Sofia Karlsson\n', '- Justerare: Sofia Karlsson\n');
    const findings = lintRule('MIN051', text);
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /för också protokollet/);
  });

  it('skips the attendance check without an attendance list', () => {
    const text = doc('', '', '- Justerare: Olle Holm\n').replace('## Närvarande\n\n', '');
    assert.deepEqual(lintRule('MIN051', text), []);
  });
});
