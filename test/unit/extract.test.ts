import { strict as assert } from 'node:assert';
import { buildExtract, itemAt } from '../../src/core/extract';
import { parseMinutes } from '../../src/core/parser';

const SV = `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-04-16
sekreterare: Sofia Karlsson
ordförande: Karin Lindqvist
justerare: Amir Haddad
---

## § 1 Dagordning

> [!beslut]
> Dagordningen godkänns.

## § 2 Budget

Text.

## Justering

- Vid protokollet: Sofia Karlsson [signerat:: 2024-04-18]
- Ordförande: Karin Lindqvist
- Justerare: Amir Haddad
`;

describe('buildExtract', () => {
  it('builds a Swedish protokollsutdrag from the justering section', () => {
    const doc = parseMinutes(SV);
    assert.equal(
      buildExtract(doc, doc.items[0]!),
      [
        'Kommunstyrelsens arbetsutskott',
        'Utdrag ur protokoll',
        'Sammanträdesdatum: 2024-04-16',
        '',
        '## § 1 Dagordning',
        '',
        '> [!beslut]',
        '> Dagordningen godkänns.',
        '',
        'Justering:',
        '- Vid protokollet: Sofia Karlsson (signerat 2024-04-18)',
        '- Ordförande: Karin Lindqvist',
        '- Justerare: Amir Haddad',
        '',
        'Utdragsbestyrkande: ________________',
        '',
      ].join('\n'),
    );
  });

  it('takes the signers from the front matter when there is no justering section, in English', () => {
    const text = `---
type: minutes
body: Board of Directors
date: 2024-03-12
chair: Jane Doe
secretary: John Roe
approvers: [Ann Poe]
---

## 1. Budget

> [!decision]
> The budget is adopted.
`;
    const doc = parseMinutes(text);
    const out = buildExtract(doc, doc.items[0]!);
    assert.ok(out.startsWith('Board of Directors\nExtract from minutes\nMeeting date: 2024-03-12\n\n## 1. Budget\n'));
    assert.ok(out.includes('Signatures:\n- Recorded by: John Roe\n- Chair: Jane Doe\n- Approved by: Ann Poe\n'));
    assert.ok(out.endsWith('Certified true extract: ________________\n'));
  });

  it('keeps CRLF line breaks and honours a language override', () => {
    const doc = parseMinutes(SV.replace(/\n/g, '\r\n'));
    const out = buildExtract(doc, doc.items[1]!, { language: 'en' });
    assert.ok(out.startsWith('Kommunstyrelsens arbetsutskott\r\nExtract from minutes\r\nMeeting date: 2024-04-16\r\n\r\n## § 2 Budget\r\n\r\nText.\r\n'));
    assert.ok(!/[^\r]\n/.test(out));
  });
});

describe('itemAt', () => {
  it('finds the item under an offset; a heading start belongs to its own item', () => {
    const doc = parseMinutes(SV);
    assert.equal(itemAt(doc, SV.indexOf('Dagordningen'))?.number, 1);
    assert.equal(itemAt(doc, SV.indexOf('## § 2'))?.number, 2);
    assert.equal(itemAt(doc, SV.indexOf('Text.'))?.number, 2);
    assert.equal(itemAt(doc, SV.indexOf('- Ordförande')), undefined);
    assert.equal(itemAt(doc, 0), undefined);
  });
});
