import { strict as assert } from 'node:assert';
import { noticeBlock } from '../../../src/core/lint/blocks';
import { fixRule, lintRule, parse } from '../rule-harness';

const doc = (fm: string, rest = '') => `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-04-16
${fm}---

## § 45 Val av justerare

> [!beslut]
> Amir Haddad utses att justera protokollet.
${rest}`;

describe('MIN053 anslag', () => {
  it('computes the dates from the latest signature when there is no justering date', () => {
    const justering = '\n## Justering\n\n- Vid protokollet: Sofia Karlsson [signerat:: 2024-04-17]\n- Justerare: Amir Haddad [signerat:: 2024-04-19]\n';
    assert.equal(
      fixRule('MIN053', doc('', justering)),
      doc('', justering + '\n## Anslag\n\n- Anslaget sätts upp: 2024-04-19\n- Anslaget tas ned: 2024-05-10\n- Förvaringsplats: (ange var protokollet förvaras)\n'),
    );
  });

  it('leaves the dates empty when the justering date is unknown, and then reports only the storage placeholder', () => {
    const fixed = fixRule('MIN053', doc(''));
    assert.equal(fixed, doc('', '\n## Anslag\n\n- Anslaget sätts upp:\n- Anslaget tas ned:\n- Förvaringsplats: (ange var protokollet förvaras)\n'));
    const after = lintRule('MIN053', fixed);
    assert.equal(after.length, 1);
    assert.equal(after[0]!.fix, undefined);
    assert.equal(fixed.slice(after[0]!.span.start, after[0]!.span.end), '(ange var protokollet förvaras)');
  });

  it('reports a missing or empty storage place, and fills in a placeholder', () => {
    const bare = doc('justering:\n  datum: 2024-04-18\n', '\n## Anslag\n\n- Anslaget sätts upp: 2024-04-19\n- Anslaget tas ned: 2024-05-13\n- Förvaringsplats:\n');
    assert.equal(lintRule('MIN053', bare).length, 1);
    assert.equal(fixRule('MIN053', bare), bare.replace('Förvaringsplats:', 'Förvaringsplats: (ange var protokollet förvaras)'));
  });

  it('fills in empty dates once the justering date is known', () => {
    const text = doc('justering:\n  datum: 2024-04-18\n', '\n## Anslag\n\n- Anslaget sätts upp:\n- Förvaringsplats: Kansliet\n');
    assert.equal(
      fixRule('MIN053', text),
      doc('justering:\n  datum: 2024-04-18\n', '\n## Anslag\n\n- Anslaget sätts upp: 2024-04-18\n- Förvaringsplats: Kansliet\n- Anslaget tas ned: 2024-05-09\n'),
    );
  });

  it('accepts posting two days after the justering for exactly three weeks', () => {
    const text = doc('justering:\n  datum: 2024-04-18\n', '\n## Anslag\n\n- Anslaget sätts upp: 2024-04-20\n- Anslaget tas ned: 2024-05-11\n- Förvaringsplats: Kansliet\n');
    assert.deepEqual(lintRule('MIN053', text), []);
  });

  it('reports posting before the justering', () => {
    const text = doc('justering:\n  datum: 2024-04-18\n', '\n## Anslag\n\n- Anslaget sätts upp: 2024-04-17\n- Anslaget tas ned: 2024-05-09\n- Förvaringsplats: Kansliet\n');
    const findings = lintRule('MIN053', text);
    assert.equal(findings.length, 1);
    assert.equal(text.slice(findings[0]!.span.start, findings[0]!.span.end), '2024-04-17');
  });

  it('is off for notes and English minutes, even when switched on', () => {
    const notes = doc('').replace('typ: protokoll', 'typ: minnesanteckningar');
    assert.deepEqual(lintRule('MIN053', notes, { severity: 'warning' }), []);
    const en = doc('').replace('typ: protokoll', 'typ: minutes');
    assert.equal(parse(en).language, 'en');
    assert.deepEqual(lintRule('MIN053', en), []);
  });

  it('noticeBlock uses CRLF when the document does', () => {
    const d = parse(doc('justering:\n  datum: 2024-04-18\n').replace(/\n/g, '\r\n'));
    assert.equal(noticeBlock(d), '## Anslag\r\n\r\n- Anslaget sätts upp: 2024-04-18\r\n- Anslaget tas ned: 2024-05-09\r\n- Förvaringsplats: (ange var protokollet förvaras)\r\n');
  });
});
